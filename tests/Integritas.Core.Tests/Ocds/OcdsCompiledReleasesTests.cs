using System.Text.Json.Nodes;
using Integritas.Core.Ocds;
using Integritas.Core.Tests.Ledger;

namespace Integritas.Core.Tests.Ocds;

/// <summary>The compiled-release JSON Lines, read as the Cardinal red-flag indicators read them.</summary>
public class OcdsCompiledReleasesTests
{
    [Theory]
    [InlineData("R018")]
    [InlineData("R030")]
    public void TheReaderAgreesWithCardinalOnItsOwnFixtures(string indicator)
    {
        var lines = File.ReadAllText(SharedTestData.PathTo("cardinal", indicator + ".jsonl"));
        var expected = JsonNode.Parse(File.ReadAllText(SharedTestData.PathTo("cardinal", indicator + ".expected")))!;

        var actual = CardinalReader.Indicators(lines);

        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }

    [Fact]
    public async Task EveryProcessIsOneCompiledReleaseOnOneLine()
    {
        ContractingProcess[] processes = [OcdsSamples.Works(), OcdsSamples.SingleBidder(), OcdsSamples.Cancelled()];

        var text = await OcdsSamples.CompiledLines(processes);

        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(processes.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var release = JsonNode.Parse(lines[i])!.AsObject();
            Assert.Equal(OcdsSamples.Publication.Ocid(processes[i]), release["ocid"]!.GetValue<string>());
            Assert.Equal("compiled", Assert.Single(release["tag"]!.AsArray())!.GetValue<string>());
            OcdsSchemas.AssertValid(OcdsSchemas.Release, lines[i]);
        }
    }

    [Fact]
    public async Task ASingleBidderTenderIsFlaggedAsSingleBidReceived()
    {
        var text = await OcdsSamples.CompiledLines(OcdsSamples.Works(), OcdsSamples.SingleBidder(), OcdsSamples.Cancelled());

        var single = CardinalReader.Lines(text).Single(release => release["ocid"]!.GetValue<string>() == "ocds-afzrfb-RUP-26-0077");
        Assert.Equal((1, 1), CardinalReader.BidCounts(single));
        Assert.Equal(["penyedia-102"], CardinalReader.ActiveSuppliers(single));
        Assert.Equal("open", single["tender"]!["procurementMethod"]!.GetValue<string>());

        var works = CardinalReader.Lines(text).First();
        Assert.Equal((3, 3), CardinalReader.BidCounts(works));

        var indicators = CardinalReader.Indicators(text);
        Assert.Equal("{\"OCID\":{\"ocds-afzrfb-RUP-26-0077\":{\"R018\":1}}}", indicators.ToJsonString());
    }

    [Fact]
    public async Task ALateBidThatWonIsFlagged()
    {
        var works = OcdsSamples.Works();
        var late = works with
        {
            PackageId = "RUP-26-0050",
            Bids = [works.Bids[0] with { Date = works.TenderPeriod!.End!.Value.AddHours(3) }, .. works.Bids.Skip(1)],
        };

        var indicators = CardinalReader.Indicators(await OcdsSamples.CompiledLines(works, late));

        Assert.Equal(
            "{\"OCID\":{\"ocds-afzrfb-RUP-26-0050\":{\"R030\":1}},\"Tenderer\":{\"penyedia-101\":{\"R030\":1}}}",
            indicators.ToJsonString());
    }
}
