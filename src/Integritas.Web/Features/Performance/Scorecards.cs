using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// An OPD's performance for one year as the rules compute it (issue 5 item 4): per indicator and period the target,
/// the realisation and the capaian; per plan element and for the OPD the mean capaian of the indicators under it
/// (plain average of the computable capaian, capped first only when a scoring cap is set); budget absorption per
/// quarter. Built from either published reports only (the public) or every report (the OPD and its verifiers).
/// </summary>
public sealed class OpdScorecard
{
    public required Opd Opd { get; init; }

    public required int Year { get; init; }

    public PlanPeriod? Period { get; init; }

    /// <summary>Plan elements in tree order (parents before children, by sort order and code).</summary>
    public required IReadOnlyList<PlanNode> Nodes { get; init; }

    /// <summary>Indicators in the order of <see cref="Nodes"/>, then their own order.</summary>
    public required IReadOnlyList<Indicator> Indicators { get; init; }

    public required IReadOnlyDictionary<(long Indicator, ReportPeriod Period), IndicatorTarget> Targets { get; init; }

    public required IReadOnlyDictionary<(long Indicator, ReportPeriod Period), IndicatorRealisation> Realisations { get; init; }

    /// <summary>The year's reports by quarter (1–4) that this scorecard may show.</summary>
    public required IReadOnlyDictionary<int, QuarterReport> Reports { get; init; }

    /// <summary>Pagu per sub kegiatan for the year.</summary>
    public required IReadOnlyDictionary<long, decimal> Pagu { get; init; }

    /// <summary>Budget realisation (year so far) per quarter and sub kegiatan.</summary>
    public required IReadOnlyDictionary<(int Quarter, long Node), decimal> Spent { get; init; }

    public decimal? Cap { get; init; }

    public IndicatorTarget? TargetOf(long indicatorId, ReportPeriod period) => Targets.GetValueOrDefault((indicatorId, period));

    public decimal? RealisationOf(long indicatorId, ReportPeriod period) => Realisations.GetValueOrDefault((indicatorId, period))?.Value;

    public CapaianResult CapaianOf(Indicator indicator, ReportPeriod period) =>
        Scorecards.Compute(indicator, TargetOf(indicator.Id, period), RealisationOf(indicator.Id, period));

    /// <summary>The indicators of a plan element and of everything below it (all of the OPD's for null).</summary>
    public IEnumerable<Indicator> IndicatorsUnder(long? nodeId)
    {
        if (nodeId is null)
        {
            return Indicators;
        }

        var below = new HashSet<long> { nodeId.Value };
        foreach (var node in Nodes)
        {
            if (node.ParentId is { } p && below.Contains(p))
            {
                below.Add(node.Id);
            }
        }

        return Indicators.Where(i => below.Contains(i.PlanNodeId));
    }

    /// <summary>Mean capaian under a plan element (or the OPD), optionally of IKU only.</summary>
    public (CapaianResult Mean, int Counted, int Left) MeanOf(long? nodeId, ReportPeriod period, bool ikuOnly = false) =>
        Capaian.Mean(IndicatorsUnder(nodeId).Where(i => !ikuOnly || i.IsIku).Select(i => CapaianOf(i, period)), Cap);

    public decimal TotalPagu => Pagu.Values.Sum();

    public decimal SpentBy(int quarter) => Spent.Where(s => s.Key.Quarter == quarter).Sum(s => s.Value);

    /// <summary>Absorption as of a quarter's report; not computable before that report exists.</summary>
    public CapaianResult AbsorptionBy(int quarter) => Reports.ContainsKey(quarter)
        ? Capaian.Absorption(TotalPagu, SpentBy(quarter))
        : CapaianResult.NotAvailable(Capaian.NoRealisation);

    /// <summary>
    /// Physical progress of a sub kegiatan by a quarter (realisasi fisik): the mean, over its output indicators, of the
    /// output realised so far against the year's target — a cumulative indicator's value at that quarter, a per-quarter
    /// indicator's quarters added up — by the same capaian rules. It is what the year's spending is compared with.
    /// </summary>
    public CapaianResult ProgressOf(long subKegiatanId, int quarter)
    {
        var results = Indicators.Where(i => i.PlanNodeId == subKegiatanId && i.Kind == IndicatorKind.Output).Select(i =>
        {
            var toDate = i.QuarterMode == QuarterMode.Cumulative
                ? RealisationOf(i.Id, (ReportPeriod)quarter)
                : Enumerable.Range(1, quarter).Select(q => RealisationOf(i.Id, (ReportPeriod)q)).OfType<decimal>().ToList() is { Count: > 0 } values ? values.Sum() : null;
            return Reports.ContainsKey(quarter) ? Scorecards.Compute(i, TargetOf(i.Id, ReportPeriod.Year), toDate) : CapaianResult.NotAvailable(Capaian.NoRealisation);
        }).ToList();
        return results.Count == 0
            ? CapaianResult.NotAvailable("Tidak ada indikator keluaran / No output indicator")
            : Capaian.Mean(results, Cap).Mean;
    }

    /// <summary>Efficiency of a sub kegiatan by a quarter: its physical progress against its budget absorption (<see cref="Capaian.Efficiency"/>).</summary>
    public CapaianResult EfficiencyOf(long subKegiatanId, int quarter) =>
        Capaian.Efficiency(ProgressOf(subKegiatanId, quarter), Capaian.Absorption(Pagu.GetValueOrDefault(subKegiatanId), Spent.GetValueOrDefault((quarter, subKegiatanId))));

    /// <summary>The latest quarter with a report in this scorecard, or null.</summary>
    public int? LatestQuarter => Reports.Count == 0 ? null : Reports.Keys.Max();
}

/// <summary>Builds <see cref="OpdScorecard"/>s from the database.</summary>
public sealed class Scorecards(IntegritasDbContext db, IOptions<PerformanceOptions> options)
{
    public const string NoTarget = "Tidak ada target untuk periode ini / No target for this period";

    /// <summary>The capaian of one indicator for one period by the official rules.</summary>
    public static CapaianResult Compute(Indicator indicator, IndicatorTarget? target, decimal? realisation)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (target is null)
        {
            return CapaianResult.NotAvailable(NoTarget);
        }

        var rule = indicator.Polarity == Polarity.Range
            ? Target.Between(target.Value, target.Max ?? target.Value, indicator.RangeDirection)
            : new Target(indicator.Polarity, target.Value);
        return Capaian.Of(rule, realisation);
    }

    /// <summary>The plan period covering a year, if any.</summary>
    public Task<PlanPeriod?> PeriodForAsync(int year, CancellationToken ct) => PeriodForAsync(db, year, ct);

    /// <summary>The plan period covering a year, if any (the latest-starting one, should two overlap).</summary>
    public static Task<PlanPeriod?> PeriodForAsync(IntegritasDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PlanPeriods.AsNoTracking().Where(p => p.StartYear <= year && p.EndYear >= year).OrderByDescending(p => p.StartYear).FirstOrDefaultAsync(ct);
    }

    /// <summary>A published report's budget absorption, from the figures stored with it.</summary>
    public static CapaianResult AbsorptionOf(QuarterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Capaian.Absorption(report.Pagu ?? 0, report.Spent ?? 0);
    }

    /// <param name="publishedOnly">True for the public: only published reports' figures.</param>
    public async Task<OpdScorecard> ForAsync(Opd opd, int year, bool publishedOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opd);
        var period = await PeriodForAsync(year, ct);
        var nodes = period is null ? [] : await db.PlanNodes.AsNoTracking()
            .Where(n => n.OpdId == opd.Id && n.PeriodId == period.Id).ToListAsync(ct);
        var ordered = TreeOrder(nodes);
        var nodeIds = ordered.Select(n => n.Id).ToList();
        var position = ordered.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => nodeIds.Contains(i.PlanNodeId)).ToListAsync(ct))
            .OrderBy(i => position[i.PlanNodeId]).ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.Year == year && indicatorIds.Contains(t.IndicatorId)).ToListAsync(ct);
        var reports = await db.QuarterReports.AsNoTracking()
            .Where(r => r.OpdId == opd.Id && r.Year == year && (!publishedOnly || r.Status == ReportStatus.Published)).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var realisations = await db.IndicatorRealisations.AsNoTracking().Where(r => reportIds.Contains(r.QuarterReportId)).ToListAsync(ct);
        var budget = await db.BudgetRealisations.AsNoTracking().Where(b => reportIds.Contains(b.QuarterReportId)).ToListAsync(ct);
        var pagu = await db.BudgetCeilings.AsNoTracking().Where(b => b.Year == year && nodeIds.Contains(b.PlanNodeId)).ToListAsync(ct);
        var quarterOf = reports.ToDictionary(r => r.Id, r => r.Quarter);
        return new OpdScorecard
        {
            Opd = opd,
            Year = year,
            Period = period,
            Nodes = ordered,
            Indicators = indicators,
            Targets = targets.ToDictionary(t => (t.IndicatorId, t.Period)),
            Realisations = realisations.ToDictionary(r => (r.IndicatorId, r.Period)),
            Reports = reports.ToDictionary(r => r.Quarter),
            Pagu = pagu.ToDictionary(b => b.PlanNodeId, b => b.Pagu),
            Spent = budget.ToDictionary(b => (quarterOf[b.QuarterReportId], b.PlanNodeId), b => b.Spent),
            Cap = options.Value.CapaianCap,
        };
    }

    /// <summary>Parents before children; siblings by sort order, then code.</summary>
    public static List<PlanNode> TreeOrder(IReadOnlyCollection<PlanNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentId is { } p && ids.Contains(p) ? p : (long?)null);
        var result = new List<PlanNode>(nodes.Count);
        void Walk(long? parent)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal))
            {
                result.Add(n);
                Walk(n.Id);
            }
        }

        Walk(null);
        return result;
    }
}
