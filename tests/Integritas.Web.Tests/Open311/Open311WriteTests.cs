using System.Globalization;
using System.Net;
using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Open311;

/// <summary>POST requests, API keys, idempotent retries and the round trip through staff handling.</summary>
public abstract class Open311WriteTests(IntegritasFactory factory) : Open311TestBase(factory)
{
    private static string IdOf(Open311Response response, string format)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        var request = Assert.Single(Requests(response, format));
        Assert.False(request.ContainsKey("token"), "A response carries service_request_id or token, never both.");
        Assert.Contains("service_notice", request.Keys);
        Assert.Contains("account_id", request.Keys);
        return request["service_request_id"]!;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_posted_request_is_stored_once_and_reads_back_by_id_and_in_the_list(string format)
    {
        var key = await NewKeyAsync();
        var before = await CountAsync();
        var posted = await PostAsync(format, Valid(key));
        var id = IdOf(posted, format);
        Assert.Equal("akun-7", Assert.Single(Requests(posted, format))["account_id"]);
        Assert.Equal(before + 1, await CountAsync());

        var stored = await F.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.TrackingNumber == id, Ct));
        Assert.Equal(ComplaintChannel.Open311, stored.Channel);
        Assert.NotNull(stored.ApiKeyId);
        Assert.Equal("Siti Aminah", stored.ReporterName);
        Assert.Equal("+6281234567890", stored.ReporterPhone);
        Assert.Equal("perangkat-1", stored.DeviceId);
        Assert.Contains("berat", stored.AttributesJson, StringComparison.Ordinal);

        var one = Assert.Single(Requests(await GetAsync($"/requests/{id}.{format}"), format));
        Assert.Equal(id, one["service_request_id"]);
        Assert.Equal("open", one["status"]);
        Assert.Equal("received", one["detailed_status"]);
        Assert.Equal("jalan-rusak", one["service_code"]);
        Assert.Equal("Jalan rusak atau berlubang", one["service_name"]);
        Assert.Equal("Jalan berlubang besar di depan sekolah, berbahaya malam hari.", one["description"]);
        Assert.Equal("Jl. Sudirman, Stabat", one["address"]);
        Assert.Equal(3.7551, double.Parse(one["lat"]!, CultureInfo.InvariantCulture));
        Assert.Equal(98.4551, double.Parse(one["long"]!, CultureInfo.InvariantCulture));
        Assert.Null(one["media_url"]);
        Assert.EndsWith("+07:00", one["requested_datetime"], StringComparison.Ordinal);
        var requested = DateTimeOffset.Parse(one["requested_datetime"]!, CultureInfo.InvariantCulture);
        Assert.Equal(stored.ReceivedAtUtc, requested.UtcDateTime, TimeSpan.FromSeconds(1));
        // expected_datetime comes from the SLA's resolution clock.
        var expected = DateTimeOffset.Parse(one["expected_datetime"]!, CultureInfo.InvariantCulture);
        Assert.Equal(stored.ResolutionDueUtc!.Value, expected.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.True(expected > requested);

        // Lower case and without the dash reads the same request.
        Assert.Single(Requests(await GetAsync($"/requests/{id.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}.{format}"), format));
        Assert.Contains(Requests(await GetAsync($"/requests.{format}"), format), r => r["service_request_id"] == id);
        Assert.Contains(Requests(await GetAsync($"/requests.{format}?service_code=jalan-rusak&status=open"), format), r => r["service_request_id"] == id);
        Assert.DoesNotContain(Requests(await GetAsync($"/requests.{format}?service_code=sampah"), format), r => r["service_request_id"] == id);
        Assert.DoesNotContain(Requests(await GetAsync($"/requests.{format}?status=closed"), format), r => r["service_request_id"] == id);
        var window = Open311Dates.Format(stored.ReceivedAtUtc.AddMinutes(-1)).Replace("+", "%2B", StringComparison.Ordinal);
        Assert.Contains(Requests(await GetAsync($"/requests.{format}?start_date={window}"), format), r => r["service_request_id"] == id);
        Assert.DoesNotContain(Requests(await GetAsync($"/requests.{format}?end_date={window}"), format), r => r["service_request_id"] == id);
    }

    [Fact]
    public async Task Service_request_ids_override_every_other_filter()
    {
        var key = await NewKeyAsync();
        var a = IdOf(await PostAsync("json", Valid(key)), "json");
        var b = IdOf(await PostAsync("json", Valid(key, ("service_code", "sampah"), ("attribute[tingkat]", ""))), "json");
        var both = Requests(await GetAsync($"/requests.json?service_request_id={a},{b},ZZZZ-ZZZZ&status=closed&service_code=drainase&start_date=2020-01-01"), "json");
        Assert.Equal(new[] { a, b }.Order(), both.Select(r => r["service_request_id"]).Order());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_request(string format)
    {
        var key = await NewKeyAsync();
        var token = "retry-" + Guid.NewGuid().ToString("N");
        var first = IdOf(await PostAsync(format, Valid(key), token), format);
        var count = await CountAsync();
        var second = IdOf(await PostAsync(format, Valid(key, ("description", "Kiriman ulang dari antrean luring.")), token), format);
        Assert.Equal(first, second);
        Assert.Equal(count, await CountAsync());

        var resolved = Assert.Single(Requests(await GetAsync($"/tokens/{token}.{format}"), format));
        Assert.Equal(first, resolved["service_request_id"]);
        Assert.Equal(token, resolved["token"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_missing_wrong_or_revoked_api_key_is_403_and_stores_nothing(string format)
    {
        var key = await NewKeyAsync("Akan dicabut");
        var before = await CountAsync();
        Errors(await PostAsync(format, Valid(key).Where(f => f.Key != "api_key")), HttpStatusCode.Forbidden, format);
        Errors(await PostAsync(format, Valid("ik_salah")), HttpStatusCode.Forbidden, format);
        Errors(await PostAsync(format, Valid(key + "x")), HttpStatusCode.Forbidden, format);

        await using (var scope = F.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ApiKeys>().RevokeAsync(key[..ApiKeys.PrefixLength], Ct));
        }

        Errors(await PostAsync(format, Valid(key)), HttpStatusCode.Forbidden, format);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored_and_use_is_recorded()
    {
        var key = await NewKeyAsync("Hash saja");
        Assert.StartsWith("ik_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40);
        var stored = await F.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Hash saja", Ct));
        Assert.Equal(ComplaintIntake.HashKey(key), stored.KeyHash);
        Assert.Equal(key[..ApiKeys.PrefixLength], stored.Prefix);
        Assert.Null(stored.LastUsedAtUtc);
        IdOf(await PostAsync("json", Valid(key)), "json");
        Assert.NotNull((await F.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Hash saja", Ct))).LastUsedAtUtc);
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadInput => new()
    {
        { "service_code", "tidak-ada", "", HttpStatusCode.NotFound, "service_code" },
        { "service_code", "", "", HttpStatusCode.BadRequest, "service_code" },
        { "lat", "", "long=&address_string=", HttpStatusCode.BadRequest, "address_string" },
        { "lat", "91", "", HttpStatusCode.BadRequest, "lat" },
        { "long", "-181", "", HttpStatusCode.BadRequest, "long" },
        { "lat", "utara", "", HttpStatusCode.BadRequest, "lat" },
        { "long", "", "", HttpStatusCode.BadRequest, "long" },
        { "description", new string('a', 4001), "", HttpStatusCode.BadRequest, "description" },
        { "description", "Jalan rusak <script>alert(1)</script>", "", HttpStatusCode.BadRequest, "description" },
        { "description", "", "", HttpStatusCode.BadRequest, "description" },
        { "address_string", "<b>Jl. Sudirman</b>", "", HttpStatusCode.BadRequest, "address_string" },
        { "first_name", "<img src=x onerror=alert(1)>", "", HttpStatusCode.BadRequest, "first_name" },
        { "attribute[tingkat]", "parah sekali", "", HttpStatusCode.BadRequest, "attribute[tingkat]" },
        { "attribute[tingkat", "berat", "", HttpStatusCode.BadRequest, "attribute[tingkat" },
        { "attribute[]", "berat", "", HttpStatusCode.BadRequest, "attribute[]" },
        { "attribute[warna]", "merah", "", HttpStatusCode.BadRequest, "attribute[warna]" },
        { "attribute[tingkat][]", "ringan", "attribute[tingkat]=berat", HttpStatusCode.BadRequest, "attribute[tingkat]" },
        { "email", "bukan-email", "", HttpStatusCode.BadRequest, "email" },
        { "phone", "12345", "", HttpStatusCode.BadRequest, "phone" },
        { "address_id", "99.99.99.9999", "", HttpStatusCode.BadRequest, "address_id" },
        { "media_url", "javascript:alert(1)", "", HttpStatusCode.BadRequest, "media_url" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_its_open311_error_and_stores_nothing(string field, string? value, string more, HttpStatusCode status, string named)
    {
        var key = await NewKeyAsync();
        var before = await CountAsync();
        var changes = new List<(string, string)> { (field, value ?? "") };
        changes.AddRange(more.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])));
        foreach (var format in new[] { "json", "xml" })
        {
            var errors = Errors(await PostAsync(format, Valid(key, [.. changes])), status, format);
            Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Several_errors_come_back_together()
    {
        var key = await NewKeyAsync();
        var errors = Errors(await PostAsync("json", Valid(key, ("lat", "100"), ("long", "200"), ("description", ""), ("email", "x"))), HttpStatusCode.BadRequest, "json");
        Assert.True(errors.Count >= 4, string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_location_may_be_an_address_or_a_desa_code_alone()
    {
        var key = await NewKeyAsync();
        var byAddress = IdOf(await PostAsync("json", Valid(key, ("lat", ""), ("long", ""))), "json");
        var desa = await F.WithDbAsync(db => db.Regions.Where(r => r.Code.StartsWith("12.05.07.") && r.Level == Core.Organisation.RegionLevel.Village).Select(r => r.Code).FirstAsync(Ct));
        var byDesa = IdOf(await PostAsync("json", Valid(key, ("lat", ""), ("long", ""), ("address_string", ""), ("address_id", desa))), "json");
        Assert.Null(Assert.Single(Requests(await GetAsync($"/requests/{byAddress}.json"), "json"))["lat"]);
        Assert.Equal(desa, Assert.Single(Requests(await GetAsync($"/requests/{byDesa}.xml"), "xml"))["address_id"]);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_400_and_a_multipart_form_is_accepted()
    {
        var key = await NewKeyAsync();
        var before = await CountAsync();
        Assert.Contains(Errors(await PostAsync("json", Valid(key), new string('k', 101)), HttpStatusCode.BadRequest, "json"),
            e => e.StartsWith("Idempotency-Key", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in Valid(key))
        {
            multipart.Add(new StringContent(value), name);
        }

        var response = await F.Client().PostAsync($"{Root}/requests.xml", multipart, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Not_a_form_is_400_and_a_huge_body_is_refused()
    {
        var client = F.Client();
        var json = await client.PostAsync($"{Root}/requests.json", new StringContent("{\"service_code\":\"sampah\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("x-www-form-urlencoded", await json.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var key = await NewKeyAsync();
        var huge = await PostAsync("xml", Valid(key, ("description", new string('a', 2_000_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.Status);
    }

    [Fact]
    public async Task Round_trip_post_staff_update_and_servicerequestupdates()
    {
        var key = await NewKeyAsync();
        var id = IdOf(await PostAsync("json", Valid(key)), "json");

        await using (var scope = F.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
            var staff = new StaffActor(null, "Verifier");
            var complaint = (await workflow.LoadAsync(id, Ct))!;
            Assert.True((await workflow.DecideAsync(complaint, new StaffDecision { To = ComplaintStatus.Verified, Text = "Laporan diverifikasi, diteruskan ke Dinas PUPR." }, staff, true, Ct)).Succeeded);
            complaint = (await workflow.LoadAsync(id, Ct))!;
            Assert.True((await workflow.DecideAsync(complaint, new StaffDecision { To = ComplaintStatus.Dispositioned }, staff, true, Ct)).Succeeded);
            complaint = (await workflow.LoadAsync(id, Ct))!;
            Assert.True((await workflow.DecideAsync(complaint, new StaffDecision { Text = "Catatan internal tim", Internal = true }, staff, true, Ct)).Succeeded);
        }

        foreach (var format in new[] { "json", "xml" })
        {
            var one = Assert.Single(Requests(await GetAsync($"/requests/{id}.{format}"), format));
            Assert.Equal("open", one["status"]);
            Assert.Equal("dispositioned", one["detailed_status"]);
            Assert.Equal("Laporan diverifikasi, diteruskan ke Dinas PUPR.", one["status_notes"]);
            Assert.False(string.IsNullOrEmpty(one["agency_responsible"]));
        }

        await using (var scope = F.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
            var complaint = (await workflow.LoadAsync(id, Ct))!;
            Assert.True((await workflow.DecideAsync(complaint, new StaffDecision { To = ComplaintStatus.Resolved, Text = "Lubang sudah ditambal." }, new StaffActor(null, "OpdOperator"), true, Ct)).Succeeded);
        }

        var resolved = Assert.Single(Requests(await GetAsync($"/requests/{id}.xml"), "xml"));
        Assert.Equal("closed", resolved["status"]);
        Assert.Equal("resolved", resolved["detailed_status"]);
        Assert.Equal("Lubang sudah ditambal.", resolved["status_notes"]);
        Assert.Contains(Requests(await GetAsync("/requests.json?status=closed"), "json"), r => r["service_request_id"] == id);

        var json = (await GetAsync("/servicerequestupdates.json")).Json.EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == id).ToList();
        Assert.Equal(["open", "open", "open", "closed"], json.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(["received", "verified", "dispositioned", "resolved"], json.Select(u => u.GetProperty("detailed_status").GetString()));
        Assert.Equal("Laporan diverifikasi, diteruskan ke Dinas PUPR.", json[1].GetProperty("description").GetString());
        Assert.Equal("Lubang sudah ditambal.", json[3].GetProperty("description").GetString());
        Assert.DoesNotContain(json, u => u.GetProperty("description").GetString()!.Contains("internal", StringComparison.Ordinal));
        Assert.All(json, u => Assert.EndsWith("+07:00", u.GetProperty("updated_datetime").GetString(), StringComparison.Ordinal));

        var xml = (await GetAsync("/servicerequestupdates.xml")).Xml.Elements("request_update")
            .Where(u => u.Element("service_request_id")!.Value == id).ToList();
        Assert.Equal(json.Select(u => u.GetProperty("update_id").GetString()), xml.Select(u => u.Element("update_id")!.Value));
        Assert.Equal("closed", xml[^1].Element("status")!.Value);
    }

    [Fact]
    public async Task Photos_of_a_report_are_its_media_url()
    {
        var key = await NewKeyAsync();
        var id = IdOf(await PostAsync("json", Valid(key)), "json");
        await using (var scope = F.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
            var complaint = (await workflow.LoadAsync(id, Ct))!;
            var bytes = Features.Evidence.DemoPhotos.Photo("Uji", DateTimeOffset.UtcNow.AddHours(-1), new Core.Evidence.GeoPoint(3.7551, 98.4551), 3);
            Assert.True((await workflow.DecideAsync(complaint, new StaffDecision { Text = "Foto progres hari pertama.", Photos = [new PhotoUpload(new MemoryStream(bytes), bytes.Length)] },
                new StaffActor(null, "Verifier"), true, Ct)).Succeeded);
        }

        var sha = await F.WithDbAsync(db => db.ComplaintPhotos.Where(p => p.Complaint!.TrackingNumber == id).Select(p => p.Sha256).SingleAsync(Ct));
        var one = Assert.Single(Requests(await GetAsync($"/requests/{id}.json"), "json"));
        Assert.Equal($"http://localhost/lapor/foto/{sha}", one["media_url"]);
        var update = (await GetAsync("/servicerequestupdates.json")).Json.EnumerateArray().Last(u => u.GetProperty("service_request_id").GetString() == id);
        Assert.Equal($"http://localhost/lapor/foto/{sha}", update.GetProperty("media_url").GetString());
        Assert.Equal(HttpStatusCode.OK, (await F.Client().GetAsync(new Uri(one["media_url"]!).PathAndQuery, Ct)).StatusCode);
    }
}

public sealed class SqliteOpen311WriteTests(SqliteFactory factory) : Open311WriteTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpen311WriteTests(PostgresFactory factory) : Open311WriteTests(factory), IClassFixture<PostgresFactory>;
