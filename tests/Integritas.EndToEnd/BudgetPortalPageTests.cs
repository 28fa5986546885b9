using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>
/// Issue 6, done when: a citizen follows the money from the regency total to a box of paper, and a village's funds
/// from Jakarta to the activity — on a phone-sized screen in Debian's Chromium, with no serious axe violations.
/// </summary>
public sealed class BudgetPortalPageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const int Year = 2032;
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Sub = "1.02.02.2.02.0001";
    private const string Atk = "5.1.02.01.01.0024";
    private const string PaymentId = "0042/SP2D/LS/2032";

    private async Task<int> SeedAsync(CancellationToken ct)
    {
        var opd = await App.OpdIdAsync(Dinkes, ct);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        if (await db.BudgetVersions.AnyAsync(v => v.Year == Year, ct))
        {
            return opd;
        }

        var version = new BudgetVersion { Year = Year, Stage = BudgetStage.Murni, Revision = 0, AdoptedOn = new(2031, 12, 15), ImportedAtUtc = DateTime.UtcNow };
        db.BudgetVersions.Add(version);
        await db.SaveChangesAsync(ct);
        db.BudgetLines.Add(new BudgetLine { VersionId = version.Id, OpdId = opd, SubKegiatanCode = Sub, AccountCode = Atk, Pagu = 8_000_000m });
        db.Payments.Add(new Payment { Id = PaymentId, Year = Year, Date = new(2032, 4, 2), OpdId = opd, SubKegiatanCode = Sub, AccountCode = Atk, Description = "Belanja ATK puskesmas", Amount = 2_100_000m, Flags = PaymentFlags.AboveReferencePrice });
        await db.SaveChangesAsync(ct);
        db.PaymentItems.AddRange(
            new PaymentItem { PaymentId = PaymentId, LineNo = 1, Name = "Kertas HVS A4 satu kotak", Quantity = 20m, Unit = "rim", UnitPrice = 60_000m, ReferenceUnitPrice = 50_000m, MarkupPercent = 20m, AboveReference = true },
            new PaymentItem { PaymentId = PaymentId, LineNo = 2, Name = "Map plastik", Quantity = 300m, Unit = "buah", UnitPrice = 3_000m });
        db.PaymentTotals.Add(new PaymentTotal { Year = Year, OpdId = opd, SubKegiatanCode = Sub, AccountCode = Atk, Month = 4, Count = 1, Amount = 2_100_000m });
        var kecamatan = await db.Regions.Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).FirstAsync(ct);
        var desa = await db.Regions.Where(r => r.ParentId == kecamatan.Id).OrderBy(r => r.Code).FirstAsync(ct);
        db.VillageTransfers.AddRange(
            new VillageTransfer { Year = Year, DesaId = desa.Id, Source = VillageFundSource.DanaDesa, Stage = 1, Date = new(2032, 3, 1), Amount = 400_000_000m },
            new VillageTransfer { Year = Year, DesaId = desa.Id, Source = VillageFundSource.Add, Stage = 1, Date = new(2032, 3, 1), Amount = 150_000_000m });
        db.VillageSpending.Add(new VillageSpending { Year = Year, DesaId = desa.Id, ActivityCode = "2.2.01", ActivityName = "Pembangunan jalan desa", Source = VillageFundSource.DanaDesa, Date = new(2032, 6, 1), Amount = 250_000_000m });
        await db.SaveChangesAsync(ct);
        return opd;
    }

    [Fact]
    public async Task A_citizen_on_a_phone_drills_from_the_regency_total_to_a_payments_line_items_and_reads_the_village_flow_as_a_table()
    {
        var opd = await SeedAsync(TestContext.Current.CancellationToken);
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });

        await page.GotoAsync($"/anggaran?tahun={Year}");
        await Expect(page.Locator("#total-realisation")).ToHaveTextAsync("Rp2.100.000");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/anggaran (phone)");

        await page.Locator($"#opd-table a[href='/anggaran/opd/{opd}?tahun={Year}']").ClickAsync();
        await Expect(page.Locator("#opd-realisation")).ToHaveTextAsync("Rp2.100.000");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/anggaran/opd/{id} (phone)");

        await page.Locator($"#tree a[href^='/anggaran/opd/{opd}/sub/{Sub}']").ClickAsync();
        await Expect(page.Locator("#sub-pagu")).ToHaveTextAsync("Rp8.000.000");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/anggaran/opd/{id}/sub/{code} (phone)");

        await page.Locator("#payments a", new() { HasText = PaymentId }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(PaymentId);
        await Expect(page.Locator("#items")).ToContainTextAsync("Kertas HVS A4 satu kotak");
        await Expect(page.Locator("#items")).ToContainTextAsync("+20 %");
        await Expect(page.Locator("#items-total")).ToHaveTextAsync("Rp2.100.000");
        await Expect(page.Locator("nav .crumbs li")).ToHaveCountAsync(5);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/anggaran/pembayaran/{id} (phone)");

        // The village funds: the Sankey is drawn, and its flows can be read as a table.
        await page.GotoAsync($"/anggaran/desa?tahun={Year}");
        await Expect(page.Locator("#village-received")).ToHaveTextAsync("Rp550.000.000");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('chart-sankey'))"), "The Sankey chart was not drawn.");
        var table = page.Locator("#sankey-table table");
        await Expect(table).ToBeHiddenAsync();
        await page.Locator("#sankey-table summary").ClickAsync();
        await Expect(table).ToBeVisibleAsync();
        await Expect(table).ToContainTextAsync("Dana Desa (APBN)");
        await Expect(table).ToContainTextAsync("Rp400.000.000");
        await Expect(page.Locator("#fund-map")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/anggaran/desa (phone)");
    }

    [Fact]
    public async Task A_citizen_on_a_phone_follows_a_contract_from_its_package_page_to_its_payments_and_back()
    {
        // A contract of the demo's last complete year, paid by the demo budget.
        var ct = TestContext.Current.CancellationToken;
        string code;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            code = await db.ConstructionPackages.Where(p => db.Payments.Any(x => x.PackageId == p.Id)).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync(ct);
        }

        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"/pengadaan/{code}");
        var payments = page.Locator("#package-payments tbody tr");
        Assert.True(await payments.CountAsync() >= 1);
        await Expect(page.Locator("#paid-summary")).ToContainTextAsync("dari nilai kontrak");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "/pengadaan/{code} with payments (phone)");

        var first = payments.First.Locator("a");
        var paymentId = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(paymentId);
        await Expect(page.Locator("#package")).ToContainTextAsync(code);
        await page.Locator("#package a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/pengadaan/{code}$"));
    }
}
