using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Integritas.Core.Budget;
using Integritas.Core.Procurement;
using Integritas.Data.Demo;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Budget.Demo;

namespace Integritas.Web.Tests.Budget.Demo;

/// <summary>Issue 6 item 9: the demo budget generator writes realistic, deterministic CSV files with planted irregularities.</summary>
public sealed partial class BudgetDemoTests
{
    private const int Year = 2026;

    /// <summary>A part of the demo regency's OPDs (the real list is internal to the data project) and all its desa.</summary>
    internal static BudgetDemoInput Input(int paymentCount = BudgetDemoInput.DefaultPaymentCount, int seed = BudgetDemoInput.DefaultSeed)
    {
        DemoOpd[] opds =
        [
            new("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", OpdKind.Sekretariat),
            new("4.02.0.00.0.00.01.0000", "Sekretariat DPRD", "Setwan", OpdKind.Sekretariat),
            new("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", OpdKind.Badan),
            new("1.01.0.00.0.00.01.0000", "Dinas Pendidikan", "Disdik", OpdKind.Dinas),
            new("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", OpdKind.Dinas),
            new("1.02.0.00.0.00.02.0000", "Rumah Sakit Umum Daerah Tanjung Pura", "RSUD Tanjung Pura", OpdKind.Rsud),
            new("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", OpdKind.Dinas),
            new("1.04.2.10.0.00.01.0000", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Perkim", OpdKind.Dinas),
            new("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "Satpol PP", OpdKind.Satpol),
            new("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", OpdKind.Dinas),
            new("2.16.2.20.2.21.01.0000", "Dinas Komunikasi dan Informatika", "Diskominfo", OpdKind.Dinas),
            new("3.27.0.00.0.00.01.0000", "Dinas Pertanian", "Distan", OpdKind.Dinas),
            new("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", OpdKind.Inspektorat),
        ];
        var kecamatan = DemoRegencyGenerator.ReadAreas("districts.csv").Where(d => d.ParentCode == DemoRegencyGenerator.HomeRegencyCode)
            .ToDictionary(d => d.Code, d => d.Name);
        var desa = DemoRegencyGenerator.ReadAreas("villages.csv").Where(v => kecamatan.ContainsKey(v.ParentCode))
            .Select(v => new DemoDesa(v.Code, v.Name, v.ParentCode, kecamatan[v.ParentCode])).ToList();

        // Dinkes passes its performance-plan sub kegiatan; the others use the built-in nomenclature.
        var subs = new Dictionary<string, IReadOnlyList<DemoSubKegiatan>>
        {
            ["1.02.0.00.0.00.01.0000"] =
            [
                new("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil"),
                new("1.02.02.2.02.0033", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota"),
            ],
        };
        return new BudgetDemoInput(Year, opds, desa, subs, paymentCount, seed, Packages, ["V000101", "V000102", "V000103"]);
    }

    /// <summary>Three procured contracts of the year: a road (paid in three parts), a consultancy running past the year end, and computers.</summary>
    internal static readonly DemoPackage[] Packages =
    [
        new("PBJ-2026-0001", "1.03.0.00.0.00.01.0000", "Peningkatan Jalan Lingkungan Desa Securai", ProcurementCategory.Construction, 1_450_000_000m,
            new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 8), new DateOnly(2026, 11, 27), "V000101", "CV Karya Wampu"),
        new("PBJ-2026-0002", "1.02.0.00.0.00.01.0000", "Jasa Konsultansi Pengawasan Puskesmas", ProcurementCategory.Consultancy, 380_000_000m,
            new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 22), new DateOnly(2027, 2, 26), "V000102", "PT Tirta Rekayasa Engineering"),
        new("PBJ-2026-0003", "1.01.0.00.0.00.01.0000", "Pengadaan Komputer dan Printer", ProcurementCategory.Goods, 640_000_000m,
            new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 27), new DateOnly(2026, 6, 26), "V000103", "CV Cipta Komputer"),
    ];

    private static readonly Lazy<BudgetDemoFiles> Shared = new(() => BudgetDemoGenerator.Generate(Input()));

    private static BudgetDemoFiles Files => Shared.Value;

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]{1,2})?$")]
    private static partial Regex MoneyShape();

    [GeneratedRegex(@"^SP2D-2026-[0-9]{6}$")]
    private static partial Regex PaymentIdShape();

    [GeneratedRegex(@"^[1-5]\.[0-9]\.[0-9]{2}$")]
    private static partial Regex VillageActivityShape();

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_data()
    {
        var again = BudgetDemoGenerator.Generate(Input());
        foreach (var name in BudgetDemoFiles.FileNames)
        {
            Assert.Equal(Files.Bytes(name), again.Bytes(name));
        }

        var other = BudgetDemoGenerator.Generate(Input(seed: 7));
        Assert.NotEqual(Files.Bytes(BudgetDemoFiles.PaymentsFile), other.Bytes(BudgetDemoFiles.PaymentsFile));
    }

    [Fact]
    public void Files_have_the_import_headers_and_read_back_as_rfc4180_csv()
    {
        var columns = new Dictionary<string, string[]>
        {
            [BudgetDemoFiles.BudgetLinesMurniFile] = BudgetDemoFiles.BudgetLineColumns,
            [BudgetDemoFiles.BudgetLinesPerubahanFile] = BudgetDemoFiles.BudgetLineColumns,
            [BudgetDemoFiles.PaymentsFile] = BudgetDemoFiles.PaymentColumns,
            [BudgetDemoFiles.PaymentItemsFile] = BudgetDemoFiles.PaymentItemColumns,
            [BudgetDemoFiles.ReferencePricesFile] = BudgetDemoFiles.ReferencePriceColumns,
            [BudgetDemoFiles.VillageTransfersFile] = BudgetDemoFiles.VillageTransferColumns,
            [BudgetDemoFiles.VillageSpendingFile] = BudgetDemoFiles.VillageSpendingColumns,
        };
        Assert.Equal(
            "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount,package_code",
            string.Join(',', BudgetDemoFiles.PaymentColumns));
        Assert.Equal(
            "opd_code,program_code,program_name,kegiatan_code,kegiatan_name,subkegiatan_code,subkegiatan_name,account_code,account_name,pagu",
            string.Join(',', BudgetDemoFiles.BudgetLineColumns));

        foreach (var (name, header) in columns)
        {
            var bytes = Files.Bytes(name);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF, $"{name} has a byte-order mark");
            using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            Assert.True(csv.Read());
            csv.ReadHeader();
            Assert.Equal(header, csv.HeaderRecord);
            var rows = 0;
            while (csv.Read())
            {
                Assert.Equal(header.Length, csv.Parser.Count);
                rows++;
            }

            Assert.True(rows > 0, name);
        }

        // The payments file reads back to the same values, descriptions with commas quoted.
        using var paymentsReader = new StringReader(Encoding.UTF8.GetString(Files.Bytes(BudgetDemoFiles.PaymentsFile)));
        using var payments = new CsvReader(paymentsReader, CultureInfo.InvariantCulture);
        payments.Read();
        payments.ReadHeader();
        var index = 0;
        while (payments.Read())
        {
            var expected = Files.Payments[index++];
            Assert.Equal(expected.PaymentId, payments.GetField("payment_id"));
            Assert.Equal(expected.Description, payments.GetField("description"));
            var amount = payments.GetField("amount")!;
            Assert.Matches(MoneyShape(), amount);
            Assert.Equal(expected.Amount, decimal.Parse(amount, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Date, DateOnly.ParseExact(payments.GetField("date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        Assert.Equal(Files.Payments.Count, index);
        Assert.Contains(Files.Payments, p => p.Description.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void Every_code_is_well_formed()
    {
        foreach (var line in Files.BudgetLinesPerubahan.Concat(Files.BudgetLinesMurni))
        {
            Assert.True(BudgetCodes.IsSubKegiatan(line.SubKegiatanCode), line.SubKegiatanCode);
            Assert.True(BudgetCodes.IsProgram(line.ProgramCode), line.ProgramCode);
            Assert.True(BudgetCodes.IsKegiatan(line.KegiatanCode), line.KegiatanCode);
            Assert.Equal(BudgetCodes.ProgramOf(line.SubKegiatanCode), line.ProgramCode);
            Assert.Equal(BudgetCodes.KegiatanOf(line.SubKegiatanCode), line.KegiatanCode);
            Assert.True(BudgetCodes.IsSpendingAccount(line.AccountCode), line.AccountCode);
            Assert.False(string.IsNullOrWhiteSpace(line.ProgramName) || string.IsNullOrWhiteSpace(line.KegiatanName)
                || string.IsNullOrWhiteSpace(line.SubKegiatanName) || string.IsNullOrWhiteSpace(line.AccountName));
            Assert.True(line.Pagu > 0 && line.Pagu == decimal.Round(line.Pagu, 0));
        }

        Assert.All(BudgetDemoCatalogue.Accounts, a => Assert.True(BudgetCodes.IsSpendingAccount(a.Code), a.Code));
        Assert.InRange(BudgetDemoCatalogue.Accounts.Count, 35, 60);
        var opds = Input().Opds.Select(o => o.Code).ToHashSet();
        Assert.All(Files.Payments, p =>
        {
            Assert.Matches(PaymentIdShape(), p.PaymentId);
            Assert.Contains(p.OpdCode, opds);
            Assert.True(BudgetCodes.IsSubKegiatan(p.SubKegiatanCode));
            Assert.True(BudgetCodes.IsSpendingAccount(p.AccountCode));
            Assert.DoesNotContain(' ', p.VendorId);
        });

        // Every OPD has its supporting-affairs sub kegiatan (X.XX.01…) and program ones; Dinkes the ones it passed.
        foreach (var opd in Input().Opds)
        {
            var subs = Files.BudgetLinesPerubahan.Where(l => l.OpdCode == opd.Code).Select(l => l.SubKegiatanCode).ToHashSet();
            Assert.Contains(opd.Code[..4] + ".01.2.02.0001", subs);
            Assert.Contains(opd.Code[..4] + ".01.2.06.0004", subs);
            Assert.Contains(subs, s => !BudgetCodes.ProgramOf(s).EndsWith(".01", StringComparison.Ordinal));
        }

        var dinkes = Files.BudgetLinesPerubahan.Where(l => l.OpdCode == "1.02.0.00.0.00.01.0000").ToList();
        Assert.Contains(dinkes, l => l.SubKegiatanCode == "1.02.02.2.02.0033" && l.SubKegiatanName == "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat"
            && l.ProgramName == "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat");
        Assert.DoesNotContain(dinkes, l => l.SubKegiatanCode == "1.02.02.2.01.0003");
    }

    [Fact]
    public void Payments_fall_on_perubahan_lines_and_the_perubahan_moves_and_adds_lines()
    {
        var perubahan = Files.BudgetLinesPerubahan.ToDictionary(l => (l.OpdCode, l.SubKegiatanCode, l.AccountCode));
        Assert.Equal(Files.BudgetLinesPerubahan.Count, perubahan.Count);
        Assert.All(Files.Payments, p => Assert.True(perubahan.ContainsKey((p.OpdCode, p.SubKegiatanCode, p.AccountCode)), p.PaymentId));

        var murni = Files.BudgetLinesMurni.ToDictionary(l => (l.OpdCode, l.SubKegiatanCode, l.AccountCode));
        Assert.All(murni.Keys, k => Assert.True(perubahan.ContainsKey(k)));
        var added = perubahan.Keys.Where(k => !murni.ContainsKey(k)).ToList();
        Assert.InRange(added.Count, 3, 20);
        var moved = murni.Count(m => perubahan[m.Key].Pagu != m.Value.Pagu);
        Assert.InRange(moved, murni.Count / 20, murni.Count / 3);

        // Lines the perubahan added are paid only after it was adopted.
        var addedSet = added.ToHashSet();
        Assert.All(Files.Payments.Where(p => addedSet.Contains((p.OpdCode, p.SubKegiatanCode, p.AccountCode))),
            p => Assert.True(p.Date > Files.PerubahanAdoptedOn, p.PaymentId));
    }

    [Fact]
    public void Payments_are_many_unique_dated_in_the_year_and_absorb_a_realistic_share()
    {
        Assert.InRange(Files.Payments.Count, 27_000, 33_000);
        Assert.Equal(Files.Payments.Count, Files.Payments.Select(p => p.PaymentId).Distinct().Count());
        Assert.All(Files.Payments, p => Assert.Equal(Year, p.Date.Year));
        Assert.All(Files.Payments, p => Assert.True(p.Amount > 0 && p.Amount == decimal.Round(p.Amount, 2)));

        // Numbered in date order, as a finance system issues them.
        for (var i = 1; i < Files.Payments.Count; i++)
        {
            Assert.True(Files.Payments[i - 1].Date <= Files.Payments[i].Date);
            Assert.True(string.CompareOrdinal(Files.Payments[i - 1].PaymentId, Files.Payments[i].PaymentId) < 0);
        }

        var pagu = Files.BudgetLinesPerubahan.Sum(l => l.Pagu);
        var spent = Files.Payments.Sum(p => p.Amount);
        Assert.InRange(spent / pagu, 0.6m, 0.85m);

        // December is the busiest month, and the last week of a month busier than its first (without salaries).
        var byMonth = Files.Payments.GroupBy(p => p.Date.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        Assert.Equal(12, byMonth.MaxBy(kv => kv.Value).Key);
        var nonPayroll = Files.Payments.Where(p => !p.AccountCode.StartsWith("5.1.01.", StringComparison.Ordinal)).ToList();
        Assert.True(nonPayroll.Count(p => p.Date.Day >= 22) > nonPayroll.Count(p => p.Date.Day <= 7) * 1.5);

        // Salaries have no vendor; goods always do.
        Assert.All(Files.Payments.Where(p => p.AccountCode.StartsWith("5.1.01.", StringComparison.Ordinal)), p => Assert.Equal("", p.VendorId));
        var goods = BudgetDemoCatalogue.Accounts.Where(a => a.Kind is DemoAccountKind.Goods or DemoAccountKind.CapitalGoods).Select(a => a.Code).ToHashSet();
        Assert.All(Files.Payments.Where(p => goods.Contains(p.AccountCode)), p => Assert.NotEqual("", p.VendorId));
        Assert.All(Files.Payments.Where(p => p.VendorId != ""), p => Assert.NotEqual("", p.VendorName));
        Assert.True(Files.Payments.Select(p => p.VendorId).Distinct().Count() > 100);

        // Only the planted payments fall on weekends and holidays.
        var weekend = Files.Irregularities.Where(i => i.Kind == DemoIrregularityKind.WeekendOrHolidayPayment).SelectMany(i => i.PaymentIds).ToHashSet();
        Assert.All(Files.Payments.Where(p => !weekend.Contains(p.PaymentId)), p => Assert.True(BudgetDemoGenerator.IsWorkingDay(p.Date), p.PaymentId));
    }

    [Fact]
    public void Goods_payments_have_line_items_within_their_amount_with_reference_prices()
    {
        var items = Files.PaymentItems.ToLookup(i => i.PaymentId);
        var payments = Files.Payments.ToDictionary(p => p.PaymentId);
        Assert.All(items, group => Assert.True(payments.ContainsKey(group.Key)));
        var goods = BudgetDemoCatalogue.Accounts.Where(a => a.Kind is DemoAccountKind.Goods or DemoAccountKind.CapitalGoods).Select(a => a.Code).ToHashSet();
        var exact = 0;
        var withItems = 0;
        foreach (var payment in Files.Payments)
        {
            var lines = items[payment.PaymentId].ToList();
            Assert.Equal(goods.Contains(payment.AccountCode), lines.Count > 0);
            if (lines.Count == 0)
            {
                continue;
            }

            withItems++;
            Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.LineNo));
            var total = lines.Sum(l => l.Total);
            Assert.True(total <= payment.Amount, payment.PaymentId);
            exact += total == payment.Amount ? 1 : 0;
        }

        Assert.True(withItems > 5_000, $"{withItems} payments with items");
        Assert.True(exact > withItems * 0.8 && exact < withItems, $"{exact} of {withItems} exact");

        // Every item used is in the reference prices; some have a mid-year update and a national price.
        var references = Files.ReferencePrices.ToLookup(r => r.ItemCode);
        Assert.All(Files.PaymentItems, i => Assert.True(references.Contains(i.ItemCode), i.ItemCode));
        Assert.All(Files.ReferencePrices, r => Assert.Contains(r.Source, new[] { "SSH", "NASIONAL" }));
        Assert.Contains(references, g => g.Count(r => r.Source == "SSH") == 2);
        Assert.Contains(references, g => g.Any(r => r.Source == "NASIONAL"));
        Assert.Contains(Files.PaymentItems, i => i.Unit == "rim" && i.ItemName.Contains("HVS", StringComparison.Ordinal));
        Assert.Contains(Files.PaymentItems, i => i.Unit == "zak");
        Assert.Contains(Files.PaymentItems, i => i.Unit == "m3");

        // Apart from the planted mark-up, prices are within 5 % of the SSH price in force on the payment's date.
        var marked = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.MarkedUpPrice).PaymentIds.ToHashSet();
        foreach (var item in Files.PaymentItems.Where(i => !marked.Contains(i.PaymentId)))
        {
            var reference = SshAt(item.ItemCode, payments[item.PaymentId].Date);
            Assert.True(item.UnitPrice <= reference * 1.05m, $"{item.PaymentId} {item.ItemCode} {item.UnitPrice} vs {reference}");
            Assert.True(item.Quantity > 0 && item.UnitPrice > 0);
        }
    }

    private static decimal SshAt(string itemCode, DateOnly date) => Files.ReferencePrices
        .Where(r => r.ItemCode == itemCode && r.Source == "SSH" && r.ValidFrom <= date).MaxBy(r => r.ValidFrom)!.Price;

    [Fact]
    public void The_planted_irregularities_are_in_the_data()
    {
        var payments = Files.Payments.ToDictionary(p => p.PaymentId);
        foreach (var kind in Enum.GetValues<DemoIrregularityKind>())
        {
            Assert.Contains(Files.Irregularities, i => i.Kind == kind);
        }

        Assert.All(Files.Irregularities, i =>
        {
            Assert.NotEmpty(i.PaymentIds);
            Assert.All(i.PaymentIds, id => Assert.True(payments.ContainsKey(id), id));
            Assert.False(string.IsNullOrWhiteSpace(i.Description));
        });

        // Split purchase: one OPD, one vendor, one account, within a week, each under Rp200 juta, together far above it.
        var split = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.SplitPurchase);
        var parts = split.PaymentIds.Select(id => payments[id]).ToList();
        Assert.True(parts.Count >= 3);
        Assert.Single(parts.Select(p => (p.OpdCode, p.VendorId, p.AccountCode)).Distinct());
        Assert.All(parts, p => Assert.True(p.Amount < BudgetDemoCatalogue.DirectProcurementCeilingGoods && p.Amount > 150_000_000m, p.Amount.ToString(CultureInfo.InvariantCulture)));
        Assert.True(parts.Sum(p => p.Amount) > 2 * BudgetDemoCatalogue.DirectProcurementCeilingGoods);
        Assert.InRange(parts.Max(p => p.Date).DayNumber - parts.Min(p => p.Date).DayNumber, 0, 7);
        Assert.Equal(split.OpdCode, parts[0].OpdCode);
        Assert.Equal(split.VendorId, parts[0].VendorId);

        // Marked-up cement: ~40 % above the SSH price in force that day.
        var cement = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.MarkedUpPrice);
        var cementPayment = payments[cement.PaymentIds.Single()];
        var semen = Files.PaymentItems.Single(i => i.PaymentId == cementPayment.PaymentId && i.ItemCode == BudgetDemoCatalogue.ItemSemen);
        Assert.Equal("zak", semen.Unit);
        var reference = SshAt(semen.ItemCode, cementPayment.Date);
        Assert.Equal(reference, cement.ReferencePrice);
        Assert.InRange(semen.UnitPrice / reference, 1.38m, 1.42m);
        Assert.Equal(semen.UnitPrice, cement.UnitPrice);

        // A payment takes its budget line over the pagu of the perubahan: before it the line was within.
        var over = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.OverBudgetLine);
        var overPayment = payments[over.PaymentIds.Single()];
        var line = Files.BudgetLinesPerubahan.Single(l => l.OpdCode == overPayment.OpdCode && l.SubKegiatanCode == overPayment.SubKegiatanCode && l.AccountCode == overPayment.AccountCode);
        var onLine = Files.Payments.Where(p => p.OpdCode == line.OpdCode && p.SubKegiatanCode == line.SubKegiatanCode && p.AccountCode == line.AccountCode).ToList();
        Assert.True(onLine.Sum(p => p.Amount) > line.Pagu);
        Assert.True(onLine.Where(p => p.PaymentId != overPayment.PaymentId).Sum(p => p.Amount) <= line.Pagu);
        Assert.Equal(onLine.Max(p => p.Date), overPayment.Date);

        // No other budget line goes over its pagu.
        var sums = Files.Payments.GroupBy(p => (p.OpdCode, p.SubKegiatanCode, p.AccountCode)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var overLines = Files.BudgetLinesPerubahan.Where(l => sums.GetValueOrDefault((l.OpdCode, l.SubKegiatanCode, l.AccountCode)) > l.Pagu).ToList();
        Assert.Single(overLines);

        // A vendor paid by many OPDs: every OPD of the input buys its ATK there.
        var hub = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.VendorManyOpds);
        var hubOpds = Files.Payments.Where(p => p.VendorId == hub.VendorId).Select(p => p.OpdCode).Distinct().ToList();
        Assert.Equal(Input().Opds.Count, hubOpds.Count);
        Assert.Equal(hub.OpdCodes!.Order(StringComparer.Ordinal), hubOpds.Order(StringComparer.Ordinal));

        // Weekend and holiday payments, a few of them, one on 17 August.
        var weekend = Files.Irregularities.Where(i => i.Kind == DemoIrregularityKind.WeekendOrHolidayPayment).SelectMany(i => i.PaymentIds).Select(id => payments[id]).ToList();
        Assert.InRange(weekend.Count, 3, 10);
        Assert.All(weekend, p => Assert.False(BudgetDemoGenerator.IsWorkingDay(p.Date)));
        Assert.Contains(weekend, p => p.Date == new DateOnly(Year, 8, 17));
        Assert.Contains(weekend, p => p.Date.DayOfWeek == DayOfWeek.Saturday);

        // Round amounts: multiples of Rp5 juta, of at least Rp25 juta.
        var round = Files.Irregularities.Where(i => i.Kind == DemoIrregularityKind.RoundAmount).SelectMany(i => i.PaymentIds).Select(id => payments[id]).ToList();
        Assert.InRange(round.Count, 3, 10);
        Assert.All(round, p => Assert.True(p.Amount >= 25_000_000m && p.Amount % 5_000_000m == 0, p.Amount.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Procured_contracts_are_paid_to_their_supplier_after_the_contract_and_one_above_its_value()
    {
        var byPackage = Files.Payments.Where(p => p.PackageCode.Length > 0).ToLookup(p => p.PackageCode);
        Assert.Equal(Packages.Select(p => p.Code).Order(StringComparer.Ordinal), byPackage.Select(g => g.Key).Order(StringComparer.Ordinal));
        foreach (var package in Packages)
        {
            Assert.All(byPackage[package.Code], p =>
            {
                Assert.Equal((package.OpdCode, package.VendorId, package.VendorName), (p.OpdCode, p.VendorId, p.VendorName));
                Assert.InRange(p.Date, package.ContractDate, new DateOnly(Year, 12, 23));
            });
        }

        // The road: advance 20 %, termin I 30 %, termin II to 95 % (5 % retention next year), and extra work of 10 %
        // without an addendum: 105 %, the planted irregularity. The consultancy runs into next year: advance and
        // termin I. The computers are paid once, on delivery.
        var shares = Packages.Select(p => (p.Code, byPackage[p.Code].Count(), byPackage[p.Code].Sum(x => x.Amount) / p.ContractValue)).ToList();
        Assert.Equal([("PBJ-2026-0001", 4, 1.05m), ("PBJ-2026-0002", 2, 0.5m), ("PBJ-2026-0003", 1, 1m)], shares);
        var over = Files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.OverContractValue);
        Assert.Equal("PBJ-2026-0001", over.PackageCode);
        Assert.Equal(byPackage["PBJ-2026-0001"].MaxBy(p => (p.Date, p.PaymentId))!.PaymentId, over.PaymentIds.Single());

        // The budget's own vendors never take the ids already in use.
        Assert.All(Files.Payments.Where(p => p.VendorId is "V000101" or "V000102" or "V000103"), p => Assert.NotEqual("", p.PackageCode));
    }

    [Fact]
    public void Village_funds_reach_every_desa_and_spending_stays_within_them()
    {
        var desa = Input().Desa;
        var desaOnly = desa.Where(d => d.IsDesa).Select(d => d.Code).ToHashSet();
        Assert.Equal(240, desaOnly.Count);
        Assert.All(Files.VillageTransfers, t => Assert.Contains(t.DesaCode, desaOnly));
        Assert.Equal(desaOnly.Count, Files.VillageTransfers.Select(t => t.DesaCode).Distinct().Count());
        Assert.All(Files.VillageTransfers, t => Assert.Contains(t.Source, new[] { "DD", "ADD", "BHP" }));
        Assert.All(Files.VillageTransfers, t => Assert.Equal(Year, t.Date.Year));

        foreach (var group in Files.VillageTransfers.Where(t => t.Source == "DD").GroupBy(t => t.DesaCode))
        {
            Assert.Equal([1, 2, 3], group.Select(t => t.Stage).Order());
            Assert.InRange(group.Sum(t => t.Amount), 700_000_000m, 1_200_000_000m);
        }

        var received = Files.VillageTransfers.GroupBy(t => (t.DesaCode, t.Source)).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));
        var spent = Files.VillageSpending.GroupBy(s => (s.DesaCode, s.Source)).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount));
        Assert.All(spent, s => Assert.True(s.Value <= received.GetValueOrDefault(s.Key), $"{s.Key}: {s.Value} > {received.GetValueOrDefault(s.Key)}"));
        Assert.InRange(spent.Values.Sum() / received.Values.Sum(), 0.8m, 1m);

        // Spent only after it arrived.
        foreach (var group in Files.VillageSpending.GroupBy(s => (s.DesaCode, s.Source)))
        {
            foreach (var s in group)
            {
                var arrived = Files.VillageTransfers.Where(t => t.DesaCode == s.DesaCode && t.Source == s.Source && t.Date <= s.Date).Sum(t => t.Amount);
                var spentBy = group.Where(x => x.Date <= s.Date).Sum(x => x.Amount);
                Assert.True(spentBy <= arrived, $"{s.DesaCode} {s.Source} {s.Date}");
            }
        }

        Assert.All(Files.VillageSpending, s =>
        {
            Assert.Matches(VillageActivityShape(), s.ActivityCode);
            Assert.Equal(Year, s.Date.Year);
            Assert.True(s.Amount > 0);
        });
        foreach (var bidang in new[] { '1', '2', '3', '4', '5' })
        {
            Assert.Contains(Files.VillageSpending, s => s.ActivityCode[0] == bidang);
        }

        Assert.Contains(Files.VillageSpending, s => s.ActivityCode == "5.3.01" && s.Source == "DD" && s.ActivityName.Contains("BLT", StringComparison.Ordinal));

        // ADD and bagi hasil are paid out of the APBD by the BPKAD: the same amounts as SP2D payments.
        var fromApbd = Files.VillageTransfers.Where(t => t.Source != "DD").Sum(t => t.Amount);
        var transferPayments = Files.Payments.Where(p => p.AccountCode.StartsWith("5.4.", StringComparison.Ordinal)).ToList();
        Assert.Equal(fromApbd, transferPayments.Sum(p => p.Amount));
        Assert.All(transferPayments, p => Assert.Equal("5.02.0.00.0.00.01.0000", p.OpdCode));
    }

    [Fact]
    public void WriteAll_writes_every_file_in_import_order()
    {
        var small = BudgetDemoGenerator.Generate(Input(paymentCount: 100) with { Desa = Input().Desa.Take(20).ToList() });
        var directory = Path.Combine(Path.GetTempPath(), "budgetdemo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = small.WriteAll(directory);
            Assert.Equal(BudgetDemoFiles.FileNames, paths.Select(Path.GetFileName));
            Assert.All(paths, p => Assert.Equal(small.Bytes(Path.GetFileName(p)), File.ReadAllBytes(p)));
            Assert.All(small.Irregularities.SelectMany(i => i.PaymentIds), id => Assert.Contains(small.Payments, p => p.PaymentId == id));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
