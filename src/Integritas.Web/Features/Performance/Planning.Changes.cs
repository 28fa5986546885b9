using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Changing and removing what is planned: an element is renamed (its code and place stay: children's codes and reports
/// hang on them) or removed while nothing hangs under it; an indicator's description changes freely, but once it has
/// been reported its code, unit, polarity and quarterly mode stay — they are what its published figures mean; a
/// reported indicator is not removed. Every change is checked first and lands in the audit trail.
/// </summary>
public sealed partial class Planning
{
    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };

    public async Task<PlanResult<PlanNode>> RenameNodeAsync(PlanAccess access, long nodeId, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null)
        {
            return new(null, One("NodeId", ui.T("Elemen rencana tidak dikenal.", "Unknown plan element.")));
        }

        if (!access.MayWrite(node.OpdId))
        {
            return new(null, Denied());
        }

        name = name?.Trim();
        if (NameProblem(name) is { } problem)
        {
            return new(null, One("Name", problem));
        }

        node.Name = name!;
        await db.SaveChangesAsync(ct);
        return new(node, []);
    }

    public async Task<PlanResult<PlanNode>> DeleteNodeAsync(PlanAccess access, long nodeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null)
        {
            return new(null, One("NodeId", ui.T("Elemen rencana tidak dikenal.", "Unknown plan element.")));
        }

        if (!access.MayWrite(node.OpdId))
        {
            return new(null, Denied());
        }

        if (await db.PlanNodes.AnyAsync(n => n.ParentId == nodeId, ct) || await db.Indicators.AnyAsync(i => i.PlanNodeId == nodeId, ct))
        {
            return new(null, One("NodeId", ui.T($"{node.Code} masih mempunyai elemen atau indikator di bawahnya; hapus itu lebih dulu.",
                $"{node.Code} still has elements or indicators under it; remove those first.")));
        }

        if (await db.BudgetRealisations.AnyAsync(b => b.PlanNodeId == nodeId, ct))
        {
            return new(null, One("NodeId", ui.T($"Realisasi anggaran {node.Code} sudah dilaporkan; elemen ini tidak dapat dihapus.",
                $"Spending on {node.Code} has been reported; this element cannot be removed.")));
        }

        db.BudgetCeilings.RemoveRange(await db.BudgetCeilings.Where(c => c.PlanNodeId == nodeId).ToListAsync(ct));
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync(ct);
        return new(node, []);
    }

    /// <summary>Changes an indicator's fields (not its plan element: <paramref name="input"/>'s element must be its own).</summary>
    public async Task<PlanResult<Indicator>> UpdateIndicatorAsync(PlanAccess access, long indicatorId, IndicatorInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Indicators.Include(i => i.PlanNode).SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return new(null, One("IndicatorId", ui.T("Indikator tidak dikenal.", "Unknown indicator.")));
        }

        if (!access.MayWrite(indicator.PlanNode!.OpdId))
        {
            return new(null, Denied());
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        if (input.PlanNodeId != indicator.PlanNodeId)
        {
            Error("PlanNodeId", ui.T("Indikator tidak dapat dipindah ke elemen lain; buat indikator baru di sana.", "An indicator cannot move to another element; add a new one there."));
        }

        foreach (var (field, message) in IndicatorProblems(input))
        {
            Error(field, message);
        }

        var code = input.Code?.Trim();
        var unit = input.Unit?.Trim();
        if (errors.Count == 0 && code != indicator.Code && await db.Indicators.AnyAsync(i => i.PlanNodeId == indicator.PlanNodeId && i.Code == code, ct))
        {
            Error("Code", ui.T("Kode indikator ini sudah ada pada elemen rencana ini.", "This indicator code is already on this plan element."));
        }

        var meaningChanges = code != indicator.Code || unit != indicator.Unit || input.Polarity != indicator.Polarity
            || (input.Polarity == Core.Performance.Polarity.Range && input.RangeDirection != indicator.RangeDirection) || input.QuarterMode != indicator.QuarterMode;
        if (errors.Count == 0 && meaningChanges && await db.IndicatorRealisations.AnyAsync(r => r.IndicatorId == indicatorId, ct))
        {
            Error("Code", ui.T("Indikator ini sudah dilaporkan: kode, satuan, polaritas dan cara triwulannya tidak dapat diubah lagi (angka yang terbit bergantung padanya). Ubah nama atau keterangannya saja, atau buat indikator baru.",
                "This indicator has been reported: its code, unit, polarity and quarterly mode can no longer change (published figures depend on them). Change its name or notes only, or add a new indicator."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        indicator.Code = code!;
        indicator.Name = input.Name!.Trim();
        indicator.Kind = input.Kind;
        indicator.IsIku = input.IsIku;
        indicator.Unit = unit!;
        indicator.Polarity = input.Polarity;
        indicator.RangeDirection = input.RangeDirection;
        indicator.Baseline = input.Baseline;
        indicator.QuarterMode = input.QuarterMode;
        indicator.Formula = input.Formula?.Trim() is { Length: > 0 } f ? f : null;
        indicator.DataSource = input.DataSource?.Trim() is { Length: > 0 } d ? d : null;
        await db.SaveChangesAsync(ct);
        return new(indicator, []);
    }

    /// <summary>Removes an indicator that has never been reported, with its targets.</summary>
    public async Task<PlanResult<Indicator>> DeleteIndicatorAsync(PlanAccess access, long indicatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var indicator = await db.Indicators.Include(i => i.PlanNode).SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return new(null, One("IndicatorId", ui.T("Indikator tidak dikenal.", "Unknown indicator.")));
        }

        if (!access.MayWrite(indicator.PlanNode!.OpdId))
        {
            return new(null, Denied());
        }

        if (await db.IndicatorRealisations.AnyAsync(r => r.IndicatorId == indicatorId, ct) || await db.ReportEvidence.AnyAsync(e => e.IndicatorId == indicatorId, ct))
        {
            return new(null, One("IndicatorId", ui.T($"Indikator {indicator.Code} sudah dilaporkan dan tidak dapat dihapus.", $"Indicator {indicator.Code} has been reported and cannot be removed.")));
        }

        db.IndicatorTargets.RemoveRange(await db.IndicatorTargets.Where(t => t.IndicatorId == indicatorId).ToListAsync(ct));
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(ct);
        return new(indicator, []);
    }
}
