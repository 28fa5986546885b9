using Integritas.Core.Performance;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// SAKIP evaluation worksheets (issue 5 item 8): the inspectorate's evaluators (the Verifier role) start a year's
/// evaluation of an OPD or of the regency itself, answer each LKE criterion (<see cref="LkeCriteria"/>) with notes and
/// evidence, and finalise it: the total and grade of PermenPAN-RB 88/2021 are then stored and public, and the sheet no
/// longer changes. Administrators, leadership and auditors read every sheet; an OPD's operators read their own OPD's
/// finalised sheets; the public reads finalised scores and grades. Every change goes to the audit trail.
/// </summary>
public sealed class LkeEvaluations(IntegritasDbContext db, Ui ui, TimeProvider time, ReportEvidenceFiles files, IBlobStore blobs, IOptions<IntegritasOptions> integritas)
{
    public sealed record AnswerInput(string CriterionCode, string? Answer, string? Notes);

    /// <summary>A line of the year's list: the regency (no OPD) or an OPD, with its evaluation if started.</summary>
    public sealed record Row(int? OpdId, string Name, LkeEvaluation? Evaluation);

    /// <summary>A finalised evaluation as the public sees it.</summary>
    public sealed record Summary(long Id, int Year, decimal Total, string Grade, string Meaning, IReadOnlyDictionary<string, decimal> ByComponent);

    public const int MaxNotes = 2000;

    public const string EvidenceField = ReportEvidenceFiles.Field;

    public static string AnswerField(string code) => $"Answer[{code}]";

    public static string NotesField(string code) => $"Notes[{code}]";

    /// <summary>Evaluators score: the inspectorate, which holds the Verifier role.</summary>
    public static bool MayScore(PlanAccess access) => access?.IsVerifier == true;

    public static bool MayReadDrafts(PlanAccess access) => access is not null && (access.IsAdmin || access.IsVerifier || access.ReadsAll);

    public static bool MayRead(PlanAccess access, LkeEvaluation evaluation) =>
        MayReadDrafts(access) || (evaluation?.Status == LkeStatus.Final && evaluation.OpdId is { } opd && access?.OperatorOpds.Contains(opd) == true);

    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["Perencanaan Kinerja"] = "Performance planning",
        ["Pengukuran Kinerja"] = "Performance measurement",
        ["Pelaporan Kinerja"] = "Performance reporting",
        ["Evaluasi Akuntabilitas Kinerja Internal"] = "Internal performance accountability evaluation",
        ["Keberadaan"] = "Existence",
        ["Kualitas"] = "Quality",
        ["Pemanfaatan"] = "Use",
        ["Sangat Memuaskan"] = "Very satisfactory",
        ["Memuaskan"] = "Satisfactory",
        ["Sangat Baik"] = "Very good",
        ["Baik"] = "Good",
        ["Cukup"] = "Fair",
        ["Kurang"] = "Poor",
        ["Sangat Kurang"] = "Very poor",
    };

    /// <summary>A component's, sub-component's or grade meaning's name in the UI's language (Core keeps the regulation's Indonesian).</summary>
    public static string Label(Ui ui, string indonesian)
    {
        ArgumentNullException.ThrowIfNull(ui);
        return ui.T(indonesian, English.GetValueOrDefault(indonesian ?? "", indonesian ?? ""));
    }

    private static PlanResult<LkeEvaluation> Fail(string field, string message) => new(null, new() { [field] = [message] });

    private PlanResult<LkeEvaluation> NotScorer() =>
        Fail("Evaluation", ui.T("Hanya evaluator (Inspektorat) yang dapat menilai evaluasi SAKIP.", "Only evaluators (the inspectorate) can score SAKIP evaluations."));

    private PlanResult<LkeEvaluation> Conflict() =>
        Fail("Version", ui.T("Lembar kerja ini baru saja diubah evaluator lain. Muat ulang halaman dan isi lagi.",
            "Another evaluator changed this worksheet just now. Reload the page and enter your answers again."));

    private DateTimeOffset Now => time.GetUtcNow().ToUniversalTime();

    public int ThisYear => HolidayCalendar.WibDate(Now.UtcDateTime).Year;

    /// <summary>The home regency's name (the regency's own line).</summary>
    public async Task<string> RegencyNameAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == integritas.Value.HomeRegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? "Kabupaten";

    /// <summary>The year's evaluation, created as a draft if there is none yet.</summary>
    public async Task<PlanResult<LkeEvaluation>> StartAsync(PlanAccess access, int? opdId, int year, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!MayScore(access))
        {
            return NotScorer();
        }

        if (year < 2000 || year > ThisYear)
        {
            return Fail("Year", ui.T($"Tahun evaluasi antara 2000 dan {ThisYear}.", $"The evaluated year lies between 2000 and {ThisYear}."));
        }

        if (opdId is { } id && !await db.Opds.AnyAsync(o => o.Id == id, ct))
        {
            return Fail("OpdId", ui.T("OPD tidak dikenal.", "Unknown agency."));
        }

        if (await ExistingAsync(opdId, year, ct) is { } existing)
        {
            return new(existing, []);
        }

        var evaluation = new LkeEvaluation { OpdId = opdId, Year = year, StartedAtUtc = Now, StartedBy = actor };
        db.LkeEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two evaluators started the same sheet at once; the other one made it.
            db.ChangeTracker.Clear();
            return new((await ExistingAsync(opdId, year, ct))!, []);
        }

        return new(evaluation, []);
    }

    private Task<LkeEvaluation?> ExistingAsync(int? opdId, int year, CancellationToken ct) =>
        opdId is { } id
            ? db.LkeEvaluations.SingleOrDefaultAsync(e => e.OpdId == id && e.Year == year, ct)
            : db.LkeEvaluations.SingleOrDefaultAsync(e => e.OpdId == null && e.Year == year, ct);

    /// <summary>An evaluation with its answers that the user may read, or null.</summary>
    public async Task<LkeEvaluation?> FindAsync(PlanAccess access, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var evaluation = await db.LkeEvaluations.AsNoTracking().Include(e => e.Opd).Include(e => e.Answers).SingleOrDefaultAsync(e => e.Id == id, ct);
        return evaluation is not null && MayRead(access, evaluation) ? evaluation : null;
    }

    /// <summary>The year's lines the user may see: the regency and every active OPD of the home regency for readers of drafts; an operator's own OPDs otherwise.</summary>
    public async Task<List<Row>> ListAsync(PlanAccess access, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var all = MayReadDrafts(access);
        var mine = access.OperatorOpds.ToList();
        var home = integritas.Value.HomeRegionCode;
        var opds = await db.Opds.AsNoTracking()
            .Where(o => o.IsActive && (all ? o.Region!.Code == home : mine.Contains(o.Id)))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var evaluations = await db.LkeEvaluations.AsNoTracking().Where(e => e.Year == year).ToListAsync(ct);
        var rows = new List<Row>();
        if (all)
        {
            rows.Add(new Row(null, await RegencyNameAsync(ct), evaluations.SingleOrDefault(e => e.OpdId is null)));
        }

        rows.AddRange(opds.Select(o => new Row(o.Id, o.Name, evaluations.SingleOrDefault(e => e.OpdId == o.Id) is { } e && MayRead(access, e) ? e : null)));
        return rows;
    }

    /// <summary>A sheet's live score from its stored answers.</summary>
    public static LkeSheetScore ScoreOf(LkeEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return LkeCriteria.Score(evaluation.Answers.Where(a => a.Answer is not null).ToDictionary(a => a.CriterionCode, a => a.Answer!, StringComparer.Ordinal));
    }

    /// <summary>Stores answers and notes. Nothing is stored when any line is wrong; an empty answer clears it.</summary>
    public async Task<PlanResult<LkeEvaluation>> SaveAsync(PlanAccess access, long id, int version, IReadOnlyList<AnswerInput> inputs, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (evaluation, refused) = await EditableAsync(access, id, version, ct);
        if (evaluation is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(string Code, string? Answer, string? Notes)>();
        foreach (var input in inputs)
        {
            if (LkeCriteria.Find(input.CriterionCode) is not { } criterion)
            {
                errors[AnswerField(input.CriterionCode)] = [ui.T($"Kriteria '{input.CriterionCode}' tidak ada dalam LKE.", $"There is no criterion '{input.CriterionCode}' in the worksheet.")];
                continue;
            }

            string? answer = null;
            if (!string.IsNullOrWhiteSpace(input.Answer))
            {
                if (!LkeCriteria.TryValue(criterion, input.Answer, out _))
                {
                    errors[AnswerField(criterion.Code)] = [criterion.Kind == LkeAnswerKind.YesNo
                        ? ui.T($"Jawaban kriteria {criterion.Code} adalah Y atau T.", $"Criterion {criterion.Code} is answered Y or T.")
                        : ui.T($"Jawaban kriteria {criterion.Code} adalah A, B, C, D atau E.", $"Criterion {criterion.Code} is answered A, B, C, D or E.")];
                    continue;
                }

                answer = input.Answer.Trim().ToUpperInvariant();
            }

            var notes = input.Notes?.Trim();
            if (notes?.Length > MaxNotes)
            {
                errors[NotesField(criterion.Code)] = [ui.T($"Catatan paling banyak {MaxNotes} karakter.", $"Notes of at most {MaxNotes} characters.")];
                continue;
            }

            parsed.Add((criterion.Code, answer, string.IsNullOrEmpty(notes) ? null : notes));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        foreach (var (code, answer, notes) in parsed)
        {
            var row = evaluation.Answers.FirstOrDefault(a => a.CriterionCode == code);
            if (row is null)
            {
                if (answer is null && notes is null)
                {
                    continue;
                }

                row = new LkeAnswerRecord { CriterionCode = code };
                evaluation.Answers.Add(row);
            }

            row.Answer = answer;
            row.Notes = notes;
        }

        evaluation.Evaluator = actor;
        evaluation.UpdatedAtUtc = Now;
        evaluation.Version++;
        return await SaveOrConflictAsync(evaluation, ct);
    }

    /// <summary>Stores the total and grade and closes the sheet; every criterion must be answered.</summary>
    public async Task<PlanResult<LkeEvaluation>> FinaliseAsync(PlanAccess access, long id, int version, string actor, CancellationToken ct)
    {
        var (evaluation, refused) = await EditableAsync(access, id, version, ct);
        if (evaluation is null)
        {
            return refused!;
        }

        var answered = evaluation.Answers.Where(a => a.Answer is not null).Select(a => a.CriterionCode).ToHashSet(StringComparer.Ordinal);
        var missing = LkeCriteria.All.Where(c => !answered.Contains(c.Code)).ToList();
        if (missing.Count > 0)
        {
            return new(null, missing.ToDictionary(c => AnswerField(c.Code), c => new[] { ui.T($"Jawab kriteria {c.Code} sebelum memfinalkan.", $"Answer criterion {c.Code} before finalising.") }));
        }

        var score = ScoreOf(evaluation);
        evaluation.Total = score.Rounded;
        evaluation.Grade = score.Grade.Grade;
        evaluation.Status = LkeStatus.Final;
        evaluation.FinalisedAtUtc = Now;
        evaluation.FinalisedBy = actor;
        evaluation.Version++;
        return await SaveOrConflictAsync(evaluation, ct);
    }

    /// <summary>The sheet, tracked with its answers, when the user may change it now; else why not.</summary>
    private async Task<(LkeEvaluation? Evaluation, PlanResult<LkeEvaluation>? Refused)> EditableAsync(PlanAccess access, long id, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var evaluation = await db.LkeEvaluations.Include(e => e.Answers).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || !MayRead(access, evaluation))
        {
            return (null, Fail("Evaluation", ui.T("Evaluasi tidak ditemukan.", "Evaluation not found.")));
        }

        if (!MayScore(access))
        {
            return (null, NotScorer());
        }

        if (evaluation.Status == LkeStatus.Final)
        {
            return (null, Fail("Status", ui.T("Evaluasi ini sudah final dan tidak dapat diubah.", "This evaluation is final and can no longer change.")));
        }

        return evaluation.Version != version ? (null, Conflict()) : (evaluation, null);
    }

    private async Task<PlanResult<LkeEvaluation>> SaveOrConflictAsync(LkeEvaluation evaluation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(evaluation, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict();
        }
    }

    /// <summary>Finalised evaluations of an OPD (or of the regency when null), newest year first: what the public sees.</summary>
    public async Task<List<Summary>> HistoryAsync(int? opdId, CancellationToken ct)
    {
        var query = db.LkeEvaluations.AsNoTracking().Include(e => e.Answers).Where(e => e.Status == LkeStatus.Final);
        query = opdId is { } id ? query.Where(e => e.OpdId == id) : query.Where(e => e.OpdId == null);
        var finals = await query.OrderByDescending(e => e.Year).ToListAsync(ct);
        return [.. finals.Select(e =>
        {
            var (grade, meaning) = SakipEvaluation.Grade(e.Total!.Value);
            return new Summary(e.Id, e.Year, e.Total.Value, e.Grade ?? grade, meaning, ScoreOf(e).ByComponent);
        })];
    }

    public async Task<List<LkeEvidence>> EvidenceOfAsync(long evaluationId, CancellationToken ct) =>
        await db.LkeEvidence.AsNoTracking().Where(e => e.EvaluationId == evaluationId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>Attaches a checked evidence file to a criterion of a draft sheet.</summary>
    public async Task<PlanResult<LkeEvidence>> AddEvidenceAsync(PlanAccess access, long id, string? criterionCode, IFormFile? file, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        static PlanResult<LkeEvidence> Refuse(string message) => new(null, new() { [EvidenceField] = [message] });
        var evaluation = await db.LkeEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || !MayScore(access) || evaluation.Status != LkeStatus.Draft)
        {
            return Refuse(ui.T("Bukti hanya dapat dilampirkan evaluator pada lembar kerja yang belum final.", "Only evaluators can attach evidence, and only to a worksheet that is not final."));
        }

        if (LkeCriteria.Find(criterionCode) is not { } criterion)
        {
            return Refuse(ui.T("Pilih kriteria LKE untuk bukti ini.", "Choose the worksheet criterion this evidence belongs to."));
        }

        var (stored, error) = await files.StoreAsync(file, ct);
        if (stored is null)
        {
            return Refuse(error!);
        }

        var evidence = new LkeEvidence
        {
            EvaluationId = id,
            CriterionCode = criterion.Code,
            FileName = stored.Name,
            ContentType = stored.ContentType,
            Length = stored.Blob.Size,
            Sha256 = stored.Blob.Sha256,
            UploadedAtUtc = Now,
            UploadedBy = actor,
        };
        db.LkeEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return new(evidence, []);
    }

    public async Task<PlanResult<LkeEvidence>> RemoveEvidenceAsync(PlanAccess access, long id, long evidenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var evidence = await db.LkeEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.EvaluationId == id, ct);
        var draft = evidence is not null && await db.LkeEvaluations.AnyAsync(e => e.Id == id && e.Status == LkeStatus.Draft, ct);
        if (evidence is null || !draft || !MayScore(access))
        {
            return new(null, new() { [EvidenceField] = [ui.T("Bukti ini tidak dapat dihapus.", "This evidence cannot be removed.")] });
        }

        db.LkeEvidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        return new(evidence, []);
    }

    /// <summary>An evidence file for a reader of the sheet, or null. Evidence may hold personal data: never public.</summary>
    public async Task<(LkeEvidence Evidence, Stream Content)?> OpenEvidenceAsync(PlanAccess access, long id, long evidenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var evaluation = await db.LkeEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        var evidence = await db.LkeEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.EvaluationId == id, ct);
        if (evaluation is null || evidence is null || !MayRead(access, evaluation) || await blobs.OpenReadAsync(evidence.Sha256, ct) is not { } content)
        {
            return null;
        }

        return (evidence, content);
    }
}

/// <summary>Whose finalised SAKIP evaluations a public page shows: an OPD's, or the regency's own when null.</summary>
public sealed record LkeHistoryScope(int? OpdId);
