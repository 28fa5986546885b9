using System.Security.Claims;
using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Procurement;
using Integritas.Web.Features.Budget;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement;

/// <summary>
/// A package's public procurement page: facts, stage timeline, bids, award and contract, and the integrity pact with
/// every signature checked on each view. The pact's signers (commitment officer, witnesses, bidders) sign here.
/// </summary>
public sealed class PackageModel(IntegritasDbContext db, BudgetPortal portal, IntegrityPacts pacts, ProcurementService procurement, IOptions<ProcurementOptions> options, Ui ui) : PageModel
{
    public sealed record BidRow(long Id, string VendorCode, string VendorName, decimal Amount, decimal? PercentOfHps, DateTime SubmittedAtUtc,
        BidStatus Status, string? Reason, bool NeedsLargerGuarantee, bool Late, bool Winner);

    public ConstructionPackage Package { get; private set; } = null!;

    public List<PackageStageEvent> History { get; private set; } = [];

    public List<BidRow> Bids { get; private set; } = [];

    /// <summary>The SP2D payments made on the package's contract, oldest first.</summary>
    public List<PaymentRow> Payments { get; private set; } = [];

    public decimal Paid => Payments.Sum(p => p.Amount);

    public IntegrityPacts.Standing? Pact { get; private set; }

    public bool PactRequired { get; private set; }

    public decimal Threshold => options.Value.IntegrityPactThreshold;

    public IntegrityPacts.Signer? MySigner { get; private set; }

    public bool HasKey { get; private set; }

    public bool MayManage { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? PassphraseRepeat { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostSignAsync(string code, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var id = await db.ConstructionPackages.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return NotFound();
        }

        var signed = await pacts.SignAsync(User, id.Value, Passphrase, PassphraseRepeat, ct);
        if (!signed.Succeeded)
        {
            Errors = signed.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(code, ct) ?? Page();
        }

        TempData["Message"] = ui.T("Pakta integritas ditandatangani dan tercatat.", "Integrity pact signed and recorded.");
        return Redirect($"/pengadaan/{Uri.EscapeDataString(code)}#pakta");
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var package = await db.ConstructionPackages.AsNoTracking().Include(p => p.Opd).Include(p => p.Region).Include(p => p.SupplierVendor)
            .SingleOrDefaultAsync(p => p.Code == code, ct);
        if (package is null)
        {
            return NotFound();
        }

        Package = package;
        History = await db.PackageStageEvents.AsNoTracking().Where(e => e.PackageId == package.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var bids = await db.Bids.AsNoTracking().Include(b => b.Vendor).Where(b => b.PackageId == package.Id).OrderBy(b => b.Amount).ToListAsync(ct);
        Bids = [.. bids.Select(b => new BidRow(b.Id, b.Vendor!.Code, b.Vendor.Name, b.Amount, ProcurementRules.AssessBid(package.Category, package.Hps, b.Amount).PercentOfHps,
            b.SubmittedAtUtc, b.Status, b.DisqualificationReason, b.NeedsLargerGuarantee, package.TenderEndUtc is { } end && b.SubmittedAtUtc > end, package.AwardedBidId == b.Id))];
        Payments = await portal.Rows(db.Payments.AsNoTracking().Where(p => p.PackageId == package.Id)).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        PactRequired = ProcurementRules.PactRequired(package.Hps, package.Pagu, Threshold);
        if (await pacts.LatestAsync(package.Id, ct) is { } pact)
        {
            Pact = await pacts.StandingAsync(pact, package, ct);
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            MayManage = await procurement.MayManageAsync(User, package.OpdId, ct);
            if (Pact is { Intact: true, Current: true } && package.Stage is ProcurementStage.Planned or ProcurementStage.TenderOpen
                && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                var signer = await pacts.SignerAsync(User, package, ct);
                var taken = signer is not null && Pact.Signatures.Any(s => s.Signature.UserId == userId
                    || (signer.Role == PactRole.CommitmentOfficer && s.Signature.Role == PactRole.CommitmentOfficer)
                    || (signer.VendorId is not null && s.Signature.VendorId == signer.VendorId));
                MySigner = taken ? null : signer;
                HasKey = MySigner is not null && await db.SigningKeys.AnyAsync(k => k.UserId == userId && k.RevokedAtUtc == null, ct);
            }
        }

        return null;
    }

    /// <summary>The package's latest pact document, byte for byte as hashed and signed.</summary>
    public static async Task<IResult> PactJsonAsync(string code, IntegritasDbContext db, CancellationToken ct)
    {
        var pact = await db.IntegrityPacts.AsNoTracking().Where(p => p.Package!.Code == code).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Document, p.Revision }).FirstOrDefaultAsync(ct);
        return pact is null ? Results.NotFound() : Results.File(pact.Document, "application/json", $"pakta-integritas-{code}-r{pact.Revision}.json");
    }

    /// <summary>The signatures on the package's latest pact, with the public keys: enough to check each with the document alone.</summary>
    public static async Task<IResult> PactSignaturesJsonAsync(string code, IntegritasDbContext db, CancellationToken ct)
    {
        var pact = await db.IntegrityPacts.AsNoTracking().Where(p => p.Package!.Code == code).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Id, p.Revision, p.Sha256 }).FirstOrDefaultAsync(ct);
        if (pact is null)
        {
            return Results.NotFound();
        }

        var signatures = await db.PactSignatures.AsNoTracking().Where(s => s.PactId == pact.Id).OrderBy(s => s.SignedAtUtc).ThenBy(s => s.Id)
            .Select(s => new { s.Role, s.SignerName, s.Organisation, VendorCode = s.Vendor != null ? s.Vendor.Code : null, s.SigningKey!.PublicKey, s.Signature, s.Sha256, s.SignedAtUtc, s.LedgerIndex })
            .ToListAsync(ct);
        return Results.Json(new
        {
            schema = PactDocument.Schema,
            package = code,
            revision = pact.Revision,
            document_sha256 = pact.Sha256,
            signing_message = System.Text.Encoding.UTF8.GetString(PactDocument.SigningMessage(pact.Sha256)),
            signatures = signatures.Select(s => new
            {
                role = ProcurementTerms.Key(s.Role),
                signer = s.SignerName,
                organisation = s.Organisation,
                vendor = s.VendorCode,
                public_key_ed25519 = Convert.ToBase64String(s.PublicKey),
                signature = Convert.ToBase64String(s.Signature),
                signed_sha256 = s.Sha256,
                signed_at = new DateTimeOffset(DateTime.SpecifyKind(s.SignedAtUtc, DateTimeKind.Utc)),
                ledger_index = s.LedgerIndex,
            }),
        });
    }
}
