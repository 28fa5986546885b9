using System.Text.Json.Nodes;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>
/// The merge routine. The first cases reproduce fixtures of the reference implementation, open-contracting/ocds-merge
/// (tests/fixtures/1.1: null, empty-object, update-empty-array, lists, update-empty-wholelistmerge-array, contextual),
/// with their releases and expected compiled releases.
/// </summary>
public class OcdsMergeTests
{
    private const string Head = "\"ocid\":\"ocds-213czf-A\",\"initiationType\":\"tender\"";

    [Fact]
    public void NullRemovesAField()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"tender\"],\"tender\":{{\"id\":\"A\",\"procurementMethod\":\"selective\"}}}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"tender\"],\"tender\":{{\"id\":\"A\",\"procurementMethod\":null}}}}");

        // Same fields in the same order as the reference's output.
        Assert.Equal(
            "{\"tag\":[\"compiled\"],\"id\":\"ocds-213czf-A-2014-01-02T00:00:00Z\",\"date\":\"2014-01-02T00:00:00Z\",\"ocid\":\"ocds-213czf-A\",\"initiationType\":\"tender\",\"tender\":{\"id\":\"A\"}}",
            compiled.ToJsonString());
    }

    [Fact]
    public void AnEmptyObjectChangesNothing()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"planning\"],\"planning\":{{\"rationale\":\"reason\"}}}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"planningUpdate\"],\"planning\":{{}}}}");

        AssertJson(Compiled("2014-01-02T00:00:00Z", "\"planning\":{\"rationale\":\"reason\"}"), compiled);
    }

    [Fact]
    public void AnEmptyArrayIsFilledByALaterRelease()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"award\"],\"awards\":[]}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"awardUpdate\"],\"awards\":[{{\"id\":\"10\",\"title\":\"Title\"}}]}}");

        AssertJson(Compiled("2014-01-02T00:00:00Z", "\"awards\":[{\"id\":\"10\",\"title\":\"Title\"}]"), compiled);
    }

    [Fact]
    public void AWholeListMergeArrayIsReplacedNotMergedById()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"award\"],\"parties\":[{{\"id\":\"consequat reprehenderit\",\"additionalIdentifiers\":[{{\"id\":\"1\",\"scheme\":\"aliquip dolor exercitation do\",\"uri\":\"http://lk.com\"}},{{\"id\":\"2\",\"scheme\":\"foo\",\"uri\":\"http://foo.com\"}}],\"name\":\"sit Lorem irure proident\"}}]}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"award\"],\"parties\":[{{\"id\":\"consequat reprehenderit\",\"additionalIdentifiers\":[{{\"id\":\"1\",\"scheme\":\"bar\"}},{{\"id\":\"3\",\"scheme\":\"aliquip dolor exercitation do\",\"uri\":\"http://lk.com\"}}],\"name\":\"new name\"}}]}}");

        AssertJson(
            Compiled("2014-01-02T00:00:00Z", "\"parties\":[{\"id\":\"consequat reprehenderit\",\"additionalIdentifiers\":[{\"id\":\"1\",\"scheme\":\"bar\"},{\"id\":\"3\",\"scheme\":\"aliquip dolor exercitation do\",\"uri\":\"http://lk.com\"}],\"name\":\"new name\"}]"),
            compiled);
    }

    [Fact]
    public void AnEmptyWholeListMergeArrayIsReplacedByALaterList()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"tender\"],\"parties\":[{{\"id\":\"10\",\"additionalIdentifiers\":[]}}]}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"tender\"],\"parties\":[{{\"id\":\"10\",\"additionalIdentifiers\":[{{\"id\":\"100\"}}]}}]}}");

        AssertJson(Compiled("2014-01-02T00:00:00Z", "\"parties\":[{\"id\":\"10\",\"additionalIdentifiers\":[{\"id\":\"100\"}]}]"), compiled);
    }

    [Fact]
    public void ASingleReleaseCompilesToItselfWithContextualIdsKept()
    {
        const string Body = "\"parties\":[{\"id\":\"1\",\"identifier\":{\"id\":\"1\"},\"additionalIdentifiers\":[{\"id\":\"1\"}]}],\"tender\":{\"id\":\"A\",\"items\":[{\"id\":\"1\",\"classification\":{\"id\":\"1\"},\"additionalClassifications\":[{\"id\":\"1\"}]}],\"procuringEntity\":{\"id\":\"1\",\"name\":\"Acme Inc.\"},\"tenderers\":[{\"id\":\"1\",\"name\":\"Acme Inc.\"}]}";

        var compiled = Merge($"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"tender\"],{Body}}}");

        AssertJson(Compiled("2014-01-01T00:00:00Z", Body), compiled);
    }

    [Fact]
    public void ObjectsInArraysMergeByIdFieldByFieldAndNewIdsAreAppended()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"awards\":[{{\"id\":\"1\",\"status\":\"pending\",\"title\":\"Lot 1\"}},{{\"id\":2,\"status\":\"pending\"}}]}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"awards\":[{{\"id\":\"3\",\"status\":\"pending\"}},{{\"id\":\"1\",\"status\":\"active\"}}]}}");

        AssertJson(
            Compiled("2014-01-02T00:00:00Z", "\"awards\":[{\"id\":\"1\",\"status\":\"active\",\"title\":\"Lot 1\"},{\"id\":2,\"status\":\"pending\"},{\"id\":\"3\",\"status\":\"pending\"}]"),
            compiled);
    }

    [Fact]
    public void ObjectsWithoutIdAreAppendedAndListsOfStringsReplaced()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tender\":{{\"submissionMethod\":[\"written\",\"inPerson\"],\"milestones\":[{{\"title\":\"A\"}}]}}}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tender\":{{\"submissionMethod\":[\"electronicSubmission\"],\"milestones\":[{{\"title\":\"A\"}}]}}}}");

        AssertJson(
            Compiled("2014-01-02T00:00:00Z", "\"tender\":{\"submissionMethod\":[\"electronicSubmission\"],\"milestones\":[{\"title\":\"A\"},{\"title\":\"A\"}]}"),
            compiled);
    }

    [Fact]
    public void ReleasesAreMergedInDateOrderWhateverTheirOrderInTheInput()
    {
        var compiled = Merge(
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T08:00:00+07:00\",\"tender\":{{\"title\":\"later\"}}}}",
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T12:00:00Z\",\"tender\":{{\"title\":\"earlier\",\"status\":\"active\"}}}}");

        // 08:00+07:00 on the 2nd is 01:00Z: after noon UTC on the 1st.
        AssertJson(Compiled("2014-01-02T08:00:00+07:00", "\"tender\":{\"title\":\"later\",\"status\":\"active\"}"), compiled);
    }

    [Fact]
    public void AReleaseWithoutADateIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Merge($"{{{Head},\"id\":\"1\"}}", $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\"}}"));
    }

    [Fact]
    public void TheBuiltInRulesAreThoseOfTheOfficialReleaseSchemaPlusTheBidExtension()
    {
        var fromSchema = OcdsMergeRules.FromSchema(OcdsSchemas.ReleaseSchemaJson());
        var builtIn = OcdsMergeRules.Release115WithBids;

        Assert.Equal(["date", "id", "tag"], fromSchema.OmitWhenMerged.Order());
        Assert.Equal(fromSchema.OmitWhenMerged.Order(), builtIn.OmitWhenMerged.Order());
        Assert.Contains("tender/items/additionalClassifications", fromSchema.WholeListMerge);
        Assert.Equal(
            fromSchema.WholeListMerge.Append("bids/details/tenderers/additionalIdentifiers").Order(),
            builtIn.WholeListMerge.Order());
    }

    [Fact]
    public void TheCompiledReleaseOfAProcessHoldsItsLatestState()
    {
        var process = OcdsSamples.Works();
        var releases = OcdsSamples.Writer.Builder.Build(process);

        var compiled = OcdsMerge.Compile(releases);

        Assert.Equal("ocds-afzrfb-RUP-26-0042-2026-05-15T09:00:00+07:00", compiled["id"]!.GetValue<string>());
        Assert.Equal("2026-05-15T09:00:00+07:00", compiled["date"]!.GetValue<string>());
        Assert.Equal("complete", compiled["tender"]!["status"]!.GetValue<string>());
        Assert.Equal(3, compiled["bids"]!["details"]!.AsArray().Count);
        Assert.Equal(4, compiled["bids"]!["statistics"]!.AsArray().Count);
        Assert.Single(compiled["awards"]!.AsArray());
        Assert.Equal(2, compiled["contracts"]![0]!["implementation"]!["transactions"]!.AsArray().Count);
        Assert.Equal(["buyer", "payer"], compiled["parties"]![0]!["roles"]!.AsArray().Select(role => role!.GetValue<string>()));
        Assert.Equal(3 + 2, compiled["parties"]!.AsArray().Count);

        // The last release already held everything: compiling it alone gives the same state.
        var alone = OcdsMerge.Compile([releases[^1]]);
        Assert.True(JsonNode.DeepEquals(alone, compiled), $"{alone}\n---\n{compiled}");
    }

    [Fact]
    public void TheVersionedReleaseKeepsEachFieldsHistory()
    {
        var releases = new[]
        {
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"tag\":[\"tender\"],\"tender\":{{\"id\":\"A\",\"procurementMethod\":\"selective\"}}}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"tag\":[\"tender\"],\"tender\":{{\"id\":\"A\",\"procurementMethod\":null}}}}",
        }.Select(release => JsonNode.Parse(release)!.AsObject());

        var versioned = OcdsMerge.Versioned(releases);

        // ocds-merge's tests/fixtures/1.1/null-versioned.json.
        static string Version(string id, string value) =>
            $"{{\"releaseID\":\"{id}\",\"releaseDate\":\"2014-01-0{id}T00:00:00Z\",\"releaseTag\":[\"tender\"],\"value\":{value}}}";
        var expected = JsonNode.Parse(
            $"{{\"ocid\":\"ocds-213czf-A\",\"initiationType\":[{Version("1", "\"tender\"")}],"
            + $"\"tender\":{{\"id\":[{Version("1", "\"A\"")}],\"procurementMethod\":[{Version("1", "\"selective\"")},{Version("2", "null")}]}}}}")!;
        AssertJson(expected, versioned);
    }

    [Fact]
    public void TheVersionedReleaseKeepsIdsOfObjectsInArraysPlain()
    {
        var versioned = Merge(list => OcdsMerge.Versioned(list),
            $"{{{Head},\"id\":\"1\",\"date\":\"2014-01-01T00:00:00Z\",\"awards\":[{{\"id\":\"1\",\"status\":\"pending\"}}]}}",
            $"{{{Head},\"id\":\"2\",\"date\":\"2014-01-02T00:00:00Z\",\"awards\":[{{\"id\":\"1\",\"status\":\"active\"}}]}}");

        var award = Assert.Single(versioned["awards"]!.AsArray())!;
        Assert.Equal("1", award["id"]!.GetValue<string>());
        Assert.Equal(["pending", "active"], award["status"]!.AsArray().Select(version => version!["value"]!.GetValue<string>()));
        Assert.Single(versioned["initiationType"]!.AsArray());
    }

    private static JsonObject Merge(params string[] releases) => Merge(list => OcdsMerge.Compile(list), releases);

    private static JsonObject Merge(Func<IEnumerable<JsonObject>, JsonObject> merge, params string[] releases) =>
        merge(releases.Select(release => JsonNode.Parse(release)!.AsObject()).ToList());

    private static JsonObject Compiled(string date, string body) => JsonNode.Parse(
        $"{{\"tag\":[\"compiled\"],\"id\":\"ocds-213czf-A-{date}\",\"date\":\"{date}\",{Head},{body}}}")!.AsObject();

    private static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
}
