using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>The outcome of a planning change: the stored record, or field errors (nothing stored).</summary>
public sealed record PlanResult<T>(T? Value, Dictionary<string, string[]> Errors)
    where T : class
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// An OPD's plan (issue 5 item 1): plan elements placed and coded by <see cref="PlanRules"/>, indicators with their
/// kind, polarity and quarterly mode, yearly and quarterly targets within the plan period, and budget ceilings on sub
/// kegiatan. Every change is checked before anything is stored and lands in the audit trail.
/// </summary>
public sealed partial class Planning(IntegritasDbContext db, Ui ui)
{
    public sealed record NodeInput(int PeriodId, int OpdId, long? ParentId, PlanLevel Level, string? Code, string? Name);

    public sealed record IndicatorInput(long PlanNodeId, string? Code, string? Name, IndicatorKind Kind, bool IsIku, string? Unit,
        Polarity Polarity, Polarity RangeDirection, decimal? Baseline, QuarterMode QuarterMode, string? Formula, string? DataSource);

    private Dictionary<string, string[]> Denied() =>
        new() { ["OpdId"] = [ui.T("Anda hanya dapat mengubah rencana OPD Anda sendiri.", "You can change only your own agency's plan.")] };

    /// <summary>The OPD a plan element belongs to, or null when there is no such element.</summary>
    private Task<int?> OpdOfNodeAsync(long nodeId, CancellationToken ct) =>
        db.PlanNodes.Where(n => n.Id == nodeId).Select(n => (int?)n.OpdId).SingleOrDefaultAsync(ct);

    /// <summary>What is wrong with an element's place and code (<see cref="PlanRules"/>), by field ("Code" or "ParentId").</summary>
    public IEnumerable<(string Field, string Message)> PlaceProblems(PlanLevel level, string? code, PlanLevel? parentLevel, string? parentCode) =>
        PlanRules.Check(level, code, parentLevel, parentCode)
            .Select(p => (p.Id.StartsWith("Kode", StringComparison.Ordinal) ? "Code" : "ParentId", ui.T(p.Id, p.En)));

    /// <summary>What is wrong with a (trimmed) name of an element or indicator, if anything.</summary>
    public string? NameProblem(string? name) => string.IsNullOrEmpty(name) || name.Length > 500
        ? ui.T("Nama wajib diisi, paling banyak 500 karakter.", "A name is required, at most 500 characters.")
        : null;

    /// <summary>What is wrong with an indicator's own fields (not its place or uniqueness), by field.</summary>
    public IEnumerable<(string Field, string Message)> IndicatorProblems(IndicatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!PlanRules.IsOwnCode(input.Code?.Trim(), 40))
        {
            yield return ("Code", ui.T("Kode indikator: huruf, angka, titik atau tanda hubung, paling banyak 40 karakter.", "Indicator code: letters, digits, dots or dashes, at most 40 characters."));
        }

        if (NameProblem(input.Name?.Trim()) is { } nameProblem)
        {
            yield return ("Name", nameProblem);
        }

        if (input.Unit?.Trim() is not { Length: > 0 and <= 50 })
        {
            yield return ("Unit", ui.T("Satuan wajib diisi (mis. %, ton, orang), paling banyak 50 karakter.", "A unit is required (e.g. %, tonnes, people), at most 50 characters."));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            yield return ("Kind", ui.T("Pilih output atau outcome.", "Choose output or outcome."));
        }

        if (!Enum.IsDefined(input.Polarity) || input.RangeDirection is not (Polarity.Higher or Polarity.Lower))
        {
            yield return ("Polarity", ui.T("Pilih polaritas (makin tinggi makin baik, makin rendah makin baik, atau rentang dengan arahnya).",
                "Choose the polarity (higher is better, lower is better, or a range with its direction)."));
        }

        if (!Enum.IsDefined(input.QuarterMode))
        {
            yield return ("QuarterMode", ui.T("Pilih kumulatif atau per triwulan.", "Choose cumulative or per quarter."));
        }
    }

    /// <summary>What is wrong with a target of an indicator with this polarity in a plan period, by field.</summary>
    public IEnumerable<(string Field, string Message)> TargetProblems(Polarity polarity, int startYear, int endYear, int year, ReportPeriod period, decimal value, decimal? max)
    {
        if (year < startYear || year > endYear)
        {
            yield return ("Year", ui.T($"Tahun di luar periode rencana ({startYear}–{endYear}).", $"The year is outside the plan period ({startYear}–{endYear})."));
        }

        if (!Enum.IsDefined(period))
        {
            yield return ("Period", ui.T("Pilih triwulan atau tahun.", "Choose a quarter or the year."));
        }

        if (polarity == Polarity.Range ? max is not { } m || m < value : max is not null)
        {
            yield return ("Max", polarity == Polarity.Range
                ? ui.T("Target rentang perlu batas atas yang tidak lebih kecil dari batas bawah.", "A range target needs an upper bound not below its lower bound.")
                : ui.T("Batas atas hanya untuk indikator rentang.", "An upper bound is only for range indicators."));
        }
    }

    public async Task<PlanResult<PlanNode>> AddNodeAsync(PlanAccess access, NodeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(input);
        if (!access.MayWrite(input.OpdId))
        {
            return new(null, Denied());
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var code = input.Code?.Trim();
        var name = input.Name?.Trim();
        if (!Enum.IsDefined(input.Level))
        {
            Error("Level", ui.T("Pilih tingkat.", "Choose a level."));
            return new(null, errors);
        }

        if (!await db.PlanPeriods.AnyAsync(p => p.Id == input.PeriodId, ct))
        {
            Error("PeriodId", ui.T("Periode rencana tidak dikenal.", "Unknown plan period."));
        }

        if (!await db.Opds.AnyAsync(o => o.Id == input.OpdId, ct))
        {
            Error("OpdId", ui.T("OPD tidak dikenal.", "Unknown agency."));
        }

        PlanNode? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.PlanNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == parentId, ct);
            if (parent is null || parent.OpdId != input.OpdId || parent.PeriodId != input.PeriodId)
            {
                Error("ParentId", ui.T("Induk tidak ditemukan di rencana OPD ini.", "The parent is not in this agency's plan."));
            }
        }

        if (!errors.ContainsKey("ParentId"))
        {
            foreach (var (field, message) in PlaceProblems(input.Level, code, parent?.Level, parent?.Code))
            {
                Error(field, message);
            }
        }

        if (NameProblem(name) is { } nameProblem)
        {
            Error("Name", nameProblem);
        }

        if (errors.Count == 0 && await db.PlanNodes.AnyAsync(n => n.PeriodId == input.PeriodId && n.OpdId == input.OpdId && n.Code == code, ct))
        {
            Error("Code", ui.T("Kode ini sudah ada di rencana OPD ini.", "This code is already in the agency's plan."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var node = new PlanNode { PeriodId = input.PeriodId, OpdId = input.OpdId, ParentId = input.ParentId, Level = input.Level, Code = code!, Name = name! };
        db.PlanNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return new(node, errors);
    }

    public async Task<PlanResult<Indicator>> AddIndicatorAsync(PlanAccess access, IndicatorInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(input);
        if (await OpdOfNodeAsync(input.PlanNodeId, ct) is { } owner && !access.MayWrite(owner))
        {
            return new(null, Denied());
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        var code = input.Code?.Trim();
        var name = input.Name?.Trim();
        var unit = input.Unit?.Trim();
        if (!await db.PlanNodes.AnyAsync(n => n.Id == input.PlanNodeId, ct))
        {
            Error("PlanNodeId", ui.T("Elemen rencana tidak dikenal.", "Unknown plan element."));
        }

        foreach (var (field, message) in IndicatorProblems(input))
        {
            Error(field, message);
        }

        if (errors.Count == 0 && await db.Indicators.AnyAsync(i => i.PlanNodeId == input.PlanNodeId && i.Code == code, ct))
        {
            Error("Code", ui.T("Kode indikator ini sudah ada pada elemen rencana ini.", "This indicator code is already on this plan element."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var indicator = new Indicator
        {
            PlanNodeId = input.PlanNodeId,
            Code = code!,
            Name = name!,
            Kind = input.Kind,
            IsIku = input.IsIku,
            Unit = unit!,
            Polarity = input.Polarity,
            RangeDirection = input.RangeDirection,
            Baseline = input.Baseline,
            QuarterMode = input.QuarterMode,
            Formula = input.Formula?.Trim() is { Length: > 0 } f ? f : null,
            DataSource = input.DataSource?.Trim() is { Length: > 0 } d ? d : null,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return new(indicator, errors);
    }

    /// <summary>Sets (adds or replaces) an indicator's target for a year of its plan period and a quarter or the year.</summary>
    public async Task<PlanResult<IndicatorTarget>> SetTargetAsync(PlanAccess access, long indicatorId, int year, ReportPeriod period, decimal value, decimal? max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var errors = new Dictionary<string, string[]>();
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId)
            .Select(i => new { i.Polarity, i.PlanNode!.OpdId, i.PlanNode.Period!.StartYear, i.PlanNode.Period.EndYear }).SingleOrDefaultAsync(ct);
        if (indicator is null)
        {
            return new(null, new() { ["IndicatorId"] = [ui.T("Indikator tidak dikenal.", "Unknown indicator.")] });
        }

        if (!access.MayWrite(indicator.OpdId))
        {
            return new(null, Denied());
        }

        foreach (var (field, message) in TargetProblems(indicator.Polarity, indicator.StartYear, indicator.EndYear, year, period, value, max))
        {
            errors[field] = [message];
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var target = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.IndicatorId == indicatorId && t.Year == year && t.Period == period, ct);
        if (target is null)
        {
            target = new IndicatorTarget { IndicatorId = indicatorId, Year = year, Period = period };
            db.IndicatorTargets.Add(target);
        }

        target.Value = value;
        target.Max = max;
        await db.SaveChangesAsync(ct);
        return new(target, errors);
    }

    /// <summary>Sets a sub kegiatan's budget ceiling (pagu) for a year of its plan period.</summary>
    public async Task<PlanResult<BudgetCeiling>> SetPaguAsync(PlanAccess access, long subKegiatanId, int year, decimal pagu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var node = await db.PlanNodes.AsNoTracking().Where(n => n.Id == subKegiatanId)
            .Select(n => new { n.Level, n.OpdId, n.Period!.StartYear, n.Period.EndYear }).SingleOrDefaultAsync(ct);
        if (node is not null && !access.MayWrite(node.OpdId))
        {
            return new(null, Denied());
        }

        var errors = new Dictionary<string, string[]>();
        if (node is null || node.Level != PlanLevel.SubKegiatan)
        {
            errors["PlanNodeId"] = [ui.T("Pagu hanya untuk sub kegiatan.", "A budget ceiling belongs to a sub kegiatan.")];
        }
        else if (year < node.StartYear || year > node.EndYear)
        {
            errors["Year"] = [ui.T($"Tahun di luar periode rencana ({node.StartYear}–{node.EndYear}).", $"The year is outside the plan period ({node.StartYear}–{node.EndYear}).")];
        }

        if (pagu < 0 || decimal.Round(pagu, 2) != pagu)
        {
            errors["Pagu"] = [ui.T("Pagu dalam rupiah, tidak negatif, paling banyak dua angka desimal.", "The ceiling is in rupiah, not negative, at most two decimals.")];
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var ceiling = await db.BudgetCeilings.SingleOrDefaultAsync(b => b.PlanNodeId == subKegiatanId && b.Year == year, ct);
        if (ceiling is null)
        {
            ceiling = new BudgetCeiling { PlanNodeId = subKegiatanId, Year = year };
            db.BudgetCeilings.Add(ceiling);
        }

        ceiling.Pagu = pagu;
        await db.SaveChangesAsync(ct);
        return new(ceiling, errors);
    }
}
