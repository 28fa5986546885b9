using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// One quarterly report for staff: the OPD's operators fill in realisations, narrative and budget, save the draft and
/// submit it (late only with the flag and a reason); verifiers verify, return with comments or publish. Drafts of
/// another OPD are not shown (404), and nothing half-entered is stored when a figure is wrong.
/// </summary>
public sealed class ReportEditModel(IntegritasDbContext db, Reporting reporting, Scorecards scorecards, Overview overview, ReportEvidenceFiles evidenceFiles, Ui ui) : PageModel
{
    public QuarterReport Report { get; private set; } = null!;

    public OpdScorecard Card { get; private set; } = null!;

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Dictionary<long, string?> Value { get; set; } = [];

    [BindProperty]
    public Dictionary<long, string?> YearValue { get; set; } = [];

    [BindProperty]
    public Dictionary<long, string?> Problems { get; set; } = [];

    [BindProperty]
    public Dictionary<long, string?> Actions { get; set; } = [];

    [BindProperty]
    public Dictionary<long, string?> Spent { get; set; } = [];

    [BindProperty]
    public bool Late { get; set; }

    [BindProperty]
    public string? LateReason { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public DateOnly Today => overview.Today;

    public List<ReportEvidence> Evidence { get; private set; } = [];

    [BindProperty]
    public IFormFile? EvidenceFile { get; set; }

    [BindProperty]
    public long? EvidenceIndicatorId { get; set; }

    public async Task<IActionResult> OnPostEvidenceAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: true, ct) is { } missing)
        {
            return missing;
        }

        var added = await evidenceFiles.AddAsync(Access, id, EvidenceIndicatorId, EvidenceFile, Actor, ct);
        if (!added.Succeeded)
        {
            Errors = added.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = ui.T($"Bukti {added.Value!.FileName} dilampirkan.", $"Evidence {added.Value!.FileName} attached.");
        return Redirect($"/admin/kinerja/laporan/{id}#bukti");
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(long id, long evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: true, ct) is { } missing)
        {
            return missing;
        }

        var removed = await evidenceFiles.RemoveAsync(Access, evidenceId, ct);
        if (!removed.Succeeded || removed.Value!.QuarterReportId != id)
        {
            Errors = removed.Errors.Count > 0 ? removed.Errors : new() { [ReportEvidenceFiles.Field] = [ui.T("Bukti ini tidak dapat dihapus.", "This evidence cannot be removed.")] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = ui.T("Bukti dihapus.", "Evidence removed.");
        return Redirect($"/admin/kinerja/laporan/{id}#bukti");
    }

    /// <summary>Downloads an evidence file (readers of the report only).</summary>
    public async Task<IActionResult> OnGetEvidenceFileAsync(long id, long evidenceId, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (await evidenceFiles.OpenAsync(Access, evidenceId, ct) is not { } file || file.Evidence.QuarterReportId != id)
        {
            return NotFound();
        }

        return File(file.Content, file.Evidence.ContentType, file.Evidence.FileName);
    }

    public bool CanEdit => Access.MayWrite(Report.OpdId) && Report.Status is ReportStatus.Draft or ReportStatus.Returned;

    public bool CanReview => Access.IsVerifier && Report.Status is ReportStatus.Submitted or ReportStatus.Verified;

    private string Actor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, fill: true, ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct) => await SaveAsync(id, submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) => await SaveAsync(id, submit: true, ct);

    public Task<IActionResult> OnPostVerifyAsync(long id, CancellationToken ct) =>
        ReviewAsync(id, a => reporting.VerifyAsync(a, id, Version, Comment, Actor, ct), ui.T("Laporan diverifikasi. Terbitkan bila sudah siap dibaca publik.", "Report verified. Publish it when it is ready for the public."), ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        ReviewAsync(id, a => reporting.ReturnAsync(a, id, Version, Comment, Actor, ct), ui.T("Laporan dikembalikan ke OPD dengan catatan Anda.", "Report returned to the agency with your comments."), ct);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        ReviewAsync(id, a => reporting.PublishAsync(a, id, Version, Actor, ct), ui.T("Laporan terbit dan tercatat di log transparansi.", "Report published and recorded in the transparency log."), ct);

    private async Task<IActionResult> SaveAsync(long id, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } missing)
        {
            return missing;
        }

        var lines = Card.Indicators
            .Where(i => Value.ContainsKey(i.Id) || YearValue.ContainsKey(i.Id) || Problems.ContainsKey(i.Id) || Actions.ContainsKey(i.Id))
            .Select(i => new Reporting.RealisationInput(i.Id, Value.GetValueOrDefault(i.Id), YearValue.GetValueOrDefault(i.Id), Problems.GetValueOrDefault(i.Id), Actions.GetValueOrDefault(i.Id)))
            .ToList();
        // Keys the form did not offer (another OPD's indicator, a tampered form) are checked too, so they are refused, not ignored.
        lines.AddRange(Value.Keys.Where(k => Card.Indicators.All(i => i.Id != k)).Select(k => new Reporting.RealisationInput(k, Value[k], null, null, null)));
        var budget = Spent.Select(s => new Reporting.BudgetInput(s.Key, s.Value)).ToList();
        var saved = await reporting.SaveAsync(Access, id, Version, lines, budget, ct);
        if (!saved.Succeeded)
        {
            return await ShowErrorsAsync(id, saved.Errors, ct);
        }

        if (!submit)
        {
            TempData["Message"] = ui.T("Draf tersimpan.", "Draft saved.");
            return Redirect($"/admin/kinerja/laporan/{id}");
        }

        var submitted = await reporting.SubmitAsync(Access, id, saved.Value!.Version, Late, LateReason, Actor, ct);
        if (!submitted.Succeeded)
        {
            return await ShowErrorsAsync(id, submitted.Errors, ct);
        }

        TempData["Message"] = ui.T("Laporan dikirim untuk verifikasi.", "Report submitted for verification.");
        return Redirect($"/admin/kinerja/laporan/{id}");
    }

    private async Task<IActionResult> ReviewAsync(long id, Func<PlanAccess, Task<PlanResult<QuarterReport>>> step, string done, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false, ct) is { } missing)
        {
            return missing;
        }

        var result = await step(Access);
        if (!result.Succeeded)
        {
            return await ShowErrorsAsync(id, result.Errors, ct);
        }

        TempData["Message"] = done;
        return Redirect($"/admin/kinerja/laporan/{id}");
    }

    private async Task<IActionResult> ShowErrorsAsync(long id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        Errors = errors;
        // Show the latest stored report, keeping what the user typed in the form.
        await LoadAsync(id, fill: false, ct);
        if (!errors.ContainsKey("Version"))
        {
            Version = Report.Version;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <returns>Null when the report is there and may be read; otherwise the response.</returns>
    private async Task<IActionResult?> LoadAsync(long id, bool fill, CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        if (await reporting.FindAsync(Access, id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Card = await scorecards.ForAsync(report.Opd!, report.Year, publishedOnly: false, ct);
        Evidence = await db.ReportEvidence.AsNoTracking().Where(e => e.QuarterReportId == id).OrderBy(e => e.Id).ToListAsync(ct);
        if (fill)
        {
            Version = report.Version;
            foreach (var ((indicatorId, period), row) in Card.Realisations.Where(r => Card.Reports.TryGetValue(report.Quarter, out var mine) && r.Value.QuarterReportId == mine.Id))
            {
                if (period == ReportPeriod.Year)
                {
                    YearValue[indicatorId] = row.Value is { } y ? Core.Performance.Figures.Invariant(y) : null;
                }
                else
                {
                    Value[indicatorId] = row.Value is { } v ? Core.Performance.Figures.Invariant(v) : null;
                    Problems[indicatorId] = row.Problems;
                    Actions[indicatorId] = row.Actions;
                }
            }

            foreach (var ((quarter, node), amount) in Card.Spent.Where(s => s.Key.Quarter == report.Quarter))
            {
                Spent[node] = Core.Performance.Figures.Invariant(amount);
            }

            Late = report.IsLate;
            LateReason = report.LateReason;
        }

        return null;
    }
}
