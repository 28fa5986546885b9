using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Who may change an OPD's plan: administrators any OPD's, OPD operators only the OPDs they are scoped to (issue 5:
/// an operator cannot write another OPD's data). Everyone else changes nothing.
/// </summary>
public sealed record PlanAccess(bool IsAdmin, IReadOnlyCollection<int> OperatorOpds)
{
    public static readonly PlanAccess Nobody = new(false, []);

    public bool MayWrite(int opdId) => IsAdmin || OperatorOpds.Contains(opdId);

    public static async Task<PlanAccess> ForAsync(ClaimsPrincipal user, IntegritasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        IReadOnlyCollection<int> opds = userId is not null && user.IsInRole(Roles.OpdOperator)
            ? await db.UserOpdScopes.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.OpdId).ToListAsync(ct)
            : [];
        return new PlanAccess(user.IsInRole(Roles.Admin), opds);
    }
}
