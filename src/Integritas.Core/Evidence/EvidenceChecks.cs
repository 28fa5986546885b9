namespace Integritas.Core.Evidence;

/// <summary>What a verifier should look at before accepting an evidence item. Flags never reject an upload.</summary>
[Flags]
public enum EvidenceFlags
{
    None = 0,

    /// <summary>Taken farther from the site than the geofence radius.</summary>
    OutsideGeofence = 1,

    /// <summary>Taken before the contract's work window opened.</summary>
    BeforeWorkWindow = 2,

    /// <summary>Taken after the work window closed.</summary>
    AfterWorkWindow = 4,

    /// <summary>The capture time is later than the upload: a clock set wrong, or an edited file.</summary>
    CapturedInFuture = 8,

    /// <summary>The file carries no capture time; the uploader typed it.</summary>
    TimeFromForm = 16,

    /// <summary>The file carries no GPS position; the uploader typed it.</summary>
    LocationFromForm = 32,

    /// <summary>The uploader typed a time or place that disagrees with the file's own metadata (the metadata is used).</summary>
    FormDisagreesWithMetadata = 64,
}

public static class EvidenceFlagsExtensions
{
    /// <summary>Each flag that is set, in declaration order.</summary>
    public static IEnumerable<EvidenceFlags> Each(this EvidenceFlags flags) =>
        Enum.GetValues<EvidenceFlags>().Where(f => f != EvidenceFlags.None && flags.HasFlag(f));
}

/// <summary>The work window and site of a construction package, as the checks need them.</summary>
public sealed record Site(GeoPoint Centre, double GeofenceRadiusMeters, DateTimeOffset WorkStart, DateTimeOffset WorkEnd);

public sealed record EvidenceCheck(EvidenceFlags Flags, double DistanceMeters);

/// <summary>Checks an evidence item's capture time and place against its package's site and work window.</summary>
public static class EvidenceChecks
{
    /// <summary>A capture this far in the future of the server's clock is still taken as "now" (camera clocks drift).</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A typed time further than this from the file's own time counts as a disagreement.</summary>
    public static readonly TimeSpan FormTimeTolerance = TimeSpan.FromHours(1);

    public static EvidenceCheck Check(Site site, GeoPoint location, DateTimeOffset capturedAt, DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(site);
        var flags = EvidenceFlags.None;
        var distance = site.Centre.DistanceMetersTo(location);
        if (distance > site.GeofenceRadiusMeters)
        {
            flags |= EvidenceFlags.OutsideGeofence;
        }

        if (capturedAt > uploadedAt + ClockTolerance)
        {
            flags |= EvidenceFlags.CapturedInFuture;
        }

        if (capturedAt < site.WorkStart)
        {
            flags |= EvidenceFlags.BeforeWorkWindow;
        }
        else if (capturedAt > site.WorkEnd)
        {
            flags |= EvidenceFlags.AfterWorkWindow;
        }

        return new EvidenceCheck(flags, distance);
    }

    /// <summary>
    /// Chooses the capture time and place: the file's metadata when it has them, else what the uploader typed; flags
    /// typed values and disagreements. Returns null for a value neither source gives (the caller reports it missing).
    /// </summary>
    public static (DateTimeOffset? Time, GeoPoint? Location, EvidenceFlags Flags) Reconcile(
        DateTimeOffset? metadataTime, GeoPoint? metadataLocation, DateTimeOffset? formTime, GeoPoint? formLocation, double geofenceRadiusMeters)
    {
        var flags = EvidenceFlags.None;
        if (metadataTime is null && formTime is not null)
        {
            flags |= EvidenceFlags.TimeFromForm;
        }
        else if (metadataTime is not null && formTime is not null && (metadataTime.Value - formTime.Value).Duration() > FormTimeTolerance)
        {
            flags |= EvidenceFlags.FormDisagreesWithMetadata;
        }

        if (metadataLocation is null && formLocation is not null)
        {
            flags |= EvidenceFlags.LocationFromForm;
        }
        else if (metadataLocation is { } m && formLocation is { } f && m.DistanceMetersTo(f) > geofenceRadiusMeters)
        {
            flags |= EvidenceFlags.FormDisagreesWithMetadata;
        }

        return (metadataTime ?? formTime, metadataLocation ?? formLocation, flags);
    }
}
