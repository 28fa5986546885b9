using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>
/// Builds the OCDS 1.1 releases of a contracting process: one per entry of its stage history, tagged from the
/// releaseTag codelist, each a snapshot of what was known at that date (only the sections that stage knows).
/// </summary>
public sealed class OcdsReleaseBuilder(OcdsPublication publication)
{
    public OcdsPublication Publication { get; } = publication;

    /// <summary>The process's releases, oldest first.</summary>
    public IReadOnlyList<JsonObject> Build(ContractingProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        OcdsProcessValidator.Validate(process);

        var ocid = Publication.Ocid(process);
        var releases = new List<JsonObject>(process.Stages.Count);
        var seen = new HashSet<ProcessStage>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reached = ProcessStage.Planning;
        foreach (var entry in process.Stages)
        {
            var cancelled = entry.Stage == ProcessStage.Cancelled;
            if (!cancelled)
            {
                reached = entry.Stage;
            }

            var tags = Tags(entry.Stage, seen.Contains(entry.Stage), reached);
            seen.Add(entry.Stage);
            var id = $"{ocid}-{tags[0]}-{entry.Date.UtcDateTime:yyyyMMddHHmmss}";
            if (!ids.Add(id))
            {
                throw new ArgumentException(
                    $"Package {process.PackageId}: two {entry.Stage} entries in the same second ({id}).", nameof(process));
            }

            var snapshot = new ReleaseSnapshot(process, entry.Date, reached, cancelled);
            releases.Add(BuildRelease(snapshot, ocid, id, tags));
        }

        return releases;
    }

    /// <summary>The release tags for an entry of the stage history.</summary>
    public static IReadOnlyList<string> Tags(ProcessStage stage, bool repeated, ProcessStage reached) => stage switch
    {
        ProcessStage.Planning => [repeated ? "planningUpdate" : "planning"],
        ProcessStage.Tender => [repeated ? "tenderUpdate" : "tender"],
        ProcessStage.Evaluation => ["tenderUpdate"],
        ProcessStage.Award => [repeated ? "awardUpdate" : "award"],
        ProcessStage.Contract => [repeated ? "contractUpdate" : "contract"],
        ProcessStage.Implementation => [repeated ? "implementationUpdate" : "implementation"],
        ProcessStage.Cancelled => reached >= ProcessStage.Award
            ? ["tenderCancellation", "awardCancellation"]
            : ["tenderCancellation"],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    private static JsonObject BuildRelease(ReleaseSnapshot snapshot, string ocid, string id, IReadOnlyList<string> tags)
    {
        var parties = new OcdsParties();
        var buyerRef = parties.Agency(snapshot.Process.Buyer, "buyer");
        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = id,
            ["date"] = OcdsCodes.Date(snapshot.Date),
            ["tag"] = new JsonArray([.. tags.Select(tag => (JsonNode)tag)]),
            ["initiationType"] = "tender",
            ["language"] = OcdsPublication.Language,
        };

        // Sections first, so that every organisation they reference is registered; parties then go before them.
        var planning = OcdsSections.Planning(snapshot);
        var tender = OcdsSections.Tender(snapshot, parties);
        var bids = OcdsSections.Bids(snapshot, parties);
        var awards = OcdsSections.Awards(snapshot, parties);
        var contracts = OcdsSections.Contracts(snapshot, parties);

        release["parties"] = parties.ToJson();
        release["buyer"] = buyerRef;
        release["planning"] = planning;
        release["tender"] = tender;
        if (bids is not null)
        {
            release["bids"] = bids;
        }

        if (awards is not null)
        {
            release["awards"] = awards;
        }

        if (contracts is not null)
        {
            release["contracts"] = contracts;
        }

        return release;
    }
}

/// <summary>What a release knows: the process as of <see cref="Date"/>, the furthest stage reached by then.</summary>
internal sealed record ReleaseSnapshot(ContractingProcess Process, DateTimeOffset Date, ProcessStage Reached, bool Cancelled)
{
    public bool Knows(ProcessStage stage) => Reached >= stage;

    public OcdsVendor Vendor(string id) => Process.Vendors.First(vendor => vendor.Id == id);
}
