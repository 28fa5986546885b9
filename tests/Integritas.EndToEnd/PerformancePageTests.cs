using System.Text.RegularExpressions;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>
/// Issue 5, done when: an OPD operator plans (an indicator and its targets), reports a quarter and submits it; a
/// verifier verifies and publishes it; the public then sees it on the OPD's page — all in Debian's Chromium.
/// </summary>
public sealed partial class PerformancePageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string Dishub = "2.15.0.00.0.00.01.0000";

    [Fact]
    public async Task An_operator_plans_and_reports_a_quarter_a_verifier_publishes_it_and_the_public_sees_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var opdId = await App.OpdIdAsync(Dishub, ct);
        int year, quarter;
        long reportId, subId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var draft = await db.QuarterReports.AsNoTracking().SingleAsync(r => r.OpdId == opdId && r.Status == ReportStatus.Draft, ct);
            (year, quarter, reportId) = (draft.Year, draft.Quarter, draft.Id);
            subId = await db.PlanNodes.Where(n => n.OpdId == opdId && n.Level == Core.Performance.PlanLevel.SubKegiatan).OrderBy(n => n.Code).Select(n => n.Id).FirstAsync(ct);
        }

        // 1. The operator adds an indicator to a sub kegiatan and sets its targets for this quarter and the year.
        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, await App.CreateUserAsync([Roles.OpdOperator], [opdId]));
        await page.GotoAsync($"/admin/kinerja/rencana?opd={opdId}&tahun={year}");
        await page.Locator("#indicator-node").SelectOptionAsync(subId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#indicator-code").FillAsync("OUT-9");
        await page.Locator("#indicator-name").FillAsync("Rambu lalu lintas yang dipasang");
        await page.Locator("#indicator-unit").FillAsync("unit");
        await page.Locator("#indicator-mode").SelectOptionAsync("Cumulative");
        await SubmitAsync(page, IndicatorAdded(), () => page.Locator("#add-indicator").ClickAsync());
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("OUT-9");

        var indicator = page.Locator(".indicator", new() { HasText = "OUT-9" });
        await indicator.Locator($"input[name='TargetValue[Q{quarter}]']").FillAsync("40");
        await indicator.Locator("input[name='TargetValue[Year]']").FillAsync("40");
        await SubmitAsync(page, IndicatorAdded(), () => indicator.Locator("form.targets button[type=submit]").ClickAsync());
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Target tersimpan");

        // 2. It fills in the quarter's report and submits it.
        await page.GotoAsync("/admin/kinerja");
        await page.Locator($"a[href='/admin/kinerja/laporan/{reportId}']").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync($"Laporan TW {quarter} {year}");
        foreach (var input in await page.Locator("input[name^='Value[']").AllAsync())
        {
            await input.FillAsync("10");
        }

        await page.Locator(".indicator", new() { HasText = "OUT-9" }).Locator("input[name^='Value[']").FillAsync("38,5");
        foreach (var input in await page.Locator("input[name^='YearValue[']").AllAsync())
        {
            await input.FillAsync("40");
        }

        foreach (var input in await page.Locator("input[name^='Spent[']").AllAsync())
        {
            await input.FillAsync("1.250.000");
        }

        var reportUrl = new Regex($"/admin/kinerja/laporan/{reportId}$");
        await SubmitAsync(page, reportUrl, () => page.Locator("#submit-report").ClickAsync());
        await Expect(page.Locator("#report-status")).ToHaveTextAsync("dikirim");

        // 3. A verifier verifies and publishes it.
        var verifierPage = await NewPageAsync();
        await SignInWithTwoFactorAsync(verifierPage, await App.CreateUserAsync([Roles.Verifier], []));
        await verifierPage.GotoAsync("/admin/kinerja");
        await verifierPage.Locator($"#queue a[href='/admin/kinerja/laporan/{reportId}']").ClickAsync();
        await SubmitAsync(verifierPage, reportUrl, () => verifierPage.Locator("#verify-report").ClickAsync());
        await Expect(verifierPage.Locator("#report-status")).ToHaveTextAsync("terverifikasi");
        await SubmitAsync(verifierPage, reportUrl, () => verifierPage.Locator("#publish-report").ClickAsync());
        await Expect(verifierPage.Locator("#report-status")).ToHaveTextAsync("terbit");

        // 4. The public sees the quarter on the OPD's page, on a phone-sized screen: 38.5 of 40 is 96.25 %.
        var citizen = await NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await citizen.GotoAsync($"/kinerja/opd/{opdId}?tahun={year}&tw={quarter}");
        var row = citizen.Locator("#indicators tr", new() { HasText = "Rambu lalu lintas yang dipasang" });
        await Expect(row).ToContainTextAsync("38,5");
        await Expect(row).ToContainTextAsync("96,25 %");
        await citizen.GetByRole(AriaRole.Link, new() { Name = $"TW {quarter}", Exact = true }).Last.ClickAsync();
        await Expect(citizen.Locator("h1")).ToContainTextAsync($"Laporan kinerja TW {quarter} {year}");
        await Expect(citizen.Locator("main")).ToContainTextAsync("tercatat di log transparansi");
    }

    [GeneratedRegex(@"/admin/kinerja/rencana\?opd=\d+&tahun=\d+")]
    private static partial Regex IndicatorAdded();
}
