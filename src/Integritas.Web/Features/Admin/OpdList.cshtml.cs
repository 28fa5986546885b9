using Integritas.Data;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class OpdListModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Code, string Name, bool IsActive);

    [FromQuery]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = OrganisationApi.SearchOpds(db, Q, null);
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.OrderBy(o => o.Code).Skip(Pager.Skip).Take(PageSize).Select(o => new Row(o.Id, o.Code, o.Name, o.IsActive)).ToListAsync(ct);
    }
}
