using Integritas.Data;
using Integritas.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>A report written without signal is kept on the phone and sent, once, when the connection returns.</summary>
public sealed class OfflineReportTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private async Task<int> CountAsync(string description)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Complaints.CountAsync(c => c.Description == description, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_report_written_offline_is_queued_survives_a_reload_and_is_sent_once_when_back_online()
    {
        var description = "Jembatan gantung di Dusun IV putus talinya (dikirim tanpa sinyal) " + Guid.NewGuid().ToString("N")[..6];
        var page = await NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true });
        await page.GotoAsync("/lapor");
        // The service worker keeps the form for later.
        await page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");

        await page.Context.SetOfflineAsync(true);
        await page.Locator("#category").SelectOptionAsync("jalan-rusak");
        await page.Locator("#description").FillAsync(description);
        await page.Locator("#address").FillAsync("Dusun IV, Desa Perdamaian");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(page.Locator("#offline-status")).ToContainTextAsync("laporan disimpan di ponsel ini");
        Assert.Equal(0, await CountAsync(description));

        // Still without signal, the page opens again from the phone and says what is waiting.
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lapor");
        await Expect(page.Locator("#offline-status")).ToContainTextAsync("1 laporan menunggu sinyal");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#offline-status")).ToContainTextAsync("telah terkirim: nomor", new() { Timeout = 30_000 });
        await Expect(page.Locator("#sent-reports a")).ToHaveCountAsync(1);
        Assert.Equal(1, await CountAsync(description));

        // Going offline and online again sends nothing twice.
        await page.Context.SetOfflineAsync(true);
        await page.Context.SetOfflineAsync(false);
        await page.ReloadAsync();
        await Expect(page.Locator("#sent-reports a")).ToHaveCountAsync(1);
        Assert.Equal(1, await CountAsync(description));

        // The tracking link opens the report.
        await page.Locator("#sent-reports a").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(description);
    }
}
