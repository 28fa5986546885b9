using Integritas.Core.Performance;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

public sealed partial class PlanImport
{
    /// <summary>One example row of a template, for the given OPD code.</summary>
    public static IReadOnlyDictionary<string, string> ExampleRow(PlanImportKind kind, string opdCode, int year) => kind switch
    {
        PlanImportKind.Indicators => new Dictionary<string, string>
        {
            ["opd_code"] = opdCode,
            ["level"] = "sub_kegiatan",
            ["element_code"] = "1.02.02.2.02.0001",
            ["element_name"] = "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
            ["parent_code"] = "1.02.02.2.02",
            ["indicator_code"] = "OUT-1",
            ["indicator_name"] = "Ibu hamil mendapat pelayanan K6",
            ["kind"] = "output",
            ["iku"] = "tidak",
            ["unit"] = "orang",
            ["polarity"] = "higher",
            ["range_direction"] = "",
            ["baseline"] = "1150",
            ["quarter_mode"] = "per_quarter",
            ["formula"] = "Jumlah ibu hamil yang mendapat K6",
            ["data_source"] = "SIMPUS",
        },
        PlanImportKind.Targets => new Dictionary<string, string>
        {
            ["opd_code"] = opdCode,
            ["element_code"] = "",
            ["indicator_code"] = "OUT-1",
            ["year"] = Invariant(year),
            ["period"] = "Q1",
            ["target"] = "300",
            ["target_max"] = "",
        },
        _ => new Dictionary<string, string>
        {
            ["opd_code"] = opdCode,
            ["year"] = Invariant(year),
            ["quarter"] = "1",
            ["element_code"] = "",
            ["indicator_code"] = "OUT-1",
            ["value"] = "312,5",
            ["year_value"] = "",
            ["problems"] = "",
            ["actions"] = "",
            ["sub_kegiatan_code"] = "",
            ["spent"] = "",
        },
    };

    private static string Invariant(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Invariant(decimal? number) => number is { } n ? Figures.Invariant(n) : "";

    /// <summary>An OPD's stored data for a year in template form, so it can be downloaded, edited and imported again.</summary>
    public async Task<List<IReadOnlyDictionary<string, string>>> ExportAsync(PlanImportKind kind, Opd opd, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opd);
        var period = await Scorecards.PeriodForAsync(db, year, ct);
        if (period is null)
        {
            return [];
        }

        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.OpdId == opd.Id && n.PeriodId == period.Id).ToDictionaryAsync(n => n.Id, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanNode!.OpdId == opd.Id && i.PlanNode.PeriodId == period.Id)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        switch (kind)
        {
            case PlanImportKind.Indicators:
                foreach (var node in nodes.Values.OrderBy(n => n.Level).ThenBy(n => n.Code, StringComparer.Ordinal))
                {
                    var element = new Dictionary<string, string>
                    {
                        ["opd_code"] = opd.Code,
                        ["level"] = LevelName(node.Level),
                        ["element_code"] = node.Code,
                        ["element_name"] = node.Name,
                        ["parent_code"] = node.ParentId is { } p && nodes.TryGetValue(p, out var parent) ? parent.Code : "",
                    };
                    var own = indicators.Where(i => i.PlanNodeId == node.Id).ToList();
                    if (own.Count == 0)
                    {
                        rows.Add(element);
                    }

                    rows.AddRange(own.Select(i => new Dictionary<string, string>(element)
                    {
                        ["indicator_code"] = i.Code,
                        ["indicator_name"] = i.Name,
                        ["kind"] = i.Kind == IndicatorKind.Output ? "output" : "outcome",
                        ["iku"] = i.IsIku ? "ya" : "tidak",
                        ["unit"] = i.Unit,
                        ["polarity"] = PolarityName(i.Polarity),
                        ["range_direction"] = i.Polarity == Polarity.Range || i.RangeDirection != Polarity.Higher ? PolarityName(i.RangeDirection) : "",
                        ["baseline"] = Invariant(i.Baseline),
                        ["quarter_mode"] = i.QuarterMode == QuarterMode.Cumulative ? "cumulative" : "per_quarter",
                        ["formula"] = i.Formula ?? "",
                        ["data_source"] = i.DataSource ?? "",
                    }));
                }

                break;
            case PlanImportKind.Targets:
                var ids = indicators.Select(i => i.Id).ToList();
                var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.Year == year && ids.Contains(t.IndicatorId)).ToListAsync(ct);
                foreach (var i in indicators)
                {
                    rows.AddRange(targets.Where(t => t.IndicatorId == i.Id).OrderBy(t => t.Period).Select(t => new Dictionary<string, string>
                    {
                        ["opd_code"] = opd.Code,
                        ["element_code"] = nodes[i.PlanNodeId].Code,
                        ["indicator_code"] = i.Code,
                        ["year"] = Invariant(year),
                        ["period"] = t.Period == ReportPeriod.Year ? "Y" : t.Period.ToString(),
                        ["target"] = Invariant(t.Value),
                        ["target_max"] = Invariant(t.Max),
                    }));
                }

                break;
            default:
                var reports = await db.QuarterReports.AsNoTracking().Include(r => r.Realisations).Include(r => r.Budget)
                    .Where(r => r.OpdId == opd.Id && r.Year == year).OrderBy(r => r.Quarter).ToListAsync(ct);
                foreach (var report in reports)
                {
                    Dictionary<string, string> Line() => new() { ["opd_code"] = opd.Code, ["year"] = Invariant(year), ["quarter"] = Invariant(report.Quarter) };
                    foreach (var i in indicators)
                    {
                        if (report.Realisations.FirstOrDefault(r => r.IndicatorId == i.Id && r.Period == (ReportPeriod)report.Quarter) is not { } r)
                        {
                            continue;
                        }

                        var annual = report.Quarter == 4 && i.QuarterMode == QuarterMode.PerQuarter
                            ? report.Realisations.FirstOrDefault(x => x.IndicatorId == i.Id && x.Period == ReportPeriod.Year)?.Value
                            : null;
                        var line = Line();
                        line["element_code"] = nodes[i.PlanNodeId].Code;
                        line["indicator_code"] = i.Code;
                        line["value"] = Invariant(r.Value);
                        line["year_value"] = Invariant(annual);
                        line["problems"] = r.Problems ?? "";
                        line["actions"] = r.Actions ?? "";
                        rows.Add(line);
                    }

                    foreach (var b in report.Budget.Where(b => nodes.ContainsKey(b.PlanNodeId)).OrderBy(b => nodes[b.PlanNodeId].Code, StringComparer.Ordinal))
                    {
                        var line = Line();
                        line["sub_kegiatan_code"] = nodes[b.PlanNodeId].Code;
                        line["spent"] = Figures.Invariant(b.Spent);
                        rows.Add(line);
                    }
                }

                break;
        }

        return rows;
    }

    private static string LevelName(PlanLevel level) => level == PlanLevel.SubKegiatan ? "sub_kegiatan" : PlanRules.Name(level);

    private static string PolarityName(Polarity polarity) => polarity switch
    {
        Polarity.Lower => "lower",
        Polarity.Range => "range",
        _ => "higher",
    };
}
