using System.Net;
using System.Text.Json.Nodes;
using Integritas.Core.Tests.Ocds;
using Integritas.Web.Features.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Procurement;

/// <summary>
/// Issue 6 item 8 over real HTTP: the demo's packages published as OCDS 1.1, each answer validated against the
/// official schemas in ../shared/testdata/ocds-1.1.
/// </summary>
public abstract class OcdsEndpointTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Prefix = "ocds-lkt000";

    [Fact]
    public async Task Release_packages_validate_and_page_through_every_package()
    {
        var client = F.Client();
        var first = await client.GetAsync("/ocds/v1/releases.json", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await first.Content.ReadAsStringAsync(Ct);
        OcdsSchemas.AssertValid(OcdsSchemas.ReleasePackage, json);
        var package = JsonNode.Parse(json)!;
        Assert.Equal("1.1", (string?)package["version"]);
        Assert.Contains("ocds_bid_extension", package["extensions"]!.ToJsonString(), StringComparison.Ordinal);
        var releases = package["releases"]!.AsArray();
        Assert.All(releases, r => Assert.StartsWith(Prefix + "-", (string)r!["ocid"]!, StringComparison.Ordinal));
        var next = (string?)package["links"]?["next"];
        Assert.NotNull(next);

        var published = await F.WithDbAsync(db => db.ConstructionPackages.CountAsync(p => db.PackageStageEvents.Any(e => e.PackageId == p.Id), Ct));
        var ocids = new HashSet<string>(releases.Select(r => (string)r!["ocid"]!));
        var page = 1;
        while (next is not null)
        {
            page++;
            var more = await client.GetStringAsync(new Uri(next).PathAndQuery, Ct);
            OcdsSchemas.AssertValid(OcdsSchemas.ReleasePackage, more);
            var node = JsonNode.Parse(more)!;
            ocids.UnionWith(node["releases"]!.AsArray().Select(r => (string)r!["ocid"]!));
            next = (string?)node["links"]?["next"];
        }

        Assert.Equal(published, ocids.Count);
        var past = await client.GetAsync($"/ocds/v1/releases.json?page={page + 1}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Equal("application/problem+json", past.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/ocds/v1/releases.json?page=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/ocds/v1/releases.json?page=abc", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_record_validates_and_its_compiled_release_shows_the_single_bidder()
    {
        var client = F.Client();
        var json = await client.GetStringAsync($"/ocds/v1/records/{Prefix}-{ProcurementDemo.SingleBidder}.json", Ct);
        OcdsSchemas.AssertValid(OcdsSchemas.RecordPackage, json);
        var record = JsonNode.Parse(json)!["records"]![0]!;
        Assert.Equal($"{Prefix}-{ProcurementDemo.SingleBidder}", (string?)record["ocid"]);
        var compiled = record["compiledRelease"]!;
        Assert.Equal(["compiled"], compiled["tag"]!.AsArray().Select(t => (string)t!));
        Assert.Single(compiled["bids"]!["details"]!.AsArray());
        Assert.Equal(1, (int?)compiled["tender"]!["numberOfTenderers"]);
        Assert.True(record["releases"]!.AsArray().Count >= 3);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ocds/v1/records/{Prefix}-NO-SUCH-PACKAGE.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ocds/v1/records/ocds-zzzzzz-{ProcurementDemo.SingleBidder}.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task Compiled_releases_are_one_valid_release_per_line()
    {
        var response = await F.Client().GetAsync("/ocds/v1/compiled-releases.jsonl", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var published = await F.WithDbAsync(db => db.ConstructionPackages.CountAsync(p => db.PackageStageEvents.Any(e => e.PackageId == p.Id), Ct));
        Assert.Equal(published, lines.Length);
        foreach (var line in lines)
        {
            OcdsSchemas.AssertValid(OcdsSchemas.Release, line);
        }

        // The late bid that won: its date is after the tender period's end, and it is the awarded supplier's.
        var late = lines.Select(l => JsonNode.Parse(l)!).Single(r => ((string)r["ocid"]!).EndsWith(ProcurementDemo.LateWinner, StringComparison.Ordinal));
        var end = DateTimeOffset.Parse((string)late["tender"]!["tenderPeriod"]!["endDate"]!, System.Globalization.CultureInfo.InvariantCulture);
        var supplier = (string)late["awards"]![0]!["suppliers"]![0]!["id"]!;
        var winning = late["bids"]!["details"]!.AsArray().Single(b => (string)b!["tenderers"]![0]!["id"]! == supplier)!;
        Assert.True(DateTimeOffset.Parse((string)winning["date"]!, System.Globalization.CultureInfo.InvariantCulture) > end);
    }
}

public sealed class SqliteOcdsEndpointTests(SqliteFactory factory) : OcdsEndpointTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOcdsEndpointTests(PostgresFactory factory) : OcdsEndpointTests(factory), IClassFixture<PostgresFactory>;
