using Integritas.Core.Evidence;
using Integritas.Core.Procurement;
using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Evidence;

/// <summary>
/// A procurement package (paket pengadaan) of any category: the procurement plan's facts (RUP: HPS, pagu, method,
/// category, fiscal year), its lifecycle stage and the award and contract, and — for construction — the site, geofence
/// and work window evidence is checked against. The name is historical (evidence came first); see
/// <c>Procurement/ProcurementRecords.cs</c> for bids, stage history and integrity pacts.
/// </summary>
public class ConstructionPackage : IAudited
{
    public int Id { get; set; }

    /// <summary>The package's public code (the RUP code where there is one), e.g. <c>LKT-2026-PUPR-001</c>; no spaces.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>The desa/kelurahan of the site, if known.</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public string? Location { get; set; }

    /// <summary>The contracting company (a legal entity, not a person).</summary>
    public string? ContractorCompany { get; set; }

    public decimal ContractValue { get; set; }

    /// <summary>First day of the work window (WIB).</summary>
    public DateOnly WorkStart { get; set; }

    /// <summary>Last day of the work window (WIB), inclusive.</summary>
    public DateOnly WorkEnd { get; set; }

    public double SiteLatitude { get; set; }

    public double SiteLongitude { get; set; }

    /// <summary>Evidence taken farther than this from the site is flagged for the verifier.</summary>
    public int GeofenceRadiusMeters { get; set; } = 300;

    public List<PackageMilestone> Milestones { get; } = [];

    public List<PackageContractor> Contractors { get; } = [];

    /// <summary>Harga perkiraan sendiri in rupiah; null where none is needed (up to Rp10 juta, e-purchasing) or not yet set.</summary>
    public decimal? Hps { get; set; }

    /// <summary>The budget ceiling (pagu) of the package in rupiah.</summary>
    public decimal? Pagu { get; set; }

    public ProcurementMethod Method { get; set; } = ProcurementMethod.Tender;

    public ProcurementCategory Category { get; set; } = ProcurementCategory.Construction;

    public int FiscalYear { get; set; }

    public ProcurementStage Stage { get; set; } = ProcurementStage.Planned;

    /// <summary>The tender period (bids accepted from start to end), UTC.</summary>
    public DateTime? TenderStartUtc { get; set; }

    public DateTime? TenderEndUtc { get; set; }

    public DateOnly? AwardDate { get; set; }

    public decimal? AwardValue { get; set; }

    /// <summary>The winning bid; its vendor is the supplier.</summary>
    public long? AwardedBidId { get; set; }

    public int? SupplierVendorId { get; set; }

    public Vendors.Vendor? SupplierVendor { get; set; }

    public string? ContractNumber { get; set; }

    public DateOnly? ContractDate { get; set; }
}

/// <summary>A stage of the work evidence is uploaded for (e.g. "Pengecoran lantai kerja", 40%).</summary>
public class PackageMilestone : IAudited
{
    public int Id { get; set; }

    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    /// <summary>1, 2, 3… within the package; the log records this number.</summary>
    public int Sequence { get; set; }

    public required string Name { get; set; }

    /// <summary>Physical progress the package reaches with this milestone, in percent.</summary>
    public decimal? ProgressPercent { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>A Contractor account allowed to upload evidence for a package.</summary>
public class PackageContractor : IAudited
{
    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    public required string UserId { get; set; }
}

public enum EvidenceReview
{
    Pending = 0,
    Accepted = 1,
    Rejected = 2,
}

/// <summary>
/// One upload: a photo, video or document of a milestone, optionally with the invoice. Files live in the blob store
/// under their SHA-256; the log entry commits to those hashes. Rows are never edited after upload except for the review.
/// </summary>
public class EvidenceItem : IAudited
{
    public long Id { get; set; }

    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    public int MilestoneId { get; set; }

    public PackageMilestone? Milestone { get; set; }

    public EvidenceKind Kind { get; set; }

    /// <summary>Lower-case hex SHA-256 of the media file: its name in the blob store.</summary>
    public required string MediaSha256 { get; set; }

    public required string MediaContentType { get; set; }

    public long MediaSize { get; set; }

    /// <summary>A small JPEG without metadata for photos (lower-case hex SHA-256 in the blob store).</summary>
    public string? ThumbnailSha256 { get; set; }

    public string? InvoiceSha256 { get; set; }

    public string? InvoiceContentType { get; set; }

    public long? InvoiceSize { get; set; }

    /// <summary>The contractor's caption, public.</summary>
    public string? Caption { get; set; }

    public DateTime CapturedAtUtc { get; set; }

    public ValueSource CapturedFrom { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public ValueSource LocationFrom { get; set; }

    public double DistanceFromSiteMeters { get; set; }

    public EvidenceFlags Flags { get; set; }

    /// <summary>The uploader's role, as the log records it.</summary>
    public required string UploaderRole { get; set; }

    /// <summary>The uploader's account: private, never in the log or on public pages.</summary>
    public string? UploadedByUserId { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>The log entry's index once integrated; null until then.</summary>
    public long? LedgerIndex { get; set; }

    public EvidenceReview Review { get; set; }

    public string? ReviewNote { get; set; }

    public string? ReviewedByUserId { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }
}
