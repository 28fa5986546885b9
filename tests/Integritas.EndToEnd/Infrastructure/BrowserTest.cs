using System.Text.RegularExpressions;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd.Infrastructure;

/// <summary>Base for the browser tests: one isolated browser context per test, and the sign-in steps.</summary>
public abstract partial class BrowserTest(IntegritasAppFixture app) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];

    protected IntegritasAppFixture App { get; } = app;

    /// <summary>Opens a page in a new browser context. Skips (or on CI fails) the test when Chromium is missing.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await App.NewContextAsync(options);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with user name and password, then the authenticator code; ends on the workspace.</summary>
    protected static async Task SignInWithTwoFactorAsync(IPage page, TestUser user)
    {
        await SubmitPasswordAsync(page, user);
        await page.WaitForURLAsync(TwoFactorLoginUrl());
        await page.Locator("#Code").FillAsync(Authenticator.Code(user.AuthenticatorKey!));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ruang kerja");
    }

    protected static async Task SubmitPasswordAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/akun/masuk");
        await page.Locator("#UserName").FillAsync(user.UserName);
        await page.Locator("#Password").FillAsync(user.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
    }

    protected static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"/akun/masuk-2fa(\?.*)?$")]
    protected static partial Regex TwoFactorLoginUrl();

    [GeneratedRegex(@"/admin/?$")]
    protected static partial Regex WorkspaceUrl();

    [GeneratedRegex(@"/akun/2fa(\?.*)?$")]
    protected static partial Regex EnrolmentUrl();
}
