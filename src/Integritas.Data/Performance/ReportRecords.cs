using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Performance;

/// <summary>Where an OPD's quarterly report stands (issue 5 item 3).</summary>
public enum ReportStatus
{
    /// <summary>The OPD's operators are filling it in; only they, verifiers and administrators see it.</summary>
    Draft = 1,

    /// <summary>Sent for verification; the OPD can no longer change it.</summary>
    Submitted = 2,

    /// <summary>Sent back by a verifier with comments; the OPD corrects and submits again.</summary>
    Returned = 3,

    /// <summary>A verifier checked it; ready to publish.</summary>
    Verified = 4,

    /// <summary>Public: its figures appear on the portal and in the open data.</summary>
    Published = 5,
}

/// <summary>
/// One OPD's report for one quarter: its realisations per indicator, budget realisation per sub kegiatan, evidence and
/// workflow. On publication the figures the regency overview needs are stored with it, so the overview reads one row
/// per OPD and quarter.
/// </summary>
public class QuarterReport : IAudited
{
    public long Id { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    public int Year { get; set; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>The last day to submit (inclusive), fixed when the report is created from the setting then in force.</summary>
    public DateOnly DueDate { get; set; }

    public DateTimeOffset? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>Submitted after <see cref="DueDate"/> (the operator had to say so, with a reason).</summary>
    public bool IsLate { get; set; }

    public string? LateReason { get; set; }

    public DateTimeOffset? VerifiedAtUtc { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTimeOffset? PublishedAtUtc { get; set; }

    /// <summary>SHA-256 (hex) of the published report's CSV, as appended to the transparency log.</summary>
    public string? PublishedSha256 { get; set; }

    /// <summary>The published file itself (the report's rows in the open-data CSV format), kept as published.</summary>
    public string? PublishedCsv { get; set; }

    public long? LedgerIndex { get; set; }

    // Figures stored at publication for the overview (never edited afterwards).

    /// <summary>Mean capaian of the indicators that have one (percent, uncapped).</summary>
    public decimal? CapaianMean { get; set; }

    public decimal? IkuCapaianMean { get; set; }

    public int IndicatorsCounted { get; set; }

    public decimal? Pagu { get; set; }

    public decimal? Spent { get; set; }

    /// <summary>Bumped on every change: two people saving the same report at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<IndicatorRealisation> Realisations { get; } = [];

    public List<BudgetRealisation> Budget { get; } = [];

    public List<QuarterReportEvent> Events { get; } = [];
}

/// <summary>
/// An indicator's realised value in a quarterly report, with the OPD's narrative. <see cref="Period"/> is the report's
/// quarter, or <see cref="ReportPeriod.Year"/> for the annual value given in the fourth quarter's report.
/// </summary>
public class IndicatorRealisation : IAudited
{
    public long Id { get; set; }

    public long QuarterReportId { get; set; }

    public QuarterReport? Report { get; set; }

    public long IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public ReportPeriod Period { get; set; }

    public decimal? Value { get; set; }

    /// <summary>Problems met (kendala).</summary>
    public string? Problems { get; set; }

    /// <summary>Actions taken or planned (upaya / tindak lanjut).</summary>
    public string? Actions { get; set; }
}

/// <summary>A sub kegiatan's budget realisation for the year so far, as of the report's quarter, in rupiah.</summary>
public class BudgetRealisation : IAudited
{
    public long Id { get; set; }

    public long QuarterReportId { get; set; }

    public QuarterReport? Report { get; set; }

    public long PlanNodeId { get; set; }

    public PlanNode? PlanNode { get; set; }

    public decimal Spent { get; set; }
}

/// <summary>A step in a report's workflow: who did what, when, with which comment (the report's own timeline).</summary>
public class QuarterReportEvent
{
    public long Id { get; set; }

    public long QuarterReportId { get; set; }

    public DateTimeOffset AtUtc { get; set; }

    public ReportStatus Status { get; set; }

    public required string Actor { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A supporting file of a quarterly report (a photo, a scanned record, a spreadsheet), stored by its hash.</summary>
public class ReportEvidence : IAudited
{
    public long Id { get; set; }

    public long QuarterReportId { get; set; }

    public long? IndicatorId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAtUtc { get; set; }

    public required string UploadedBy { get; set; }
}

public enum ReportReminderKind
{
    /// <summary>The due date is near and the OPD has not submitted.</summary>
    DueSoon = 1,

    /// <summary>The due date has passed and the OPD has not submitted.</summary>
    Overdue = 2,
}

/// <summary>A deadline reminder sent for an OPD's quarter; its unique key keeps each kind to one sending.</summary>
public class ReportReminder
{
    public long Id { get; set; }

    public int OpdId { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public ReportReminderKind Kind { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>How many messages were queued.</summary>
    public int Recipients { get; set; }
}
