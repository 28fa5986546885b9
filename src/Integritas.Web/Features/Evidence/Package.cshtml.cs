using System.Security.Claims;
using System.Text.Json;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>A package's public page: site, milestones, and the evidence timeline with flags, map and proofs.</summary>
public sealed class PackageModel(IntegritasDbContext db, EvidenceIntegrity integrity, IAuthorizationService authorization, TimeProvider time, Ui ui) : PageModel
{
    public ConstructionPackage Package { get; private set; } = null!;

    public List<PackageMilestone> Milestones { get; private set; } = [];

    public List<EvidenceItem> Items { get; private set; } = [];

    public Dictionary<long, IntegrityStatus> Integrity { get; private set; } = [];

    public bool CanUpload { get; private set; }

    public bool CanReview { get; private set; }

    /// <summary>Administrators, and operators of the package's OPD.</summary>
    public bool CanManage { get; private set; }

    public bool CanSeeInvoices { get; private set; }

    public int BrokenCount => Integrity.Values.Count(s => s.State == IntegrityState.Broken);

    /// <summary>The map's data for the script: the site, its geofence and one pin per item.</summary>
    public string MapJson { get; private set; } = "{}";

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public sealed class ReviewInput
    {
        public long ItemId { get; set; }

        public EvidenceReview Decision { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(string code, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Verifier))
        {
            return Forbid();
        }

        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var item = await db.EvidenceItems.SingleOrDefaultAsync(i => i.Id == Review.ItemId && i.PackageId == Package.Id, ct);
        if (item is null)
        {
            Errors["review-decision"] = [ui.T("Bukti tidak ditemukan di paket ini.", "No such evidence in this package.")];
        }

        if (Review.Decision is not (EvidenceReview.Accepted or EvidenceReview.Rejected))
        {
            Errors["review-decision"] = [ui.T("Pilih terima atau tolak.", "Choose accept or reject.")];
        }
        else if (Review.Decision == EvidenceReview.Rejected && string.IsNullOrWhiteSpace(Review.Note))
        {
            Errors["review-note"] = [ui.T("Tulis alasan penolakan.", "Give the reason for rejecting.")];
        }

        if (Review.Note?.Length > 1000)
        {
            Errors["review-note"] = [ui.T("Catatan paling panjang 1.000 karakter.", "The note may be at most 1,000 characters.")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        item!.Review = Review.Decision;
        item.ReviewNote = string.IsNullOrWhiteSpace(Review.Note) ? null : Review.Note.Trim();
        item.ReviewedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        item.ReviewedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "review";
        return Redirect($"/paket/{Uri.EscapeDataString(Package.Code)}#bukti-{item.Id}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var package = await db.ConstructionPackages.AsNoTracking().Include(p => p.Opd).Include(p => p.Region)
            .SingleOrDefaultAsync(p => p.Code == code, ct);
        if (package is null)
        {
            return false;
        }

        Package = package;
        Milestones = await db.PackageMilestones.AsNoTracking().Where(m => m.PackageId == package.Id).OrderBy(m => m.Sequence).ToListAsync(ct);
        Items = await db.EvidenceItems.AsNoTracking().Where(i => i.PackageId == package.Id)
            .OrderBy(i => i.CapturedAtUtc).ThenBy(i => i.Id).ToListAsync(ct);
        var sequences = Milestones.ToDictionary(m => m.Id, m => m.Sequence);
        Integrity = await integrity.CheckAsync([.. Items.Select(i => new EvidenceIntegrity.Subject(i, package.Code, sequences[i.MilestoneId]))], ct);

        CanUpload = await EvidenceFiles.IsContractorOfAsync(User, db, package.Id, ct);
        CanReview = User.IsInRole(Roles.Verifier);
        CanManage = (await authorization.AuthorizeAsync(User, package.OpdId, Account.Policies.EditOpd)).Succeeded;
        CanSeeInvoices = CanUpload || CanManage || await EvidenceFiles.MaySeeInvoicesAsync(User, db, authorization, package.Id, package.OpdId, ct);

        MapJson = JsonSerializer.Serialize(new
        {
            site = new { lat = package.SiteLatitude, lon = package.SiteLongitude, radius = package.GeofenceRadiusMeters, name = package.Name },
            pins = Items.Select(i => new { id = i.Id, lat = i.Latitude, lon = i.Longitude, flagged = i.Flags != Core.Evidence.EvidenceFlags.None }),
        });
        return true;
    }

    public string MilestoneName(int milestoneId) => Milestones.FirstOrDefault(m => m.Id == milestoneId)?.Name ?? "";

    public int EvidenceCount(int milestoneId) => Items.Count(i => i.MilestoneId == milestoneId);

    /// <summary>Review form errors by input id, for the item <see cref="ReviewInput.ItemId"/>.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];
}
