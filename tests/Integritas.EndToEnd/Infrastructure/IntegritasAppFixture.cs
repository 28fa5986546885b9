using System.Net;

using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(IntegritasAppFixture))]

namespace Integritas.EndToEnd.Infrastructure;

/// <summary>
/// One Kestrel-hosted Integritas on 127.0.0.1 (random free port) and one headless Chromium, shared by every test.
/// Without Chromium the tests are skipped locally and fail on CI (<c>CI=true</c>).
/// </summary>
public sealed class IntegritasAppFixture : IAsyncLifetime
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IntegritasFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromiumPath;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public bool BrowserAvailable => File.Exists(ChromiumPath);

    /// <summary>The server's root address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DataDirectory { get; private set; } = "";

    public IServiceProvider Services => (factory ?? throw new InvalidOperationException("The server is not running.")).Services;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!BrowserAvailable)
        {
            // Nothing to start: every test skips (or, on CI, fails) in RequireBrowser.
            return;
        }

        DataDirectory = Directory.CreateTempSubdirectory("integritas-e2e-").FullName;
        factory = new IntegritasFactory(DataDirectory);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        var database = factory.Services.GetRequiredService<DatabaseInfo>().SqlitePath;
        if (database is null || !database.StartsWith(DataDirectory, StringComparison.Ordinal) || !File.Exists(database))
        {
            throw new InvalidOperationException($"Expected the embedded database in {DataDirectory}, but it is at '{database}'.");
        }

        // Generous: the whole suite's test projects run side by side on a 2-core CI machine, so a page can wait on a
        // busy server for a while. These are ceilings for waiting, not timing assertions.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (DataDirectory.Length > 0)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder is in the temporary directory anyway.
            }
        }
    }

    /// <summary>Skips the calling test when Chromium is missing, or fails it on CI where the browser must be present.</summary>
    public void RequireBrowser()
    {
        if (BrowserAvailable)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"Chromium not found at {ChromiumPath}, and CI=true: browser tests must run on CI. Install chromium or set CHROMIUM_PATH.");
        }

        Assert.Skip($"Chromium not found at {ChromiumPath}; browser tests skipped (set CHROMIUM_PATH or install chromium)");
    }

    /// <summary>A fresh, isolated browser context (own cookies) pointed at the server.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        RequireBrowser();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Creates a staff user through the app's own provisioning service; optionally enrols an authenticator.</summary>
    public async Task<TestUser> CreateUserAsync(string[] roles, int[]? opdIds = null, bool enrolAuthenticator = true)
    {
        RequireBrowser();
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var userName = "e2e-" + suffix;
        var password = "Uji-Sandi-" + Guid.NewGuid().ToString("N")[..12];
        var (user, result) = await provisioning.CreateAsync(userName, $"{userName}@example.test", "Petugas Uji " + suffix, password, roles, opdIds);
        Assert.True(user is not null && result.Succeeded, "Creating the test user failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));

        string? key = null;
        if (enrolAuthenticator)
        {
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            key = await users.GetAuthenticatorKeyAsync(user);
            Assert.False(string.IsNullOrEmpty(key), "The authenticator key was not stored.");
        }

        return new TestUser(userName, password, key);
    }

    public async Task<int> OpdIdAsync(string code, CancellationToken cancellationToken = default)
    {
        RequireBrowser();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var id = await db.Opds.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw new InvalidOperationException($"The demo data has no OPD with code {code}.");
    }
}

public sealed record TestUser(string UserName, string Password, string? AuthenticatorKey);
