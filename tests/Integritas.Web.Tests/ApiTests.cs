using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

public abstract class ApiTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Disdik = "1.01.0.00.0.00.01.0000";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)expected, doc.RootElement.GetProperty("status").GetInt32());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Opd_list_pages_searches_and_sorts()
    {
        var client = F.Client();
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/opds?pageSize=5&page=2&sort=name", Ct));
        Assert.Equal(5, page.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.RootElement.GetProperty("page").GetInt32());
        var names = page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToList(), names);

        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/opds?q=KESEHATAN", Ct));
        var found = search.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains(Dinkes, found);
        Assert.Equal(found.Count, search.RootElement.GetProperty("total").GetInt32());

        var dinkes = search.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == Dinkes);
        Assert.Equal("Kepala Dinas Kesehatan", dinkes.GetProperty("headTitle").GetString());
        Assert.True(dinkes.GetProperty("serviceUnitCount").GetInt32() >= 23, "every kecamatan has a puskesmas");
    }

    [Theory]
    [InlineData("/api/v1/opds?page=0", "page")]
    [InlineData("/api/v1/opds?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/regions?level=Planet", "level")]
    public async Task Bad_query_parameters_are_400_with_field_errors(string url, string field)
    {
        var problem = await ProblemAsync(await F.Client().GetAsync(url, Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unparseable_query_value_is_400_problem_not_500()
    {
        await ProblemAsync(await F.Client().GetAsync("/api/v1/opds?page=abc", Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Regions_and_csv_export()
    {
        var client = F.Client();
        var kecamatan = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?parentCode=12.05", Ct);
        Assert.Equal(23, kecamatan.GetArrayLength());
        Assert.Equal("Bahorok", kecamatan[0].GetProperty("name").GetString());
        Assert.Equal("Kecamatan", kecamatan[0].GetProperty("kind").GetString());

        var csv = await client.GetAsync("/api/v1/opds.csv?q=dinas", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name,short_name,kind,regency_code,head_title,head_name,service_units,address,website", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(Dinkes + ",Dinas Kesehatan,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writing_needs_a_signed_in_user_and_the_right_role()
    {
        var anonymous = await F.Client().PostAsync("/api/v1/opds", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var forbidden = await operatorClient.PostAsync("/api/v1/opds", Json("""{"code":"1.02.0.00.0.00.09.0000","name":"X","kind":"Dinas"}"""), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var problem = await ProblemAsync(await admin.PostAsync("/api/v1/opds", Json("{\"code\": \"1.02"), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), "the broken field (or the body) is named");

        await ProblemAsync(await admin.PostAsync("/api/v1/opds", Json("[1,2,3]"), Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/v1/opds", new StringContent("code=1", Encoding.UTF8, "text/plain"), Ct), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Oversized_bodies_are_413_problem_and_store_nothing()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var before = await F.WithDbAsync(db => db.Opds.CountAsync(Ct));
        var huge = "{\"code\":\"1.02.0.00.0.00.08.0000\",\"name\":\"" + new string('a', 2_000_000) + "\",\"kind\":\"Dinas\"}";
        await ProblemAsync(await admin.PostAsync("/api/v1/opds", Json(huge), Ct), HttpStatusCode.RequestEntityTooLarge);

        // Without a declared length (chunked), the limit still holds while reading.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/opds") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var response = await admin.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await F.WithDbAsync(db => db.Opds.CountAsync(Ct)));
    }

    [Fact]
    public async Task Invalid_fields_are_listed_in_a_validation_problem()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var problem = await ProblemAsync(await admin.PostAsync("/api/v1/opds",
            Json("""{"code":"1.2.3","name":"","kind":"Planet","website":"not a url","regencyCode":"99.99"}"""), Ct), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "code", "name", "kind", "website", "regencyCode" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.Contains("/", messages[0].GetString(), StringComparison.Ordinal); // Indonesian / English
        }

        var duplicate = await ProblemAsync(await admin.PostAsync("/api/v1/opds", Json($$"""{"code":"{{Dinkes}}","name":"Dinas Kesehatan Kedua","kind":"Dinas"}"""), Ct), HttpStatusCode.BadRequest);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Admin_creates_and_changes_an_opd_and_the_audit_trail_records_who_and_what()
    {
        var adminUser = await F.CreateUserAsync(Roles.Admin);
        var admin = await F.SignedInClientAsync(adminUser);
        var created = await admin.PostAsync("/api/v1/opds", Json("""{"code":"2.10.0.00.0.00.01.0000","name":"Dinas Pertanahan","shortName":"Distanah","kind":"Dinas","website":"https://pertanahan.langkatkab.go.id"}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/opds/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("12.05", body.GetProperty("regencyCode").GetString());

        var changed = await admin.PutAsync($"/api/v1/opds/{id}", Json("""{"code":"2.10.0.00.0.00.01.0000","name":"Dinas Pertanahan dan Tata Ruang","kind":"Dinas"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var entries = await F.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Opd" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(adminUser.Id, e.ActorId));
        Assert.All(entries, e => Assert.Equal(adminUser.UserName, e.ActorName));
        using var changes = JsonDocument.Parse(entries[1].Changes);
        Assert.Equal("Dinas Pertanahan", changes.RootElement.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal("Dinas Pertanahan dan Tata Ruang", changes.RootElement.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal("Distanah", changes.RootElement.GetProperty("ShortName").GetProperty("before").GetString());
        Assert.False(changes.RootElement.TryGetProperty("Kind", out _), "unchanged fields are not recorded");
    }

    [Fact]
    public async Task Opd_operator_may_change_only_their_own_opd()
    {
        var dinkesId = await F.OpdIdAsync(Dinkes);
        var disdikId = await F.OpdIdAsync(Disdik);
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));

        // The operator may change the address, but the code, kind, regency and status stay the administrator's.
        var own = await op.PutAsync($"/api/v1/opds/{dinkesId}", Json("""{"code":"1.02.0.00.0.00.77.0000","name":"Dinas Kesehatan","kind":"Sekretariat","isActive":false,"address":"Jl. Proklamasi No. 1, Stabat"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var stored = await F.WithDbAsync(db => db.Opds.AsNoTracking().SingleAsync(o => o.Id == dinkesId, Ct));
        Assert.Equal((Dinkes, Integritas.Data.Organisation.OpdKind.Dinas, true), (stored.Code, stored.Kind, stored.IsActive));
        Assert.Equal("Jl. Proklamasi No. 1, Stabat", stored.Address);

        var before = await F.WithDbAsync(db => db.Opds.AsNoTracking().SingleAsync(o => o.Id == disdikId, Ct));
        var other = await op.PutAsync($"/api/v1/opds/{disdikId}", Json($$"""{"code":"{{Disdik}}","name":"Diubah","kind":"Dinas"}"""), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var after = await F.WithDbAsync(db => db.Opds.AsNoTracking().SingleAsync(o => o.Id == disdikId, Ct));
        Assert.Equal(before.Name, after.Name);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/admin/opd/{dinkesId}", Ct)).StatusCode);
        var page = await op.GetAsync($"/admin/opd/{disdikId}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/akun/ditolak", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_trail_is_for_auditors_and_admins_only_and_never_holds_password_hashes()
    {
        var auditor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Auditor));
        var page = await auditor.GetAsync("/admin/audit?entity=AppUser", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csv = await auditor.GetStringAsync("/admin/audit?format=csv", Ct);
        Assert.StartsWith("id,at_utc,at_wib,actor_id,actor_name,action,entity_type,entity_id,changes", csv, StringComparison.Ordinal);
        Assert.Contains("AppUser", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", csv, StringComparison.Ordinal); // the prefix of Identity's password hashes

        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var refused = await op.GetAsync("/admin/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/akun/ditolak", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_manage_users()
    {
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        Assert.Equal(HttpStatusCode.Redirect, (await verifier.GetAsync("/admin/pengguna", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await verifier.GetAsync("/admin/impor", Ct)).StatusCode);
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/pengguna", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await F.Client().GetAsync("/admin/pengguna", Ct)).StatusCode);
    }
}

public sealed class SqliteApiTests(SqliteFactory factory) : ApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresApiTests(PostgresFactory factory) : ApiTests(factory), IClassFixture<PostgresFactory>;
