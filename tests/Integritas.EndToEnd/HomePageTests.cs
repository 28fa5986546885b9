using Integritas.EndToEnd.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

public sealed class HomePageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Home_page_is_Indonesian_by_default_and_switches_to_English_and_back()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kabupaten Langkat");
        var opdTable = page.Locator("main table").Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Pimpinan" }) });
        await Expect(opdTable.GetByRole(AriaRole.Link, new() { Name = "Dinas Pendidikan", Exact = true })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Beranda", Exact = true })).ToBeVisibleAsync();

        // The header's language buttons POST to /bahasa, which sets the culture cookie and comes back.
        await page.Locator("header form[action='/bahasa']").GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("/", PathOf(page));
        var englishNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(englishNav.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
        await Expect(englishNav.GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kabupaten Langkat");

        // The choice sticks for the next page.
        await page.GotoAsync("/opd");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Regional agencies");

        await page.Locator("header form[action='/bahasa']").GetByRole(AriaRole.Button, new() { Name = "ID", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        Assert.Equal("/opd", PathOf(page));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Perangkat Daerah");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Beranda", Exact = true })).ToBeVisibleAsync();
    }
}
