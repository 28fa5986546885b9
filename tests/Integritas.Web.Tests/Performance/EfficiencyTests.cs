using Integritas.Core.Performance;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;

namespace Integritas.Web.Tests.Performance;

/// <summary>Issue 5 item 4: output against budget — a sub kegiatan's physical progress and its efficiency, worked by hand.</summary>
public class EfficiencyTests
{
    private const long Sub = 5;

    private static Indicator Output(long id, QuarterMode mode, IndicatorKind kind = IndicatorKind.Output) =>
        new() { Id = id, PlanNodeId = Sub, Code = $"OUT-{id}", Name = $"Keluaran {id}", Unit = "unit", Kind = kind, QuarterMode = mode };

    private static OpdScorecard Card(int reportedQuarters, decimal spentByQ2)
    {
        var cumulative = Output(1, QuarterMode.Cumulative);
        var perQuarter = Output(2, QuarterMode.PerQuarter);
        var outcome = Output(3, QuarterMode.Cumulative, IndicatorKind.Outcome); // not an output: left out
        IndicatorTarget Year(Indicator i, decimal value) => new() { IndicatorId = i.Id, Year = 2026, Period = ReportPeriod.Year, Value = value };
        IndicatorRealisation Real(Indicator i, ReportPeriod p, decimal value) => new() { IndicatorId = i.Id, Period = p, Value = value };
        return new OpdScorecard
        {
            Opd = new Opd { Code = "X", Name = "OPD" },
            Year = 2026,
            Nodes = [new PlanNode { Id = Sub, Code = "1.02.02.2.02.0001", Name = "Sub", Level = PlanLevel.SubKegiatan }],
            Indicators = [cumulative, perQuarter, outcome],
            Targets = new Dictionary<(long, ReportPeriod), IndicatorTarget>
            {
                [(1, ReportPeriod.Year)] = Year(cumulative, 100),
                [(2, ReportPeriod.Year)] = Year(perQuarter, 200),
                [(3, ReportPeriod.Year)] = Year(outcome, 10),
            },
            Realisations = new Dictionary<(long, ReportPeriod), IndicatorRealisation>
            {
                [(1, ReportPeriod.Q1)] = Real(cumulative, ReportPeriod.Q1, 20),
                [(1, ReportPeriod.Q2)] = Real(cumulative, ReportPeriod.Q2, 50),
                [(2, ReportPeriod.Q1)] = Real(perQuarter, ReportPeriod.Q1, 40),
                [(2, ReportPeriod.Q2)] = Real(perQuarter, ReportPeriod.Q2, 60),
                [(3, ReportPeriod.Q2)] = Real(outcome, ReportPeriod.Q2, 1),
            },
            Reports = Enumerable.Range(1, reportedQuarters).ToDictionary(q => q, q => new QuarterReport { Quarter = q, Year = 2026 }),
            Pagu = new Dictionary<long, decimal> { [Sub] = 1_000_000_000m },
            Spent = new Dictionary<(int, long), decimal> { [(1, Sub)] = 100_000_000m, [(2, Sub)] = spentByQ2 },
        };
    }

    [Fact]
    public void Progress_is_output_to_date_against_the_year_and_efficiency_divides_it_by_absorption()
    {
        var card = Card(2, 400_000_000m);
        // Cumulative: 50 of 100 = 50 %; per quarter: 40 + 60 = 100 of 200 = 50 %; mean 50 %. Spent 40 % → 125 %.
        Assert.Equal(50m, card.ProgressOf(Sub, 2).Percent);
        Assert.Equal(125m, card.EfficiencyOf(Sub, 2).Percent);
        // By Q1: (20 % + 20 %) / 2 = 20 % against 10 % spent → 200 %.
        Assert.Equal(20m, card.ProgressOf(Sub, 1).Percent);
        Assert.Equal(200m, card.EfficiencyOf(Sub, 1).Percent);
    }

    [Fact]
    public void Without_spending_or_without_a_report_there_is_no_efficiency()
    {
        Assert.Null(Card(2, 0m).EfficiencyOf(Sub, 2).Percent);
        Assert.NotNull(Card(2, 0m).EfficiencyOf(Sub, 2).NotComputable);
        Assert.Null(Card(1, 400_000_000m).ProgressOf(Sub, 2).Percent); // no Q2 report yet
        Assert.Null(Card(2, 400_000_000m).ProgressOf(99, 2).Percent); // no output indicator
    }
}
