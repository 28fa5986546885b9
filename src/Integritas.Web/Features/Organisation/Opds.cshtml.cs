using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public sealed class OpdsModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 25;

    [FromQuery]
    public string? Q { get; set; }

    [FromQuery]
    public string? Kind { get; set; }

    [FromQuery]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<OpdDto> Rows { get; private set; } = [];

    public string CsvUrl => QueryHelpers.AddQueryString("/api/v1/opds.csv", new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["sort"] = Sort }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = OrganisationApi.SearchOpds(db, Q, Kind);
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await OrganisationApi.Project(OrganisationApi.SortOpds(query, Sort).Skip(Pager.Skip).Take(PageSize)).ToListAsync(ct);
    }
}
