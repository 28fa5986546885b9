using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// An OPD's public performance page: its key indicators (target, realisation, capaian, trend over quarters and years),
/// every indicator of a quarter in plan order with the means of each element, budget absorption, and the year's
/// published quarterly reports with their files and transparency-log entries. Published figures only.
/// </summary>
public sealed class OpdPerformanceModel(IntegritasDbContext db, Scorecards scorecards, Overview overview, IOptions<PerformanceOptions> options) : PageModel
{
    public sealed record YearPoint(int Year, ReportPeriod Period, decimal? Target, decimal? Realisation, CapaianResult Capaian);

    public Opd Opd { get; private set; } = null!;

    public OpdScorecard Card { get; private set; } = null!;

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    [FromQuery(Name = "tw")]
    public int? Quarter { get; set; }

    public List<int> Years { get; private set; } = [];

    /// <summary>The quarter shown in the indicator table: the chosen one, else the latest published.</summary>
    public int? ShownQuarter { get; private set; }

    /// <summary>Every published quarter's stored mean capaian and absorption, for the trend (all years).</summary>
    public List<QuarterReport> History { get; private set; } = [];

    /// <summary>IKU capaian by year (the year's own figure), over the plan period.</summary>
    public Dictionary<long, List<YearPoint>> IkuYears { get; private set; } = [];

    public OverviewRow? Row { get; private set; }

    public sealed record AgreementLink(long Id, int Revision, int Signatures);

    /// <summary>The year's latest Perjanjian Kinerja revision, if any (its page checks the signatures).</summary>
    public AgreementLink? Agreement { get; private set; }

    public PerformanceOptions Options => options.Value;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
        {
            return NotFound();
        }

        Opd = opd;
        var thisYear = overview.Today.Year;
        (Years, var chosenYear) = await overview.ChooseYearAsync(Year, ct);
        Year = chosenYear;

        Card = await scorecards.ForAsync(opd, Year.Value, publishedOnly: true, ct);
        ShownQuarter = Quarter is >= 1 and <= 4 && Card.Reports.ContainsKey(Quarter.Value) ? Quarter : Card.LatestQuarter;
        // Only the trend's figures: the stored files (several kB each, five years of them) are not shown here.
        History = await db.QuarterReports.AsNoTracking().Where(r => r.OpdId == id && r.Status == ReportStatus.Published)
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter)
            .Select(r => new QuarterReport { Id = r.Id, OpdId = r.OpdId, Year = r.Year, Quarter = r.Quarter, Status = r.Status, CapaianMean = r.CapaianMean, Pagu = r.Pagu, Spent = r.Spent })
            .ToListAsync(ct);
        Row = (await overview.ForAsync(opd.RegionId, Year.Value, ct, opdId: id)).SingleOrDefault();
        var year = Year.Value;
        Agreement = await db.PerformanceAgreements.AsNoTracking().Where(a => a.OpdId == id && a.Year == year).OrderByDescending(a => a.Revision)
            .Select(a => new AgreementLink(a.Id, a.Revision, a.Signatures.Count)).FirstOrDefaultAsync(ct);

        // The key indicators' yearly figures over the plan period: their targets and the published annual realisations.
        var iku = Card.Indicators.Where(i => i.IsIku).ToList();
        var ikuIds = iku.Select(i => i.Id).ToList();
        if (Card.Period is { } period && ikuIds.Count > 0)
        {
            var targets = await db.IndicatorTargets.AsNoTracking().Where(t => ikuIds.Contains(t.IndicatorId) && t.Period == ReportPeriod.Year).ToListAsync(ct);
            var realised = await db.IndicatorRealisations.AsNoTracking()
                .Where(r => ikuIds.Contains(r.IndicatorId) && r.Period == ReportPeriod.Year && r.Report!.Status == ReportStatus.Published)
                .Select(r => new { r.IndicatorId, r.Report!.Year, r.Value }).ToListAsync(ct);
            foreach (var indicator in iku)
            {
                IkuYears[indicator.Id] = [.. Enumerable.Range(period.StartYear, period.EndYear - period.StartYear + 1).Where(year => year <= thisYear).Select(year =>
                {
                    var target = targets.SingleOrDefault(t => t.IndicatorId == indicator.Id && t.Year == year);
                    var value = realised.SingleOrDefault(r => r.IndicatorId == indicator.Id && r.Year == year)?.Value;
                    return new YearPoint(year, ReportPeriod.Year, target?.Value, value, Scorecards.Compute(indicator, target, value));
                })];
            }
        }

        return Page();
    }

    public string ChartJson => System.Text.Json.JsonSerializer.Serialize(new
    {
        labels = History.Select(r => $"{r.Year} TW{r.Quarter}"),
        capaian = History.Select(r => r.CapaianMean is { } c ? Math.Round(c, 2) : (decimal?)null),
        absorption = History.Select(r => Scorecards.AbsorptionOf(r).Rounded()),
    });
}
