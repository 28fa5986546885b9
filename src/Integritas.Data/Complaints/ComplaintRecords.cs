using Integritas.Core.Complaints;
using Integritas.Core.Sla;
using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Complaints;

/// <summary>
/// A kind of problem citizens report (an Open311 service): its code, names, group, the OPD it goes to by default,
/// its SLA targets and the reward points a valid report earns.
/// </summary>
public class ComplaintCategory : IAudited
{
    public int Id { get; set; }

    /// <summary>Open311 <c>service_code</c>, e.g. <c>jalan-rusak</c>: lower case letters, digits and dashes.</summary>
    public required string Code { get; set; }

    public required string NameId { get; set; }

    public required string NameEn { get; set; }

    public string? DescriptionId { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>Open311 <c>group</c>, e.g. "Infrastruktur".</summary>
    public required string Group { get; set; }

    /// <summary>Open311 <c>keywords</c>, comma-separated.</summary>
    public string? Keywords { get; set; }

    public ReportKind Kind { get; set; } = ReportKind.Complaint;

    /// <summary>The OPD reports of this category go to unless a routing rule says otherwise.</summary>
    public int? DefaultOpdId { get; set; }

    public Opd? DefaultOpd { get; set; }

    /// <summary>First response target, in calendar hours (the regency's promise: 24).</summary>
    public int ResponseHours { get; set; } = 24;

    /// <summary>Resolution target, in working days (SP4N-LAPOR!: 5).</summary>
    public int ResolutionWorkingDays { get; set; } = 5;

    /// <summary>Reward points a report of this category earns when staff mark it valid.</summary>
    public int RewardPoints { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public List<ComplaintCategoryAttribute> Attributes { get; } = [];

    public SlaTarget ResponseTarget => SlaTarget.Hours(ResponseHours);

    public SlaTarget ResolutionTarget => SlaTarget.WorkingDays(ResolutionWorkingDays);
}

/// <summary>Open311 attribute datatypes.</summary>
public enum AttributeDatatype
{
    String = 1,
    Number = 2,
    Datetime = 3,
    Text = 4,
    SingleValueList = 5,
    MultiValueList = 6,
}

/// <summary>An extra question a category asks (an Open311 service-definition attribute).</summary>
public class ComplaintCategoryAttribute : IAudited
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public ComplaintCategory? Category { get; set; }

    /// <summary>Open311 <c>code</c>, the key of <c>attribute[CODE]</c>.</summary>
    public required string Code { get; set; }

    public AttributeDatatype Datatype { get; set; }

    public bool Required { get; set; }

    /// <summary>The question, shown to the citizen.</summary>
    public required string Description { get; set; }

    public string? DatatypeDescription { get; set; }

    public int Order { get; set; }

    /// <summary>For list types: one <c>key=name</c> per line.</summary>
    public string? Values { get; set; }

    public IReadOnlyList<(string Key, string Name)> ValueList() =>
        (Values ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : p[0].Trim()))
            .ToList();
}

/// <summary>Where a report came in.</summary>
public enum ComplaintChannel
{
    Web = 1,
    Open311 = 2,
    /// <summary>Entered by a kiosk or counter operator on a citizen's behalf.</summary>
    Assisted = 3,
}

/// <summary>
/// A citizen's report. Public: category, text, place, status, timeline. Private (never shown or exported, redacted in
/// the audit trail): the reporter's name and contact details.
/// </summary>
public class Complaint : IAudited
{
    public long Id { get; set; }

    /// <summary>The public tracking number and Open311 <c>service_request_id</c>, e.g. <c>K7Q3-M9XD</c>.</summary>
    public required string TrackingNumber { get; set; }

    public int CategoryId { get; set; }

    public ComplaintCategory? Category { get; set; }

    public ReportKind Kind { get; set; }

    public required string Description { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    /// <summary>The desa/kelurahan, when picked or found from the pin.</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public ComplaintStatus Status { get; set; } = ComplaintStatus.Received;

    /// <summary>The OPD responsible once disposed.</summary>
    public int? OpdId { get; set; }

    public Opd? Opd { get; set; }

    public ComplaintChannel Channel { get; set; }

    /// <summary>Open311 attribute answers as JSON <c>{"CODE": "value" | ["v1","v2"]}</c>.</summary>
    public string? AttributesJson { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When staff first answered publicly: stops the response clock.</summary>
    public DateTime? FirstResponseAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The response clock's due moment (null while paused).</summary>
    public DateTime? ResponseDueUtc { get; set; }

    /// <summary>The resolution clock's due moment (null while paused): Open311 <c>expected_datetime</c> unless staff set one.</summary>
    public DateTime? ResolutionDueUtc { get; set; }

    /// <summary>The completion date the OPD expects, shown to the citizen.</summary>
    public DateTime? ExpectedAtUtc { get; set; }

    /// <summary>Set while the clocks stand still (waiting for the citizen).</summary>
    public DateTime? PausedSinceUtc { get; set; }

    public long? MergedIntoId { get; set; }

    public Complaint? MergedInto { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>The citizen's rating of the handling at closing, 1–5.</summary>
    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    /// <summary>Staff judged the report valid (it earns the category's reward points).</summary>
    public bool? IsValid { get; set; }

    /// <summary>A client-chosen key that makes a retried submission return the first one instead of a duplicate.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>A secret the reporter holds (hashed here) to add information, confirm or reopen without an account.</summary>
    public string? ReporterSecretHash { get; set; }

    [Redacted]
    public string? ReporterName { get; set; }

    [Redacted]
    public string? ReporterEmail { get; set; }

    [Redacted]
    public string? ReporterPhone { get; set; }

    /// <summary>The reporter asked not to be named even to the OPD.</summary>
    public bool HideName { get; set; }

    /// <summary>Open311 <c>device_id</c> / <c>account_id</c>, private.</summary>
    [Redacted]
    public string? DeviceId { get; set; }

    [Redacted]
    public string? AccountId { get; set; }

    /// <summary>The signed-in staff account that filed the report, if any.</summary>
    public string? ReporterUserId { get; set; }

    /// <summary>The citizen's reward account (signed in when reporting, or found by the phone number when points are earned).</summary>
    public long? CitizenAccountId { get; set; }

    /// <summary>The API key a client submitted through.</summary>
    public int? ApiKeyId { get; set; }

    public List<ComplaintUpdate> Updates { get; } = [];

    public List<ComplaintPhoto> Photos { get; } = [];

    public List<ComplaintPause> Pauses { get; } = [];
}

public enum UpdateKind
{
    /// <summary>The report was received.</summary>
    Received = 1,

    /// <summary>A change of status, with the staff's note.</summary>
    StatusChange = 2,

    /// <summary>A staff answer to the citizen.</summary>
    Response = 3,

    /// <summary>A progress report, usually with photos ("foto progress harian").</summary>
    Progress = 4,

    /// <summary>The citizen added information.</summary>
    CitizenInfo = 5,

    /// <summary>The citizen confirmed the fix.</summary>
    CitizenConfirmed = 6,

    /// <summary>The citizen reopened the report.</summary>
    CitizenReopened = 7,

    /// <summary>The citizen rated the handling.</summary>
    Rating = 8,

    /// <summary>Staff only: not shown to the public.</summary>
    InternalNote = 9,

    /// <summary>Disposition to an OPD (or a change of OPD).</summary>
    Disposition = 10,

    /// <summary>The expected completion date was set or moved.</summary>
    ExpectedDate = 11,
}

/// <summary>
/// One event in a report's timeline (Open311 <c>servicerequestupdates</c>). Append-only: corrections are new updates.
/// </summary>
public class ComplaintUpdate
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public Complaint? Complaint { get; set; }

    public DateTime AtUtc { get; set; }

    public UpdateKind Kind { get; set; }

    /// <summary>The report's status after this update.</summary>
    public ComplaintStatus Status { get; set; }

    public string? Text { get; set; }

    public bool IsPublic { get; set; } = true;

    /// <summary>"citizen", or the staff role that acted (public); never a name.</summary>
    public required string ActorRole { get; set; }

    /// <summary>The staff account that acted (private; for the audit and OPD scoping).</summary>
    public string? ActorUserId { get; set; }

    public int? OpdId { get; set; }

    /// <summary>The transparency-log index of this update's public record, once appended.</summary>
    public long? LedgerIndex { get; set; }

    public List<ComplaintPhoto> Photos { get; } = [];
}

/// <summary>
/// A photo of a report or of its progress. Only the re-encoded copy without metadata (EXIF location!) is kept and
/// served; the upload's bytes are discarded.
/// </summary>
public class ComplaintPhoto
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public Complaint? Complaint { get; set; }

    public long? UpdateId { get; set; }

    public ComplaintUpdate? Update { get; set; }

    /// <summary>SHA-256 of the served (metadata-free) JPEG, its name in the blob store.</summary>
    public required string Sha256 { get; set; }

    public required string ThumbnailSha256 { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Size { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>True for photos the citizen sent; false for staff progress photos.</summary>
    public bool FromCitizen { get; set; }
}

/// <summary>An interval in which a report's clocks stood still (waiting for the citizen).</summary>
public class ComplaintPause
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public Complaint? Complaint { get; set; }

    public DateTime FromUtc { get; set; }

    public DateTime? ToUtc { get; set; }
}

/// <summary>A national holiday or collective leave day: not a working day for the SLA clock.</summary>
public class Holiday : IAudited
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}

/// <summary>Sends reports of a category (any, if null) from a kecamatan (anywhere, if null) to an OPD.</summary>
public class RoutingRule : IAudited
{
    public int Id { get; set; }

    public int? CategoryId { get; set; }

    public ComplaintCategory? Category { get; set; }

    /// <summary>A kecamatan.</summary>
    public int? DistrictId { get; set; }

    public Region? District { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>Lower runs first; the first matching rule wins.</summary>
    public int Priority { get; set; } = 100;
}

/// <summary>An Open311 client's key. Only a SHA-256 of the key is stored; the key is shown once, at creation.</summary>
public class ApiKey : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    /// <summary>What the key may do: <see cref="ApiKeyScopes"/>.</summary>
    public string Scope { get; set; } = ApiKeyScopes.Open311;
}

/// <summary>What an API key opens: the Open311 API, or checking and consuming one kind of reward voucher.</summary>
public static class ApiKeyScopes
{
    public const string Open311 = "open311";

    /// <summary>The regional revenue office: property-tax (PBB) vouchers.</summary>
    public const string PropertyTaxVouchers = "voucher-pbb";

    /// <summary>A school: school-fee vouchers.</summary>
    public const string SchoolFeeVouchers = "voucher-sekolah";

    public static readonly IReadOnlyList<string> All = [Open311, PropertyTaxVouchers, SchoolFeeVouchers];

    public static string Label(string scope, bool english) => scope switch
    {
        Open311 => "Open311",
        PropertyTaxVouchers => english ? "Property-tax (PBB) vouchers" : "Voucher PBB",
        SchoolFeeVouchers => english ? "School-fee vouchers" : "Voucher biaya sekolah",
        _ => scope,
    };
}
