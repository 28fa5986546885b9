using Integritas.Data;
using Integritas.Data.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>A published quarterly report as a readable page: figures, the OPD's narrative, budget, timeline, file and log entry.</summary>
public sealed class QuarterReportPageModel(IntegritasDbContext db, Scorecards scorecards) : PageModel
{
    public QuarterReport Report { get; private set; } = null!;

    public OpdScorecard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var report = await db.QuarterReports.AsNoTracking().Include(r => r.Opd).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportStatus.Published, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Card = await scorecards.ForAsync(report.Opd!, report.Year, publishedOnly: true, ct);
        return Page();
    }

    public IndicatorRealisation? RowOf(long indicatorId, ReportPeriod period) => Card.Realisations.GetValueOrDefault((indicatorId, period));

    /// <summary>The stored published file, byte for byte as its hash in the transparency log.</summary>
    public static async Task<IResult> CsvAsync(long id, IntegritasDbContext db, CancellationToken ct)
    {
        var report = await db.QuarterReports.AsNoTracking().Where(r => r.Id == id && r.Status == ReportStatus.Published)
            .Select(r => new { r.PublishedCsv, r.Year, r.Quarter, r.Opd!.Code }).SingleOrDefaultAsync(ct);
        return report?.PublishedCsv is null
            ? Results.NotFound()
            : Results.File(System.Text.Encoding.UTF8.GetBytes(report.PublishedCsv), "text/csv; charset=utf-8", $"kinerja-{report.Code}-{report.Year}-tw{report.Quarter}.csv");
    }
}
