using System.Net;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Integritas.Web.Tests;

public abstract class AccountTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private async Task<TestUser> CreateWithoutTwoFactorAsync(string role)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        var name = $"baru-{Guid.NewGuid():N}"[..16];
        const string password = "sandi panjang untuk pengujian";
        var (user, result) = await provisioning.CreateAsync(name, $"{name}@contoh.go.id", "Pengguna Baru", password, [role]);
        Assert.True(result.Succeeded);
        return new TestUser(user!.Id, name, password, "");
    }

    [Fact]
    public async Task Staff_without_an_authenticator_must_enrol_before_using_staff_pages()
    {
        var user = await CreateWithoutTwoFactorAsync(Roles.Verifier);
        var client = F.Client();
        var login = await IntegritasFactory.PostFormAsync(client, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);

        var admin = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/akun/2fa", admin.Headers.Location!.OriginalString);
        var api = await client.PutAsync("/api/v1/opds/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var enrol = await client.GetStringAsync("/akun/2fa", Ct);
        Assert.Contains("data:image/png;base64,", enrol, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(enrol, "id=\"shared-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        // The right code shifted by half the code space: practically never a valid code for any accepted time step.
        var right = int.Parse(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(), System.Globalization.CultureInfo.InvariantCulture);
        var wrong = await IntegritasFactory.PostFormAsync(client, "/akun/2fa", new() { ["Code"] = ((right + 500_000) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Kode salah", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var done = await IntegritasFactory.PostFormAsync(client, "/akun/2fa", new() { ["Code"] = code });
        var html = await done.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Verifikasi dua langkah aktif", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        Assert.True(await F.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Wrong_second_factor_keeps_the_user_out()
    {
        var user = await F.CreateUserAsync(Roles.Leadership);
        var client = F.Client();
        var login = await IntegritasFactory.PostFormAsync(client, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        // A code from another secret: wrong whatever the clock says (a fixed "123456" could be right by chance).
        var wrong = new OtpNet.Totp(OtpNet.KeyGeneration.GenerateRandomKey(20)).ComputeTotp();
        if (wrong == new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(user.AuthenticatorKey)).ComputeTotp())
        {
            wrong = ((int.Parse(wrong, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        }

        var second = await IntegritasFactory.PostFormAsync(client, login.Headers.Location!.OriginalString, new() { ["Code"] = wrong });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Kode salah", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var user = await F.CreateUserAsync(Roles.Verifier);
        var client = F.Client();
        for (var i = 0; i < 5; i++)
        {
            var attempt = await IntegritasFactory.PostFormAsync(client, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = "salah sekali kata sandinya" });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var locked = await IntegritasFactory.PostFormAsync(client, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("dikunci", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pendek")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("Indonesia123456")]
    public async Task Weak_passwords_are_refused(string password)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        var name = $"lemah-{Guid.NewGuid():N}"[..16];
        var (user, result) = await provisioning.CreateAsync(name, $"{name}@contoh.go.id", "Lemah", password, [Roles.Auditor]);
        Assert.Null(user);
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Contains(" / ", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_creates_a_user_who_sets_their_own_password_through_a_one_time_link()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var opd = await F.OpdIdAsync("1.02.0.00.0.00.01.0000");
        var name = $"op-{Guid.NewGuid():N}"[..12];

        var missingOpd = await IntegritasFactory.PostFormAsync(admin, "/admin/pengguna/baru", new()
        {
            ["UserName"] = name,
            ["DisplayName"] = "Operator Dinkes",
            ["Email"] = $"{name}@contoh.go.id",
            ["SelectedRoles"] = Roles.OpdOperator,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingOpd.StatusCode);
        Assert.Contains("minimal satu OPD", await missingOpd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var created = await IntegritasFactory.PostFormAsync(admin, "/admin/pengguna/baru", new()
        {
            ["UserName"] = name,
            ["DisplayName"] = "Operator Dinkes",
            ["Email"] = $"{name}@contoh.go.id",
            ["SelectedRoles"] = Roles.OpdOperator,
            ["SelectedOpds"] = opd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync(Ct));
        var link = System.Text.RegularExpressions.Regex.Match(html, @"<pre>(http://localhost/akun/atur-sandi\?[^<]+)</pre>").Groups[1].Value;
        Assert.NotEmpty(link);
        var user = await F.WithDbAsync(db => db.Users.Include(u => u.OpdScopes).SingleAsync(u => u.UserName == name, Ct));
        Assert.Null(user.PasswordHash);
        Assert.Equal([opd], user.OpdScopes.Select(s => s.OpdId));

        var newcomer = F.Client();
        var path = new Uri(link).PathAndQuery;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var set = await IntegritasFactory.PostFormAsync(newcomer, "/akun/atur-sandi", new()
        {
            ["user"] = query["user"]!,
            ["token"] = query["token"]!,
            ["Password"] = "kopi pagi di stabat selalu enak",
        }, formPage: path);
        Assert.Contains("Kata sandi tersimpan", await set.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var reuse = await IntegritasFactory.PostFormAsync(newcomer, "/akun/atur-sandi", new()
        {
            ["user"] = query["user"]!,
            ["token"] = query["token"]!,
            ["Password"] = "kalimat sandi lain yang panjang",
        }, formPage: path);
        Assert.DoesNotContain("Kata sandi tersimpan", await reuse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccountTests(SqliteFactory factory) : AccountTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAccountTests(PostgresFactory factory) : AccountTests(factory), IClassFixture<PostgresFactory>;

public abstract class FirstRunTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task First_run_setup_page_needs_the_console_token_and_disappears_once_an_admin_exists()
    {
        var setup = F.Services.GetRequiredService<FirstRunSetup>();
        await setup.RefreshAsync(F.Services);
        var client = F.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup?token=tebakan", Ct)).StatusCode);

        // This class has a database of its own, in which nobody has created an administrator yet.
        Assert.False(await F.WithDbAsync(db => db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), Ct)));
        var token = setup.Token!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup?token={token}", Ct)).StatusCode);
        var created = await IntegritasFactory.PostFormAsync(client, "/setup", new()
        {
            ["token"] = token,
            ["UserName"] = "admin-pertama",
            ["DisplayName"] = "Admin Pertama",
            ["Email"] = "admin@contoh.go.id",
            ["Password"] = "sandi admin pertama yang panjang",
        }, formPage: $"/setup?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/akun/2fa?returnUrl=/admin", created.Headers.Location!.OriginalString);

        // The new administrator is signed in and sent to enrol an authenticator before anything else.
        var enrolment = await client.GetAsync("/admin", Ct);
        Assert.Equal("/akun/2fa", enrolment.Headers.Location!.OriginalString);

        Assert.Null(setup.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync($"/setup?token={token}", Ct)).StatusCode);
    }
}

public sealed class SqliteFirstRunTests(SqliteFactory factory) : FirstRunTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresFirstRunTests(PostgresFactory factory) : FirstRunTests(factory), IClassFixture<PostgresFactory>;
