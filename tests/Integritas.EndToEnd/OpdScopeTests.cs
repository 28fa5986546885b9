using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

public sealed class OpdScopeTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string DinasKesehatan = "1.02.0.00.0.00.01.0000";
    private const string DinasPendidikan = "1.01.0.00.0.00.01.0000";

    [Fact]
    public async Task An_OPD_operator_may_edit_only_the_assigned_OPD()
    {
        var page = await NewPageAsync();
        var ownId = await App.OpdIdAsync(DinasKesehatan, TestContext.Current.CancellationToken);
        var otherId = await App.OpdIdAsync(DinasPendidikan, TestContext.Current.CancellationToken);
        var user = await App.CreateUserAsync([Roles.OpdOperator], [ownId]);

        await SignInWithTwoFactorAsync(page, user);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kelola Dinas Kesehatan" })).ToHaveAttributeAsync("href", $"/admin/opd/{ownId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kelola Dinas Pendidikan" })).ToHaveCountAsync(0);

        var own = await page.GotoAsync($"/admin/opd/{ownId}");
        Assert.Equal(200, own?.Status);
        Assert.Equal($"/admin/opd/{ownId}", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dinas Kesehatan");
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Dinas Kesehatan");
        await Expect(page.Locator("#Input_Code")).ToHaveValueAsync(DinasKesehatan);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true })).ToBeVisibleAsync();

        var other = await page.GotoAsync($"/admin/opd/{otherId}");
        Assert.Equal(403, other?.Status);
        Assert.Equal("/akun/ditolak", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Akses ditolak");
        await Expect(page.Locator("#Input_Name")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Dinas Pendidikan");
    }
}
