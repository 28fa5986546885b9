using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Staff page for an OPD's yearly Perjanjian Kinerja: who signs it (and whether they have an account to sign with),
/// whether the plan can give a document yet, the stored revisions and how each stands, and the button that stores
/// the plan's current document as a new revision.
/// </summary>
public sealed class AgreementAdminModel(IntegritasDbContext db, Agreements agreements, Overview overview, Ui ui) : PageModel
{
    [FromQuery(Name = "opd")]
    public int? OpdId { get; set; }

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public Agreements.Signatory? First { get; private set; }

    public Agreements.Signatory? Second { get; private set; }

    /// <summary>Why the plan cannot give a document now (empty when it can).</summary>
    public List<string> Blockers { get; private set; } = [];

    public List<Agreements.Standing> Revisions { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (OpdId is not { } opd || Year is not { } year)
        {
            return BadRequest();
        }

        var made = await agreements.GenerateAsync(Access, opd, year, User.Identity?.Name ?? "?", ct);
        if (made.Value is { } agreement)
        {
            TempData["Message"] = ui.T($"Revisi {agreement.Revision} disusun. Kepala OPD dan kepala daerah kini dapat menandatanganinya.",
                $"Revision {agreement.Revision} prepared. The agency head and the regional head can now sign it.");
            return Redirect($"/kinerja/pk/{agreement.Id}");
        }

        if (!Access.IsStaff)
        {
            return Forbid();
        }

        Errors = made.Errors;
        Response.StatusCode = Access.MayWrite(opd) ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status403Forbidden;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Years, var chosenYear) = await overview.ChooseYearAsync(Year, ct);
        Year = chosenYear;

        var visible = Access.IsAdmin || Access.IsVerifier || Access.ReadsAll
            ? db.Opds.AsNoTracking().Where(o => o.IsActive)
            : db.Opds.AsNoTracking().Where(o => Access.OperatorOpds.Contains(o.Id));
        Opds = [.. (await visible.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
        if (OpdId is not { } opd || Opds.All(o => o.Id != opd))
        {
            OpdId = Opds.Count == 1 ? Opds[0].Id : null;
        }

        if (OpdId is not { } chosen)
        {
            return;
        }

        (First, Second) = await agreements.PartiesAsync(chosen, ct);
        var draft = await agreements.DraftAsync(chosen, Year.Value, 0, ct);
        Blockers = [.. draft.Errors.Values.SelectMany(v => v)];
        foreach (var revision in await agreements.RevisionsAsync(chosen, Year.Value, ct))
        {
            Revisions.Add(await agreements.StandingAsync(revision, draft, ct));
        }
    }
}
