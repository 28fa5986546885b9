using System.Globalization;
using System.Text.Json.Nodes;

namespace Integritas.Core.Tests.Ocds;

/// <summary>
/// Reads compiled releases (JSON Lines) the way the Cardinal red-flag tool does, for two of its indicators
/// (docs/standards/red-flags.md): R018 single bid received, R030 late bid won. Its results are checked against
/// Cardinal's own fixtures before they are used to check our output.
/// </summary>
internal static class CardinalReader
{
    private static readonly string[] Submitted = ["pending", "valid", "disqualified"];

    public static IEnumerable<JsonObject> Lines(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject());

    /// <summary>The results in Cardinal's output shape: {"OCID": {ocid: {code: 1.0}}, "Tenderer": {...}}, empty groups left out.</summary>
    public static JsonObject Indicators(string jsonLines)
    {
        var ocids = new JsonObject();
        var tenderers = new JsonObject();
        foreach (var release in Lines(jsonLines))
        {
            if (release["ocid"] is not JsonValue ocidValue || !ocidValue.TryGetValue<string>(out var ocid)
                || Text(release["tender"]?["status"]) == "cancelled")
            {
                continue;
            }

            if (SingleBid(release))
            {
                Flag(ocids, ocid, "R018");
            }

            foreach (var tenderer in LateWinningTenderers(release))
            {
                Flag(ocids, ocid, "R030");
                Flag(tenderers, tenderer, "R030");
            }
        }

        var results = new JsonObject();
        if (ocids.Count > 0)
        {
            results["OCID"] = ocids;
        }

        if (tenderers.Count > 0)
        {
            results["Tenderer"] = tenderers;
        }

        return results;
    }

    /// <summary>Submitted bids and distinct tenderers, counted from bids.details.</summary>
    public static (int Bids, int Tenderers) BidCounts(JsonObject release)
    {
        var submitted = Details(release).Where(bid => Submitted.Contains(Text(bid["status"]))).ToList();
        var tenderers = submitted.SelectMany(bid => bid["tenderers"]?.AsArray() ?? []).Select(t => Text(t?["id"])).OfType<string>().Distinct().Count();
        return (submitted.Count, tenderers);
    }

    /// <summary>The suppliers of the active awards.</summary>
    public static HashSet<string> ActiveSuppliers(JsonObject release) =>
        (release["awards"]?.AsArray() ?? [])
            .Where(award => Text(award?["status"]) == "active")
            .SelectMany(award => award!["suppliers"]?.AsArray() ?? [])
            .Select(supplier => Text(supplier?["id"]))
            .OfType<string>()
            .ToHashSet();

    private static bool SingleBid(JsonObject release) =>
        release["tender"]?["numberOfTenderers"] is JsonValue count && count.TryGetValue<int>(out var n) && n == 1
        && Text(release["tender"]?["procurementMethod"]) is "open" or "selective";

    private static IEnumerable<string> LateWinningTenderers(JsonObject release)
    {
        if (!TryDate(release["tender"]?["tenderPeriod"]?["endDate"], out var deadline))
        {
            return [];
        }

        var suppliers = ActiveSuppliers(release);
        return Details(release)
            .Where(bid => Text(bid["status"]) == "valid" && TryDate(bid["date"], out var date) && date > deadline)
            .SelectMany(bid => bid["tenderers"]?.AsArray() ?? [])
            .Select(tenderer => Text(tenderer?["id"]))
            .OfType<string>()
            .Where(suppliers.Contains)
            .Distinct();
    }

    private static IEnumerable<JsonObject> Details(JsonObject release) =>
        (release["bids"]?["details"]?.AsArray() ?? []).OfType<JsonObject>();

    private static void Flag(JsonObject group, string key, string code)
    {
        if (group[key] is not JsonObject codes)
        {
            codes = [];
            group[key] = codes;
        }

        codes[code] = 1.0;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool TryDate(JsonNode? node, out DateTimeOffset date)
    {
        date = default;
        return Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }
}
