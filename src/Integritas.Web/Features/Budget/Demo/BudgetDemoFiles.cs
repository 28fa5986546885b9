using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Integritas.Web.Features.Budget.Demo;

public sealed record DemoBudgetLine(
    string OpdCode, string ProgramCode, string ProgramName, string KegiatanCode, string KegiatanName,
    string SubKegiatanCode, string SubKegiatanName, string AccountCode, string AccountName, decimal Pagu);

public sealed record DemoPayment(
    string PaymentId, DateOnly Date, string OpdCode, string SubKegiatanCode, string AccountCode,
    string VendorId, string VendorName, string Description, decimal Amount, string PackageCode = "");

public sealed record DemoPaymentItem(string PaymentId, int LineNo, string ItemCode, string ItemName, decimal Quantity, string Unit, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed record DemoReferencePrice(string ItemCode, string ItemName, string Unit, decimal Price, string Source, DateOnly ValidFrom);

public sealed record DemoVillageTransfer(string DesaCode, string Source, int Stage, DateOnly Date, decimal Amount);

public sealed record DemoVillageSpending(string DesaCode, string ActivityCode, string ActivityName, string Source, DateOnly Date, decimal Amount);

public enum DemoIrregularityKind
{
    /// <summary>Several payments by one OPD to one vendor for one account within a few days, each under the pengadaan langsung ceiling, together far above it.</summary>
    SplitPurchase,

    /// <summary>A line item priced far above its reference price (semen at ~40 % above the SSH).</summary>
    MarkedUpPrice,

    /// <summary>A payment that takes its budget line (perubahan) over its pagu.</summary>
    OverBudgetLine,

    /// <summary>One vendor paid by many OPDs.</summary>
    VendorManyOpds,

    /// <summary>A payment dated on a Saturday, Sunday or national holiday.</summary>
    WeekendOrHolidayPayment,

    /// <summary>A suspiciously round amount (a multiple of Rp5 juta).</summary>
    RoundAmount,

    /// <summary>A procured contract paid above its contract value (extra work without an addendum); only with packages in the input.</summary>
    OverContractValue,
}

/// <summary>One planted irregularity: what it is, the payments involved, and the facts a detector should find.</summary>
public sealed record DemoIrregularity(
    DemoIrregularityKind Kind,
    string Description,
    IReadOnlyList<string> PaymentIds,
    string? OpdCode = null,
    string? VendorId = null,
    string? SubKegiatanCode = null,
    string? AccountCode = null,
    string? ItemCode = null,
    decimal? ReferencePrice = null,
    decimal? UnitPrice = null,
    IReadOnlyList<string>? OpdCodes = null,
    string? PackageCode = null);

/// <summary>
/// The generated demo budget of one year, as rows and as CSV files in the import formats (header row, comma separated,
/// RFC 4180 quoting, invariant culture, dot decimals, ISO dates), with the irregularities planted in it.
/// </summary>
public sealed class BudgetDemoFiles
{
    public const string BudgetLinesMurniFile = "budget_lines_murni.csv";
    public const string BudgetLinesPerubahanFile = "budget_lines_perubahan.csv";
    public const string PaymentsFile = "payments.csv";
    public const string PaymentItemsFile = "payment_items.csv";
    public const string ReferencePricesFile = "reference_prices.csv";
    public const string VillageTransfersFile = "village_transfers.csv";
    public const string VillageSpendingFile = "village_spending.csv";

    /// <summary>The files in the order they should be imported.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [BudgetLinesMurniFile, BudgetLinesPerubahanFile, ReferencePricesFile, PaymentsFile, PaymentItemsFile, VillageTransfersFile, VillageSpendingFile];

    public static readonly string[] BudgetLineColumns = ["opd_code", "program_code", "program_name", "kegiatan_code", "kegiatan_name", "subkegiatan_code", "subkegiatan_name", "account_code", "account_name", "pagu"];
    public static readonly string[] PaymentColumns = ["payment_id", "date", "opd_code", "subkegiatan_code", "account_code", "vendor_id", "vendor_name", "description", "amount", "package_code"];
    public static readonly string[] PaymentItemColumns = ["payment_id", "line_no", "item_code", "item_name", "quantity", "unit", "unit_price"];
    public static readonly string[] ReferencePriceColumns = ["item_code", "item_name", "unit", "price", "source", "valid_from"];
    public static readonly string[] VillageTransferColumns = ["desa_code", "source", "stage", "date", "amount"];
    public static readonly string[] VillageSpendingColumns = ["desa_code", "activity_code", "activity_name", "source", "date", "amount"];

    internal BudgetDemoFiles(
        int year,
        IReadOnlyList<DemoBudgetLine> murni,
        IReadOnlyList<DemoBudgetLine> perubahan,
        IReadOnlyList<DemoPayment> payments,
        IReadOnlyList<DemoPaymentItem> items,
        IReadOnlyList<DemoReferencePrice> referencePrices,
        IReadOnlyList<DemoVillageTransfer> transfers,
        IReadOnlyList<DemoVillageSpending> spending,
        IReadOnlyList<DemoIrregularity> irregularities)
    {
        Year = year;
        BudgetLinesMurni = murni;
        BudgetLinesPerubahan = perubahan;
        Payments = payments;
        PaymentItems = items;
        ReferencePrices = referencePrices;
        VillageTransfers = transfers;
        VillageSpending = spending;
        Irregularities = irregularities;
    }

    public int Year { get; }

    /// <summary>The APBD murni: the budget adopted before the year.</summary>
    public IReadOnlyList<DemoBudgetLine> BudgetLinesMurni { get; }

    /// <summary>The APBD perubahan: some pagu moved, a few lines added. Every payment's line is in it.</summary>
    public IReadOnlyList<DemoBudgetLine> BudgetLinesPerubahan { get; }

    /// <summary>SP2D payments in date order; ids <c>SP2D-YYYY-000001</c> in the same order.</summary>
    public IReadOnlyList<DemoPayment> Payments { get; }

    public IReadOnlyList<DemoPaymentItem> PaymentItems { get; }

    public IReadOnlyList<DemoReferencePrice> ReferencePrices { get; }

    public IReadOnlyList<DemoVillageTransfer> VillageTransfers { get; }

    public IReadOnlyList<DemoVillageSpending> VillageSpending { get; }

    /// <summary>What was planted for the early-warning system to find.</summary>
    public IReadOnlyList<DemoIrregularity> Irregularities { get; }

    /// <summary>The date the APBD perubahan was adopted: lines it added are paid only after it.</summary>
    public DateOnly PerubahanAdoptedOn => new(Year, 9, 15);

    public void WriteBudgetLinesMurni(TextWriter writer) => WriteBudgetLines(writer, BudgetLinesMurni);

    public void WriteBudgetLinesPerubahan(TextWriter writer) => WriteBudgetLines(writer, BudgetLinesPerubahan);

    public void WritePayments(TextWriter writer) => Write(writer, PaymentColumns, Payments, (csv, p) =>
    {
        csv.WriteField(p.PaymentId);
        csv.WriteField(Date(p.Date));
        csv.WriteField(p.OpdCode);
        csv.WriteField(p.SubKegiatanCode);
        csv.WriteField(p.AccountCode);
        csv.WriteField(p.VendorId);
        csv.WriteField(p.VendorName);
        csv.WriteField(p.Description);
        csv.WriteField(Money(p.Amount));
        csv.WriteField(p.PackageCode);
    });

    public void WritePaymentItems(TextWriter writer) => Write(writer, PaymentItemColumns, PaymentItems, (csv, i) =>
    {
        csv.WriteField(i.PaymentId);
        csv.WriteField(i.LineNo.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(i.ItemCode);
        csv.WriteField(i.ItemName);
        csv.WriteField(Money(i.Quantity));
        csv.WriteField(i.Unit);
        csv.WriteField(Money(i.UnitPrice));
    });

    public void WriteReferencePrices(TextWriter writer) => Write(writer, ReferencePriceColumns, ReferencePrices, (csv, r) =>
    {
        csv.WriteField(r.ItemCode);
        csv.WriteField(r.ItemName);
        csv.WriteField(r.Unit);
        csv.WriteField(Money(r.Price));
        csv.WriteField(r.Source);
        csv.WriteField(Date(r.ValidFrom));
    });

    public void WriteVillageTransfers(TextWriter writer) => Write(writer, VillageTransferColumns, VillageTransfers, (csv, t) =>
    {
        csv.WriteField(t.DesaCode);
        csv.WriteField(t.Source);
        csv.WriteField(t.Stage.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(Date(t.Date));
        csv.WriteField(Money(t.Amount));
    });

    public void WriteVillageSpending(TextWriter writer) => Write(writer, VillageSpendingColumns, VillageSpending, (csv, s) =>
    {
        csv.WriteField(s.DesaCode);
        csv.WriteField(s.ActivityCode);
        csv.WriteField(s.ActivityName);
        csv.WriteField(s.Source);
        csv.WriteField(Date(s.Date));
        csv.WriteField(Money(s.Amount));
    });

    /// <summary>Writes one of <see cref="FileNames"/>.</summary>
    public void Write(string fileName, TextWriter writer)
    {
        switch (fileName)
        {
            case BudgetLinesMurniFile: WriteBudgetLinesMurni(writer); break;
            case BudgetLinesPerubahanFile: WriteBudgetLinesPerubahan(writer); break;
            case PaymentsFile: WritePayments(writer); break;
            case PaymentItemsFile: WritePaymentItems(writer); break;
            case ReferencePricesFile: WriteReferencePrices(writer); break;
            case VillageTransfersFile: WriteVillageTransfers(writer); break;
            case VillageSpendingFile: WriteVillageSpending(writer); break;
            default: throw new ArgumentException($"Unknown demo file {fileName}.", nameof(fileName));
        }
    }

    /// <summary>Writes one of <see cref="FileNames"/> to a stream as UTF-8 without a byte-order mark; the stream stays open.</summary>
    public void Write(string fileName, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(fileName, writer);
    }

    /// <summary>Writes every file into <paramref name="directory"/> (created if missing) and returns their paths in import order.</summary>
    public IReadOnlyList<string> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            using (var stream = File.Create(path))
            {
                Write(name, stream);
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>One file's bytes (UTF-8); for tests and small downloads.</summary>
    public byte[] Bytes(string fileName)
    {
        using var stream = new MemoryStream();
        Write(fileName, stream);
        return stream.ToArray();
    }

    private static void WriteBudgetLines(TextWriter writer, IReadOnlyList<DemoBudgetLine> lines) => Write(writer, BudgetLineColumns, lines, (csv, l) =>
    {
        csv.WriteField(l.OpdCode);
        csv.WriteField(l.ProgramCode);
        csv.WriteField(l.ProgramName);
        csv.WriteField(l.KegiatanCode);
        csv.WriteField(l.KegiatanName);
        csv.WriteField(l.SubKegiatanCode);
        csv.WriteField(l.SubKegiatanName);
        csv.WriteField(l.AccountCode);
        csv.WriteField(l.AccountName);
        csv.WriteField(Money(l.Pagu));
    });

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    private static void Write<T>(TextWriter writer, string[] columns, IEnumerable<T> rows, Action<CsvWriter, T> fields)
    {
        using var csv = new CsvWriter(writer, Config, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            fields(csv, row);
            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Dot decimals, no thousands separator, no trailing zeros: <c>1250000</c>, <c>2.5</c>.</summary>
    public static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
