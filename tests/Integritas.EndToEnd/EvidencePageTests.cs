using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;
using Integritas.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

public sealed class EvidencePageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string Bridge = "LKT-2026-PUPR-002";

    [Fact]
    public async Task The_package_page_maps_the_evidence_and_hands_out_proofs()
    {
        var page = await NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => errors.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => errors.Add("page: " + e);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        var response = await page.GotoAsync($"/paket/{Bridge}");
        await page.WaitForTimeoutAsync(1000);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rehabilitasi Jembatan Sei Batang Serangan");

        // Leaflet draws the geofence, the site point and one marker per evidence item.
        var items = await page.Locator("ol.timeline > li").CountAsync();
        Assert.True(items >= 2);
        await Expect(page.Locator("#evidence-map.leaflet-container")).ToBeVisibleAsync();
        await Expect(page.Locator("#evidence-map path.leaflet-interactive")).ToHaveCountAsync(items + 2);

        await Expect(page.Locator("li.evidence.flagged")).ToHaveCountAsync(1);
        await Expect(page.Locator("li.evidence.flagged")).ToContainTextAsync("Di luar batas lokasi pekerjaan");
        await Expect(page.Locator(".badge.ok")).ToHaveCountAsync(items);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("li.evidence.flagged a[href^='/ledger/proof/']").ClickAsync());
        Assert.EndsWith(".tlog-proof", download.SuggestedFilename, StringComparison.Ordinal);
        var proof = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.StartsWith("c2sp.org/tlog-proof@v1\n", proof, StringComparison.Ordinal);

        // The thumbnails are real images the browser decoded.
        var width = await page.Locator("li.evidence img").First.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1");
        Assert.Equal(MediaInspector.ThumbnailWidth, width);
    }

    [Fact]
    public async Task A_contractor_uploads_a_site_photo_from_the_browser()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await App.CreateUserAsync([Roles.Contractor]);
        const string code = "LKT-2026-PUPR-001";
        (double Lat, double Lon) site;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var package = await db.ConstructionPackages.SingleAsync(p => p.Code == code, ct);
            var userId = await db.Users.Where(u => u.UserName == user.UserName).Select(u => u.Id).SingleAsync(ct);
            db.PackageContractors.Add(new PackageContractor { PackageId = package.Id, UserId = userId });
            await db.SaveChangesAsync(ct);
            site = (package.SiteLatitude, package.SiteLongitude);
        }

        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, user);
        await page.GotoAsync($"/paket/{code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unggah bukti pekerjaan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Unggah bukti pekerjaan");

        // Submitting without a file is stopped by the browser (required); a photo without EXIF gets field errors.
        await page.Locator("#milestone").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.Locator("#media").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = DemoPhotos.Photo("tanpa exif", null, null, 11) });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#captured-at-error")).ToContainTextAsync("tidak memuat waktu pengambilan");
        await Expect(page.Locator("#captured-at")).ToHaveAttributeAsync("aria-invalid", "true");

        var taken = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7).Date.AddHours(-14), DateTimeKind.Unspecified), TimeSpan.FromHours(7));
        await page.Locator("#milestone").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.Locator("#media").SetInputFilesAsync(new FilePayload { Name = "pengecoran.jpg", MimeType = "image/jpeg", Buffer = DemoPhotos.Photo("pengecoran", taken, new GeoPoint(site.Lat, site.Lon + 0.0002), 12) });
        await page.Locator("#caption").FillAsync("Pengecoran segmen 4 dari browser");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/paket/{code}#bukti-\\d+$"));
        await Expect(page.Locator("p.alert.ok")).ToContainTextAsync("Bukti tersimpan");
        var item = page.Locator("li.evidence", new() { HasText = "Pengecoran segmen 4 dari browser" });
        await Expect(item).ToContainTextAsync("Terverifikasi di log");
        await Expect(item).ToContainTextAsync("dari metadata berkas");
    }
}
