using System.Text.RegularExpressions;
using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Data.Procurement;
using Integritas.EndToEnd.Infrastructure;
using Integritas.Web.Features.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>
/// Issue 6 item 7 in Debian's Chromium: an NGO witness signs a package's integrity pact with a new signing passphrase,
/// and the public sees the pact, the valid signature with the witness's organisation, and that the tender still
/// waits for the other signatures, on a phone.
/// </summary>
public sealed partial class ProcurementPageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string Dinsos = "1.06.0.00.0.00.01.0000";

    [Fact]
    public async Task A_witness_signs_the_pact_and_the_public_sees_the_valid_signature()
    {
        var ct = TestContext.Current.CancellationToken;
        var opdId = await App.OpdIdAsync(Dinsos, ct);
        var code = $"PBJ-E2E-{Guid.NewGuid():N}"[..16];
        var witness = await App.CreateUserAsync([Roles.Witness]);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var package = new ConstructionPackage
            {
                Code = code,
                Name = "Rehabilitasi Panti Sosial",
                OpdId = opdId,
                Hps = 2_400_000_000m,
                Pagu = 2_500_000_000m,
                Method = ProcurementMethod.Tender,
                Category = ProcurementCategory.Construction,
                FiscalYear = 2026,
                WorkStart = new DateOnly(2026, 6, 1),
                WorkEnd = new DateOnly(2026, 12, 15),
                SiteLatitude = 3.75,
                SiteLongitude = 98.45,
            };
            db.ConstructionPackages.Add(package);
            var userId = await db.Users.Where(u => u.UserName == witness.UserName).Select(u => u.Id).SingleAsync(ct);
            db.WitnessAffiliations.Add(new WitnessAffiliation { UserId = userId, Kind = WitnessKind.Ngo, Organisation = "Forum Warga Peduli Langkat" });
            await db.SaveChangesAsync(ct);
            Assert.True((await scope.ServiceProvider.GetRequiredService<IntegrityPacts>().PrepareAsync(package, ct)).Succeeded);
        }

        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, witness);
        await page.GotoAsync($"/pengadaan/{code}");
        await Expect(page.Locator("#sign-form")).ToContainTextAsync("Saksi LSM");
        await page.Locator("#passphrase").FillAsync("saksi forum warga menandatangani");
        await page.Locator("#passphrase-repeat").FillAsync("saksi forum warga menandatangani");
        await SubmitAsync(page, PackagePage(), () => page.Locator("#sign-form button[type=submit]").ClickAsync());
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("ditandatangani");
        await Expect(page.Locator("#sign-form")).ToHaveCountAsync(0);

        var citizen = await NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await citizen.GotoAsync($"/pengadaan/{code}");
        await Expect(citizen.Locator("#pact-commitments li")).ToHaveCountAsync(PactDocument.StandardCommitments.Count);
        await Expect(citizen.Locator("#pact-signatures")).ToContainTextAsync("tanda tangan sah");
        await Expect(citizen.Locator("#pact-signatures")).ToContainTextAsync("Forum Warga Peduli Langkat");
        await Expect(citizen.Locator("#pact-standing")).ToContainTextAsync("Menunggu tanda tangan");
        await Expect(citizen.Locator("#sign-form")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(citizen, $"/pengadaan/{code}");
    }

    [GeneratedRegex(@"/pengadaan/PBJ-E2E-[0-9a-f]+(#pakta)?$")]
    private static partial Regex PackagePage();
}
