using Integritas.Core.Procurement;
using Integritas.Data.Audit;
using Integritas.Data.Evidence;
using Integritas.Data.Vendors;

namespace Integritas.Data.Procurement;

/// <summary>
/// One step of a package's lifecycle: the stage entered, when and by whom. The OCDS releases (one per stage) are built
/// from this history, so a row is never changed.
/// </summary>
public class PackageStageEvent : IAudited
{
    public long Id { get; set; }

    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    public ProcurementStage Stage { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The account that moved the package (private; the public page shows the role).</summary>
    public string? ByUserId { get; set; }

    public required string ByRole { get; set; }

    public string? Note { get; set; }
}

/// <summary>A bid (penawaran) for a package, recorded by the OPD's procurement staff.</summary>
public class Bid : IAudited
{
    public long Id { get; set; }

    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    public int VendorId { get; set; }

    public Vendor? Vendor { get; set; }

    public decimal Amount { get; set; }

    /// <summary>When the bidder submitted it, UTC (may be after the tender closed: a late bid is kept and shown).</summary>
    public DateTime SubmittedAtUtc { get; set; }

    public BidStatus Status { get; set; }

    public string? DisqualificationReason { get; set; }

    /// <summary>Below 80 % of HPS at recording: a larger performance guarantee is required.</summary>
    public bool NeedsLargerGuarantee { get; set; }

    public string? RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A Contractor account that acts for a vendor (signs its integrity pacts).</summary>
public class VendorUser : IAudited
{
    public int VendorId { get; set; }

    public Vendor? Vendor { get; set; }

    public required string UserId { get; set; }
}

/// <summary>The organisation a Witness account speaks for, set by an administrator.</summary>
public class WitnessAffiliation : IAudited
{
    public required string UserId { get; set; }

    public WitnessKind Kind { get; set; }

    public required string Organisation { get; set; }
}

/// <summary>
/// The integrity pact of a package: its canonical document (<see cref="PactDocument"/>) as stored and hashed. A new
/// revision is made when the package's facts change; signatures belong to one revision.
/// </summary>
public class IntegrityPact : IAudited
{
    public long Id { get; set; }

    public int PackageId { get; set; }

    public ConstructionPackage? Package { get; set; }

    public int Revision { get; set; }

    public required byte[] Document { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Document"/> when it was made.</summary>
    public required string Sha256 { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<PactSignature> Signatures { get; } = [];
}

/// <summary>One signature on a pact: Ed25519 over the pact's signing message with the signer's sealed key.</summary>
public class PactSignature : IAudited
{
    public long Id { get; set; }

    public long PactId { get; set; }

    public IntegrityPact? Pact { get; set; }

    public PactRole Role { get; set; }

    public required string UserId { get; set; }

    public required string SignerName { get; set; }

    /// <summary>The witness's organisation, the vendor's name for a bidder, the OPD for the commitment officer.</summary>
    public required string Organisation { get; set; }

    /// <summary>The vendor a bidder signs for.</summary>
    public int? VendorId { get; set; }

    public Vendor? Vendor { get; set; }

    public long SigningKeyId { get; set; }

    public Identity.SigningKey? SigningKey { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Signature { get; set; }

    public DateTime SignedAtUtc { get; set; }

    /// <summary>The transparency-log index once recorded; null until then.</summary>
    public long? LedgerIndex { get; set; }
}
