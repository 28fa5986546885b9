using System.Security.Cryptography;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Integritas.Web.Features.Account;

/// <summary>
/// While no administrator exists, the one-time setup page accepts a random token printed on the server's console,
/// so only whoever started the server can claim the first administrator account. Once an administrator exists the
/// page is gone (404).
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock gate = new();

    public string? Token { get; private set; }

    public async Task RefreshAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        lock (gate)
        {
            Token = admins.Count > 0 ? null : Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
    }

    public bool Accepts(string? token)
    {
        var current = Token;
        return current is not null && token is not null
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(current), System.Text.Encoding.ASCII.GetBytes(token));
    }

    public void Close()
    {
        lock (gate)
        {
            Token = null;
        }
    }
}

/// <summary>Creates users and ensures the platform's roles exist. Shared by the setup page, admin pages and the CLI.</summary>
public sealed class UserProvisioning(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    /// <summary>Creates the platform's roles that are missing. Safe to run concurrently: a role another process created meanwhile is fine.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role.Name))
            {
                continue;
            }

            try
            {
                await roles.CreateAsync(new IdentityRole(role.Name));
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Created by a concurrent request between the check and the insert; anything else is a real failure.
                if (!await roles.RoleExistsAsync(role.Name))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Creates a user with the given roles. A null password creates an account that must be activated through a set-password link.</summary>
    public async Task<(AppUser? User, IdentityResult Result)> CreateAsync(string userName, string email, string displayName, string? password, IEnumerable<string> roleNames, IEnumerable<int>? opdIds = null)
    {
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = userName.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
        };
        foreach (var opdId in opdIds ?? [])
        {
            user.OpdScopes.Add(new UserOpdScope { UserId = user.Id, OpdId = opdId });
        }

        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, result);
        }

        var roleList = roleNames.Distinct().ToList();
        if (roleList.Count > 0)
        {
            result = await users.AddToRolesAsync(user, roleList);
        }

        return (user, result);
    }
}
