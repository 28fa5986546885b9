using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// One SAKIP evaluation worksheet: components → sub-components → criteria, each with its answer, notes and evidence;
/// the score is recomputed on the server at every save, and a finalised sheet is read-only. Sheets the user may not
/// read are not shown (404); nothing is stored when a line is wrong.
/// </summary>
public sealed class LkeSheetModel(IntegritasDbContext db, LkeEvaluations evaluations, Ui ui) : PageModel
{
    public LkeEvaluation Evaluation { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public LkeSheetScore Score { get; private set; } = null!;

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public List<LkeEvidence> Evidence { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Answers and notes by criterion code, as stored or as typed.</summary>
    public Dictionary<string, string?> Answers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Notes { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public IFormFile? EvidenceFile { get; set; }

    [BindProperty]
    public string? EvidenceCriterion { get; set; }

    public bool CanEdit => LkeEvaluations.MayScore(Access) && Evaluation.Status == LkeStatus.Draft;

    private string Actor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, fill: true, ct) ?? Page();

    public Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct) => SaveAsync(id, finalise: false, ct);

    public Task<IActionResult> OnPostFinaliseAsync(long id, CancellationToken ct) => SaveAsync(id, finalise: true, ct);

    private async Task<IActionResult> SaveAsync(long id, bool finalise, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } missing)
        {
            return missing;
        }

        // Read from the form directly: criterion codes hold dots, which model binding would take for property paths.
        var inputs = new Dictionary<string, LkeEvaluations.AnswerInput>(StringComparer.Ordinal);
        foreach (var (key, value) in Request.Form)
        {
            if (Code(key, "Answer") is { } a)
            {
                Answers[a] = value.ToString();
                inputs[a] = (inputs.GetValueOrDefault(a) ?? new(a, null, null)) with { Answer = value.ToString() };
            }
            else if (Code(key, "Notes") is { } n)
            {
                Notes[n] = value.ToString();
                inputs[n] = (inputs.GetValueOrDefault(n) ?? new(n, null, null)) with { Notes = value.ToString() };
            }
        }

        var saved = await evaluations.SaveAsync(Access, id, Version, [.. inputs.Values], Actor, ct);
        if (!saved.Succeeded)
        {
            return await ShowErrorsAsync(id, saved.Errors, ct);
        }

        if (finalise)
        {
            var final = await evaluations.FinaliseAsync(Access, id, saved.Value!.Version, Actor, ct);
            if (!final.Succeeded)
            {
                Version = saved.Value.Version;
                return await ShowErrorsAsync(id, final.Errors, ct);
            }

            TempData["Message"] = ui.T($"Evaluasi final: nilai {ui.Number(final.Value!.Total!.Value, 2)}, predikat {final.Value.Grade}.",
                $"Evaluation final: score {ui.Number(final.Value!.Total!.Value, 2)}, grade {final.Value.Grade}.");
        }
        else
        {
            TempData["Message"] = ui.T("Lembar kerja tersimpan; nilai dihitung ulang.", "Worksheet saved; the score is recomputed.");
        }

        return Redirect($"/admin/kinerja/evaluasi/{id}");
    }

    private static string? Code(string key, string prefix) =>
        key.Length > prefix.Length + 2 && key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.EndsWith(']') ? key[(prefix.Length + 1)..^1] : null;

    public async Task<IActionResult> OnPostEvidenceAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: true, ct) is { } missing)
        {
            return missing;
        }

        var added = await evaluations.AddEvidenceAsync(Access, id, EvidenceCriterion, EvidenceFile, Actor, ct);
        if (!added.Succeeded)
        {
            Errors = added.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = ui.T($"Bukti {added.Value!.FileName} dilampirkan.", $"Evidence {added.Value!.FileName} attached.");
        return Redirect($"/admin/kinerja/evaluasi/{id}#bukti");
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(long id, long evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: true, ct) is { } missing)
        {
            return missing;
        }

        var removed = await evaluations.RemoveEvidenceAsync(Access, id, evidenceId, ct);
        if (!removed.Succeeded)
        {
            Errors = removed.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = ui.T("Bukti dihapus.", "Evidence removed.");
        return Redirect($"/admin/kinerja/evaluasi/{id}#bukti");
    }

    /// <summary>Downloads an evidence file (readers of the sheet only).</summary>
    public async Task<IActionResult> OnGetEvidenceFileAsync(long id, long evidenceId, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (await evaluations.OpenEvidenceAsync(Access, id, evidenceId, ct) is not { } file)
        {
            return NotFound();
        }

        return File(file.Content, file.Evidence.ContentType, file.Evidence.FileName);
    }

    private async Task<IActionResult> ShowErrorsAsync(long id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        Errors = errors;
        // Show the latest stored sheet, keeping what the evaluator typed.
        await LoadAsync(id, fill: false, ct);
        if (!errors.ContainsKey("Version"))
        {
            Version = Evaluation.Version;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <returns>Null when the sheet is there and may be read; otherwise the response.</returns>
    private async Task<IActionResult?> LoadAsync(long id, bool fill, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        if (await evaluations.FindAsync(Access, id, ct) is not { } evaluation)
        {
            return NotFound();
        }

        Evaluation = evaluation;
        Score = LkeEvaluations.ScoreOf(evaluation);
        Name = evaluation.Opd?.Name ?? await evaluations.RegencyNameAsync(ct);
        Evidence = await evaluations.EvidenceOfAsync(id, ct);
        if (fill)
        {
            Version = evaluation.Version;
            foreach (var a in evaluation.Answers)
            {
                Answers[a.CriterionCode] = a.Answer;
                Notes[a.CriterionCode] = a.Notes;
            }
        }
        else
        {
            // Criteria the form did not send keep their stored values on screen.
            foreach (var a in evaluation.Answers)
            {
                Answers.TryAdd(a.CriterionCode, a.Answer);
                Notes.TryAdd(a.CriterionCode, a.Notes);
            }
        }

        return null;
    }
}
