using Integritas.Data.Audit;
using Integritas.Data.Organisation;

namespace Integritas.Data.Budget;

/// <summary>Which adoption of the year's APBD a budget version is.</summary>
public enum BudgetStage
{
    /// <summary>APBD murni: the budget adopted before the year starts.</summary>
    Murni = 1,

    /// <summary>A pergeseran (shift) adopted during the year without a new regional regulation.</summary>
    Pergeseran = 2,

    /// <summary>APBD perubahan: the mid-year amended budget.</summary>
    Perubahan = 3,
}

/// <summary>
/// One adopted APBD (regional budget) of a year: the murni budget and every later revision are kept, and the latest
/// adopted one is the budget payments are measured against.
/// </summary>
public class BudgetVersion : IAudited
{
    public int Id { get; set; }

    public int Year { get; set; }

    public BudgetStage Stage { get; set; }

    /// <summary>0 for the murni budget; 1, 2, … for each later revision of the year, in adoption order.</summary>
    public int Revision { get; set; }

    /// <summary>The regulation that adopted it, e.g. "Perda No. 5 Tahun 2025" or "Perkada No. 12 Tahun 2026".</summary>
    public string? LegalBasis { get; set; }

    public DateOnly AdoptedOn { get; set; }

    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>What level of the Permendagri 90/2019 classification a code is.</summary>
public enum BudgetCodeKind
{
    Program = 1,
    Kegiatan = 2,
    SubKegiatan = 3,

    /// <summary>Rekening belanja (account), e.g. <c>5.1.02.01.01.0024</c> Belanja Alat Tulis Kantor.</summary>
    Account = 4,
}

/// <summary>The text name kept beside a classification code (sakip.md: "keep the code's text name beside it").</summary>
public class BudgetCode
{
    public BudgetCodeKind Kind { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }
}

/// <summary>A line of the APBD: the pagu of one account under one sub kegiatan of one OPD, in one budget version.</summary>
public class BudgetLine
{
    public long Id { get; set; }

    public int VersionId { get; set; }

    public BudgetVersion? Version { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>e.g. <c>1.02.02.2.02.0001</c>; its program (<c>1.02.02</c>) and kegiatan (<c>1.02.02.2.02</c>) are its prefixes.</summary>
    public required string SubKegiatanCode { get; set; }

    public required string AccountCode { get; set; }

    public decimal Pagu { get; set; }
}

[Flags]
public enum PaymentFlags
{
    None = 0,

    /// <summary>With this payment the budget line's payments exceed its pagu: accepted, but marked.</summary>
    OverBudgetLine = 1,

    /// <summary>One of its line items costs more than the reference price by more than the configured margin.</summary>
    AboveReferencePrice = 2,

    /// <summary>With this payment the procurement package's payments exceed its contract value: accepted, but marked.</summary>
    OverContractValue = 4,
}

/// <summary>
/// A payment (SP2D, surat perintah pencairan dana) as exported by the regional finance system. Payments are facts:
/// once imported they never change, and re-importing the same payment is a no-op.
/// </summary>
public class Payment
{
    /// <summary>The finance system's payment id (the SP2D number), unique; the primary key.</summary>
    public required string Id { get; set; }

    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public int OpdId { get; set; }

    public required string SubKegiatanCode { get; set; }

    public required string AccountCode { get; set; }

    /// <summary>The vendor's code (<see cref="Vendors.Vendor.Code"/>); empty for payments with no vendor (e.g. salaries).</summary>
    public string? VendorCode { get; set; }

    public required string Description { get; set; }

    public decimal Amount { get; set; }

    public PaymentFlags Flags { get; set; }

    /// <summary>
    /// The procurement package (<see cref="Evidence.ConstructionPackage"/>) whose contract this payment pays, when the
    /// finance system's export names it (<c>package_code</c>); null for payments outside a procured contract.
    /// </summary>
    public int? PackageId { get; set; }

    /// <summary>The import that brought it in.</summary>
    public long ImportId { get; set; }
}

/// <summary>A line of a payment: what was bought ("detail pembelian ATK"), compared with the reference price.</summary>
public class PaymentItem
{
    public long Id { get; set; }

    public required string PaymentId { get; set; }

    public int LineNo { get; set; }

    /// <summary>The item's code in the reference catalogue (standar satuan harga / HPS), where the finance system has one.</summary>
    public string? ItemCode { get; set; }

    public required string Name { get; set; }

    public decimal Quantity { get; set; }

    public required string Unit { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>The reference unit price in force on the payment's date, when the item matched the catalogue.</summary>
    public decimal? ReferenceUnitPrice { get; set; }

    /// <summary>(unit price − reference) ÷ reference × 100, when a reference was found.</summary>
    public decimal? MarkupPercent { get; set; }

    /// <summary>Above the reference by more than the configured margin.</summary>
    public bool AboveReference { get; set; }
}

/// <summary>
/// Pre-computed sums of payments per OPD × sub kegiatan × account × month, kept up to date by the import in the same
/// transaction, so the portal's regency and OPD pages never scan the payments.
/// </summary>
public class PaymentTotal
{
    public int Year { get; set; }

    public int OpdId { get; set; }

    public required string SubKegiatanCode { get; set; }

    public required string AccountCode { get; set; }

    public int Month { get; set; }

    public long Count { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>Where a reference price comes from.</summary>
public enum ReferencePriceSource
{
    /// <summary>Standar satuan harga: the regency's own unit-price standard (Perkada).</summary>
    Ssh = 1,

    /// <summary>A national reference (LKPP e-katalog / HPS reference).</summary>
    National = 2,
}

/// <summary>A reference unit price of a catalogue item, valid from a date until a later price for the same item and source.</summary>
public class ReferencePrice
{
    public long Id { get; set; }

    public required string ItemCode { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public decimal Price { get; set; }

    public ReferencePriceSource Source { get; set; }

    public DateOnly ValidFrom { get; set; }

    public long ImportId { get; set; }
}

/// <summary>Which fund a village transfer or spending comes from.</summary>
public enum VillageFundSource
{
    /// <summary>Dana Desa, from the national budget (APBN) through the regency.</summary>
    DanaDesa = 1,

    /// <summary>Alokasi Dana Desa, from the regency's own budget (APBD).</summary>
    Add = 2,

    /// <summary>Bagi hasil pajak dan retribusi daerah.</summary>
    BagiHasil = 3,
}

/// <summary>A transfer of village funds to one desa (one tahap/stage of the year's allocation).</summary>
public class VillageTransfer
{
    public long Id { get; set; }

    public int Year { get; set; }

    public int DesaId { get; set; }

    public Region? Desa { get; set; }

    public VillageFundSource Source { get; set; }

    /// <summary>Tahap (instalment) 1, 2, 3…</summary>
    public int Stage { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public long ImportId { get; set; }
}

/// <summary>A desa's spending on one activity (APBDes realisation), by fund source.</summary>
public class VillageSpending
{
    public long Id { get; set; }

    public int Year { get; set; }

    public int DesaId { get; set; }

    public Region? Desa { get; set; }

    /// <summary>Bidang/kegiatan code of the village budget (Permendagri 20/2018), e.g. <c>2.2.01</c>.</summary>
    public required string ActivityCode { get; set; }

    public required string ActivityName { get; set; }

    public VillageFundSource Source { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public long ImportId { get; set; }
}

public enum BudgetImportKind
{
    BudgetLines = 1,
    Payments = 2,
    PaymentItems = 3,
    ReferencePrices = 4,
    VillageTransfers = 5,
    VillageSpending = 6,
}

public enum BudgetImportStatus
{
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>One import of a finance-system export: its progress while it runs, and its outcome and row errors after.</summary>
public class BudgetImport
{
    public long Id { get; set; }

    public BudgetImportKind Kind { get; set; }

    public int Year { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public BudgetImportStatus Status { get; set; }

    public long RowsRead { get; set; }

    public long RowsAdded { get; set; }

    /// <summary>Rows already stored with the same values (a re-import).</summary>
    public long RowsUnchanged { get; set; }

    /// <summary>Row errors as JSON: [{row, column, message}], the first few hundred.</summary>
    public string? ErrorsJson { get; set; }

    public long ErrorCount { get; set; }

    public string? StartedByUserId { get; set; }

    public string? StartedByName { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
