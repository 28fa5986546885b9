using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

public sealed class TwoFactorEnrolmentTests(IntegritasAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task First_sign_in_without_an_authenticator_must_enrol_one_before_the_workspace()
    {
        var page = await NewPageAsync();
        var user = await App.CreateUserAsync([Roles.Auditor], enrolAuthenticator: false);

        await SubmitPasswordAsync(page, user);

        // Signed in with the password alone, but every staff page sends the user to enrol first.
        await page.WaitForURLAsync(EnrolmentUrl());
        Assert.Equal("/akun/2fa", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aktifkan verifikasi dua langkah");
        var qr = page.Locator("img.qr");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,.{100,}"));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");

        var shown = await page.Locator("#shared-key").InnerTextAsync();
        var key = Authenticator.Normalise(shown);
        Assert.Matches("^[A-Z2-7]{16,}$", key);

        // Still no way around enrolment.
        await page.GotoAsync("/admin");
        Assert.Equal("/akun/2fa", PathOf(page));

        await page.Locator("#Code").FillAsync(Authenticator.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();

        var codes = page.Locator("main pre");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Verifikasi dua langkah aktif.");
        var recoveryCodes = (await codes.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(10, recoveryCodes.Length);
        Assert.All(recoveryCodes, c => Assert.Matches("^[A-Z0-9-]{8,}$", c));

        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjutkan", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ruang kerja");
        await Expect(page.Locator("main")).ToContainTextAsync("Auditor");
    }
}
