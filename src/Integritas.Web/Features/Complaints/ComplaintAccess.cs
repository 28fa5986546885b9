using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Who may see and act on reports in the workspace: coordinators (Admin, Verifier) all reports; OPD operators the
/// reports disposed to their OPDs; leadership and auditors read everything but act on nothing.
/// </summary>
public sealed record ComplaintAccess(bool IsCoordinator, bool MayReadAll, IReadOnlyCollection<int> OperatorOpds, string? UserId, string Role)
{
    public bool MayEnter => MayReadAll || OperatorOpds.Count > 0;

    public bool MayAct => IsCoordinator || OperatorOpds.Count > 0;

    public StaffActor Actor => new(UserId, Role);

    public static async Task<ComplaintAccess> ForAsync(ClaimsPrincipal user, IntegritasDbContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var coordinator = ComplaintWorkflow.CoordinatorRoles.Any(user.IsInRole);
        var reader = coordinator || user.IsInRole(Roles.Leadership) || user.IsInRole(Roles.Auditor);
        IReadOnlyCollection<int> opds = userId is not null && user.IsInRole(Roles.OpdOperator)
            ? await db.UserOpdScopes.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.OpdId).ToListAsync(ct)
            : [];
        var role = user.IsInRole(Roles.Verifier) ? Roles.Verifier
            : user.IsInRole(Roles.Admin) ? Roles.Admin
            : opds.Count > 0 ? Roles.OpdOperator
            : user.IsInRole(Roles.Leadership) ? Roles.Leadership : Roles.Auditor;
        return new ComplaintAccess(coordinator, reader, opds, userId, role);
    }

    /// <summary>Whether this account may open the report in the workspace.</summary>
    public bool MaySee(Data.Complaints.Complaint complaint) =>
        MayReadAll || (complaint.OpdId is { } opd && OperatorOpds.Contains(opd));

    /// <summary>Whether this account may act on the report.</summary>
    public bool MayHandle(Data.Complaints.Complaint complaint) =>
        ComplaintWorkflow.MayHandle(complaint, IsCoordinator, OperatorOpds);
}
