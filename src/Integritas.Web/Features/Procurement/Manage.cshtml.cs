using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Procurement;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement;

/// <summary>
/// The procurement staff's page for one package: move it through the lifecycle, record and disqualify bids, prepare
/// the integrity pact. Administrators for every OPD, OPD operators for their own OPDs only.
/// </summary>
public sealed class ManageModel(IntegritasDbContext db, ProcurementService procurement, IntegrityPacts pacts, IOptions<ProcurementOptions> options, Ui ui) : PageModel
{
    public ConstructionPackage Package { get; private set; } = null!;

    public List<Bid> Bids { get; private set; } = [];

    public IntegrityPacts.Standing? Pact { get; private set; }

    public bool PactRequired { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public StageInput Stage { get; set; } = new();

    [BindProperty]
    public string? VendorCode { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public DateTime? SubmittedAt { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, BindingErrors(), ct);
        }

        var moved = await procurement.MoveAsync(User, id, Stage, ct);
        return moved.Succeeded ? Done(id, ui.T("Tahap paket diperbarui.", "Package stage updated.")) : await RefuseAsync(id, moved.Errors, ct);
    }

    public async Task<IActionResult> OnPostRecordBidAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, BindingErrors(), ct);
        }

        var bid = await procurement.RecordBidAsync(User, id, VendorCode, Amount, SubmittedAt, ct);
        return bid.Succeeded
            ? Done(id, bid.Value!.Status == BidStatus.Disqualified
                ? ui.T("Penawaran dicatat dan gugur: di atas HPS.", "Bid recorded and disqualified: above HPS.")
                : ui.T("Penawaran dicatat.", "Bid recorded."))
            : await RefuseAsync(id, bid.Errors, ct);
    }

    public async Task<IActionResult> OnPostDisqualifyAsync(int id, long bidId, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var result = await procurement.DisqualifyAsync(id, bidId, reason, ct);
        return result.Succeeded ? Done(id, ui.T("Penawaran digugurkan.", "Bid disqualified.")) : await RefuseAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostPreparePactAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var pact = await pacts.PrepareAsync(Package, ct);
        return pact.Succeeded ? Done(id, ui.T("Pakta integritas disiapkan; para pihak dapat menandatanganinya di halaman publik paket.", "Integrity pact prepared; the parties can sign it on the package's public page.")) : await RefuseAsync(id, pact.Errors, ct);
    }

    private Dictionary<string, string[]> BindingErrors() => ModelState.Where(e => e.Value?.Errors.Count > 0)
        .Select(e => e.Key switch
        {
            "Stage.TenderStart" or "Stage.TenderEnd" => "tenderPeriod",
            "Stage.AwardDate" => "awardDate",
            "Stage.ContractDate" => "contractDate",
            "Stage.ContractStart" or "Stage.ContractEnd" => "contractPeriod",
            "Stage.WinningBidId" => "winningBid",
            "Stage.Target" => "stage",
            "SubmittedAt" => "submittedAt",
            _ => e.Key,
        }).Distinct().ToDictionary(k => k, _ => new[] { ui.T("Nilai ini tidak dapat dibaca.", "This value cannot be read.") });

    private RedirectResult Done(int id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/admin/pengadaan/{id}");
    }

    private async Task<IActionResult> RefuseAsync(int id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Errors = errors;
        Response.StatusCode = errors.ContainsKey("stage") || errors.ContainsKey("pact") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var package = await db.ConstructionPackages.AsNoTracking().Include(p => p.Opd).Include(p => p.SupplierVendor).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (package is null)
        {
            return NotFound();
        }

        if (!await procurement.MayManageAsync(User, package.OpdId, ct))
        {
            return Forbid();
        }

        Package = package;
        Bids = await db.Bids.AsNoTracking().Include(b => b.Vendor).Where(b => b.PackageId == id).OrderBy(b => b.Amount).ToListAsync(ct);
        PactRequired = ProcurementRules.PactRequired(package.Hps, package.Pagu, options.Value.IntegrityPactThreshold);
        if (await pacts.LatestAsync(id, ct) is { } pact)
        {
            Pact = await pacts.StandingAsync(pact, package, ct);
        }

        return null;
    }
}
