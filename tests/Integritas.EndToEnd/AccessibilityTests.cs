using System.Reflection;
using System.Text;
using System.Text.Json;

using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.EndToEnd.Infrastructure;

using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Integritas.EndToEnd;

/// <summary>
/// Runs axe-core (from npm, see package.json) on every public page in both languages, and on the staff pages (as an
/// administrator, in Indonesian) including the enrolment page and forms refused with errors.
/// </summary>
public sealed class AccessibilityTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string DinasPendidikan = "1.01.0.00.0.00.01.0000";
    private const string DinasKesehatan = "1.02.0.00.0.00.01.0000";
    private const string OpdPlaceholder = "{opd}";

    /// <summary>The latest published quarterly report of the OPD in <see cref="OpdPlaceholder"/>.</summary>
    private const string ReportPlaceholder = "{report}";

    /// <summary>This year's latest Perjanjian Kinerja revision of the OPD in <see cref="OpdPlaceholder"/> (the demo prepares one for every OPD).</summary>
    private const string AgreementPlaceholder = "{pk}";

    /// <summary>The latest SAKIP evaluation sheet of the OPD in <see cref="OpdPlaceholder"/>.</summary>
    private const string EvaluationPlaceholder = "{evaluation}";

    /// <summary>The first demo procurement package whose tender is open (its staff page shows the bid and stage forms).</summary>
    private const string TenderPlaceholder = "{tender}";

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> AxeSource = new(LoadAxe);

    public static TheoryData<string, string> PublicPages()
    {
        string[] paths = ["/", "/opd", "/opd/" + OpdPlaceholder, "/wilayah", "/wilayah/12.05", "/unit-layanan", "/akun/masuk", "/paket", "/paket/LKT-2026-PUPR-002", "/paket/cek", "/lapor", "/lapor/cek", "/aduan", "/aduan/statistik", "/kinerja", "/kinerja/opd/" + OpdPlaceholder, "/kinerja/laporan/" + ReportPlaceholder, "/kinerja/pk/" + AgreementPlaceholder, "/pengadaan", "/pengadaan/LKT-2026-PUPR-001", "/pengadaan/PBJ-DEMO-RF02", "/anggaran", "/anggaran/cari", "/anggaran/desa"];
        var data = new TheoryData<string, string>();
        foreach (var lang in new[] { "id", "en" })
        {
            foreach (var path in paths)
            {
                data.Add(path, lang);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_has_no_serious_or_critical_axe_violations(string path, string lang)
    {
        var page = await NewPageAsync();
        if (lang == "en")
        {
            var culture = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-US"));
            await page.Context.AddCookiesAsync([new Cookie
            {
                Name = CookieRequestCultureProvider.DefaultCookieName,
                Value = Uri.EscapeDataString(culture),
                Url = App.BaseUrl,
            }]);
        }

        var url = await ResolveAsync(path, DinasPendidikan);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));

        var violations = await RunAxeAsync(page);
        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0, Describe(url, lang, failing));
    }

    public static TheoryData<string> StaffPages() => new()
    {
        "/admin",
        "/admin/pengguna",
        "/admin/pengguna/baru",
        "/admin/opd",
        "/admin/opd/" + OpdPlaceholder,
        "/admin/opd/baru",
        "/admin/impor",
        "/admin/wilayah",
        "/admin/wilayah/12.05.07",
        "/admin/audit",
        "/admin/aduan",
        "/admin/aduan?tampil=semua",
        "/admin/aduan/dasbor",
        "/admin/aduan/pengaturan",
        "/admin/poin",
        "/admin/apikey",
        "/admin/notifikasi",
        "/admin/kinerja",
        "/admin/kinerja?opd=" + OpdPlaceholder,
        "/admin/kinerja/rencana?opd=" + OpdPlaceholder,
        "/admin/kinerja/impor?opd=" + OpdPlaceholder,
        "/admin/kinerja/laporan/" + ReportPlaceholder,
        "/admin/kinerja/pk?opd=" + OpdPlaceholder,
        "/kinerja/pk/" + AgreementPlaceholder,
        "/admin/kinerja/evaluasi",
        "/admin/kinerja/evaluasi/" + EvaluationPlaceholder,
        "/admin/pengadaan/akun",
        "/admin/pengadaan/" + TenderPlaceholder,
        "/akun/2fa",
    };

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Staff_page_has_no_serious_or_critical_axe_violations(string path)
    {
        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, await App.CreateUserAsync([Roles.Admin]));

        if (path == "/admin/notifikasi")
        {
            await OutboxWithMessagesAsync();
        }

        var url = await ResolveAsync(path, DinasKesehatan);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
        Assert.Equal(url, PathOf(page) + new Uri(page.Url).Query);
        await AssertNoSeriousViolationsAsync(page, url);
    }

    /// <summary>The outbox page is checked with rows in it (a wide table), whatever ran before.</summary>
    private async Task OutboxWithMessagesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Integritas.Web.Features.Notifications.NotificationOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var retrying = outbox.Enqueue(Integritas.Data.Notifications.NotificationChannel.WhatsApp, "+6281299990001", "complaint.received", null, "Laporan diterima.", "K7Q3-M9XD");
        retrying.State = Integritas.Data.Notifications.NotificationState.Pending;
        retrying.Attempts = 3;
        retrying.LastError = "HTTP 503 dari gerbang WhatsApp, dicoba lagi dengan jeda bertambah / HTTP 503 from the WhatsApp gateway, retried with backoff";
        outbox.Email("petugas.dinas.kesehatan@langkatkab.example", "sla.escalation", "Batas waktu terlewati", "Laporan melewati batas waktu.", "K7Q3-M9XD");
        outbox.Webhook("complaint.updated", new { TrackingNumber = "K7Q3-M9XD" }, "K7Q3-M9XD");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Enrolment_page_for_a_new_user_has_no_serious_or_critical_axe_violations()
    {
        var page = await NewPageAsync();
        var user = await App.CreateUserAsync([Roles.Verifier], enrolAuthenticator: false);
        await SubmitPasswordAsync(page, user);
        await page.WaitForURLAsync(EnrolmentUrl());
        await Expect(page.Locator("#shared-key")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "/akun/2fa");

        // And with the error of a wrong code, tied to the field.
        var key = Authenticator.Normalise(await page.Locator("#shared-key").InnerTextAsync());
        await page.Locator("#Code").FillAsync(Authenticator.WrongCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kode salah");
        await Expect(page.Locator("#Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Code")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Kode salah"));
        await AssertNoSeriousViolationsAsync(page, "/akun/2fa (wrong code)");
    }

    [Fact]
    public async Task Refused_staff_forms_have_no_serious_or_critical_axe_violations()
    {
        var page = await NewPageAsync();
        await SignInWithTwoFactorAsync(page, await App.CreateUserAsync([Roles.Admin]));

        // Adding a service unit with a code already in use: the error sits by the field, the form stays open.
        var url = "/admin/opd/" + await DinkesIdAsync();
        await page.GotoAsync(url);
        var existing = await page.Locator("main table code").First.InnerTextAsync();
        await page.GetByText("Tambah unit layanan", new() { Exact = true }).ClickAsync();
        await page.Locator("#UnitCode").FillAsync(existing);
        await page.Locator("#UnitName").FillAsync("Puskesmas Pembantu Uji");
        await page.Locator("#UnitKind").SelectOptionAsync("Puskesmas");
        await page.Locator("form[action*='handler=AddUnit'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("#UnitCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#UnitCode")).ToHaveAccessibleDescriptionAsync("Kode unit sudah dipakai.");
        await Expect(page.Locator("#UnitCode")).ToBeVisibleAsync();
        await Expect(page.Locator("#UnitName")).ToHaveValueAsync("Puskesmas Pembantu Uji");
        await AssertNoSeriousViolationsAsync(page, url + " (add unit refused)");

        // A new OPD operator without an OPD, and an e-mail address without @.
        await page.GotoAsync("/admin/pengguna/baru");
        await page.Locator("#UserName").FillAsync("operator-uji");
        await page.Locator("#DisplayName").FillAsync("Operator Uji");
        await page.Locator("#Email").EvaluateAsync("input => input.type = 'text'");
        await page.Locator("#Email").FillAsync("bukan-email");
        await page.Locator("#role-OpdOperator").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#SelectedOpds")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#SelectedOpds")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("minimal satu OPD"));
        await Expect(page.Locator("#Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync(page, "/admin/pengguna/baru (refused)");
    }

    /// <summary>WCAG 1.4.11: the focus indicator is a dark outline around a white ring, visible on white and on the blue header.</summary>
    [Fact]
    public async Task Focus_indicator_is_a_dark_outline_around_a_white_ring()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/opd");
        foreach (var selector in new[] { "header .brand", "#q" })
        {
            var element = page.Locator(selector);
            await element.FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Tab");
            var style = await element.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow]; }");
            Assert.Equal("solid", style[0]);
            Assert.Equal("rgb(27, 31, 36)", style[1]);
            Assert.Equal("3px", style[2]);
            Assert.Contains("rgb(255, 255, 255)", style[3], StringComparison.Ordinal);
        }
    }

    /// <summary>Guards the guard: a page with planted violations must fail the same check.</summary>
    [Fact]
    public async Task Axe_check_reports_planted_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<img src="/css/site.css" id="planted-image"><button id="planted-button"></button>');
            }
            """);

        var violations = await RunAxeAsync(page);

        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).Select(v => v.Id).ToList();
        Assert.Contains("image-alt", failing);
        Assert.Contains("button-name", failing);
        Assert.Contains(violations, v => v.Nodes.Any(n => n.Target.Contains("#planted-image", StringComparison.Ordinal)));
    }

    /// <summary>The path with the OPD's id, its latest published quarterly report's id and its latest evaluation sheet's id in place of the placeholders.</summary>
    private async Task<string> ResolveAsync(string path, string opdCode)
    {
        var ct = TestContext.Current.CancellationToken;
        var opdId = await App.OpdIdAsync(opdCode, ct);
        var url = path.Replace(OpdPlaceholder, opdId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (url.Contains(ReportPlaceholder, StringComparison.Ordinal))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Integritas.Data.IntegritasDbContext>();
            var report = await db.QuarterReports.Where(r => r.OpdId == opdId && r.Status == Integritas.Data.Performance.ReportStatus.Published)
                .OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).Select(r => r.Id).FirstAsync(ct);
            url = url.Replace(ReportPlaceholder, report.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains(AgreementPlaceholder, StringComparison.Ordinal))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Integritas.Data.IntegritasDbContext>();
            var agreement = await db.PerformanceAgreements.Where(a => a.OpdId == opdId).OrderByDescending(a => a.Year).ThenByDescending(a => a.Revision).Select(a => a.Id).FirstAsync(ct);
            url = url.Replace(AgreementPlaceholder, agreement.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains(EvaluationPlaceholder, StringComparison.Ordinal))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Integritas.Data.IntegritasDbContext>();
            var evaluation = await db.LkeEvaluations.Where(e => e.OpdId == opdId).OrderByDescending(e => e.Year).Select(e => e.Id).FirstAsync(ct);
            url = url.Replace(EvaluationPlaceholder, evaluation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains(TenderPlaceholder, StringComparison.Ordinal))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Integritas.Data.IntegritasDbContext>();
            var package = await db.ConstructionPackages.Where(p => p.Stage == Integritas.Core.Procurement.ProcurementStage.TenderOpen && p.Code.StartsWith("PBJ-"))
                .OrderBy(p => p.Code).Select(p => p.Id).FirstAsync(ct);
            url = url.Replace(TenderPlaceholder, package.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return url;
    }

    private async Task<string> DinkesIdAsync() =>
        (await App.OpdIdAsync(DinasKesehatan, TestContext.Current.CancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
        var violations = await RunAxeAsync(page);
        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0, Describe(what, "id", failing));
    }

    private static async Task<List<AxeViolation>> RunAxeAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(results.violations.map(v => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary })),
                })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonSerializerOptions.Web) ?? [];
    }

    private static string Describe(string url, string lang, List<AxeViolation> violations)
    {
        var text = new StringBuilder($"axe found {violations.Count} serious/critical violation(s) on {url} [{lang}]:");
        foreach (var v in violations)
        {
            text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>");
            foreach (var node in v.Nodes.Take(5))
            {
                text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                if (node.Summary is { Length: > 0 } summary)
                {
                    text.AppendLine().Append("      ").Append(summary.ReplaceLineEndings(" / "));
                }
            }

            if (v.Nodes.Count > 5)
            {
                text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"    ... and {v.Nodes.Count - 5} more");
            }
        }

        return text.ToString();
    }

    private static string LoadAxe()
    {
        var path = typeof(AccessibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Integritas.AxeScript")?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"axe-core is missing at '{path}'. Run 'npm ci' in the repository root (the build does this when npm is available).");
        }

        return File.ReadAllText(path);
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, List<AxeNode> Nodes);

    private sealed record AxeNode(string Target, string Html, string? Summary);
}
