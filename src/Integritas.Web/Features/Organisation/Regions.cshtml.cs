using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public sealed class RegionsModel(IntegritasDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name, string Kind, int ChildCount);

    public Region? Current { get; private set; }

    public List<Region> Ancestors { get; } = [];

    public List<Row> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        IQueryable<Region> children;
        if (code is null)
        {
            children = db.Regions.Where(r => r.Level == RegionLevel.Province);
        }
        else
        {
            Current = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
            if (Current is null)
            {
                return NotFound();
            }

            Ancestors.AddRange(await RegionQueries.AncestorsAsync(db, code, ct));

            var id = Current.Id;
            children = db.Regions.Where(r => r.ParentId == id);
        }

        var rows = await children.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level, Count = r.Children.Count }).ToListAsync(ct);
        Children = rows.Select(r => new Row(r.Code, r.Name, new Region { Code = r.Code, Name = r.Name, Level = r.Level }.KindLabel, r.Count)).ToList();
        return Page();
    }
}
