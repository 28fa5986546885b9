using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Account;

public static class Policies
{
    public const string Staff = "Staff";
    public const string ManageUsers = "ManageUsers";
    public const string ManageOrganisation = "ManageOrganisation";
    public const string ReadAudit = "ReadAudit";
    public const string EditOpd = "EditOpd";
}

/// <summary>Identity with cookie sign-in, TOTP two-factor, lockout and a length-first password policy.</summary>
public static class IdentitySetup
{
    /// <summary>Claim added at sign-in: whether the user has enrolled an authenticator.</summary>
    public const string TwoFactorClaim = "integritas:2fa";

    public static IServiceCollection AddIntegritasIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // NIST SP 800-63B: length over composition rules; common passwords are refused by the validator below.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<IntegritasDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<BilingualIdentityErrors>()
            .AddClaimsPrincipalFactory<IntegritasClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/akun/masuk";
            options.LogoutPath = "/akun/keluar";
            options.AccessDeniedPath = "/akun/ditolak";
            options.Cookie.Name = "integritas.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // API callers get status codes, not redirects to the sign-in page.
            options.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ManageOrganisation, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.EditOpd, p => p.AddRequirements(new OpdScopeRequirement()));
        services.AddScoped<IAuthorizationHandler, OpdScopeHandler>();
        // Role and lockout changes reach signed-in users within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Staff who have not enrolled an authenticator are sent to enrol before anything else, when
    /// <see cref="IntegritasOptions.RequireTwoFactor"/> is on.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<IntegritasOptions>>().Value;
            // Staff accounts only: a citizen signed in for reward points (own cookie scheme) has no authenticator to enrol.
            if (options.RequireTwoFactor
                && context.User.Identity?.IsAuthenticated == true
                && context.User.Identity.AuthenticationType != Rewards.CitizenSignIn.Scheme
                && context.User.FindFirstValue(TwoFactorClaim) != "true"
                && !context.Request.Path.StartsWithSegments("/akun")
                && !context.Request.Path.StartsWithSegments("/bahasa")
                && !context.Request.Path.StartsWithSegments("/css")
                && !context.Request.Path.StartsWithSegments("/health"))
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect("/akun/2fa");
                return;
            }

            await next();
        });
}

public sealed class IntegritasClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(IdentitySetup.TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim("integritas:name", user.DisplayName));
        return identity;
    }
}

/// <summary>Refuses the most common passwords and passwords that contain the user name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly string[] Common =
    [
        "123456789012", "password1234", "passwordpassword", "qwertyuiopas", "111111111111", "000000000000",
        "katasandi123", "rahasia12345", "indonesia123", "bismillah123", "adminadmin12", "administrator", "integritas123",
        "langkat12345", "passw0rd1234", "1234567890ab", "abcdefghijkl", "qwerty123456",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        if (Common.Any(c => lower.Contains(c, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Kata sandi terlalu umum / The password is too common.",
            }));
        }

        if (user.UserName is { Length: >= 4 } name && lower.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsUserName",
                Description = "Kata sandi tidak boleh memuat nama pengguna / The password must not contain the user name.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}

public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Kata sandi minimal {length} karakter / The password must have at least {length} characters.",
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = $"Kata sandi harus memuat minimal {uniqueChars} karakter berbeda / The password must use at least {uniqueChars} different characters.",
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = $"Nama pengguna '{userName}' sudah dipakai / User name '{userName}' is already taken.",
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = $"Email '{email}' sudah dipakai / E-mail '{email}' is already taken.",
    };

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = $"Email '{email}' tidak valid / E-mail '{email}' is invalid.",
    };

    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName),
        Description = $"Nama pengguna '{userName}' hanya boleh memuat huruf, angka dan -._@+ / User name '{userName}' may only contain letters, digits and -._@+.",
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = "Tautan atau kode tidak valid atau sudah kedaluwarsa / The link or code is invalid or has expired.",
    };
}

/// <summary>An OPD operator may act only for the OPDs assigned to them; administrators for every OPD.</summary>
public sealed class OpdScopeRequirement : IAuthorizationRequirement;

public sealed class OpdScopeHandler(IntegritasDbContext db) : AuthorizationHandler<OpdScopeRequirement, int>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OpdScopeRequirement requirement, int opdId)
    {
        if (context.User.IsInRole(Roles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && context.User.IsInRole(Roles.OpdOperator)
            && await db.UserOpdScopes.AnyAsync(s => s.UserId == userId && s.OpdId == opdId))
        {
            context.Succeed(requirement);
        }
    }
}
