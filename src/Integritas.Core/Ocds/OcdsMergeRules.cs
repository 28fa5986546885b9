using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>
/// The merge properties of a release schema, by JSON path without array indexes ("tender/items/additionalClassifications"):
/// fields omitted when merged, and arrays merged as a whole list. Arrays of non-objects always merge as whole lists,
/// whatever the rules say.
/// </summary>
public sealed class OcdsMergeRules
{
    private static readonly string[] Release115WholeLists =
    [
        "parties/additionalIdentifiers",
        "parties/roles",
        "buyer/additionalIdentifiers",
        "tender/procuringEntity/additionalIdentifiers",
        "tender/items/additionalClassifications",
        "tender/additionalProcurementCategories",
        "tender/submissionMethod",
        "tender/tenderers/additionalIdentifiers",
        "tender/amendments/changes",
        "tender/amendment/changes",
        "awards/suppliers/additionalIdentifiers",
        "awards/items/additionalClassifications",
        "awards/amendments/changes",
        "awards/amendment/changes",
        "contracts/items/additionalClassifications",
        "contracts/implementation/transactions/payer/additionalIdentifiers",
        "contracts/implementation/transactions/payee/additionalIdentifiers",
        "contracts/relatedProcesses/relationship",
        "contracts/amendments/changes",
        "contracts/amendment/changes",
        "relatedProcesses/relationship",
    ];

    public OcdsMergeRules(IEnumerable<string> omitWhenMerged, IEnumerable<string> wholeListMerge)
    {
        OmitWhenMerged = omitWhenMerged.ToHashSet(StringComparer.Ordinal);
        WholeListMerge = wholeListMerge.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The rules of the OCDS 1.1.5 release schema, plus the bid extension's (bid tenderers are OrganizationReferences).</summary>
    public static OcdsMergeRules Release115WithBids { get; } = new(
        ["id", "date", "tag"],
        [.. Release115WholeLists, "bids/details/tenderers/additionalIdentifiers"]);

    public IReadOnlySet<string> OmitWhenMerged { get; }

    public IReadOnlySet<string> WholeListMerge { get; }

    /// <summary>
    /// Reads the rules from a release schema (draft-04, local "#/definitions/..." references), as the OCDS merge
    /// specification defines them: omitWhenMerged supersedes everything, wholeListMerge supersedes nested rules,
    /// arrays of non-objects and of objects without an "id" property merge as whole lists.
    /// </summary>
    public static OcdsMergeRules FromSchema(JsonNode schema)
    {
        var omit = new List<string>();
        var whole = new List<string>();
        if (schema["properties"] is JsonObject properties)
        {
            Walk(schema, properties, "", omit, whole, depth: 0);
        }

        return new OcdsMergeRules(omit, whole);
    }

    private static void Walk(JsonNode root, JsonObject properties, string path, List<string> omit, List<string> whole, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"The schema nests too deep (recursive references?) at {path}.");
        }

        foreach (var (key, raw) in properties)
        {
            var value = Resolve(root, raw);
            var newPath = path.Length == 0 ? key : $"{path}/{key}";
            var types = Types(value);
            if (value?["omitWhenMerged"]?.GetValue<bool>() == true)
            {
                omit.Add(newPath);
            }
            else if (types.Contains("array") && value?["wholeListMerge"]?.GetValue<bool>() == true)
            {
                whole.Add(newPath);
            }
            else if (types.Contains("object") && value?["properties"] is JsonObject nested)
            {
                Walk(root, nested, newPath, omit, whole, depth + 1);
            }
            else if (types.Contains("array") && value?["items"] is { } rawItems)
            {
                var items = Resolve(root, rawItems);
                var itemTypes = Types(items);
                if (itemTypes.Any(type => type != "object"))
                {
                    whole.Add(newPath);
                }
                else if (itemTypes.Contains("object") && items?["properties"] is JsonObject itemProperties)
                {
                    if (!itemProperties.ContainsKey("id"))
                    {
                        whole.Add(newPath);
                    }
                    else
                    {
                        Walk(root, itemProperties, newPath, omit, whole, depth + 1);
                    }
                }
            }
        }
    }

    private static JsonNode? Resolve(JsonNode root, JsonNode? node)
    {
        for (var hops = 0; node?["$ref"] is JsonValue reference; hops++)
        {
            var pointer = reference.GetValue<string>();
            if (!pointer.StartsWith("#/", StringComparison.Ordinal) || hops > 16)
            {
                throw new InvalidOperationException($"Only local references are followed, not '{pointer}'.");
            }

            node = pointer[2..].Split('/').Aggregate<string, JsonNode?>(root, (current, part) => current?[part]);
        }

        return node;
    }

    private static List<string> Types(JsonNode? node) => node?["type"] switch
    {
        JsonValue single => [single.GetValue<string>()],
        JsonArray many => [.. many.Select(type => type!.GetValue<string>())],
        _ => [],
    };
}
