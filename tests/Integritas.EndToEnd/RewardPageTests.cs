using System.Text.RegularExpressions;
using Integritas.Core.Rewards;
using Integritas.EndToEnd.Infrastructure;
using Integritas.Web.Features.Complaints;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>A citizen on a phone signs in with the number that earned points and turns them into a voucher.</summary>
public sealed partial class RewardPageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    [GeneratedRegex(@"/poin$")]
    private static partial Regex PointsUrl();

    [Fact]
    public async Task A_citizen_signs_in_by_phone_and_exchanges_points_for_a_voucher()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        await page.GotoAsync("/poin");
        await page.WaitForURLAsync(new Regex("/poin/masuk"));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/poin/masuk (phone)");

        // The demo's frequent reporter; the demo has no WhatsApp/SMS sender, so the page shows the code it queued.
        await page.Locator("#Phone").FillAsync(ComplaintDemo.FrequentReporter);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kode 6 angka dikirim");
        var code = (await page.Locator("#demo-code strong").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{6}$", code);
        await SubmitAsync(page, PointsUrl(), async () =>
        {
            await page.Locator("#Code").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        });

        await Expect(page.Locator("h1")).ToHaveTextAsync("Poin laporan saya");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/poin (phone)");
        var balance = int.Parse(await page.Locator("#balance strong").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(balance >= 50, $"The demo reporter should have at least 50 points, has {balance}.");
        await Expect(page.Locator("main table").Last).ToContainTextAsync("Laporan sah");

        await page.GetByLabel("Biaya sekolah").CheckAsync();
        await page.Locator("#Points").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat voucher" }).ClickAsync();
        await Expect(page.Locator("#new-voucher")).ToBeVisibleAsync();
        var voucher = (await page.Locator("#new-voucher").InnerTextAsync()).Trim();
        Assert.True(VoucherCode.TryNormalize(voucher, out var normalized) && normalized == voucher && voucher.StartsWith("SKL-", StringComparison.Ordinal), voucher);
        await Expect(page.Locator("#balance strong")).ToHaveTextAsync((balance - 50).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("main")).ToContainTextAsync("belum dipakai");
    }
}
