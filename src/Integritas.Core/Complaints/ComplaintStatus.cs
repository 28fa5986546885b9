namespace Integritas.Core.Complaints;

/// <summary>
/// The detailed life of a report, after SP4N-LAPOR!: the coordinator verifies (or defers, declines as "bukan wewenang",
/// archives, merges a duplicate), disposes it to an OPD, the OPD works on it and resolves it, the citizen confirms or
/// reopens. Open311 sees only <c>open</c> or <c>closed</c> (<see cref="ComplaintStatuses.IsOpen"/>).
/// </summary>
public enum ComplaintStatus
{
    /// <summary>Diterima: waiting for verification.</summary>
    Received = 1,

    /// <summary>Ditunda: waiting for more information from the citizen; the clocks stand still.</summary>
    Deferred = 2,

    /// <summary>Terverifikasi: genuine and within the regency's authority, waiting for disposition.</summary>
    Verified = 3,

    /// <summary>Didisposisikan: assigned to the responsible OPD.</summary>
    Dispositioned = 4,

    /// <summary>Diproses: the OPD is working on it.</summary>
    InProgress = 5,

    /// <summary>Selesai: the OPD reports it solved; the citizen may confirm or reopen.</summary>
    Resolved = 6,

    /// <summary>Ditutup: confirmed by the citizen, or closed after the confirmation period.</summary>
    Closed = 7,

    /// <summary>Bukan wewenang: not the regency's authority (forwarded elsewhere).</summary>
    NotAuthority = 8,

    /// <summary>Diarsipkan: not actionable (no content, abuse, test).</summary>
    Archived = 9,

    /// <summary>Digabung: a duplicate of another report, which carries on.</summary>
    Duplicate = 10,
}

/// <summary>Labels and rules of <see cref="ComplaintStatus"/>.</summary>
public static class ComplaintStatuses
{
    public static IReadOnlyList<ComplaintStatus> All { get; } = Enum.GetValues<ComplaintStatus>();

    /// <summary>The statuses Open311 calls <c>open</c>.</summary>
    public static IReadOnlyList<ComplaintStatus> Open { get; } =
        [ComplaintStatus.Received, ComplaintStatus.Deferred, ComplaintStatus.Verified, ComplaintStatus.Dispositioned, ComplaintStatus.InProgress];

    /// <summary>Open statuses whose clocks run (all but <see cref="ComplaintStatus.Deferred"/>, which pauses them).</summary>
    public static IReadOnlyList<ComplaintStatus> Running { get; } =
        [ComplaintStatus.Received, ComplaintStatus.Verified, ComplaintStatus.Dispositioned, ComplaintStatus.InProgress];

    /// <summary>Open311's two-valued status.</summary>
    public static bool IsOpen(ComplaintStatus status) => Open.Contains(status);

    public static string Open311(ComplaintStatus status) => IsOpen(status) ? "open" : "closed";

    /// <summary>Statuses a report leaves the verification queue with, none of which earns reward points.</summary>
    public static bool IsDeclined(ComplaintStatus status) =>
        status is ComplaintStatus.NotAuthority or ComplaintStatus.Archived or ComplaintStatus.Duplicate;

    public static string Label(ComplaintStatus status, bool english = false) => (status, english) switch
    {
        (ComplaintStatus.Received, false) => "Menunggu verifikasi",
        (ComplaintStatus.Received, true) => "Awaiting verification",
        (ComplaintStatus.Deferred, false) => "Ditunda — menunggu informasi pelapor",
        (ComplaintStatus.Deferred, true) => "On hold — waiting for the reporter",
        (ComplaintStatus.Verified, false) => "Terverifikasi",
        (ComplaintStatus.Verified, true) => "Verified",
        (ComplaintStatus.Dispositioned, false) => "Didisposisikan ke OPD",
        (ComplaintStatus.Dispositioned, true) => "Assigned to an agency",
        (ComplaintStatus.InProgress, false) => "Sedang ditindaklanjuti",
        (ComplaintStatus.InProgress, true) => "In progress",
        (ComplaintStatus.Resolved, false) => "Selesai ditindaklanjuti",
        (ComplaintStatus.Resolved, true) => "Resolved",
        (ComplaintStatus.Closed, false) => "Ditutup",
        (ComplaintStatus.Closed, true) => "Closed",
        (ComplaintStatus.NotAuthority, false) => "Bukan wewenang kabupaten",
        (ComplaintStatus.NotAuthority, true) => "Not the regency's authority",
        (ComplaintStatus.Archived, false) => "Diarsipkan",
        (ComplaintStatus.Archived, true) => "Archived",
        (ComplaintStatus.Duplicate, false) => "Digabung dengan laporan lain",
        (ComplaintStatus.Duplicate, true) => "Merged into another report",
        _ => status.ToString(),
    };

    /// <summary>A stable lower-case name for URLs, CSV and Open311's extension field.</summary>
    public static string Key(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "received",
        ComplaintStatus.Deferred => "deferred",
        ComplaintStatus.Verified => "verified",
        ComplaintStatus.Dispositioned => "dispositioned",
        ComplaintStatus.InProgress => "in_progress",
        ComplaintStatus.Resolved => "resolved",
        ComplaintStatus.Closed => "closed",
        ComplaintStatus.NotAuthority => "not_authority",
        ComplaintStatus.Archived => "archived",
        ComplaintStatus.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseKey(string? key, out ComplaintStatus status)
    {
        foreach (var s in All)
        {
            if (string.Equals(Key(s), key, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Which staff moves are allowed from a status (citizen moves — add information, confirm, reopen — are separate).</summary>
    public static IReadOnlyList<ComplaintStatus> StaffMoves(ComplaintStatus from) => from switch
    {
        ComplaintStatus.Received => [ComplaintStatus.Verified, ComplaintStatus.Deferred, ComplaintStatus.NotAuthority, ComplaintStatus.Archived, ComplaintStatus.Duplicate],
        ComplaintStatus.Deferred => [ComplaintStatus.Verified, ComplaintStatus.NotAuthority, ComplaintStatus.Archived, ComplaintStatus.Duplicate],
        ComplaintStatus.Verified => [ComplaintStatus.Dispositioned, ComplaintStatus.Deferred, ComplaintStatus.Duplicate],
        ComplaintStatus.Dispositioned => [ComplaintStatus.InProgress, ComplaintStatus.Resolved, ComplaintStatus.Deferred, ComplaintStatus.Dispositioned],
        ComplaintStatus.InProgress => [ComplaintStatus.Resolved, ComplaintStatus.Deferred, ComplaintStatus.Dispositioned],
        ComplaintStatus.Resolved => [ComplaintStatus.Closed],
        _ => [],
    };
}
