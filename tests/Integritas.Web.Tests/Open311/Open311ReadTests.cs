using System.Net;
using System.Text.Json;

namespace Integritas.Web.Tests.Open311;

/// <summary>discovery, services, service definitions and the read errors, in both formats.</summary>
public abstract class Open311ReadTests(IntegritasFactory factory) : Open311TestBase(factory)
{
    [Fact]
    public async Task Discovery_names_the_endpoint_in_json_and_xml()
    {
        var json = await GetAsync("/discovery.json");
        Assert.Equal(HttpStatusCode.OK, json.Status);
        AssertJson(json);
        var endpoint = Assert.Single(json.Json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal("http://localhost/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.EndsWith("+07:00", json.Json.GetProperty("changeset").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.Json.GetProperty("contact").GetString()));
        Assert.False(string.IsNullOrEmpty(json.Json.GetProperty("key_service").GetString()));

        var xml = await GetAsync("/discovery.xml");
        AssertXml(xml);
        Assert.Equal("discovery", xml.Xml.Name.LocalName);
        var x = Assert.Single(xml.Xml.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", x.Element("specification")!.Value);
        Assert.Equal(["text/xml", "application/json"], x.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.NotNull(xml.Xml.Element("changeset"));
        Assert.NotNull(xml.Xml.Element("key_service"));
    }

    [Fact]
    public async Task Services_list_every_category_in_json_and_xml()
    {
        var json = await GetAsync("/services.json");
        AssertJson(json);
        var services = json.Json.EnumerateArray().ToList();
        Assert.Equal(11, services.Count);
        var road = services.Single(s => s.GetProperty("service_code").GetString() == "jalan-rusak");
        Assert.True(road.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", road.GetProperty("type").GetString());
        Assert.Equal("Infrastruktur", road.GetProperty("group").GetString());
        Assert.Equal("jalan,lubang,aspal", road.GetProperty("keywords").GetString());
        Assert.Equal("Jalan rusak atau berlubang", road.GetProperty("service_name").GetString());
        Assert.False(services.Single(s => s.GetProperty("service_code").GetString() == "sampah").GetProperty("metadata").GetBoolean());

        var xml = await GetAsync("/services.xml?culture=en-US&ui-culture=en-US");
        AssertXml(xml);
        Assert.Equal("services", xml.Xml.Name.LocalName);
        var items = xml.Xml.Elements("service").ToList();
        Assert.Equal(11, items.Count);
        var x = items.Single(s => s.Element("service_code")!.Value == "jalan-rusak");
        Assert.Equal("Damaged road or potholes", x.Element("service_name")!.Value);
        Assert.Equal("true", x.Element("metadata")!.Value);
        foreach (var field in new[] { "description", "type", "keywords", "group" })
        {
            Assert.NotNull(x.Element(field));
        }
    }

    [Fact]
    public async Task A_service_definition_lists_its_attributes_in_json_and_xml()
    {
        var json = await GetAsync("/services/jalan-rusak.json");
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal("jalan-rusak", json.Json.GetProperty("service_code").GetString());
        var attribute = Assert.Single(json.Json.GetProperty("attributes").EnumerateArray());
        Assert.True(attribute.GetProperty("variable").GetBoolean());
        Assert.Equal("tingkat", attribute.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", attribute.GetProperty("datatype").GetString());
        Assert.False(attribute.GetProperty("required").GetBoolean());
        Assert.Equal(1, attribute.GetProperty("order").GetInt32());
        Assert.Equal(JsonValueKind.Null, attribute.GetProperty("datatype_description").ValueKind);
        Assert.Equal(["ringan", "sedang", "berat"], attribute.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.All(attribute.GetProperty("values").EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("name").GetString())));

        var xml = await GetAsync("/services/jalan-rusak.xml");
        Assert.Equal("service_definition", xml.Xml.Name.LocalName);
        var x = Assert.Single(xml.Xml.Element("attributes")!.Elements("attribute"));
        Assert.Equal("tingkat", x.Element("code")!.Value);
        Assert.Equal(["ringan", "sedang", "berat"], x.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Unknown_services_requests_and_tokens_are_404_in_open311_form(string format)
    {
        Assert.Contains("tidak-ada", Assert.Single(Errors(await GetAsync($"/services/tidak-ada.{format}"), HttpStatusCode.NotFound, format)), StringComparison.Ordinal);
        Errors(await GetAsync($"/services/sampah.{format}"), HttpStatusCode.NotFound, format);
        Errors(await GetAsync($"/requests/ZZZZ-ZZZZ.{format}"), HttpStatusCode.NotFound, format);
        Errors(await GetAsync($"/requests/bukan-nomor.{format}"), HttpStatusCode.NotFound, format);
        Errors(await GetAsync($"/tokens/tidak-dikenal.{format}"), HttpStatusCode.NotFound, format);
        Errors(await GetAsync($"/requests.{format}?service_code=jalan-rusak,tidak-ada"), HttpStatusCode.NotFound, format);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_open311_endpoints()
    {
        var paths = JsonDocument.Parse(await F.Client().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        foreach (var path in new[] { "discovery.{format}", "services.{format}", "services/{code}.{format}", "requests/{id}.{format}", "tokens/{token}.{format}", "servicerequestupdates.{format}" })
        {
            Assert.True(paths.TryGetProperty("/open311/v2/" + path, out _), path);
        }

        var requests = paths.GetProperty("/open311/v2/requests.{format}");
        Assert.True(requests.TryGetProperty("get", out _));
        Assert.True(requests.TryGetProperty("post", out _));
    }

    [Fact]
    public async Task An_unknown_format_is_404_in_json()
    {
        Errors(await GetAsync("/services.html"), HttpStatusCode.NotFound, "json");
        Errors(await GetAsync("/requests.csv"), HttpStatusCode.NotFound, "json");
        Errors(await GetAsync("/tidak-ada.json"), HttpStatusCode.NotFound, "json");
        Errors(await GetAsync("/services/jalan-rusak/lain.xml"), HttpStatusCode.NotFound, "xml");
    }

    [Theory]
    [InlineData("start_date=kemarin", "start_date")]
    [InlineData("end_date=2026-13-45", "end_date")]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90")]
    [InlineData("start_date=2026-06-01&end_date=2026-05-01", "end_date")]
    [InlineData("status=pending", "status")]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("page_size=1001", "page_size")]
    [InlineData("page_size=-5", "page_size")]
    public async Task Bad_list_parameters_are_400_in_both_formats(string query, string named)
    {
        foreach (var format in new[] { "json", "xml" })
        {
            var errors = Errors(await GetAsync($"/requests.{format}?{query}"), HttpStatusCode.BadRequest, format);
            Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Several_bad_parameters_are_reported_together()
    {
        var errors = Errors(await GetAsync("/requests.json?start_date=x&end_date=y&page_size=0"), HttpStatusCode.BadRequest, "json");
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Servicerequestupdates_refuses_bad_dates(string format)
    {
        Errors(await GetAsync($"/servicerequestupdates.{format}?start_date=nanti"), HttpStatusCode.BadRequest, format);
        Errors(await GetAsync($"/servicerequestupdates.{format}?start_date=2025-01-01&end_date=2026-01-01"), HttpStatusCode.BadRequest, format);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_default_list_holds_the_demo_reports_of_the_last_90_days(string format)
    {
        var requests = Requests(await GetAsync($"/requests.{format}"), format);
        Assert.NotEmpty(requests);
        Assert.True(requests.Count <= 1000);
        foreach (var r in requests)
        {
            Assert.Contains(r["status"], new[] { "open", "closed" });
            Assert.EndsWith("+07:00", r["requested_datetime"], StringComparison.Ordinal);
            Assert.EndsWith("+07:00", r["updated_datetime"], StringComparison.Ordinal);
            Assert.True(DateTimeOffset.Parse(r["requested_datetime"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddDays(-91));
            foreach (var field in new[] { "service_request_id", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url", "detailed_status" })
            {
                Assert.True(r.ContainsKey(field), field);
            }

            // Private fields never leave the server.
            Assert.DoesNotContain("email", r.Keys);
            Assert.DoesNotContain("phone", r.Keys);
        }

        // Newest first.
        var times = requests.Select(r => DateTimeOffset.Parse(r["requested_datetime"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        // Disposed reports name their agency; closed ones by status filter are all closed.
        Assert.Contains(requests, r => r["agency_responsible"] is not null);
        var closed = Requests(await GetAsync($"/requests.{format}?status=closed"), format);
        Assert.NotEmpty(closed);
        Assert.All(closed, r => Assert.Equal("closed", r["status"]));
        var open = Requests(await GetAsync($"/requests.{format}?status=open"), format);
        Assert.All(open, r => Assert.Equal("open", r["status"]));
        Assert.Equal(requests.Count, Requests(await GetAsync($"/requests.{format}?status=open,closed"), format).Count);

        // Paging.
        var first = Requests(await GetAsync($"/requests.{format}?page_size=2"), format);
        var second = Requests(await GetAsync($"/requests.{format}?page_size=2&page=2"), format);
        Assert.Equal(requests.Take(2).Select(r => r["service_request_id"]), first.Select(r => r["service_request_id"]));
        Assert.Equal(requests.Skip(2).Take(2).Select(r => r["service_request_id"]), second.Select(r => r["service_request_id"]));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Servicerequestupdates_lists_public_updates_in_time_order(string format)
    {
        var response = await GetAsync($"/servicerequestupdates.{format}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        List<Dictionary<string, string?>> updates;
        if (format == "json")
        {
            updates = [.. response.Json.EnumerateArray().Select(o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()))];
        }
        else
        {
            Assert.Equal("service_requests_updates", response.Xml.Name.LocalName);
            updates = [.. response.Xml.Elements("request_update").Select(e => e.Elements().ToDictionary(c => c.Name.LocalName, c => c.IsEmpty ? null : c.Value))];
        }

        Assert.NotEmpty(updates);
        Assert.All(updates, u =>
        {
            foreach (var field in new[] { "update_id", "service_request_id", "status", "description", "updated_datetime", "media_url" })
            {
                Assert.True(u.ContainsKey(field), field);
            }

            Assert.EndsWith("+07:00", u["updated_datetime"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(u["description"]));
        });
        var times = updates.Select(u => DateTimeOffset.Parse(u["updated_datetime"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }
}

public sealed class SqliteOpen311ReadTests(SqliteFactory factory) : Open311ReadTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpen311ReadTests(PostgresFactory factory) : Open311ReadTests(factory), IClassFixture<PostgresFactory>;
