using Integritas.Core.Performance;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>One OPD's line in the regency overview.</summary>
public sealed record OverviewRow(
    int OpdId,
    string Code,
    string Name,
    string? ShortName,
    int? LatestQuarter,
    decimal? Capaian,
    decimal? IkuCapaian,
    decimal? Absorption,
    int Due,
    int OnTime,
    int Late,
    int Missing)
{
    /// <summary>Share of the quarters due so far that were submitted by their due date, in percent.</summary>
    public decimal? Punctuality => Due == 0 ? null : Math.Round(100m * OnTime / Due, 1);
}

/// <summary>
/// The regency overview (issue 5 item 5): every OPD of a kabupaten/kota ranked by capaian, budget absorption and
/// punctuality in a year. Reads only the figures stored with each published report and the reports' dates, so it
/// costs three small queries however many indicators the OPDs have.
/// </summary>
public sealed class Overview(IntegritasDbContext db, IOptions<PerformanceOptions> options, TimeProvider time)
{
    public DateOnly Today => HolidayCalendar.WibDate(time.GetUtcNow().UtcDateTime);

    /// <summary>The years of the plan periods up to this year, newest first (the pages' year choices).</summary>
    /// <summary>The years to offer and the one to show: <paramref name="requested"/> when offered, else the latest (this year when none).</summary>
    public async Task<(List<int> Years, int Year)> ChooseYearAsync(int? requested, CancellationToken ct)
    {
        var years = await YearsAsync(ct);
        return (years, requested is { } y && years.Contains(y) ? y : years.FirstOrDefault(Today.Year));
    }

    public async Task<List<int>> YearsAsync(CancellationToken ct)
    {
        var periods = await db.PlanPeriods.AsNoTracking().Select(p => new { p.StartYear, p.EndYear }).ToListAsync(ct);
        var thisYear = Today.Year;
        return [.. periods.SelectMany(p => Enumerable.Range(p.StartYear, p.EndYear - p.StartYear + 1)).Distinct().Where(y => y <= thisYear).OrderDescending()];
    }

    /// <summary>The OPDs with a plan covering a year (those that owe quarterly reports), by id.</summary>
    public async Task<Dictionary<int, string>> PlannedOpdsAsync(int year, CancellationToken ct) =>
        (await db.PlanNodes.AsNoTracking().Where(n => n.Period!.StartYear <= year && n.Period.EndYear >= year)
            .Select(n => new { n.OpdId, n.Opd!.Name }).Distinct().ToListAsync(ct))
        .ToDictionary(n => n.OpdId, n => n.Name);

    /// <param name="opdId">Only this OPD's row (an OPD page), instead of reading the whole regency's reports.</param>
    public async Task<List<OverviewRow>> ForAsync(int regionId, int year, CancellationToken ct, int? opdId = null)
    {
        var opds = await db.Opds.AsNoTracking().Where(o => o.RegionId == regionId && o.IsActive && (opdId == null || o.Id == opdId))
            .Select(o => new { o.Id, o.Code, o.Name, o.ShortName }).ToListAsync(ct);
        var reports = await db.QuarterReports.AsNoTracking().Where(r => r.Year == year && r.Opd!.RegionId == regionId && (opdId == null || r.OpdId == opdId))
            .Select(r => new { r.OpdId, r.Quarter, r.Status, r.IsLate, r.SubmittedAtUtc, r.CapaianMean, r.IkuCapaianMean, r.Pagu, r.Spent })
            .ToListAsync(ct);
        var today = Today;
        var due = Enumerable.Range(1, 4).Count(q => options.Value.DueDate(year, q) < today);
        var byOpd = reports.ToLookup(r => r.OpdId);
        return [.. opds.Select(o =>
        {
            var mine = byOpd[o.Id].ToList();
            var latest = mine.Where(r => r.Status == ReportStatus.Published).MaxBy(r => r.Quarter);
            var submittedDue = mine.Where(r => r.Quarter <= due && r.SubmittedAtUtc is not null).ToList();
            return new OverviewRow(o.Id, o.Code, o.Name, o.ShortName, latest?.Quarter, latest?.CapaianMean, latest?.IkuCapaianMean,
                latest is null ? null : Capaian.Absorption(latest.Pagu ?? 0, latest.Spent ?? 0).Percent,
                due, submittedDue.Count(r => !r.IsLate), submittedDue.Count(r => r.IsLate), due - submittedDue.Count);
        })];
    }

    /// <summary>Sort keys the page offers; unknown keys rank by capaian.</summary>
    public static IEnumerable<OverviewRow> Sort(IEnumerable<OverviewRow> rows, string? by) => by switch
    {
        "serapan" => rows.OrderByDescending(r => r.Absorption ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal),
        "ketepatan" => rows.OrderByDescending(r => r.Punctuality ?? -1).ThenBy(r => r.Missing).ThenBy(r => r.Name, StringComparer.Ordinal),
        "nama" => rows.OrderBy(r => r.Name, StringComparer.Ordinal),
        _ => rows.OrderByDescending(r => r.Capaian ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal),
    };
}
