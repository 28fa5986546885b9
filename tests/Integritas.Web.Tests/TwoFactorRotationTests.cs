using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Integritas.Web.Tests;

/// <summary>
/// Replacing an enrolled authenticator at <c>/akun/2fa</c>: the page never shows the current secret, and a new one is
/// made only after a code from the current authenticator.
/// </summary>
public abstract partial class TwoFactorRotationTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Page = "/akun/2fa";
    private const string Rotate = "/akun/2fa?handler=Rotate";

    [Fact]
    public async Task Enrolled_users_page_shows_no_secret_only_the_replace_form()
    {
        var user = await F.CreateUserAsync(Roles.Verifier);
        var client = await F.SignedInClientAsync(user);

        var response = await client.GetAsync(Page, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        AssertShowsNoSecret(html, user.AuthenticatorKey);
        Assert.Contains("Ganti aplikasi autentikator", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/akun/2fa?handler=Rotate\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Memindai kode baru akan mengganti", html, StringComparison.Ordinal);

        // The enrolment form's handler does not work for an enrolled user either (it would hand out new recovery codes).
        var enrol = await IntegritasFactory.PostFormAsync(client, Page, new() { ["Code"] = Code(user.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith(Page, enrol.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await WithUserAsync(user, (users, u) => users.CountRecoveryCodesAsync(u)));
        Assert.Equal(user.AuthenticatorKey, await StoredKeyAsync(user));
    }

    [Fact]
    public async Task Wrong_current_code_keeps_the_old_authenticator()
    {
        var user = await F.CreateUserAsync(Roles.Verifier);
        var client = await F.SignedInClientAsync(user);

        var refused = await IntegritasFactory.PostFormAsync(client, Rotate, new() { ["Code"] = WrongCode(user.AuthenticatorKey) }, formPage: Page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Kode salah", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"code-error\"", html, StringComparison.Ordinal);
        AssertShowsNoSecret(html, user.AuthenticatorKey);

        Assert.Equal(user.AuthenticatorKey, await StoredKeyAsync(user));
        Assert.True(await WithUserAsync(user, (_, u) => Task.FromResult(u.TwoFactorEnabled)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);

        // The old authenticator still signs in.
        var again = await F.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Right_current_code_replaces_the_secret_and_forces_enrolment_of_the_new_one()
    {
        var user = await F.CreateUserAsync(Roles.Verifier);
        var client = await F.SignedInClientAsync(user);
        var oldKey = user.AuthenticatorKey;

        var replaced = await IntegritasFactory.PostFormAsync(client, Rotate, new() { ["Code"] = Code(oldKey) }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.StartsWith(Page, replaced.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var newKey = await StoredKeyAsync(user);
        Assert.False(string.IsNullOrEmpty(newKey));
        Assert.NotEqual(oldKey, newKey);
        Assert.False(await WithUserAsync(user, (_, u) => Task.FromResult(u.TwoFactorEnabled)));

        // The session's two-factor claim is now false: staff pages send it to enrol the new secret.
        var admin = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal(Page, admin.Headers.Location!.OriginalString);

        var enrolment = await client.GetStringAsync(replaced.Headers.Location.OriginalString, Ct);
        Assert.Contains("Autentikator lama sudah tidak berlaku", enrolment, StringComparison.Ordinal);
        Assert.Equal(newKey, SharedKey().Match(enrolment).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        Assert.DoesNotContain(Spaced(oldKey), enrolment, StringComparison.Ordinal);

        // The old authenticator's codes do not enrol; the new one's do.
        var withOld = await IntegritasFactory.PostFormAsync(client, Page, new() { ["Code"] = Code(oldKey) });
        Assert.Contains("Kode salah", await withOld.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var withNew = await IntegritasFactory.PostFormAsync(client, Page, new() { ["Code"] = Code(newKey!) });
        Assert.Contains("Verifikasi dua langkah aktif", await withNew.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);

        // At sign-in, the old authenticator is refused and the new one accepted.
        var stranger = F.Client();
        var login = await IntegritasFactory.PostFormAsync(stranger, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var second = await IntegritasFactory.PostFormAsync(stranger, login.Headers.Location!.OriginalString, new() { ["Code"] = Code(oldKey) });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Kode salah", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin", Ct)).StatusCode);

        var signedIn = await F.SignedInClientAsync(user with { AuthenticatorKey = newKey! });
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_code_locks_the_account_and_stops_the_replacement()
    {
        var user = await F.CreateUserAsync(Roles.Verifier);
        var client = await F.SignedInClientAsync(user);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await IntegritasFactory.PostFormAsync(client, Rotate, new() { ["Code"] = WrongCode(user.AuthenticatorKey) }, formPage: Page);
        }

        Assert.Contains("Terlalu banyak kode salah", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var right = await IntegritasFactory.PostFormAsync(client, Rotate, new() { ["Code"] = Code(user.AuthenticatorKey) }, formPage: Page);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(user.AuthenticatorKey, await StoredKeyAsync(user));
        Assert.True(await WithUserAsync(user, (_, u) => Task.FromResult(u.TwoFactorEnabled)));
    }

    private static void AssertShowsNoSecret(string html, string key)
    {
        Assert.DoesNotContain("shared-key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", html, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth", html, StringComparison.Ordinal);
        Assert.DoesNotContain(key, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Spaced(key), html, StringComparison.Ordinal);
    }

    private async Task<string?> StoredKeyAsync(TestUser user) => await WithUserAsync(user, (users, u) => users.GetAuthenticatorKeyAsync(u));

    private async Task<T> WithUserAsync<T>(TestUser user, Func<UserManager<AppUser>, AppUser, Task<T>> read)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await read(users, (await users.FindByIdAsync(user.Id))!);
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>A code none of whose neighbours (±4 time steps, more than Identity accepts) is the right one.</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var accepted = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(now.AddSeconds(step * 30))).ToHashSet();
        var candidate = (int.Parse(totp.ComputeTotp(now), CultureInfo.InvariantCulture) + 500_000) % 1_000_000;
        while (accepted.Contains(candidate.ToString("D6", CultureInfo.InvariantCulture)))
        {
            candidate = (candidate + 1) % 1_000_000;
        }

        return candidate.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as the page formats it: lower case, in groups of four.</summary>
    private static string Spaced(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    [GeneratedRegex("id=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();
}

public sealed class SqliteTwoFactorRotationTests(SqliteFactory factory) : TwoFactorRotationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresTwoFactorRotationTests(PostgresFactory factory) : TwoFactorRotationTests(factory), IClassFixture<PostgresFactory>;
