namespace Integritas.Core.Ocds;

/// <summary>
/// One procurement package (a contracting process) as the OCDS publication needs it: plain data that the web layer
/// fills from its procurement entities. Money is in rupiah (IDR); every date carries its offset.
/// </summary>
public sealed record ContractingProcess
{
    /// <summary>The package's stable identifier (e.g. its RUP code); it becomes the ocid suffix and tender.id.</summary>
    public required string PackageId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The OPD whose budget pays (role buyer).</summary>
    public required OcdsAgency Buyer { get; init; }

    /// <summary>The unit that runs the procurement (UKPBJ / pokja); the buyer when null.</summary>
    public OcdsAgency? ProcuringEntity { get; init; }

    public required int FiscalYear { get; init; }

    public required ProcurementMethodId Method { get; init; }

    public required ProcurementCategoryId Category { get; init; }

    /// <summary>HPS (owner's estimate): tender.value. Null where none is needed (e-purchasing, up to Rp10 juta).</summary>
    public decimal? Hps { get; init; }

    /// <summary>Pagu: planning.budget.amount.</summary>
    public decimal? Pagu { get; init; }

    /// <summary>The budget line (e.g. the sub kegiatan code) that funds the package: planning.budget.id.</summary>
    public string? BudgetLineCode { get; init; }

    /// <summary>Where the work or delivery takes place, as text (desa, kecamatan).</summary>
    public string? Location { get; init; }

    /// <summary>The stages reached, each with the date it was reached; one release is published per entry.</summary>
    public required IReadOnlyList<StageEntry> Stages { get; init; }

    public ProcessPeriod? TenderPeriod { get; init; }

    /// <summary>Every vendor that takes part (bidders, the supplier, payees).</summary>
    public IReadOnlyList<OcdsVendor> Vendors { get; init; } = [];

    public IReadOnlyList<OcdsBid> Bids { get; init; } = [];

    public OcdsAward? Award { get; init; }

    public OcdsContract? Contract { get; init; }

    public IReadOnlyList<OcdsMilestone> Milestones { get; init; } = [];

    /// <summary>Implementation transactions (SP2D payments on the contract).</summary>
    public IReadOnlyList<OcdsPayment> Payments { get; init; } = [];

    public IReadOnlyList<OcdsDocument> Documents { get; init; } = [];
}

/// <summary>A government unit (OPD, UKPBJ): its code and name.</summary>
public sealed record OcdsAgency(string Code, string Name);

/// <summary>A vendor (penyedia): its id in the vendor table, name and tax number (NPWP).</summary>
public sealed record OcdsVendor(string Id, string Name, string? TaxNumber = null);

/// <summary>The stages of a package's lifecycle, in order; <see cref="Cancelled"/> ends it.</summary>
public enum ProcessStage
{
    /// <summary>Announced in the procurement plan (RUP).</summary>
    Planning,

    /// <summary>Tender (or direct procurement) open for bids.</summary>
    Tender,

    /// <summary>Bids opened and under evaluation: bids become public.</summary>
    Evaluation,

    Award,
    Contract,

    /// <summary>Work under way: milestones and payments.</summary>
    Implementation,
    Cancelled,
}

public sealed record StageEntry(ProcessStage Stage, DateTimeOffset Date);

public sealed record ProcessPeriod(DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>The Indonesian procurement methods (Perpres 16/2018 as amended).</summary>
public enum ProcurementMethodId
{
    EPurchasing,
    PengadaanLangsung,
    PenunjukanLangsung,
    TenderCepat,
    Tender,
    Seleksi,
}

public enum ProcurementCategoryId
{
    Goods,
    Works,
    Services,
    ConsultingServices,
}

/// <summary>The OCDS bid extension's bidStatus codes that the platform records.</summary>
public enum BidStatus
{
    Pending,
    Valid,
    Disqualified,
    Withdrawn,
}

public sealed record OcdsBid(string Id, string VendorId, decimal Amount, DateTimeOffset Date, BidStatus Status);

public enum AwardStatus
{
    Pending,
    Active,
    Cancelled,
    Unsuccessful,
}

public sealed record OcdsAward(string Id, DateTimeOffset Date, string SupplierVendorId, decimal Value, AwardStatus Status);

public enum ContractStatus
{
    Pending,
    Active,
    Cancelled,
    Terminated,
}

/// <summary>The contract signed on the award; <see cref="Number"/> is the SPK / surat perjanjian number.</summary>
public sealed record OcdsContract(
    string Id,
    string Number,
    DateTimeOffset? DateSigned,
    ProcessPeriod? Period,
    decimal Value,
    ContractStatus Status);

/// <summary>A contract milestone; its status at each release date is derived from its due date and the date met.</summary>
public sealed record OcdsMilestone(string Id, string Title, DateTimeOffset? DueDate, DateTimeOffset? DateMet = null);

/// <summary>
/// A payment on the contract. The payer defaults to the buyer and the payee to the award's supplier.
/// </summary>
public sealed record OcdsPayment(
    string Id,
    DateTimeOffset Date,
    decimal Amount,
    OcdsAgency? Payer = null,
    string? PayeeVendorId = null,
    string? Description = null);

/// <summary>The section a document belongs to (and so the first stage whose releases show it).</summary>
public enum DocumentSection
{
    Planning,
    Tender,
    Award,
    Contract,
    Implementation,
}

/// <summary>
/// A published document, e.g. the integrity pact: <see cref="DocumentType"/> is a documentType code
/// (open codelist); <see cref="Sha256"/>, when given, is the hex digest of the file, published in its description.
/// </summary>
public sealed record OcdsDocument(
    string Id,
    DocumentSection Section,
    string DocumentType,
    string Title,
    Uri Url,
    DateTimeOffset DatePublished,
    string? Sha256 = null,
    string? Format = null)
{
    /// <summary>
    /// The documentType of an integrity pact (pakta integritas): a code of the publisher's own, which the open
    /// documentType codelist allows; none of its codes means an integrity pact.
    /// </summary>
    public const string IntegrityPactType = "integrityPact";
}
