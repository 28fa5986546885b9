using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Staff workspace for quarterly reports: operators see their OPDs' quarters (status, due date, late) and open a
/// quarter to fill it in; verifiers see the queue of submitted and verified reports and which OPDs have not reported;
/// administrators, leadership and auditors see everything, read-only except administrators' plan changes.
/// </summary>
public sealed class WorkspaceModel(IntegritasDbContext db, Reporting reporting, Overview overview, IOptions<PerformanceOptions> performance) : PageModel
{
    public sealed record QuarterCell(int Quarter, DateOnly Due, QuarterReport? Report);

    public sealed record OpdYear(int OpdId, string Name, List<QuarterCell> Quarters);

    public sealed record QueueRow(long Id, string Opd, int Year, int Quarter, ReportStatus Status, DateTimeOffset? SubmittedAtUtc, bool IsLate);

    public sealed record MissingRow(int OpdId, string Opd, int Quarter, DateOnly Due);

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    /// <summary>For administrators: the OPD whose quarters to show.</summary>
    [FromQuery(Name = "opd")]
    public int? OpdId { get; set; }

    public List<(int Id, string Name)> AllOpds { get; private set; } = [];

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public DateOnly Today => overview.Today;

    public List<OpdYear> Mine { get; private set; } = [];

    public List<QueueRow> Queue { get; private set; } = [];

    public List<MissingRow> Missing { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

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

    /// <summary>Opens (creating if needed) an OPD's report for a quarter and goes to its form.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int opdId, int year, int quarter, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        var opened = await reporting.OpenAsync(Access, opdId, year, quarter, Actor, ct);
        if (opened.Value is { } report)
        {
            return Redirect($"/admin/kinerja/laporan/{report.Id}");
        }

        if (!Access.IsStaff)
        {
            return Forbid();
        }

        Errors = opened.Errors;
        Year = year;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        (Years, var chosenYear) = await overview.ChooseYearAsync(Year, ct);
        Year = chosenYear;

        var year = Year.Value;
        var options = performance.Value;
        if (Access.IsAdmin)
        {
            AllOpds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).ToListAsync(ct);
        }

        var opdIds = Access.IsAdmin && OpdId is { } chosen ? [chosen] : Access.OperatorOpds.ToList();
        var opds = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var reports = await db.QuarterReports.AsNoTracking().Where(r => opdIds.Contains(r.OpdId) && r.Year == year).ToListAsync(ct);
        Mine = [.. opds.Select(o => new OpdYear(o.Id, o.Name, [.. Enumerable.Range(1, 4).Select(q =>
            new QuarterCell(q, options.DueDate(year, q), reports.SingleOrDefault(r => r.OpdId == o.Id && r.Quarter == q)))]))];

        if (Access.IsVerifier || Access.IsAdmin || Access.ReadsAll)
        {
            // At most one open report per OPD and quarter waits here, so the queue is small; ordered in memory (SQLite
            // cannot order by a DateTimeOffset): waiting for verification first, oldest submission first.
            Queue = [.. (await db.QuarterReports.AsNoTracking()
                    .Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Verified)
                    .Select(r => new QueueRow(r.Id, r.Opd!.Name, r.Year, r.Quarter, r.Status, r.SubmittedAtUtc, r.IsLate))
                    .ToListAsync(ct))
                .OrderBy(r => r.Status).ThenBy(r => r.SubmittedAtUtc)];

            // Quarters of the year already past their due date with no submission, per OPD of the home regency's plans.
            var planned = await overview.PlannedOpdsAsync(year, ct);
            var submitted = (await db.QuarterReports.AsNoTracking().Where(r => r.Year == year && r.SubmittedAtUtc != null)
                .Select(r => new { r.OpdId, r.Quarter }).ToListAsync(ct)).ToHashSet();
            Missing = [.. planned.SelectMany(p => Enumerable.Range(1, 4)
                    .Where(q => options.DueDate(year, q) < today && !submitted.Contains(new { OpdId = p.Key, Quarter = q }))
                    .Select(q => new MissingRow(p.Key, p.Value, q, options.DueDate(year, q))))
                .OrderBy(m => m.Quarter).ThenBy(m => m.Opd, StringComparer.Ordinal)];
        }
    }
}
