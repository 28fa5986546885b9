using System.Net;
using System.Text.RegularExpressions;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Integritas.Web.Tests;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real application over the in-memory test server, on a fresh database of the given provider, with the demo
/// regency loaded by the same start-up path as production.
/// </summary>
public class IntegritasFactory(Provider provider) : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "integritas-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgres = provider == Provider.Postgres ? TestDatabases.NewPostgresDatabase("integritas_test") : null;

    private bool started;

    public Provider Provider { get; } = provider;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        started = true;
        return base.CreateHost(builder);
    }

    /// <summary>The demo performance plans take a few seconds to load; only the factories whose tests read them do.</summary>
    protected virtual bool SeedPerformance => false;

    /// <summary>The demo budget (a year of payments through the importer) takes several seconds; only factories whose tests read it load it.</summary>
    protected virtual bool SeedBudget => false;

    /// <summary>Extra settings for a variant of the factory (e.g. a low rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Integritas:DataDirectory", dataDirectory);
        builder.UseSetting("Integritas:SeedDemoData", "true");
        builder.UseSetting("Integritas:PublicPostPermitsPerMinute", "100000");
        builder.UseSetting("Integritas:Performance:SeedDemoPerformance", SeedPerformance ? "true" : "false");
        builder.UseSetting("Integritas:Budget:SeedDemoBudget", SeedBudget ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Postgres", postgres ?? "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Client(bool https = false) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    public async Task<T> WithDbAsync<T>(Func<IntegritasDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>());
    }

    public async Task<int> OpdIdAsync(string code) => await WithDbAsync(db => db.Opds.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    /// <summary>Creates a user with an enrolled authenticator; returns the TOTP secret.</summary>
    public async Task<TestUser> CreateUserAsync(string role, params string[] opdCodes)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var opdIds = await db.Opds.Where(o => opdCodes.Contains(o.Code)).Select(o => o.Id).ToListAsync();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        const string password = "kalimat sandi yang panjang sekali";
        var (user, result) = await provisioning.CreateAsync(name, $"{name}@contoh.go.id", $"Pengguna {role}", password, [role], opdIds);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(user!);
        await users.SetTwoFactorEnabledAsync(user!, true);
        return new TestUser(user!.Id, name, password, (await users.GetAuthenticatorKeyAsync(user!))!);
    }

    /// <summary>Signs in through the real pages: password form, then the TOTP form.</summary>
    public async Task<HttpClient> SignedInClientAsync(TestUser user)
    {
        var client = Client();
        var login = await PostFormAsync(client, "/akun/masuk", new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/akun/masuk-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(user.AuthenticatorKey)).ComputeTotp();
        var second = await PostFormAsync(client, login.Headers.Location.OriginalString, new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/admin", second.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken(page);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The page has no antiforgery token.");
        return match.Groups[1].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        // The application (and its background services) stops first; only then is its database dropped.
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (postgres is not null && started)
            {
                await TestDatabases.DropPostgresDatabaseAsync(postgres);
            }
        }

        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record TestUser(string Id, string UserName, string Password, string AuthenticatorKey);

public sealed class SqliteFactory() : IntegritasFactory(Provider.Sqlite);

public sealed class PostgresFactory() : IntegritasFactory(Provider.Postgres);

/// <summary>The demo regency without the demos that write to the transparency log (evidence, complaints, signed integrity pacts): the log starts empty, for tests that count its entries.</summary>
public class EmptyLogFactory(Provider provider) : IntegritasFactory(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Integritas:Evidence:SeedDemoEvidence", "false"), new("Integritas:Complaints:SeedDemoComplaints", "false"), new("Integritas:Procurement:SeedDemoProcurement", "false")];
}

public sealed class SqliteEmptyLogFactory() : EmptyLogFactory(Provider.Sqlite);

public sealed class PostgresEmptyLogFactory() : EmptyLogFactory(Provider.Postgres);
