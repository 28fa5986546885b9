using System.Text.Json;
using System.Text.Json.Nodes;
using Integritas.Core.Tests.Ledger;
using Json.Schema;

namespace Integritas.Core.Tests.Ocds;

/// <summary>
/// The official OCDS 1.1.5 schemas, read from shared/testdata/ocds-1.1 at test time and registered under their
/// own ids so that the package schemas' references to the release schema resolve locally. The schemas are
/// draft-04; JsonSchema.Net evaluates them as draft 6, which differs from draft 4 only in keywords OCDS does not
/// use (exclusiveMinimum/Maximum as booleans, "id" spelled "$id"). Formats (date-time, uri) are checked.
/// </summary>
internal static class OcdsSchemas
{
    public const string Base = "https://standard.open-contracting.org/schema/1__1__5/";

    private static readonly Lazy<(JsonSchema Release, JsonSchema ReleasePackage, JsonSchema RecordPackage)> Loaded = new(Load);

    public static JsonSchema Release => Loaded.Value.Release;

    public static JsonSchema ReleasePackage => Loaded.Value.ReleasePackage;

    public static JsonSchema RecordPackage => Loaded.Value.RecordPackage;

    public static string PathTo(string file) => SharedTestData.PathTo("ocds-1.1", file);

    public static JsonNode ReleaseSchemaJson() => JsonNode.Parse(File.ReadAllText(PathTo("release-schema.json")))!;

    /// <summary>The schema's errors for <paramref name="json"/>, as "instance location: message" lines; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var results = schema.Evaluate(document.RootElement, options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key}: {error.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid, without details"];
    }

    public static void AssertValid(JsonSchema schema, string json)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join('\n', errors.Take(30)));
    }

    private static (JsonSchema, JsonSchema, JsonSchema) Load()
    {
        var registry = new SchemaRegistry();
        var draft04 = Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#"));
        var dialects = new DialectRegistry();
        dialects.Register(draft04);
        var options = new BuildOptions { SchemaRegistry = registry, DialectRegistry = dialects, Dialect = draft04 };
        var release = Build("release-schema.json", options);

        // The record package schema refers to the versioned release schema, which is not in the test data: we
        // publish no versionedRelease, so any would be an error.
        registry.Register(new Uri(Base + "versioned-release-validation-schema.json"), JsonSchema.Build(JsonDocument.Parse("false").RootElement, options, new Uri(Base + "versioned-release-validation-schema.json")));
        return (release, Build("release-package-schema.json", options), Build("record-package-schema.json", options));
    }

    private static JsonSchema Build(string file, BuildOptions options)
    {
        var text = File.ReadAllText(PathTo(file));
        return JsonSchema.FromText(text, options, new Uri(Base + file));
    }
}
