using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>The public regency overview: OPDs ranked by capaian, absorption and punctuality in a year.</summary>
public sealed class RegencyModel(IntegritasDbContext db, Overview overview, IOptions<IntegritasOptions> integritas, IOptions<PerformanceOptions> options) : PageModel
{
    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    [FromQuery(Name = "urut")]
    public string? SortBy { get; set; }

    [FromQuery(Name = "wilayah")]
    public string? RegionCode { get; set; }

    public string RegionName { get; private set; } = "";

    public List<OverviewRow> Rows { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public bool BadYear { get; private set; }

    public PerformanceOptions Options => options.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(RegionCode) ? integritas.Value.HomeRegionCode : RegionCode.Trim();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return NotFound();
        }

        RegionName = region.Name;
        Years = await overview.YearsAsync(ct);
        var thisYear = overview.Today.Year;
        if (Year is { } y && (y < 2000 || y > thisYear))
        {
            BadYear = true;
            Year = null;
        }

        Year ??= Years.FirstOrDefault(thisYear);
        Rows = [.. Overview.Sort(await overview.ForAsync(region.Id, Year.Value, ct), SortBy)];
        return Page();
    }
}
