using Integritas.Core.Performance;

namespace Integritas.Web.Features.Performance;

/// <summary>Settings of performance reporting (<c>Integritas:Performance</c>).</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Integritas:Performance";

    /// <summary>A quarterly report is due this many days after the quarter ends (the due day itself still counts).</summary>
    public int DeadlineDays { get; set; } = 10;

    /// <summary>Reminders to OPDs that have not submitted go out this many days before the due date (and on it).</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>
    /// A cap on capaian when scoring and averaging (some regencies use 120); none by default. Stored and shown
    /// per-indicator values are never capped.
    /// </summary>
    public decimal? CapaianCap { get; set; }

    /// <summary>Predicate bands (lowest capaian of each band); the sakip.md bands when empty.</summary>
    public List<PredicateBand> Bands { get; set; } = [];

    /// <summary>The largest evidence file an OPD may attach to a quarterly report.</summary>
    public int EvidenceMaxMegabytes { get; set; } = 20;

    /// <summary>Load the demo plans and reports with the demo regency (<see cref="PerformanceDemo"/>).</summary>
    public bool SeedDemoPerformance { get; set; } = true;

    public Predicates Predicates => Bands.Count == 0 ? Predicates.Default : new Predicates(Bands);

    /// <summary>The last day to submit a quarter's report.</summary>
    public DateOnly DueDate(int year, int quarter) => new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1).AddDays(DeadlineDays);
}
