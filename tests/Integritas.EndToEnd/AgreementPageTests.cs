using System.Text.RegularExpressions;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>
/// Issue 5 item 2 in Debian's Chromium: an administrator links the OPD head's post to an account, the head signs the
/// year's Perjanjian Kinerja with a new signing passphrase, and the public sees the valid signature on a phone.
/// </summary>
public sealed partial class AgreementPageTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string Dinsos = "1.06.0.00.0.00.01.0000";

    [Fact]
    public async Task An_administrator_links_the_head_who_then_signs_the_agreement_and_the_public_sees_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var opdId = await App.OpdIdAsync(Dinsos, ct);
        long agreementId;
        int officialId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            agreementId = await db.PerformanceAgreements.Where(a => a.OpdId == opdId).OrderByDescending(a => a.Year).ThenByDescending(a => a.Revision).Select(a => a.Id).FirstAsync(ct);
            officialId = await db.Officials.Where(o => o.Position!.OpdId == opdId && o.Position.IsHead && o.ActiveUntil == null).Select(o => o.Id).FirstAsync(ct);
        }

        // 1. The administrator links the head's post to the head's account on the OPD's page.
        var head = await App.CreateUserAsync([Roles.OpdOperator], [opdId]);
        var admin = await NewPageAsync();
        await SignInWithTwoFactorAsync(admin, await App.CreateUserAsync([Roles.Admin]));
        await admin.GotoAsync($"/admin/opd/{opdId}");
        await admin.GetByText("Hubungkan pejabat ke akun").ClickAsync();
        await admin.Locator("#LinkOfficialId").SelectOptionAsync(officialId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator("#LinkEmail").FillAsync($"{head.UserName}@example.test");
        await SubmitAsync(admin, OpdPage(), () => admin.Locator("form[action*='LinkAccount'] button[type=submit]").ClickAsync());
        await Expect(admin.Locator("main")).ToContainTextAsync($"terhubung ke akun {head.UserName}@example.test");

        // 2. The head opens the agreement, chooses a signing passphrase and signs.
        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, head);
        await page.GotoAsync($"/kinerja/pk/{agreementId}");
        await Expect(page.Locator("#sign-form")).ToContainTextAsync("Pihak pertama");
        await page.Locator("#passphrase").FillAsync("kepala dinas sosial menandatangani");
        await page.Locator("#passphrase-repeat").FillAsync("kepala dinas sosial menandatangani");
        await SubmitAsync(page, AgreementPage(), () => page.Locator("#sign-form button[type=submit]").ClickAsync());
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("ditandatangani");
        await Expect(page.Locator("#sign-form")).ToHaveCountAsync(0);

        // 3. The public sees the valid signature and that the regent's is still awaited, on a phone-sized screen.
        var citizen = await NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await citizen.GotoAsync($"/kinerja/pk/{agreementId}");
        await Expect(citizen.Locator("#agreement-signatures")).ToContainTextAsync("tanda tangan sah");
        await Expect(citizen.Locator("#agreement-signatures")).ToContainTextAsync("belum ditandatangani");
        await Expect(citizen.Locator("#agreement-standing")).ToContainTextAsync("Menunggu tanda tangan");
    }

    [GeneratedRegex(@"/admin/opd/\d+")]
    private static partial Regex OpdPage();

    [GeneratedRegex(@"/kinerja/pk/\d+$")]
    private static partial Regex AgreementPage();
}
