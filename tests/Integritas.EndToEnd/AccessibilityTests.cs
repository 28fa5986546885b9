using System.Reflection;
using System.Text;
using System.Text.Json;

using Integritas.EndToEnd.Infrastructure;

using Microsoft.AspNetCore.Localization;
using Microsoft.Playwright;

namespace Integritas.EndToEnd;

/// <summary>Runs axe-core (from npm, see package.json) on every public page in both languages.</summary>
public sealed class AccessibilityTests(IntegritasAppFixture app) : BrowserTest(app)
{
    private const string DinasPendidikan = "1.01.0.00.0.00.01.0000";
    private const string OpdPlaceholder = "{opd}";

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> AxeSource = new(LoadAxe);

    public static TheoryData<string, string> PublicPages()
    {
        string[] paths = ["/", "/opd", "/opd/" + OpdPlaceholder, "/wilayah", "/wilayah/12.05", "/unit-layanan", "/akun/masuk"];
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

        var url = path.Replace(OpdPlaceholder, (await App.OpdIdAsync(DinasPendidikan, TestContext.Current.CancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));

        var violations = await RunAxeAsync(page);
        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0, Describe(url, lang, failing));
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
