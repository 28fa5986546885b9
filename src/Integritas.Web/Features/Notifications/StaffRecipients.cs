using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Notifications;

/// <summary>Staff accounts to write to: by role, with an e-mail address, not locked out.</summary>
public static class StaffRecipients
{
    public static IQueryable<AppUser> InRole(IntegritasDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
    }

    /// <summary>The distinct e-mail addresses of the users not locked out at <paramref name="nowUtc"/>, sorted.</summary>
    public static async Task<List<string>> EmailsAsync(IQueryable<AppUser> users, DateTime nowUtc, CancellationToken ct)
    {
        var found = await users.Where(u => u.Email != null).Select(u => new { u.Email, u.LockoutEnd }).ToListAsync(ct);
        return [.. found.Where(u => u.LockoutEnd is null || u.LockoutEnd.Value.UtcDateTime <= nowUtc).Select(u => u.Email!)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.OrdinalIgnoreCase)];
    }
}
