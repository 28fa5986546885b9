using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Who may do what with an OPD's plan and reports: administrators change any OPD's plan, OPD operators only the OPDs
/// they are scoped to (issue 5: an operator cannot write or read the drafts of another OPD); verifiers read every
/// report and verify, return and publish them; leadership and auditors read every report. Everyone else reads only
/// what is published.
/// </summary>
public sealed record PlanAccess(bool IsAdmin, IReadOnlyCollection<int> OperatorOpds, bool IsVerifier = false, bool ReadsAll = false)
{
    public static readonly PlanAccess Nobody = new(false, []);

    public bool MayWrite(int opdId) => IsAdmin || OperatorOpds.Contains(opdId);

    /// <summary>May see this OPD's unpublished reports.</summary>
    public bool MayRead(int opdId) => IsAdmin || IsVerifier || ReadsAll || OperatorOpds.Contains(opdId);

    public bool IsStaff => IsAdmin || IsVerifier || ReadsAll || OperatorOpds.Count > 0;

    public static async Task<PlanAccess> ForAsync(ClaimsPrincipal user, IntegritasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        IReadOnlyCollection<int> opds = userId is not null && user.IsInRole(Roles.OpdOperator)
            ? await db.UserOpdScopes.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.OpdId).ToListAsync(ct)
            : [];
        return new PlanAccess(user.IsInRole(Roles.Admin), opds, user.IsInRole(Roles.Verifier),
            user.IsInRole(Roles.Leadership) || user.IsInRole(Roles.Auditor));
    }
}
