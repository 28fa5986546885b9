using Integritas.Core.Complaints;
using Integritas.Core.Time;
using Integritas.Data;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>One row of a breakdown: a category, a kecamatan or an OPD, with its figures.</summary>
public sealed record FigureRow(string Code, string Name, ComplaintFigureSet Figures);

/// <summary>A year's complaint figures: overall, by category, kecamatan and OPD, and by month.</summary>
public sealed record ComplaintDashboard(
    int Year,
    ComplaintFigureSet Overall,
    IReadOnlyList<FigureRow> ByCategory,
    IReadOnlyList<FigureRow> ByDistrict,
    IReadOnlyList<FigureRow> ByOpd,
    IReadOnlyList<(int Month, int Received, int Resolved)> Monthly);

/// <summary>
/// Gathers the figures of <see cref="ComplaintFigures"/> for the dashboards and their CSV. Reads only the few columns
/// the figures need for the year's reports (received in that WIB calendar year).
/// </summary>
public sealed class ComplaintStatistics(IntegritasDbContext db, TimeProvider time)
{
    private sealed record Fact(ReportFacts Facts, int CategoryId, int? DistrictId, int? OpdId);

    public const string NoDistrict = "-";

    public async Task<ComplaintDashboard> ForYearAsync(int year, CancellationToken ct)
    {
        var from = Wib.StartOfDayUtc(new DateOnly(year, 1, 1));
        var to = Wib.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to)
            .Select(c => new { c.ReceivedAtUtc, c.ResponseDueUtc, c.FirstResponseAtUtc, c.ResolvedAtUtc, c.Status, c.Rating, c.CategoryId, DistrictId = c.Region!.ParentId, c.OpdId })
            .ToListAsync(ct);
        var facts = rows.Select(r => new Fact(new ReportFacts(r.ReceivedAtUtc, r.ResponseDueUtc, r.FirstResponseAtUtc, r.ResolvedAtUtc, r.Status, r.Rating), r.CategoryId, r.DistrictId, r.OpdId)).ToList();
        var now = time.GetUtcNow().UtcDateTime;

        var categories = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code, c.NameId }).ToListAsync(ct);
        var districtIds = facts.Where(f => f.DistrictId is not null).Select(f => f.DistrictId!.Value).Distinct().ToList();
        var districts = await db.Regions.AsNoTracking().Where(r => districtIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct);
        var opdIds = facts.Where(f => f.OpdId is not null).Select(f => f.OpdId!.Value).Distinct().ToList();
        var opds = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);

        FigureRow Row(string code, string name, IEnumerable<Fact> group) => new(code, name, ComplaintFigures.Compute(group.Select(g => g.Facts), now));

        var byCategory = categories
            .Select(c => Row(c.Code, c.NameId, facts.Where(f => f.CategoryId == c.Id)))
            .Where(r => r.Figures.Received > 0).ToList();
        var byDistrict = facts.GroupBy(f => f.DistrictId)
            .Select(g => g.Key is { } id ? Row(districts[id].Code, districts[id].Name, g) : Row(NoDistrict, "(tanpa desa)", g))
            .OrderByDescending(r => r.Figures.Received).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byOpd = facts.Where(f => f.OpdId is not null).GroupBy(f => f.OpdId!.Value)
            .Select(g => Row(opds[g.Key].Code, opds[g.Key].Name, g))
            .OrderByDescending(r => r.Figures.AnsweredOnTimePercent ?? -1).ThenBy(r => r.Figures.MedianDaysToResolve ?? double.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var monthly = Enumerable.Range(1, 12).Select(m => (
            m,
            facts.Count(f => Wib.FromUtc(f.Facts.ReceivedUtc).Month == m),
            facts.Count(f => f.Facts.ResolvedUtc is { } done && done >= from && done < to && Wib.FromUtc(done).Month == m))).ToList();
        return new ComplaintDashboard(year, ComplaintFigures.Compute(facts.Select(f => f.Facts), now), byCategory, byDistrict, byOpd, monthly);
    }

    /// <summary>The current year in WIB.</summary>
    public int ThisYear => Wib.FromUtc(time.GetUtcNow()).Year;
}
