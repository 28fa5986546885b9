using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Performance;

/// <summary>
/// One revision of an OPD's yearly Perjanjian Kinerja (issue 5 item 2): the canonical document generated from the
/// plan, its hash, and the parties' signatures. A revision never changes once stored; when the plan changes the OPD
/// generates a new revision and signs again, and the old one stays on record with its signatures.
/// </summary>
public class PerformanceAgreement : IAudited
{
    public long Id { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    public int Year { get; set; }

    /// <summary>1 for the first document of the year, then 2, 3… for each regeneration.</summary>
    public int Revision { get; set; }

    /// <summary>The canonical JSON document (<c>Core.Performance.AgreementDocument</c>), byte for byte as hashed.</summary>
    public required byte[] Document { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="Document"/> when it was generated.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAtUtc { get; set; }

    public required string CreatedBy { get; set; }

    public List<AgreementSignature> Signatures { get; } = [];
}

/// <summary>Which side of the agreement signed.</summary>
public enum AgreementSide
{
    /// <summary>Pihak pertama: the head of the OPD.</summary>
    First = 1,

    /// <summary>Pihak kedua: the regional head (bupati / wali kota).</summary>
    Second = 2,
}

/// <summary>A party's Ed25519 signature over the agreement's hash, made with the signer's sealed key.</summary>
public class AgreementSignature : IAudited
{
    public long Id { get; set; }

    public long AgreementId { get; set; }

    public PerformanceAgreement? Agreement { get; set; }

    public AgreementSide Party { get; set; }

    public long SigningKeyId { get; set; }

    public Identity.SigningKey? SigningKey { get; set; }

    /// <summary>The official who signed, as named in the document.</summary>
    public int OfficialId { get; set; }

    public required string SignerName { get; set; }

    /// <summary>The document hash the signature covers (hex), kept beside it so a changed document shows.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Signature { get; set; }

    public DateTimeOffset SignedAtUtc { get; set; }

    /// <summary>The signature's position in the transparency log, once appended.</summary>
    public long? LedgerIndex { get; set; }
}
