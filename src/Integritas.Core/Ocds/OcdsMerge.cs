using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>
/// The OCDS 1.1 merge routine (https://standard.open-contracting.org/1.1/en/schema/merging/), as the reference
/// implementation (open-contracting/ocds-merge) does it: releases are sorted by date; each is flattened into
/// JSON paths in which an array index becomes the object's <c>id</c> (identifier merge) or a fresh identifier
/// (objects without one are appended); values of later releases replace earlier ones path by path; arrays of
/// non-objects and whole-list arrays are replaced as values; empty objects and empty identifier-merge arrays change
/// nothing; a <c>null</c> removes a field. The compiled release gets tag ["compiled"], id "{ocid}-{date}" and the
/// last release's date.
/// </summary>
public static class OcdsMerge
{
    public static JsonObject Compile(IEnumerable<JsonObject> releases, OcdsMergeRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(releases);
        rules ??= OcdsMergeRules.Release115WithBids;

        var merged = new OrderedDictionary<string, FlatEntry>(StringComparer.Ordinal);
        Set(merged, [Segment.Name("tag")], new JsonArray("compiled"));
        foreach (var release in SortedByDate(releases))
        {
            var ocid = release["ocid"]?.DeepClone();
            var date = release["date"]!.DeepClone();
            var flat = new List<(List<object> Path, JsonNode? Value)>();
            Flatten(release, rules, [], flat);

            Set(merged, [Segment.Name("id")], JsonValue.Create($"{Text(ocid)}-{Text(date)}"));
            Set(merged, [Segment.Name("date")], date);
            Set(merged, [Segment.Name("ocid")], ocid);
            foreach (var (path, value) in Identify(flat))
            {
                Set(merged, path, value);
            }
        }

        return Unflatten(merged.Values);
    }

    /// <summary>
    /// The versioned release: every field's history as a list of {releaseID, releaseDate, releaseTag, value},
    /// a new entry only when the value changed; ocid and the ids of objects in arrays stay plain values.
    /// </summary>
    public static JsonObject Versioned(IEnumerable<JsonObject> releases, OcdsMergeRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(releases);
        rules ??= OcdsMergeRules.Release115WithBids;

        var merged = new OrderedDictionary<string, FlatEntry>(StringComparer.Ordinal);
        foreach (var release in SortedByDate(releases))
        {
            var body = release.DeepClone().AsObject();
            var ocid = body["ocid"]?.DeepClone();
            body.Remove("ocid");
            var tag = body["tag"]?.DeepClone();
            body.Remove("tag");
            Set(merged, [Segment.Name("ocid")], ocid);

            var flat = new List<(List<object> Path, JsonNode? Value)>();
            Flatten(body, rules, [], flat);
            foreach (var (path, value) in Identify(flat))
            {
                var key = Key(path);
                if (!merged.TryGetValue(key, out var entry))
                {
                    entry = new FlatEntry(path, new JsonArray());
                    merged[key] = entry;
                }

                var history = entry.Value!.AsArray();
                if (history.Count > 0 && JsonNode.DeepEquals(history[^1]!["value"], value))
                {
                    continue;
                }

                history.Add(new JsonObject
                {
                    ["releaseID"] = release["id"]?.DeepClone(),
                    ["releaseDate"] = release["date"]?.DeepClone(),
                    ["releaseTag"] = tag?.DeepClone(),
                    ["value"] = value?.DeepClone(),
                });
            }
        }

        return Unflatten(merged.Values);
    }

    private static IEnumerable<JsonObject> SortedByDate(IEnumerable<JsonObject> releases) =>
        releases.Select(release => (Release: release, Date: ParseDate(release))).OrderBy(pair => pair.Date).Select(pair => pair.Release);

    private static DateTimeOffset ParseDate(JsonObject release)
    {
        if (release["date"] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        throw new ArgumentException($"Release {release["id"]?.ToJsonString()} has no valid date; releases are merged in date order.");
    }

    private static void Flatten(JsonNode node, OcdsMergeRules rules, List<object> path, List<(List<object>, JsonNode?)> flat)
    {
        IEnumerable<(object Key, JsonNode? Value)> children = node switch
        {
            JsonObject obj => obj.Select(pair => ((object)pair.Key, pair.Value)),
            JsonArray array => array.Select((item, index) => ((object)index, item)),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            List<object> newPath = [.. path, key];
            var rulePath = string.Join('/', newPath.OfType<string>());
            if (rules.OmitWhenMerged.Contains(rulePath))
            {
                continue;
            }

            var isLeaf = value is not (JsonObject or JsonArray)
                || rules.WholeListMerge.Contains(rulePath)
                || (value is JsonArray items && items.Any(item => item is not JsonObject));
            if (isLeaf)
            {
                flat.Add((newPath, value));
            }
            else if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
            {
                Flatten(value, rules, newPath, flat);
            }
        }
    }

    /// <summary>Replaces array indexes by identifiers: the object's id, or a fresh one for an object without.</summary>
    private static IEnumerable<(Segment[] Path, JsonNode? Value)> Identify(List<(List<object> Path, JsonNode? Value)> flat)
    {
        var byPath = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (path, value) in flat)
        {
            byPath[RawKey(path)] = value;
        }

        var identifiers = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var (path, value) in flat)
        {
            var segments = new Segment[path.Count];
            for (var i = 0; i < path.Count; i++)
            {
                if (path[i] is string name)
                {
                    segments[i] = Segment.Name(name);
                    continue;
                }

                var prefix = RawKey(path.Take(i + 1));
                if (!identifiers.TryGetValue(prefix, out var segment))
                {
                    byPath.TryGetValue(RawKey([.. path.Take(i + 1), "id"]), out var id);
                    segment = id is null
                        ? Segment.Item(Guid.NewGuid().ToString("N"), null)
                        : Segment.Item(Text(id), id);
                    identifiers[prefix] = segment;
                }

                segments[i] = segment;
            }

            yield return (segments, value);
        }
    }

    private static void Set(OrderedDictionary<string, FlatEntry> merged, Segment[] path, JsonNode? value) =>
        merged[Key(path)] = new FlatEntry(path, value);

    private static string Key(Segment[] path) => string.Join('\0', path.Select(segment => segment.Key));

    private static JsonObject Unflatten(IEnumerable<FlatEntry> entries)
    {
        var root = new JsonObject();
        var identifiers = new Dictionary<JsonObject, string>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            JsonNode current = root;
            for (var end = 1; end <= entry.Path.Length; end++)
            {
                var part = entry.Path[end - 1];
                if (part.Identifier is { } identifier)
                {
                    var array = current as JsonArray ?? throw Conflict(entry);
                    var found = array.OfType<JsonObject>()
                        .FirstOrDefault(item => identifiers.TryGetValue(item, out var known) && known == identifier);
                    if (found is null)
                    {
                        found = [];
                        identifiers[found] = identifier;
                        if (part.OriginalId is not null)
                        {
                            found["id"] = part.OriginalId.DeepClone();
                        }

                        array.Add(found);
                    }

                    current = found;
                    continue;
                }

                var obj = current as JsonObject ?? throw Conflict(entry);
                if (obj[part.Property!] is { } existing)
                {
                    current = existing;
                    continue;
                }

                if (end == entry.Path.Length)
                {
                    if (entry.Value is not null)
                    {
                        obj[part.Property!] = entry.Value.DeepClone();
                    }

                    continue;
                }

                JsonNode created = entry.Path[end].Identifier is not null ? new JsonArray() : new JsonObject();
                obj[part.Property!] = created;
                current = created;
            }
        }

        return root;
    }

    private static InvalidOperationException Conflict(FlatEntry entry) => new(
        $"Releases disagree on the type of {string.Join('/', entry.Path.Select(segment => segment.Property ?? "[]"))}.");

    private static string RawKey(IEnumerable<object> path) =>
        string.Join('\0', path.Select(part => part is int index ? $"#{index}" : $"p{part}"));

    private static string Text(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private sealed record FlatEntry(Segment[] Path, JsonNode? Value);

    /// <summary>A path segment: an object property, or an array item known by its identifier.</summary>
    private readonly record struct Segment(string? Property, string? Identifier, JsonNode? OriginalId)
    {
        public string Key => Property is not null ? $"p{Property}" : $"i{Identifier}";

        public static Segment Name(string property) => new(property, null, null);

        public static Segment Item(string identifier, JsonNode? originalId) => new(null, identifier, originalId);
    }
}
