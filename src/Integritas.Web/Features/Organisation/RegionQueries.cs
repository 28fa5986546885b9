using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public static class RegionQueries
{
    /// <summary>The areas above <paramref name="code"/>, province first (for breadcrumbs).</summary>
    public static async Task<List<Region>> AncestorsAsync(IntegritasDbContext db, string code, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var parent = RegionCode.TryParse(code, out var rc) ? rc.Value.ParentCode : null; parent is not null;
             parent = RegionCode.TryParse(parent, out var pc) ? pc.Value.ParentCode : null)
        {
            codes.Add(parent);
        }

        var found = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        return [.. found.OrderBy(r => r.Code.Length)];
    }
}
