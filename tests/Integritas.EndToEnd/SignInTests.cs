using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

public sealed class SignInTests(IntegritasAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Password_then_authenticator_code_opens_the_workspace()
    {
        var page = await NewPageAsync();
        var user = await App.CreateUserAsync([Roles.Verifier]);

        await SubmitPasswordAsync(page, user);
        await page.WaitForURLAsync(TwoFactorLoginUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verifikasi dua langkah");

        await page.Locator("#Code").FillAsync(Authenticator.Code(user.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(WorkspaceUrl());
        Assert.Equal("/admin", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ruang kerja");
        await Expect(page.Locator("main")).ToContainTextAsync("Verifikator");
        await Expect(page.Locator("footer")).ToContainTextAsync("Petugas Uji");

        // Signing out (a form POST in the footer) ends the session.
        await page.Locator("footer").GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/");
        await Expect(page.Locator("footer")).ToContainTextAsync("Masuk untuk petugas");
        await page.GotoAsync("/admin");
        Assert.Equal("/akun/masuk", PathOf(page));
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused_and_stays_on_the_code_page()
    {
        var page = await NewPageAsync();
        var user = await App.CreateUserAsync([Roles.Verifier]);

        await SubmitPasswordAsync(page, user);
        await page.WaitForURLAsync(TwoFactorLoginUrl());
        await page.Locator("#Code").FillAsync(Authenticator.WrongCode(user.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Kode salah atau sudah kedaluwarsa.");
        Assert.Equal("/akun/masuk-2fa", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verifikasi dua langkah");
        await Expect(page.Locator("#Code")).ToBeVisibleAsync();

        // Not signed in: the workspace still sends the visitor to the sign-in page.
        await page.GotoAsync("/admin");
        Assert.Equal("/akun/masuk", PathOf(page));
    }
}
