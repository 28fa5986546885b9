using System.Globalization;
using System.Security.Claims;
using Integritas.Core.Evidence;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>A contractor uploads a photo, video or PDF of a milestone, with the invoice.</summary>
public sealed class UploadModel(IntegritasDbContext db, EvidenceService evidence, Ui ui) : PageModel
{
    public ConstructionPackage Package { get; private set; } = null!;

    public List<PackageMilestone> Milestones { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public int MilestoneId { get; set; }

    [BindProperty]
    public IFormFile? Media { get; set; }

    [BindProperty]
    public IFormFile? Invoice { get; set; }

    /// <summary>WIB, as a datetime-local input sends it: <c>2026-03-04T09:15</c>.</summary>
    [BindProperty]
    public string? CapturedAt { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public string? Caption { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await AuthorizeAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await AuthorizeAsync(code, ct) is { } denied)
        {
            return denied;
        }

        DateTimeOffset? capturedAt = null;
        if (!string.IsNullOrWhiteSpace(CapturedAt))
        {
            if (DateTime.TryParseExact(CapturedAt.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                capturedAt = new DateTimeOffset(local, Wib.Offset);
            }
            else
            {
                Errors[EvidenceService.CapturedAtField] = [ui.T("Tulis waktu seperti 2026-03-04 09:15 (WIB).", "Write the time like 2026-03-04 09:15 (WIB).")];
            }
        }

        var latitude = GeoPoint.ParseDegrees(Latitude);
        var longitude = GeoPoint.ParseDegrees(Longitude);
        if ((Latitude is { Length: > 0 } && latitude is null) || (Longitude is { Length: > 0 } && longitude is null))
        {
            Errors[EvidenceService.LocationField] = [ui.T("Tulis lintang dan bujur sebagai angka desimal, mis. 3.7394 dan 98.4522.", "Write latitude and longitude as decimal numbers, e.g. 3.7394 and 98.4522.")];
        }

        if (Caption?.Length > 500)
        {
            Errors["Caption"] = [ui.T("Keterangan paling panjang 500 karakter.", "The caption may be at most 500 characters.")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var media = await UploadStreams.SeekableOrNullAsync(Media, ct);
        await using var invoice = await UploadStreams.SeekableOrNullAsync(Invoice, ct);
        var result = await evidence.UploadAsync(new EvidenceUpload(
            Package.Id,
            MilestoneId,
            media is null ? null : new UploadFile(media, Media!.Length),
            invoice is null ? null : new UploadFile(invoice, Invoice!.Length),
            capturedAt,
            latitude,
            longitude,
            Caption,
            Roles.Contractor,
            User.FindFirstValue(ClaimTypes.NameIdentifier)), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = "uploaded";
        return Redirect($"/paket/{Uri.EscapeDataString(Package.Code)}#bukti-{result.Item!.Id}");
    }

    private async Task<IActionResult?> AuthorizeAsync(string code, CancellationToken ct)
    {
        var package = await db.ConstructionPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (package is null)
        {
            return NotFound();
        }

        Package = package;
        if (!await EvidenceFiles.IsContractorOfAsync(User, db, package.Id, ct))
        {
            return Forbid();
        }

        Milestones = await db.PackageMilestones.AsNoTracking().Where(m => m.PackageId == package.Id).OrderBy(m => m.Sequence).ToListAsync(ct);
        return null;
    }
}
