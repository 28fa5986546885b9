using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>
/// Every coded field holds a code of its codelist (shared/testdata/ocds-1.1/codelists): the schema checks only the
/// closed ones it lists in an enum, and open codelists not at all.
/// </summary>
public class OcdsCodelistTests
{
    /// <summary>The bid extension's codelists (v1.1.5, bidStatus.csv and bidStatistics.csv), which the test data lacks.</summary>
    private static readonly HashSet<string> BidStatus = ["invited", "pending", "valid", "disqualified", "withdrawn"];

    private static readonly HashSet<string> BidStatistics =
        ["requests", "bids", "validBids", "bidders", "qualifiedBidders", "disqualifiedBidders", "electronicBids", "smeBids", "foreignBids", "foreignBidsFromEU", "tendersAbnormallyLow"];

    /// <summary>Field paths (array indexes left out) and the codelist of each; "*/" matches any prefix.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["tag"] = "releaseTag.csv",
        ["initiationType"] = "initiationType.csv",
        ["tender/status"] = "tenderStatus.csv",
        ["tender/procurementMethod"] = "method.csv",
        ["tender/mainProcurementCategory"] = "procurementCategory.csv",
        ["tender/additionalProcurementCategories"] = "extendedProcurementCategory.csv",
        ["parties/roles"] = "partyRole.csv",
        ["awards/status"] = "awardStatus.csv",
        ["contracts/status"] = "contractStatus.csv",
        ["contracts/milestones/status"] = "milestoneStatus.csv",
        ["contracts/milestones/type"] = "milestoneType.csv",
        ["*/documents/documentType"] = "documentType.csv",
        ["*/currency"] = "currency.csv",
        ["bids/details/status"] = "bidStatus",
        ["bids/statistics/measure"] = "bidStatistics",
    };

    public static TheoryData<string> Samples => OcdsSamples.Names;

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryCodedFieldHoldsACodeOfItsCodelist(string sample)
    {
        var releases = OcdsSamples.Writer.Builder.Build(OcdsSamples.All[sample]);

        var problems = releases.Append(OcdsMerge.Compile(releases)).SelectMany(Problems).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void TheSamplesUseEveryCodedField()
    {
        var seen = OcdsSamples.All.Values
            .SelectMany(process => OcdsSamples.Writer.Builder.Build(process))
            .SelectMany(release => Strings(release, ""))
            .Select(pair => CodelistOf(pair.Path))
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(Fields.Values.Order(), seen.Order());
    }

    [Fact]
    public void TheCheckCatchesAWrongCode()
    {
        var release = OcdsSamples.Writer.Builder.Build(OcdsSamples.SingleBidder())[^1];
        release["tag"] = new JsonArray("awarded");
        release["tender"]!["procurementMethod"] = "tender";
        release["bids"]!["details"]![0]!["status"] = "accepted";

        Assert.Equal(3, Problems(release).Count());
    }

    private static IEnumerable<string> Problems(JsonObject release) =>
        from pair in Strings(release, "")
        let codelist = CodelistOf(pair.Path)
        where codelist is not null && !Codes(codelist).Contains(pair.Value)
        select $"{release["id"]}: {pair.Path} = '{pair.Value}' is not in {codelist}";

    private static string? CodelistOf(string path)
    {
        foreach (var (pattern, codelist) in Fields)
        {
            if (pattern.StartsWith("*/", StringComparison.Ordinal)
                ? path == pattern[2..] || path.EndsWith(pattern[1..], StringComparison.Ordinal)
                : path == pattern)
            {
                return codelist;
            }
        }

        return null;
    }

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value, path.Length == 0 ? pair.Key : $"{path}/{pair.Key}")),
        JsonArray array => array.SelectMany(item => Strings(item, path)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(path, value.GetValue<string>())],
        _ => [],
    };

    private static IReadOnlySet<string> Codes(string codelist) => codelist switch
    {
        "bidStatus" => BidStatus,
        "bidStatistics" => BidStatistics,

        // documentType is open: the integrity pact has a code of our own.
        "documentType.csv" => ReadCodes(codelist).Append(OcdsDocument.IntegrityPactType).ToHashSet(),
        _ => ReadCodes(codelist).ToHashSet(),
    };

    private static IEnumerable<string> ReadCodes(string file)
    {
        var rows = ParseCsv(File.ReadAllText(OcdsSchemas.PathTo(Path.Combine("codelists", file))));
        var code = rows[0].IndexOf("Code");
        Assert.True(code >= 0, $"{file} has no Code column");
        return rows.Skip(1).Where(row => row.Count > code && row[code].Length > 0).Select(row => row[code]);
    }

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
