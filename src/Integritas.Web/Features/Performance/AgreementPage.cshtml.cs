using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// A Perjanjian Kinerja revision as the public reads it: the document, whether it is intact and still matches the plan,
/// each signature checked, and the downloads (the signed JSON document and a PDF). The OPD head and the regional head
/// named in it sign here with their passphrase.
/// </summary>
public sealed class AgreementPageModel(IntegritasDbContext db, Agreements agreements, Ui ui) : PageModel
{
    public Agreements.Standing Standing { get; private set; } = null!;

    public PerformanceAgreement Agreement => Standing.Agreement;

    public List<(long Id, int Revision)> Revisions { get; private set; } = [];

    /// <summary>The party the signed-in user may sign for now, if any.</summary>
    public AgreementSide? MySide { get; private set; }

    public bool HasKey { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? PassphraseRepeat { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken ct)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Challenge();
        }

        var signed = await agreements.SignAsync(userId, id, Passphrase, PassphraseRepeat, ct);
        if (!signed.Succeeded)
        {
            Errors = signed.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ?? Page();
        }

        TempData["Message"] = ui.T("Perjanjian kinerja ditandatangani dan tercatat.", "Performance agreement signed and recorded.");
        return Redirect($"/kinerja/pk/{id}");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var agreement = await db.PerformanceAgreements.AsNoTracking().Include(a => a.Opd).Include(a => a.Signatures)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return NotFound();
        }

        Standing = await agreements.StandingAsync(agreement, ct);
        Revisions = [.. (await db.PerformanceAgreements.AsNoTracking().Where(a => a.OpdId == agreement.OpdId && a.Year == agreement.Year)
            .OrderByDescending(a => a.Revision).Select(a => new { a.Id, a.Revision }).ToListAsync(ct)).Select(a => (a.Id, a.Revision))];
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && Standing.Intact && Standing.Current)
        {
            var (first, second) = await agreements.PartiesAsync(agreement.OpdId, ct);
            MySide = first?.UserId == userId ? AgreementSide.First : second?.UserId == userId ? AgreementSide.Second : null;
            if (MySide is { } side && Standing.Signatures.ContainsKey(side))
            {
                MySide = null;
            }

            HasKey = MySide is not null && await agreements.ActiveKeyAsync(userId, ct) is not null;
        }

        return null;
    }

    /// <summary>The stored document, byte for byte as hashed and signed.</summary>
    public static async Task<IResult> JsonAsync(long id, IntegritasDbContext db, CancellationToken ct)
    {
        var a = await db.PerformanceAgreements.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Document, a.Year, a.Revision, a.Opd!.Code }).SingleOrDefaultAsync(ct);
        return a is null ? Results.NotFound() : Results.File(a.Document, "application/json", $"perjanjian-kinerja-{a.Code}-{a.Year}-r{a.Revision}.json");
    }

    public static async Task<IResult> PdfAsync(long id, HttpRequest request, IntegritasDbContext db, Agreements agreements, Ui ui, CancellationToken ct)
    {
        var agreement = await db.PerformanceAgreements.AsNoTracking().Include(a => a.Opd).Include(a => a.Signatures).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return Results.NotFound();
        }

        var standing = await agreements.StandingAsync(agreement, ct);
        var url = $"{request.Scheme}://{request.Host}/kinerja/pk/{id}";
        return Results.File(AgreementPdf.Render(standing, url, ui), "application/pdf",
            $"perjanjian-kinerja-{agreement.Opd!.Code}-{agreement.Year}-r{agreement.Revision}.pdf");
    }
}
