using System.Text.Json.Nodes;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>The output validates against the official OCDS 1.1.5 schemas, at every stage.</summary>
public class OcdsSchemaTests
{
    public static TheoryData<string> Samples => OcdsSamples.Names;

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReleasePackageValidates(string sample)
    {
        var json = await OcdsSamples.ReleasePackage(null, OcdsSamples.All[sample]);

        OcdsSchemas.AssertValid(OcdsSchemas.ReleasePackage, json);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task RecordPackageValidates(string sample)
    {
        var json = await OcdsSamples.RecordPackage(OcdsSamples.All[sample]);

        OcdsSchemas.AssertValid(OcdsSchemas.RecordPackage, json);
        var record = OcdsSamples.Parse(json)["records"]![0]!;
        Assert.Equal(OcdsSamples.Publication.Ocid(OcdsSamples.All[sample]), record["ocid"]!.GetValue<string>());
        Assert.Equal(OcdsSamples.All[sample].Stages.Count, record["releases"]!.AsArray().Count);
        Assert.Equal(["compiled"], record["compiledRelease"]!["tag"]!.AsArray().Select(tag => tag!.GetValue<string>()));

        // Embedded releases must be sorted from oldest to newest.
        var dates = record["releases"]!.AsArray().Select(release => DateTimeOffset.Parse(release!["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryReleaseAndTheCompiledReleaseValidate(string sample)
    {
        var releases = OcdsSamples.Writer.Builder.Build(OcdsSamples.All[sample]);

        foreach (var release in releases.Append(OcdsMerge.Compile(releases)))
        {
            OcdsSchemas.AssertValid(OcdsSchemas.Release, release.ToJsonString());
        }
    }

    [Fact]
    public async Task APackageOfManyProcessesValidates()
    {
        ContractingProcess[] processes = [OcdsSamples.Works(), OcdsSamples.SingleBidder(), OcdsSamples.Cancelled()];
        var json = await OcdsSamples.ReleasePackage(
            new OcdsPageLinks(new Uri("https://portal.example.id/ocds/v1/releases.json?page=3"), new Uri("https://portal.example.id/ocds/v1/releases.json?page=1")),
            processes);

        OcdsSchemas.AssertValid(OcdsSchemas.ReleasePackage, json);
        Assert.Equal(processes.Sum(process => process.Stages.Count), OcdsSamples.Parse(json)["releases"]!.AsArray().Count);
    }

    /// <summary>The validation is not vacuous: the schemas reject what they should.</summary>
    [Theory]
    [InlineData("tag", "[\"awarded\"]")]
    [InlineData("date", "\"1 Maret 2026\"")]
    [InlineData("ocid", "42")]
    [InlineData("tender", "{\"id\":\"X\",\"procurementMethod\":\"auction\"}")]
    [InlineData("tender", "{\"id\":\"X\",\"value\":{\"amount\":\"1000\",\"currency\":\"IDR\"}}")]
    [InlineData("awards", "[{\"status\":\"active\"}]")]
    public async Task TheSchemasRejectABrokenRelease(string field, string value)
    {
        var package = OcdsSamples.Parse(await OcdsSamples.ReleasePackage(null, OcdsSamples.Works(ProcessStage.Award)));
        var release = package["releases"]![0]!.AsObject();
        release[field] = JsonNode.Parse(value);

        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.ReleasePackage, package.ToJsonString()));
        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.Release, release.ToJsonString()));
    }

    [Fact]
    public async Task TheRecordPackageSchemaRejectsARecordWithoutReleases()
    {
        var package = OcdsSamples.Parse(await OcdsSamples.RecordPackage(OcdsSamples.SingleBidder()));
        package["records"]![0]!.AsObject().Remove("releases");

        Assert.NotEmpty(OcdsSchemas.Errors(OcdsSchemas.RecordPackage, package.ToJsonString()));
    }
}
