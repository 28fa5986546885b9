using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Performance;

/// <summary>Where a SAKIP evaluation worksheet stands (issue 5 item 8).</summary>
public enum LkeStatus
{
    /// <summary>The inspectorate's evaluators are scoring it; only staff who read evaluations see it.</summary>
    Draft = 1,

    /// <summary>Finalised: its score and grade are stored and public, and it can no longer change.</summary>
    Final = 2,
}

/// <summary>
/// One year's SAKIP evaluation (LHE, PermenPAN-RB 88/2021) of an OPD, or of the regency itself when
/// <see cref="OpdId"/> is null: the evaluators' answers per criterion with notes and evidence; on finalisation the
/// total and grade are stored with it, so history pages read one row per year.
/// </summary>
public class LkeEvaluation : IAudited
{
    public long Id { get; set; }

    /// <summary>The OPD evaluated; null for the regency's own evaluation.</summary>
    public int? OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>The year whose accountability is evaluated.</summary>
    public int Year { get; set; }

    public LkeStatus Status { get; set; } = LkeStatus.Draft;

    public DateTimeOffset StartedAtUtc { get; set; }

    public required string StartedBy { get; set; }

    /// <summary>Who last saved answers.</summary>
    public string? Evaluator { get; set; }

    public DateTimeOffset? UpdatedAtUtc { get; set; }

    public DateTimeOffset? FinalisedAtUtc { get; set; }

    public string? FinalisedBy { get; set; }

    /// <summary>The total out of 100 to two decimals, stored on finalisation.</summary>
    public decimal? Total { get; set; }

    /// <summary>AA … D, stored on finalisation.</summary>
    public string? Grade { get; set; }

    /// <summary>Bumped on every change: two evaluators saving the same sheet at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<LkeAnswerRecord> Answers { get; } = [];
}

/// <summary>An evaluator's answer to one criterion (by its code in <c>LkeCriteria</c>), with notes.</summary>
public class LkeAnswerRecord : IAudited
{
    public long Id { get; set; }

    public long EvaluationId { get; set; }

    public required string CriterionCode { get; set; }

    /// <summary>Y/T or A–E; null while only notes are written.</summary>
    public string? Answer { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A supporting file of a criterion of an evaluation, stored by its hash in the blob store.</summary>
public class LkeEvidence : IAudited
{
    public long Id { get; set; }

    public long EvaluationId { get; set; }

    public required string CriterionCode { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAtUtc { get; set; }

    public required string UploadedBy { get; set; }
}
