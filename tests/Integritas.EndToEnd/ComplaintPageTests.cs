using System.Text.RegularExpressions;
using Integritas.Core.Complaints;
using Integritas.EndToEnd.Infrastructure;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>A citizen on a phone-sized browser reports a problem, follows it, and confirms and rates the fix.</summary>
public sealed partial class ComplaintPageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    [GeneratedRegex(@"/lapor/([0-9A-Z]{4}-[0-9A-Z]{4})$")]
    private static partial Regex TrackUrl();

    [Fact]
    public async Task A_citizen_reports_follows_and_rates_a_complaint_on_a_phone()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = new Geolocation { Latitude = 3.7552f, Longitude = 98.4553f, Accuracy = 12 },
            Permissions = ["geolocation"],
        });
        await page.GotoAsync("/lapor");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/lapor (phone)");
        await page.Locator("#category").SelectOptionAsync("lampu-jalan");
        await page.Locator("#description").FillAsync("Lampu jalan di depan Kantor Pos Stabat mati sejak Senin.");

        // The phone's GPS fills the place, and the form looks for the same problem nearby.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gunakan lokasi saya sekarang" }).ClickAsync();
        await Expect(page.Locator("#latitude")).ToHaveValueAsync("3.755200");
        await Expect(page.Locator("#nearby")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-map")).ToBeVisibleAsync();

        var directory = Directory.CreateTempSubdirectory("integritas-e2e-photo-");
        try
        {
            var path = Path.Combine(directory.FullName, "lampu.jpg");
            await File.WriteAllBytesAsync(path, DemoPhotos.Photo("Lampu mati", DateTimeOffset.UtcNow.AddHours(-2), new Core.Evidence.GeoPoint(3.7552, 98.4553), 11), TestContext.Current.CancellationToken);
            await page.Locator("#photos").SetInputFilesAsync(path);
            await page.Locator("#phone").FillAsync("0812 1111 2222");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
            await page.WaitForURLAsync(TrackUrl());
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var number = TrackUrl().Match(page.Url).Groups[1].Value;
        await Expect(page.Locator("#terkirim")).ToContainTextAsync(number);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Menunggu verifikasi");
        await Expect(page.Locator("main img")).ToHaveCountAsync(1);
        var privateLink = await page.Locator("#private-link").GetAttributeAsync("href");
        Assert.NotNull(privateLink);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/lapor/{number} (phone)");

        // Staff verify, dispose and resolve it (their pages have their own tests).
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
            var complaint = (await workflow.LoadAsync(number, TestContext.Current.CancellationToken))!;
            var actor = new StaffActor(null, "Verifier");
            foreach (var decision in new[]
            {
                new StaffDecision { To = ComplaintStatus.Verified, Text = "Terverifikasi." },
                new StaffDecision { To = ComplaintStatus.Dispositioned },
                new StaffDecision { To = ComplaintStatus.Resolved, Text = "Lampu sudah diganti." },
            })
            {
                Assert.True((await workflow.DecideAsync(complaint, decision, actor, true, TestContext.Current.CancellationToken)).Succeeded);
            }
        }

        // Later, anyone can follow it by number…
        await page.GotoAsync("/lapor/cek");
        await page.Locator("#nomor").FillAsync(number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Cek" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Selesai ditindaklanjuti");
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("Lampu sudah diganti.");
        await Expect(page.Locator("#citizen-form")).ToHaveCountAsync(0);

        // …and the reporter, with the private link, confirms the fix and rates the handling.
        await page.GotoAsync(privateLink);
        await page.GetByLabel("Masalah sudah selesai — tutup laporan").CheckAsync();
        await page.Locator("#rating").SelectOptionAsync("5");
        await page.Locator("#text").FillAsync("Terima kasih, cepat sekali.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Ditutup");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("5 / 5");
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("Pelapor mengonfirmasi selesai");
    }
}
