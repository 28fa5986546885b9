using Integritas.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The year's SAKIP evaluations for staff: the regency and each OPD with status, score and grade; evaluators start a
/// sheet here. Operators see only their own OPDs' finalised results.
/// </summary>
public sealed class LkeListModel(IntegritasDbContext db, LkeEvaluations evaluations) : PageModel
{
    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    public List<int> Years { get; private set; } = [];

    public List<LkeEvaluations.Row> Rows { get; private set; } = [];

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public bool MayScore => LkeEvaluations.MayScore(Access);

    private string Actor => User.Identity?.Name ?? "?";

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

    /// <summary>Starts (or opens) the evaluation of an OPD, or of the regency when no OPD is given, and goes to its sheet.</summary>
    public async Task<IActionResult> OnPostStartAsync(int? opdId, int year, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        var started = await evaluations.StartAsync(Access, opdId, year, Actor, ct);
        if (started.Value is { } evaluation)
        {
            return Redirect($"/admin/kinerja/evaluasi/{evaluation.Id}");
        }

        Errors = started.Errors;
        Year = year;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var thisYear = evaluations.ThisYear;
        Years = [.. Enumerable.Range(thisYear - 5, 6).Reverse()];
        if (Year is not { } y || y < 2000 || y > thisYear)
        {
            // An evaluation looks back: by default the year just ended.
            Year = thisYear - 1;
        }

        if (!Years.Contains(Year.Value))
        {
            Years.Add(Year.Value);
        }

        Rows = await evaluations.ListAsync(Access, Year.Value, ct);
    }
}
