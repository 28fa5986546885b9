using Integritas.Core.Performance;
using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Performance;

/// <summary>A five-year plan period (RPJMD and the OPDs' Renstra), e.g. 2025–2029.</summary>
public class PlanPeriod : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }
}

/// <summary>
/// One element of an OPD's plan: tujuan → sasaran → program → kegiatan → sub kegiatan (<see cref="PlanRules"/>), with
/// its code (Permendagri 90/2019 from program down) and name.
/// </summary>
public class PlanNode : IAudited
{
    public long Id { get; set; }

    public int PeriodId { get; set; }

    public PlanPeriod? Period { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    public long? ParentId { get; set; }

    public PlanNode? Parent { get; set; }

    public PlanLevel Level { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}

public enum IndicatorKind
{
    Output = 1,
    Outcome = 2,
}

/// <summary>How an indicator's quarterly targets and realisations read.</summary>
public enum QuarterMode
{
    /// <summary>Each quarter's figure is the year so far (Q4 equals the year).</summary>
    Cumulative = 1,

    /// <summary>Each quarter's figure is that quarter alone.</summary>
    PerQuarter = 2,
}

/// <summary>A performance indicator of a plan element: kind, IKU flag, unit, polarity, baseline, formula and source.</summary>
public class Indicator : IAudited
{
    public long Id { get; set; }

    public long PlanNodeId { get; set; }

    public PlanNode? PlanNode { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public IndicatorKind Kind { get; set; }

    /// <summary>Indikator kinerja utama: the public dashboard leads with these.</summary>
    public bool IsIku { get; set; }

    public required string Unit { get; set; }

    public Polarity Polarity { get; set; } = Polarity.Higher;

    /// <summary>For a range: which way is better outside it.</summary>
    public Polarity RangeDirection { get; set; } = Polarity.Higher;

    public decimal? Baseline { get; set; }

    public QuarterMode QuarterMode { get; set; } = QuarterMode.Cumulative;

    public string? Formula { get; set; }

    public string? DataSource { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A reporting period of a year: a quarter or the whole year.</summary>
public enum ReportPeriod
{
    Q1 = 1,
    Q2 = 2,
    Q3 = 3,
    Q4 = 4,

    /// <summary>The year (the Perjanjian Kinerja's target).</summary>
    Year = 5,
}

/// <summary>An indicator's target for a year or a quarter; a range has <see cref="Max"/>.</summary>
public class IndicatorTarget : IAudited
{
    public long Id { get; set; }

    public long IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int Year { get; set; }

    public ReportPeriod Period { get; set; }

    public decimal Value { get; set; }

    public decimal? Max { get; set; }
}

/// <summary>A sub kegiatan's budget ceiling (pagu) for a year, in rupiah.</summary>
public class BudgetCeiling : IAudited
{
    public long Id { get; set; }

    public long PlanNodeId { get; set; }

    public PlanNode? PlanNode { get; set; }

    public int Year { get; set; }

    public decimal Pagu { get; set; }
}
