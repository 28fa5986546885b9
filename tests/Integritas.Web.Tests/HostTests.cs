using System.Net;
using System.Text.Json;
using Integritas.Core.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

public abstract class HostTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = F.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Demo_regency_is_loaded_with_langkat_areas_and_valid_opd_codes()
    {
        var (districts, villages, opds, codes) = await F.WithDbAsync(async db => (
            await db.Regions.CountAsync(r => r.Level == RegionLevel.District && r.Code.StartsWith("12.05."), Ct),
            await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith("12.05."), Ct),
            await db.Opds.CountAsync(Ct),
            await db.Opds.Select(o => o.Code).ToListAsync(Ct)));
        Assert.Equal(23, districts);
        Assert.Equal(277, villages);
        Assert.InRange(opds, 35, 45);
        Assert.All(codes, c => Assert.True(OpdCode.TryParse(c, out _, out var error), error));
        var bahorok = await F.WithDbAsync(db => db.Regions.SingleAsync(r => r.Code == "12.05.01", Ct));
        Assert.Equal("Bahorok", bahorok.Name);
    }

    [Fact]
    public async Task Home_page_lists_the_opds_in_indonesian_and_switches_to_english()
    {
        var client = F.Client();
        var html = await client.GetStringAsync("/", Ct);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Langkat", html, StringComparison.Ordinal);
        Assert.Contains("Dinas Pendidikan", html, StringComparison.Ordinal);
        Assert.Contains("Beranda", html, StringComparison.Ordinal);

        var switched = await IntegritasFactory.PostFormAsync(client, "/bahasa", new() { ["lang"] = "en", ["returnUrl"] = "/opd" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/opd", switched.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync("/", Ct);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Home<", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var client = F.Client();
        var switched = await IntegritasFactory.PostFormAsync(client, "/bahasa", new() { ["lang"] = "en", ["returnUrl"] = "//evil.example/x" }, formPage: "/");
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/opd")]
    [InlineData("/opd?q=kesehatan&sort=name")]
    [InlineData("/wilayah")]
    [InlineData("/wilayah/12.05")]
    [InlineData("/wilayah/12.05.07")]
    [InlineData("/unit-layanan?kind=Puskesmas")]
    [InlineData("/akun/masuk")]
    [InlineData("/scalar/v1")]
    public async Task Public_pages_answer(string url)
    {
        var response = await F.Client().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_opd_and_area_are_404()
    {
        var client = F.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/opd/999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/wilayah/99.99", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_link_on_the_public_shell_leads_somewhere()
    {
        var client = F.Client();
        var html = await client.GetStringAsync("/", Ct);
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_the_json_api()
    {
        var json = await F.Client().GetStringAsync("/openapi/v1.json", Ct);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/opds", out _));
        Assert.True(paths.TryGetProperty("/api/v1/regions", out _));
        Assert.True(paths.TryGetProperty("/api/v1/evidence", out _));
        Assert.True(paths.TryGetProperty("/api/v1/evidence.csv", out _));
        Assert.True(paths.TryGetProperty("/ledger/proof/{index}", out _));
        Assert.Equal("Integritas API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Security_headers_are_set()
    {
        var response = await F.Client(https: true).GetAsync("/", Ct);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var response = await F.Client().PostAsync("/akun/masuk", new FormUrlEncodedContent([new("UserName", "x"), new("Password", "y")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteHostTests(SqliteFactory factory) : HostTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresHostTests(PostgresFactory factory) : HostTests(factory), IClassFixture<PostgresFactory>;
