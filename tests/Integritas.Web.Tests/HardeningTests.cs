using System.Net;
using System.Text;
using System.Text.Json;
using Integritas.Data.Audit;
using Integritas.Data.Demo;
using Integritas.Data.Identity;
using Integritas.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests;

/// <summary>Hostile or careless input never becomes a 500, an off-site redirect or a stored script link.</summary>
public abstract class HardeningTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Language_switch_sends_foreign_return_addresses_home(string returnUrl)
    {
        var client = F.Client();
        var response = await IntegritasFactory.PostFormAsync(client, "/bahasa", new() { ["lang"] = "en", ["returnUrl"] = returnUrl }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_ignores_a_foreign_return_address()
    {
        var user = await F.CreateUserAsync(Roles.Auditor);
        var client = F.Client();
        var login = await IntegritasFactory.PostFormAsync(client, "/akun/masuk?returnUrl=%2F%09%2Fevil.example", new()
        {
            ["UserName"] = user.UserName,
            ["Password"] = user.Password,
            ["returnUrl"] = "/\t/evil.example",
        }, formPage: "/akun/masuk");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("returnUrl=%2Fadmin", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit?to=9999-12-31")]
    [InlineData("/admin/audit?from=0001-01-01&to=0001-01-02")]
    public async Task Extreme_audit_dates_are_clamped_not_500(string url)
    {
        var auditor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task Huge_page_numbers_are_a_field_error()
    {
        var response = await F.Client().GetAsync("/api/v1/opds?page=2147483647&pageSize=500", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty("page", out _));
        Assert.Equal(HttpStatusCode.OK, (await F.Client().GetAsync("/opd?page=2147483647", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_type_names_the_field_not_the_servers_types()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var response = await admin.PostAsync("/api/v1/opds", Json("""{"code":"1.02.0.00.0.00.05.0000","name":"Dinas X","kind":"Dinas","isActive":"ya"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Integritas.", body, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(body);
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty("isActive", out _), body);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/")]
    public async Task Websites_must_be_http_links(string website)
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var response = await admin.PostAsync("/api/v1/opds", Json($$"""{"code":"1.02.0.00.0.00.06.0000","name":"Dinas Y","kind":"Dinas","website":"{{website}}"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"website\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var scope = F.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(ImportKind.Opds,
            new MemoryStream(Encoding.UTF8.GetBytes($"code,name,short_name,kind,regency_code,address,website\n1.02.0.00.0.00.06.0000,Dinas Y,,Dinas,12.05,,{website}\n")), Ct);
        Assert.Contains(result.Errors, e => e.Column == "website");
    }

    [Fact]
    public async Task People_get_an_html_error_page_and_the_api_gets_problem_details()
    {
        var page = await F.Client().GetAsync("/opd/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Halaman tidak ditemukan", html, StringComparison.Ordinal);
        Assert.Contains("<nav", html, StringComparison.Ordinal);

        var api = await F.Client().GetAsync("/api/v1/opds/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Audit_of_rows_created_together_keeps_their_foreign_keys()
    {
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.07.0.00.0.00.01.0000"));
        var id = await F.OpdIdAsync("2.07.0.00.0.00.01.0000");
        var response = await IntegritasFactory.PostFormAsync(op, $"/admin/opd/{id}?handler=AddPosition", new()
        {
            ["PositionTitle"] = "Mediator Hubungan Industrial",
            ["OfficialName"] = "Putri Sembiring",
        }, formPage: $"/admin/opd/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var official = await F.WithDbAsync(db => db.Officials.SingleAsync(o => o.Name == "Putri Sembiring", Ct));
        var entry = await F.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "Official" && a.EntityId == official.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Created, Ct));
        using var changes = JsonDocument.Parse(entry.Changes);
        Assert.Equal(official.PositionId, changes.RootElement.GetProperty("PositionId").GetProperty("after").GetInt32());
    }
}

public sealed class SqliteHardeningTests(SqliteFactory factory) : HardeningTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresHardeningTests(PostgresFactory factory) : HardeningTests(factory), IClassFixture<PostgresFactory>;

/// <summary>A database that was never migrated, with migrations at start turned off, as in a production deployment.</summary>
public sealed class UnmigratedFactory() : IntegritasFactory(Provider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Integritas:ApplyMigrationsOnStart", "false")];
}

public sealed class ReadinessTests(UnmigratedFactory factory) : IClassFixture<UnmigratedFactory>
{
    [Fact]
    public async Task Ready_is_503_until_the_database_is_migrated()
    {
        var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Two regencies in one database: OPD codes repeat, so imports must say which regency they mean.</summary>
public sealed class MultiRegencyFactory() : IntegritasFactory(Provider.Sqlite);

public sealed class MultiRegencyImportTests(MultiRegencyFactory factory) : IClassFixture<MultiRegencyFactory>
{
    [Fact]
    public async Task Officials_import_needs_the_regency_when_codes_repeat_and_links_superiors_within_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.WithDbAsync(db => DemoRegencyGenerator.LoadAsync(db, 2, ct));
        const string header = "opd_code,position_title,grade,is_head,superior_opd_code,superior_position_title,name,nip";
        async Task<ImportResult> ImportAsync(string csv)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(ImportKind.Officials, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ct);
        }

        var ambiguous = await ImportAsync($"{header}\n1.06.0.00.0.00.01.0000,Analis Sosial,,false,,Kepala Dinas Sosial,Indah Ginting,\n");
        Assert.Contains(ambiguous.Errors, e => e.Message.Contains("regency_code", StringComparison.Ordinal));

        var scoped = await ImportAsync($"{header},regency_code\n1.06.0.00.0.00.01.0000,Analis Sosial,,false,,Kepala Dinas Sosial,Indah Ginting,,12.05\n");
        Assert.True(scoped.Succeeded, string.Join("; ", scoped.Errors));
        var analyst = await factory.WithDbAsync(db => db.Positions.Include(p => p.Superior!).ThenInclude(p => p.Opd!).ThenInclude(o => o.Region).SingleAsync(p => p.Title == "Analis Sosial", ct));
        Assert.Equal("12.05", analyst.Superior!.Opd!.Region!.Code);
    }
}
