using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Integritas.Data;
using Integritas.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Open311;

/// <summary>An Open311 response read in its own format: JSON as a document, XML as an element tree.</summary>
public sealed record Open311Response(HttpStatusCode Status, string ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public XElement Xml => XDocument.Parse(Body).Root!;
}

public abstract class Open311TestBase(IntegritasFactory factory) : FactoryTest(factory)
{
    protected const string Root = "/open311/v2";

    protected async Task<Open311Response> GetAsync(string path)
    {
        var response = await F.Client().GetAsync(Root + path, Ct);
        return new Open311Response(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(Ct));
    }

    protected async Task<Open311Response> PostAsync(string format, IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Root}/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await F.Client().SendAsync(request, Ct);
        return new Open311Response(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(Ct));
    }

    protected async Task<string> NewKeyAsync(string name = "Uji Open311")
    {
        await using var scope = F.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(name, "test", Ct)).Key;
    }

    protected static List<KeyValuePair<string, string>> Form(string key, params (string Name, string Value)[] fields) =>
        [new("api_key", key), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    /// <summary>A complete valid report with the given fields replaced or added.</summary>
    protected static List<KeyValuePair<string, string>> Valid(string key, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = "jalan-rusak",
            ["lat"] = "3.7551",
            ["long"] = "98.4551",
            ["address_string"] = "Jl. Sudirman, Stabat",
            ["description"] = "Jalan berlubang besar di depan sekolah, berbahaya malam hari.",
            ["attribute[tingkat]"] = "berat",
            ["email"] = "warga@contoh.id",
            ["first_name"] = "Siti",
            ["last_name"] = "Aminah",
            ["phone"] = "0812-3456-7890",
            ["device_id"] = "perangkat-1",
            ["account_id"] = "akun-7",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return Form(key, [.. fields.Where(f => f.Value.Length > 0).Select(f => (f.Key, f.Value))]);
    }

    protected Task<int> CountAsync() => F.WithDbAsync(db => db.Complaints.CountAsync(Ct));

    protected static void AssertJson(Open311Response response) =>
        Assert.Equal("application/json", response.ContentType);

    protected static void AssertXml(Open311Response response) =>
        Assert.Equal("text/xml", response.ContentType);

    /// <summary>An Open311 error list in either format, with the given code on every error; returns the descriptions.</summary>
    protected static List<string> Errors(Open311Response response, HttpStatusCode status, string format)
    {
        Assert.Equal(status, response.Status);
        if (format == "json")
        {
            AssertJson(response);
            var errors = response.Json.EnumerateArray().ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal((int)status, e.GetProperty("code").GetInt32()));
            return [.. errors.Select(e => e.GetProperty("description").GetString()!)];
        }

        AssertXml(response);
        var root = response.Xml;
        Assert.Equal("errors", root.Name.LocalName);
        var items = root.Elements("error").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value));
        return [.. items.Select(e => e.Element("description")!.Value)];
    }

    /// <summary>The request objects of a <c>requests</c> answer, as name → value maps, from either format.</summary>
    protected static List<Dictionary<string, string?>> Requests(Open311Response response, string format)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        if (format == "json")
        {
            AssertJson(response);
            return [.. response.Json.EnumerateArray().Select(o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            }))];
        }

        AssertXml(response);
        Assert.Equal("service_requests", response.Xml.Name.LocalName);
        return [.. response.Xml.Elements("request").Select(e => e.Elements().ToDictionary(c => c.Name.LocalName, c => c.IsEmpty ? null : c.Value))];
    }

    public static TheoryData<string> Formats => ["json", "xml"];
}
