using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Organisation;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// What every report reads and staff rarely change — the active categories with their attributes, the holiday
/// calendar, the desa codes — kept in memory and reloaded when <see cref="DataVersions"/> says their rows changed, so
/// a report costs no lookups beyond its own rows (issue 4's 1,000 creates/s).
/// </summary>
public sealed class ComplaintReferenceCache(DataVersions versions)
{
    private static readonly Type[] CategoryTypes = [typeof(ComplaintCategory), typeof(ComplaintCategoryAttribute)];

    private Snapshot<IReadOnlyDictionary<string, ComplaintCategory>>? categories;
    private Snapshot<HolidayCalendar>? holidays;
    private Snapshot<IReadOnlyDictionary<string, int>>? villages;

    private sealed record Snapshot<T>(long Version, T Value);

    /// <summary>
    /// The active category with this code and its attributes, as a fresh copy the caller may attach to its context,
    /// or null.
    /// </summary>
    public async Task<ComplaintCategory?> ActiveCategoryAsync(IntegritasDbContext db, string code, CancellationToken ct)
    {
        var version = versions.Of(CategoryTypes);
        var current = categories;
        if (current is null || current.Version != version)
        {
            var loaded = await db.ComplaintCategories.AsNoTracking().Include(c => c.Attributes).Where(c => c.IsActive).ToListAsync(ct);
            current = new(version, loaded.ToDictionary(c => c.Code, StringComparer.Ordinal));
            categories = current;
        }

        return current.Value.TryGetValue(code, out var category) ? Copy(category) : null;
    }

    public async Task<HolidayCalendar> HolidaysAsync(IntegritasDbContext db, CancellationToken ct)
    {
        var version = versions.Of<Holiday>();
        var current = holidays;
        if (current is null || current.Version != version)
        {
            current = new(version, new HolidayCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct)));
            holidays = current;
        }

        return current.Value;
    }

    /// <summary>The id of the desa/kelurahan with this Kemendagri code, or null.</summary>
    public async Task<int?> VillageIdAsync(IntegritasDbContext db, string code, CancellationToken ct)
    {
        var version = versions.Of<Region>();
        var current = villages;
        if (current is null || current.Version != version)
        {
            var loaded = await db.Regions.AsNoTracking().Where(r => r.Level == Core.Organisation.RegionLevel.Village)
                .Select(r => new { r.Code, r.Id }).ToListAsync(ct);
            current = new(version, loaded.ToDictionary(r => r.Code, r => r.Id, StringComparer.Ordinal));
            villages = current;
        }

        return current.Value.TryGetValue(code, out var id) ? id : null;
    }

    // The cached objects are never handed out: a context that tracked one would share it with every other request.
    private static ComplaintCategory Copy(ComplaintCategory c)
    {
        var copy = new ComplaintCategory
        {
            Id = c.Id,
            Code = c.Code,
            NameId = c.NameId,
            NameEn = c.NameEn,
            DescriptionId = c.DescriptionId,
            DescriptionEn = c.DescriptionEn,
            Group = c.Group,
            Keywords = c.Keywords,
            Kind = c.Kind,
            DefaultOpdId = c.DefaultOpdId,
            ResponseHours = c.ResponseHours,
            ResolutionWorkingDays = c.ResolutionWorkingDays,
            RewardPoints = c.RewardPoints,
            IsActive = c.IsActive,
            SortOrder = c.SortOrder,
        };
        foreach (var a in c.Attributes)
        {
            copy.Attributes.Add(new ComplaintCategoryAttribute
            {
                Id = a.Id,
                CategoryId = a.CategoryId,
                Category = copy,
                Code = a.Code,
                Datatype = a.Datatype,
                Required = a.Required,
                Description = a.Description,
                DatatypeDescription = a.DatatypeDescription,
                Order = a.Order,
                Values = a.Values,
            });
        }

        return copy;
    }
}
