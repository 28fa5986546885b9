using Integritas.Data;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class UsersModel(IntegritasDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(string Id, string DisplayName, string? UserName, List<string> Roles, bool TwoFactor, bool Locked);

    [FromQuery]
    public string? Q { get; set; }

    [FromQuery]
    public string? Role { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(term) || u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        var now = time.GetUtcNow();
        var users = await query.OrderBy(u => u.DisplayName).Skip(Pager.Skip).Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.UserName,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.UserName, u.Roles, u.TwoFactorEnabled, u.LockoutEnd > now)).ToList();
    }
}
