using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public sealed class ServiceUnitsModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 30;

    public sealed record DistrictOption(string Code, string Name);

    [FromQuery]
    public string? Q { get; set; }

    [FromQuery]
    public string? Kind { get; set; }

    [FromQuery]
    public string? Kecamatan { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<ServiceUnitDto> Rows { get; private set; } = [];

    public List<DistrictOption> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Name)
            .Select(r => new DistrictOption(r.Code, r.Name)).ToListAsync(ct);
        var query = ServiceUnitQueries.Search(db, null, Kind, Kecamatan, Q).Where(u => u.IsActive);
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.OrderBy(u => u.Name).Skip(Pager.Skip).Take(PageSize)
            .Select(u => new ServiceUnitDto(u.Id, u.Code, u.Name, u.Kind.ToString(), u.OpdId, u.Opd!.Name, u.Region!.Code, u.Region.Name, u.Address))
            .ToListAsync(ct);
    }
}
