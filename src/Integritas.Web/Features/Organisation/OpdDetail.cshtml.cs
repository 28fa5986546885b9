using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public sealed class OpdDetailModel(IntegritasDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record PositionRow(string Title, string? Grade, List<string> Holders, string? SuperiorTitle);

    public sealed record UnitRow(string Name, string Kind, string? RegionName);

    public Opd Opd { get; private set; } = null!;

    public List<PositionRow> Positions { get; private set; } = [];

    public List<UnitRow> Units { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().Include(o => o.Region).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
        {
            return NotFound();
        }

        Opd = opd;
        Positions = await db.Positions.AsNoTracking().Where(p => p.OpdId == id)
            .OrderByDescending(p => p.IsHead).ThenBy(p => p.Grade == null).ThenBy(p => p.Grade).ThenBy(p => p.Title)
            .Select(p => new PositionRow(p.Title, p.Grade, p.Holders.Where(h => h.ActiveUntil == null).Select(h => h.Name).ToList(), p.Superior!.Title))
            .ToListAsync(ct);
        Units = await db.ServiceUnits.AsNoTracking().Where(u => u.OpdId == id && u.IsActive).OrderBy(u => u.Name)
            .Select(u => new UnitRow(u.Name, u.Kind.ToString(), u.Region!.Name)).ToListAsync(ct);
        CanEdit = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, id, Policies.EditOpd)).Succeeded;
        return Page();
    }
}
