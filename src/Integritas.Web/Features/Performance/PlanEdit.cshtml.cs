using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// An OPD's performance plan for staff (issue 5 item 1): the tree from tujuan to sub kegiatan with Permendagri 90/2019
/// codes, indicators with their kind, IKU flag, unit, polarity and quarterly mode, a year's targets per quarter and for
/// the year, and each sub kegiatan's ceiling. Operators change only their own OPD's plan; a set of targets is stored
/// whole or not at all.
/// </summary>
public sealed class PlanEditModel(IntegritasDbContext db, Planning planning, Scorecards scorecards, Overview overview, Ui ui) : PageModel
{
    public static readonly ReportPeriod[] Periods = [ReportPeriod.Q1, ReportPeriod.Q2, ReportPeriod.Q3, ReportPeriod.Q4, ReportPeriod.Year];

    [FromQuery(Name = "opd")]
    public int? OpdId { get; set; }

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    public Opd? Opd { get; private set; }

    public OpdScorecard? Card { get; private set; }

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to (its inputs keep what was typed).</summary>
    public string? FailedForm { get; private set; }

    public bool CanWrite => Opd is not null && Access.MayWrite(Opd.Id);

    // Add an element.
    [BindProperty] public PlanLevel NodeLevel { get; set; } = PlanLevel.Sasaran;

    [BindProperty] public long? NodeParentId { get; set; }

    [BindProperty] public string? NodeCode { get; set; }

    [BindProperty] public string? NodeName { get; set; }

    // Add an indicator.
    [BindProperty] public long? IndicatorNodeId { get; set; }

    [BindProperty] public string? IndicatorCode { get; set; }

    [BindProperty] public string? IndicatorName { get; set; }

    [BindProperty] public IndicatorKind IndicatorKind { get; set; } = IndicatorKind.Output;

    [BindProperty] public bool IndicatorIku { get; set; }

    [BindProperty] public string? IndicatorUnit { get; set; }

    [BindProperty] public Polarity IndicatorPolarity { get; set; } = Polarity.Higher;

    [BindProperty] public Polarity IndicatorRangeDirection { get; set; } = Polarity.Higher;

    [BindProperty] public string? IndicatorBaseline { get; set; }

    [BindProperty] public QuarterMode IndicatorQuarterMode { get; set; } = QuarterMode.Cumulative;

    [BindProperty] public string? IndicatorFormula { get; set; }

    [BindProperty] public string? IndicatorSource { get; set; }

    // Targets of one indicator for the year, by period ("Q1".."Q4", "Year").
    [BindProperty] public long? TargetIndicatorId { get; set; }

    [BindProperty] public Dictionary<string, string?> TargetValue { get; set; } = [];

    [BindProperty] public Dictionary<string, string?> TargetMax { get; set; } = [];

    // A sub kegiatan's ceiling.
    [BindProperty] public long? PaguNodeId { get; set; }

    [BindProperty] public string? PaguAmount { get; set; }

    /// <summary>The indicator being changed: the indicator form is filled with it and saves changes instead of adding.</summary>
    [BindProperty(SupportsGet = true, Name = "ubah")]
    public long? EditIndicatorId { get; set; }

    public Indicator? Editing => EditIndicatorId is { } id ? Card?.Indicators.FirstOrDefault(i => i.Id == id) : null;

    // Rename or remove an element, remove an indicator.
    [BindProperty] public long? ChangeNodeId { get; set; }

    [BindProperty] public string? ChangeNodeName { get; set; }

    [BindProperty] public long? RemoveIndicatorId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (Editing is { } i)
        {
            (IndicatorNodeId, IndicatorCode, IndicatorName, IndicatorKind, IndicatorIku, IndicatorUnit) = (i.PlanNodeId, i.Code, i.Name, i.Kind, i.IsIku, i.Unit);
            (IndicatorPolarity, IndicatorRangeDirection, IndicatorQuarterMode) = (i.Polarity, i.RangeDirection, i.QuarterMode);
            (IndicatorBaseline, IndicatorFormula, IndicatorSource) = (i.Baseline is { } b ? Figures.Invariant(b) : null, i.Formula, i.DataSource);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRenameNodeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var result = await planning.RenameNodeAsync(Access, ChangeNodeId ?? 0, ChangeNodeName, ct);
        return result.Succeeded ? Done(ui.T($"Nama {result.Value!.Code} diubah.", $"{result.Value!.Code} renamed."), $"node-{result.Value.Id}") : Fail("change", result.Errors);
    }

    public async Task<IActionResult> OnPostDeleteNodeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var result = await planning.DeleteNodeAsync(Access, ChangeNodeId ?? 0, ct);
        return result.Succeeded ? Done(ui.T($"Elemen {result.Value!.Code} dihapus.", $"Element {result.Value!.Code} removed."), "tambah-elemen") : Fail("change", result.Errors);
    }

    public async Task<IActionResult> OnPostDeleteIndicatorAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var result = await planning.DeleteIndicatorAsync(Access, RemoveIndicatorId ?? 0, ct);
        return result.Succeeded ? Done(ui.T($"Indikator {result.Value!.Code} dihapus.", $"Indicator {result.Value!.Code} removed."), $"node-{result.Value.PlanNodeId}") : Fail("change", result.Errors);
    }

    public async Task<IActionResult> OnPostNodeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (Card?.Period is not { } period)
        {
            return Fail("node", new() { ["PeriodId"] = [ui.T("Tidak ada periode rencana untuk tahun ini.", "There is no plan period for this year.")] });
        }

        var result = await planning.AddNodeAsync(Access, new(period.Id, Opd!.Id, NodeParentId, NodeLevel, NodeCode, NodeName), ct);
        return result.Succeeded ? Done(ui.T($"Elemen {result.Value!.Code} ditambahkan.", $"Element {result.Value!.Code} added."), $"node-{result.Value.Id}") : Fail("node", result.Errors);
    }

    public async Task<IActionResult> OnPostIndicatorAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        decimal? baseline = null;
        if (!string.IsNullOrWhiteSpace(IndicatorBaseline))
        {
            if (!Figures.TryParseValue(IndicatorBaseline, out var b))
            {
                return Fail("indicator", new() { ["Baseline"] = [ui.T("Nilai awal harus angka (mis. 21,4).", "The baseline must be a number (e.g. 21.4).")] });
            }

            baseline = b;
        }

        if (IndicatorNodeId is not { } nodeId || Card!.Nodes.All(n => n.Id != nodeId))
        {
            return Fail("indicator", new() { ["PlanNodeId"] = [ui.T("Pilih elemen rencana OPD ini.", "Choose an element of this agency's plan.")] });
        }

        var input = new Planning.IndicatorInput(nodeId, IndicatorCode, IndicatorName, IndicatorKind, IndicatorIku, IndicatorUnit,
            IndicatorPolarity, IndicatorRangeDirection, baseline, IndicatorQuarterMode, IndicatorFormula, IndicatorSource);
        if (EditIndicatorId is { } editing)
        {
            var changed = await planning.UpdateIndicatorAsync(Access, editing, input, ct);
            return changed.Succeeded
                ? Done(ui.T($"Indikator {changed.Value!.Code} diubah.", $"Indicator {changed.Value!.Code} changed."), $"indicator-{changed.Value.Id}")
                : Fail("indicator", changed.Errors);
        }

        var result = await planning.AddIndicatorAsync(Access, input, ct);
        return result.Succeeded ? Done(ui.T($"Indikator {result.Value!.Code} ditambahkan. Isi targetnya.", $"Indicator {result.Value!.Code} added. Set its targets."), $"indicator-{result.Value.Id}") : Fail("indicator", result.Errors);
    }

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (TargetIndicatorId is not { } indicatorId || Card!.Indicators.All(i => i.Id != indicatorId))
        {
            return Fail("targets", new() { ["IndicatorId"] = [ui.T("Indikator tidak ada di rencana OPD ini.", "The indicator is not in this agency's plan.")] });
        }

        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(ReportPeriod Period, decimal Value, decimal? Max)>();
        foreach (var period in Periods)
        {
            var key = period.ToString();
            var text = TargetValue.GetValueOrDefault(key);
            var maxText = TargetMax.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!Figures.TryParseValue(text, out var value))
            {
                errors[$"TargetValue[{key}]"] = [ui.T($"'{text}' bukan angka.", $"'{text}' is not a number.")];
                continue;
            }

            decimal? max = null;
            if (!string.IsNullOrWhiteSpace(maxText))
            {
                if (!Figures.TryParseValue(maxText, out var m))
                {
                    errors[$"TargetMax[{key}]"] = [ui.T($"'{maxText}' bukan angka.", $"'{maxText}' is not a number.")];
                    continue;
                }

                max = m;
            }

            parsed.Add((period, value, max));
        }

        if (errors.Count > 0)
        {
            return Fail("targets", errors);
        }

        // All the periods or none: one transaction around the separate changes.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (period, value, max) in parsed)
        {
            var result = await planning.SetTargetAsync(Access, indicatorId, Year!.Value, period, value, max, ct);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Fail("targets", result.Errors.ToDictionary(e => e.Key is "Max" or "Value" ? $"Target{e.Key}[{period}]" : e.Key, e => e.Value));
            }
        }

        await transaction.CommitAsync(ct);
        return Done(ui.T("Target tersimpan.", "Targets saved."), $"indicator-{indicatorId}");
    }

    public async Task<IActionResult> OnPostPaguAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (!Figures.TryParseRupiah(PaguAmount, out var amount))
        {
            return Fail("pagu", new() { ["Pagu"] = [ui.T("Pagu dalam rupiah, mis. 1.250.000.000.", "The ceiling in rupiah, e.g. 1250000000.")] });
        }

        var result = await planning.SetPaguAsync(Access, PaguNodeId ?? 0, Year!.Value, amount, ct);
        return result.Succeeded ? Done(ui.T("Pagu tersimpan.", "Ceiling saved."), $"node-{PaguNodeId}") : Fail("pagu", result.Errors);
    }

    private RedirectResult Done(string message, string anchor)
    {
        TempData["Message"] = message;
        return Redirect($"/admin/kinerja/rencana?opd={Opd!.Id}&tahun={Year}#{anchor}");
    }

    private PageResult Fail(string form, Dictionary<string, string[]> errors)
    {
        FailedForm = form;
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <returns>Null when the page can be shown; otherwise the response.</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        Opds = Access.IsAdmin || Access.IsVerifier || Access.ReadsAll
            ? await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).ToListAsync(ct)
            : await db.Opds.AsNoTracking().Where(o => Access.OperatorOpds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).ToListAsync(ct);
        OpdId ??= Opds.Count == 1 ? Opds[0].Id : null;
        if (OpdId is { } id)
        {
            if (!Access.MayRead(id))
            {
                return NotFound();
            }

            Opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (Opd is null)
            {
                return NotFound();
            }
        }

        Year ??= overview.Today.Year;
        if (Opd is not null)
        {
            Card = await scorecards.ForAsync(Opd, Year.Value, publishedOnly: false, ct);
        }

        return null;
    }
}
