using System.Security.Claims;
using Integritas.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

public sealed class IndexModel(IntegritasDbContext db) : PageModel
{
    public sealed record OpdLink(int Id, string Name);

    public List<string> Roles { get; private set; } = [];

    public List<OpdLink> MyOpds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).Select(r => Data.Identity.Roles.All.FirstOrDefault(i => i.Name == r)?.LabelId ?? r).ToList();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (User.IsInRole(Data.Identity.Roles.OpdOperator))
        {
            MyOpds = await db.UserOpdScopes.Where(s => s.UserId == userId).OrderBy(s => s.Opd!.Name)
                .Select(s => new OpdLink(s.OpdId, s.Opd!.Name)).ToListAsync(ct);
        }
    }
}
