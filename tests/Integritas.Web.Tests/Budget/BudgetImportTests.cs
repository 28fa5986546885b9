using System.Globalization;
using System.Text;
using Integritas.Data.Budget;
using Integritas.Web.Features.Budget.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Budget;

/// <summary>The budget imports through the real importer and database: outcomes, row errors, nothing half-imported, re-imports.</summary>
public abstract class BudgetImportTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Sub = "1.02.02.2.02.0001";
    private const string Atk = "5.1.02.01.01.0024";
    private const string Semen = "5.1.02.01.01.0005";

    private const string LineHeader = "opd_code,program_code,program_name,kegiatan_code,kegiatan_name,subkegiatan_code,subkegiatan_name,account_code,account_name,pagu\n";

    private static string Lines(decimal atkPagu, decimal semenPagu) => LineHeader
        + $"{Dinkes},1.02.02,Program Pemenuhan Upaya Kesehatan,1.02.02.2.02,Penyediaan Layanan Kesehatan,{Sub},Pengelolaan Pelayanan Kesehatan Ibu Hamil,{Atk},Belanja Alat Tulis Kantor,{atkPagu}\n"
        + $"{Dinkes},1.02.02,Program Pemenuhan Upaya Kesehatan,1.02.02.2.02,Penyediaan Layanan Kesehatan,{Sub},Pengelolaan Pelayanan Kesehatan Ibu Hamil,{Semen},Belanja Bahan Bangunan,{semenPagu}\n";

    private const string PaymentHeader = "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount\n";

    private BudgetImporter Importer => F.Services.GetRequiredService<BudgetImporter>();

    private Task<BudgetImport> ImportAsync(BudgetImportKind kind, int year, string csv, BudgetVersionInfo? version = null) =>
        Importer.ImportAsync(new BudgetImportRequest(kind, year, kind + ".csv", version, null, "test"), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Ct);

    private async Task AdoptAsync(int year, decimal atkPagu = 10_000_000m, decimal semenPagu = 50_000_000m)
    {
        var import = await ImportAsync(BudgetImportKind.BudgetLines, year, Lines(atkPagu, semenPagu), new BudgetVersionInfo(BudgetStage.Murni, new DateOnly(year - 1, 12, 20), "Perda 9/2025"));
        Assert.Equal(BudgetImportStatus.Succeeded, import.Status);
    }

    private static string Errors(BudgetImport import) => import.ErrorsJson ?? "";

    [Fact]
    public async Task Budget_lines_make_a_version_and_reimport_changes_nothing()
    {
        const int year = 2031;
        await AdoptAsync(year);
        var again = await ImportAsync(BudgetImportKind.BudgetLines, year, Lines(10_000_000m, 50_000_000m), new BudgetVersionInfo(BudgetStage.Murni, new DateOnly(2030, 12, 20), null));
        Assert.Equal(BudgetImportStatus.Succeeded, again.Status);
        Assert.Equal(0, again.RowsAdded);
        Assert.Equal(2, again.RowsUnchanged);

        var murniAgain = await ImportAsync(BudgetImportKind.BudgetLines, year, Lines(12_000_000m, 50_000_000m), new BudgetVersionInfo(BudgetStage.Murni, new DateOnly(2030, 12, 20), null));
        Assert.Equal(BudgetImportStatus.Failed, murniAgain.Status);
        Assert.Contains("perubahan", Errors(murniAgain), StringComparison.Ordinal);

        var perubahan = await ImportAsync(BudgetImportKind.BudgetLines, year, Lines(12_000_000m, 50_000_000m), new BudgetVersionInfo(BudgetStage.Perubahan, new DateOnly(year, 9, 30), "Perda 3/2031"));
        Assert.Equal(BudgetImportStatus.Succeeded, perubahan.Status);
        var versions = await F.WithDbAsync(db => db.BudgetVersions.Where(v => v.Year == year).OrderBy(v => v.Revision).ToListAsync(Ct));
        Assert.Equal([BudgetStage.Murni, BudgetStage.Perubahan], versions.Select(v => v.Stage));
        Assert.Equal([0, 1], versions.Select(v => v.Revision));
        var pagu = await F.WithDbAsync(db => db.BudgetLines.Where(l => l.VersionId == versions[1].Id && l.AccountCode == Atk).Select(l => l.Pagu).SingleAsync(Ct));
        Assert.Equal(12_000_000m, pagu);
        var name = await F.WithDbAsync(db => db.BudgetCodes.Where(c => c.Kind == BudgetCodeKind.Account && c.Code == Atk).Select(c => c.Name).SingleAsync(Ct));
        Assert.Equal("Belanja Alat Tulis Kantor", name);
    }

    [Fact]
    public async Task Payments_are_added_with_totals_and_a_reimport_or_cumulative_export_adds_only_new_ones()
    {
        const int year = 2032;
        await AdoptAsync(year);
        var first = PaymentHeader
            + $"P32-1,{year}-01-15,{Dinkes},{Sub},{Atk},V9001,CV Sinar Jaya,\"Pembelian ATK, kertas\",4000000.50\n"
            + $"P32-2,{year}-01-20,{Dinkes},{Sub},{Atk},V9001,,Pembelian ATK,5000000\n"
            + $"P32-3,{year}-02-03,{Dinkes},{Sub},{Atk},,,Pembelian tinta,2000000\n";
        var import = await ImportAsync(BudgetImportKind.Payments, year, first);
        Assert.True(import.Status == BudgetImportStatus.Succeeded, Errors(import));
        Assert.Equal(3, import.RowsAdded);

        var payments = await F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).OrderBy(p => p.Id).ToListAsync(Ct));
        Assert.Equal([4_000_000.50m, 5_000_000m, 2_000_000m], payments.Select(p => p.Amount));
        Assert.Equal("Pembelian ATK, kertas", payments[0].Description);
        Assert.Null(payments[2].VendorCode);
        // The line's pagu is 10 juta: the third payment takes it to 11,000,000.50.
        Assert.Equal([PaymentFlags.None, PaymentFlags.None, PaymentFlags.OverBudgetLine], payments.Select(p => p.Flags));
        var totals = await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).OrderBy(t => t.Month).ToListAsync(Ct));
        Assert.Equal([(1, 2L, 9_000_000.50m), (2, 1L, 2_000_000m)], totals.Select(t => (t.Month, t.Count, t.Amount)));
        Assert.Equal("CV Sinar Jaya", await F.WithDbAsync(db => db.Vendors.Where(v => v.Code == "V9001").Select(v => v.Name).SingleAsync(Ct)));

        var again = await ImportAsync(BudgetImportKind.Payments, year, first);
        Assert.Equal(BudgetImportStatus.Succeeded, again.Status);
        Assert.Equal((0L, 3L), (again.RowsAdded, again.RowsUnchanged));

        var cumulative = first + $"P32-4,{year}-03-01,{Dinkes},{Sub},{Semen},V9002,UD Bangun,Semen 100 zak,7500000\n";
        var more = await ImportAsync(BudgetImportKind.Payments, year, cumulative);
        Assert.Equal((1L, 3L), (more.RowsAdded, more.RowsUnchanged));
        Assert.Equal(4, await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Count, Ct)));
        Assert.Equal(18_500_000.50m, await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Amount, Ct)));
    }

    [Fact]
    public async Task Payments_may_name_a_contract_of_their_opd_paid_to_its_supplier_and_are_marked_above_its_value()
    {
        const int year = 2044;
        await AdoptAsync(year, semenPagu: 900_000_000m);
        var code = $"UJI-{year}-KONTRAK";
        await F.WithDbAsync(async db =>
        {
            var dinkes = await db.Opds.SingleAsync(o => o.Code == Dinkes, Ct);
            var other = await db.Opds.Where(o => o.RegionId == dinkes.RegionId && o.Id != dinkes.Id).OrderBy(o => o.Code).FirstAsync(Ct);
            var supplier = new Integritas.Data.Vendors.Vendor { Code = "V4401", Name = "CV Kontraktor Uji" };
            db.Vendors.Add(supplier);
            Integritas.Data.Evidence.ConstructionPackage Package(string packageCode, int opdId, Integritas.Core.Procurement.ProcurementStage stage, DateOnly? signed) => new()
            {
                Code = packageCode,
                Name = $"Rehabilitasi Puskesmas {packageCode}",
                OpdId = opdId,
                FiscalYear = year,
                Stage = stage,
                Hps = 520_000_000m,
                Pagu = 540_000_000m,
                ContractValue = signed is null ? 0 : 500_000_000m,
                ContractDate = signed,
                ContractNumber = signed is null ? null : $"SP/{packageCode}",
                SupplierVendor = signed is null ? null : supplier,
                WorkStart = new DateOnly(year, 3, 1),
                WorkEnd = new DateOnly(year, 9, 30),
            };
            db.ConstructionPackages.AddRange(
                Package(code, dinkes.Id, Integritas.Core.Procurement.ProcurementStage.Contracted, new DateOnly(year, 2, 20)),
                Package($"UJI-{year}-RENCANA", dinkes.Id, Integritas.Core.Procurement.ProcurementStage.TenderOpen, null),
                Package($"UJI-{year}-LAIN", other.Id, Integritas.Core.Procurement.ProcurementStage.Implementation, new DateOnly(year, 2, 20)));
            return await db.SaveChangesAsync(Ct);
        });
        var header = PaymentHeader.TrimEnd('\n') + ",package_code\n";

        var bad = header
            + $"P44-1,{year}-03-02,{Dinkes},{Sub},{Semen},V4401,,Uang muka,100000000,UJI-TIDAK-ADA\n"
            + $"P44-2,{year}-03-02,{Dinkes},{Sub},{Semen},V4401,,Uang muka,100000000,UJI-{year}-RENCANA\n"
            + $"P44-3,{year}-03-02,{Dinkes},{Sub},{Semen},V4401,,Uang muka,100000000,UJI-{year}-LAIN\n"
            + $"P44-4,{year}-02-19,{Dinkes},{Sub},{Semen},V4401,,Uang muka,100000000,{code}\n"
            + $"P44-5,{year}-03-02,{Dinkes},{Sub},{Semen},V4402,CV Lain,Uang muka,100000000,{code}\n";
        var refused = await ImportAsync(BudgetImportKind.Payments, year, bad);
        Assert.Equal(BudgetImportStatus.Failed, refused.Status);
        var errors = System.Text.Json.JsonSerializer.Deserialize<List<ImportRowError>>(refused.ErrorsJson!)!;
        Assert.Equal([2L, 3L, 4L, 5L, 6L], errors.Select(e => e.Row));
        Assert.All(errors, e => Assert.Equal("package_code", e.Column));
        Assert.Contains("tidak dikenal", errors[0].Id, StringComparison.Ordinal);
        Assert.Contains("belum berkontrak", errors[1].Id, StringComparison.Ordinal);
        Assert.Contains("another OPD", errors[2].En, StringComparison.Ordinal);
        Assert.Contains("before package", errors[3].En, StringComparison.Ordinal);
        Assert.Contains("not package", errors[4].En, StringComparison.Ordinal);
        Assert.Equal(0, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));

        // Advance 60 %, a termin of 30 % with the payee left empty, a payment of no contract, then 20 % more: 110 %.
        var good = header
            + $"P44-10,{year}-03-02,{Dinkes},{Sub},{Semen},V4401,,Uang muka 60%,300000000,{code}\n"
            + $"P44-11,{year}-06-15,{Dinkes},{Sub},{Semen},,,Termin I 30%,150000000,{code}\n"
            + $"P44-12,{year}-06-16,{Dinkes},{Sub},{Atk},,,ATK,1000000,\n"
            + $"P44-13,{year}-10-05,{Dinkes},{Sub},{Semen},V4401,,Pekerjaan tambah,100000000,{code}\n";
        var import = await ImportAsync(BudgetImportKind.Payments, year, good);
        Assert.True(import.Status == BudgetImportStatus.Succeeded, Errors(import));
        var packageId = await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct));
        var stored = await F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => new { p.Id, p.PackageId, p.Flags }).ToListAsync(Ct));
        Assert.Equal([("P44-10", (int?)packageId, PaymentFlags.None), ("P44-11", packageId, PaymentFlags.None), ("P44-12", null, PaymentFlags.None),
            ("P44-13", packageId, PaymentFlags.OverContractValue)], stored.Select(p => (p.Id, p.PackageId, p.Flags)));

        // The package is part of a payment's values: the same file changes nothing, another package is refused.
        var again = await ImportAsync(BudgetImportKind.Payments, year, good);
        Assert.Equal((BudgetImportStatus.Succeeded, 0L, 4L), (again.Status, again.RowsAdded, again.RowsUnchanged));
        var moved = await ImportAsync(BudgetImportKind.Payments, year, header + $"P44-12,{year}-06-16,{Dinkes},{Sub},{Atk},,,ATK,1000000,{code}\n");
        Assert.Equal(BudgetImportStatus.Failed, moved.Status);
        Assert.Contains("different values", Errors(moved), StringComparison.Ordinal);

        // The open-data export (no package column) imports back unchanged; a stored payment is not checked again
        // against its package as it stands now (here its contract date corrected to after the first payment).
        var export = await F.Client().GetStringAsync($"/api/v1/budget/payments.csv?year={year}", Ct);
        var back = await ImportAsync(BudgetImportKind.Payments, year, export);
        Assert.Equal((BudgetImportStatus.Succeeded, 0L, 4L), (back.Status, back.RowsAdded, back.RowsUnchanged));
        await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Code == code).ExecuteUpdateAsync(u => u.SetProperty(p => p.ContractDate, new DateOnly(year, 4, 1)), Ct));
        var after = await ImportAsync(BudgetImportKind.Payments, year, good);
        Assert.Equal((BudgetImportStatus.Succeeded, 0L, 4L), (after.Status, after.RowsAdded, after.RowsUnchanged));

        // The package page lists its payments against the contract; the payment page and the API name the package.
        var client = F.Client();
        var page = await client.GetStringAsync($"/pengadaan/{code}", Ct);
        Assert.Contains("id=\"package-payments\"", page, StringComparison.Ordinal);
        Assert.Contains("P44-13", page, StringComparison.Ordinal);
        Assert.DoesNotContain("P44-12", page, StringComparison.Ordinal);
        Assert.Contains("melebihi nilai kontrak", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/pengadaan/{code}\"", await client.GetStringAsync("/anggaran/pembayaran/P44-10", Ct), StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/budget/payments/P44-13", Ct))!;
        Assert.Equal(code, (string?)json["payment"]?["packageCode"]);
        Assert.True((bool?)json["payment"]?["overContractValue"]);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_nothing_is_imported()
    {
        const int year = 2033;
        await AdoptAsync(year);
        var good = PaymentHeader + $"P33-1,{year}-01-15,{Dinkes},{Sub},{Atk},V9101,CV Satu,ATK,1000000\n";
        Assert.Equal(BudgetImportStatus.Succeeded, (await ImportAsync(BudgetImportKind.Payments, year, good)).Status);

        var bad = PaymentHeader
            + $"P33-2,{year}-01-16,{Dinkes},{Sub},{Atk},V9101,,ATK,2000000\n"
            + $"P33-3,{year}-01-16,9.99.0.00.0.00.01.0000,{Sub},{Atk},,,ATK,1000\n"
            + $"P33-4,{year}-01-16,{Dinkes},1.02.02,{Atk},,,ATK,1000\n"
            + $"P33-5,{year}-01-16,{Dinkes},{Sub},5.1.02.01.01.9999,,,ATK,1000\n"
            + $"P33-6,{year}-01-16,{Dinkes},{Sub},{Atk},,,ATK,-500\n"
            + $"P33-7,{year}-01-16,{Dinkes},{Sub},{Atk},,,ATK,1.000.000\n"
            + $"P33-8,{year + 1}-01-02,{Dinkes},{Sub},{Atk},,,ATK,1000\n"
            + $"P33-1,{year}-01-15,{Dinkes},{Sub},{Atk},V9101,CV Satu,ATK,999\n";
        var import = await ImportAsync(BudgetImportKind.Payments, year, bad);
        Assert.Equal(BudgetImportStatus.Failed, import.Status);
        Assert.Equal(7, import.ErrorCount);
        var errors = System.Text.Json.JsonSerializer.Deserialize<List<ImportRowError>>(import.ErrorsJson!)!;
        Assert.Equal([(3L, "opd_code"), (4L, "subkegiatan_code"), (5L, "account_code"), (6L, "amount"), (7L, "amount"), (8L, "date"), (9L, "payment_id")],
            errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("negatif", errors[3].Id, StringComparison.Ordinal);
        Assert.Contains("outside the fiscal year", errors[5].En, StringComparison.Ordinal);
        Assert.Equal(0, import.RowsAdded);
        // The good row of the bad file was not kept, and the stored payment and totals are untouched.
        Assert.Equal(["P33-1"], await F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).Select(p => p.Id).ToListAsync(Ct)));
        Assert.Equal(1_000_000m, await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Amount, Ct)));
    }

    [Fact]
    public async Task A_repeated_payment_id_or_a_broken_file_imports_nothing()
    {
        const int year = 2034;
        await AdoptAsync(year);
        var repeated = PaymentHeader
            + $"P34-1,{year}-01-15,{Dinkes},{Sub},{Atk},,,ATK,1000\n"
            + $"P34-2,{year}-01-15,{Dinkes},{Sub},{Atk},,,ATK,1000\n"
            + $"P34-1,{year}-01-16,{Dinkes},{Sub},{Atk},,,ATK,2000\n";
        var import = await ImportAsync(BudgetImportKind.Payments, year, repeated);
        Assert.Equal(BudgetImportStatus.Failed, import.Status);
        Assert.Contains("P34-1", Errors(import), StringComparison.Ordinal);
        Assert.Contains("more than once", Errors(import), StringComparison.Ordinal);

        // Far enough apart that the repeat lands in a later batch of rows than its first appearance.
        var many = new StringBuilder(PaymentHeader);
        for (var i = 1; i <= 150; i++)
        {
            many.Append(CultureInfo.InvariantCulture, $"P34-M{(i == 140 ? 7 : i)},{year}-02-01,{Dinkes},{Sub},{Atk},,,ATK,10\n");
        }

        var batched = await ImportAsync(BudgetImportKind.Payments, year, many.ToString());
        Assert.Equal(BudgetImportStatus.Failed, batched.Status);
        Assert.Contains("P34-M7 ", Errors(batched), StringComparison.Ordinal);

        var missingColumn = "payment_id,date,opd_code\nP34-9,2034-01-01," + Dinkes + "\n";
        var noColumns = await ImportAsync(BudgetImportKind.Payments, year, missingColumn);
        Assert.Equal(BudgetImportStatus.Failed, noColumns.Status);
        Assert.Contains("subkegiatan_code", Errors(noColumns), StringComparison.Ordinal);

        var unterminated = PaymentHeader
            + $"P34-20,{year}-01-15,{Dinkes},{Sub},{Atk},,,ATK,1000\n"
            + $"P34-21,{year}-01-15,{Dinkes},{Sub},{Atk},,,\"ATK tanpa kutip penutup,1000\n"
            + $"P34-22,{year}-01-15,{Dinkes},{Sub},{Atk},,,ATK,1000\n";
        var malformed = await ImportAsync(BudgetImportKind.Payments, year, unterminated);
        Assert.Equal(BudgetImportStatus.Failed, malformed.Status);
        Assert.Contains("\"Row\":3", Errors(malformed), StringComparison.Ordinal);

        var binary = await Importer.ImportAsync(new BudgetImportRequest(BudgetImportKind.Payments, year, "x.bin"), new MemoryStream([1, 0, 2, 0, 3]), Ct);
        Assert.Equal(BudgetImportStatus.Failed, binary.Status);
        Assert.Equal(0, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));
        Assert.Equal(0, await F.WithDbAsync(db => db.PaymentTotals.CountAsync(t => t.Year == year, Ct)));
    }

    [Fact]
    public async Task Line_items_are_compared_with_the_reference_price_in_force()
    {
        const int year = 2035;
        await AdoptAsync(year);
        var prices = "item_code,item_name,unit,price,source,valid_from\n"
            + $"SMN-50,Semen portland 50 kg,zak,70000,SSH,{year}-01-01\n"
            + $"SMN-50,Semen portland 50 kg,zak,75000,SSH,{year}-07-01\n"
            + $"SMN-50,Semen portland 50 kg,zak,60000,NASIONAL,{year}-01-01\n"
            + $"HVS-A4,Kertas HVS A4 70 gr,rim,55000,NASIONAL,{year}-01-01\n";
        var priceImport = await ImportAsync(BudgetImportKind.ReferencePrices, year, prices);
        Assert.True(priceImport.Status == BudgetImportStatus.Succeeded, Errors(priceImport));
        Assert.Equal(4, priceImport.RowsAdded);

        var payments = PaymentHeader
            + $"P35-1,{year}-03-10,{Dinkes},{Sub},{Semen},V9201,UD Bangun,Semen 100 zak,9800000\n"
            + $"P35-2,{year}-08-10,{Dinkes},{Sub},{Semen},V9201,UD Bangun,Semen 100 zak,7800000\n"
            + $"P35-3,{year}-03-11,{Dinkes},{Sub},{Atk},V9202,CV Kertas,Kertas 20 rim,1100000\n";
        Assert.Equal(BudgetImportStatus.Succeeded, (await ImportAsync(BudgetImportKind.Payments, year, payments)).Status);

        var items = "payment_id,line_no,item_code,item_name,quantity,unit,unit_price\n"
            + "P35-1,1,SMN-50,Semen portland 50 kg,100,zak,98000\n"
            + "P35-2,1,SMN-50,Semen portland 50 kg,100,zak,78000\n"
            + "P35-3,1,HVS-A4,Kertas HVS A4 70 gr,20,rim,55000\n";
        var itemImport = await ImportAsync(BudgetImportKind.PaymentItems, year, items);
        Assert.True(itemImport.Status == BudgetImportStatus.Succeeded, Errors(itemImport));
        var stored = await F.WithDbAsync(db => db.PaymentItems.Where(i => i.PaymentId.StartsWith("P35-")).OrderBy(i => i.PaymentId).ToListAsync(Ct));
        // March: the regency's own price (70,000) wins over the national one; 98,000 is 40 % above. August: 75,000 applies; 4 % is within the 10 % margin.
        Assert.Equal([(70_000m, 40m, true), (75_000m, 4m, false), (55_000m, 0m, false)],
            stored.Select(i => (i.ReferenceUnitPrice!.Value, i.MarkupPercent!.Value, i.AboveReference)));
        var flags = await F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => p.Flags).ToListAsync(Ct));
        Assert.Equal([PaymentFlags.AboveReferencePrice, PaymentFlags.None, PaymentFlags.None], flags);

        Assert.Equal((0L, 3L), await ImportAsync(BudgetImportKind.PaymentItems, year, items) is var again ? (again.RowsAdded, again.RowsUnchanged) : default);
        var tooMuch = await ImportAsync(BudgetImportKind.PaymentItems, year, "payment_id,line_no,item_name,quantity,unit,unit_price\nP35-9,1,Kertas,1,rim,1\n");
        Assert.Contains("P35-9", Errors(tooMuch), StringComparison.Ordinal);
        var changed = await ImportAsync(BudgetImportKind.PaymentItems, year, "payment_id,line_no,item_code,item_name,quantity,unit,unit_price\nP35-3,1,HVS-A4,Kertas HVS A4 70 gr,20,rim,56000\n");
        Assert.Equal(BudgetImportStatus.Failed, changed.Status);
    }

    [Fact]
    public async Task Reference_prices_imported_after_the_items_mark_them_and_a_later_regional_price_clears_the_mark()
    {
        const int year = 2038;
        await AdoptAsync(year);
        var payments = PaymentHeader
            + $"P38-1,{year}-03-10,{Dinkes},{Sub},{Semen},V9801,UD Bata,Bata 1000 buah,1300000\n"
            + $"P38-2,{year}-03-11,{Dinkes},{Sub},{Semen},V9801,UD Bata,Pasir 2 m3,500000\n";
        Assert.Equal(BudgetImportStatus.Succeeded, (await ImportAsync(BudgetImportKind.Payments, year, payments)).Status);
        var items = "payment_id,line_no,item_code,item_name,quantity,unit,unit_price\n"
            + "P38-1,1,BTM-38,Bata merah,1000,buah,1300\n"
            + "P38-2,1,PSR-38,Pasir pasang,2,m3,250000\n";
        Assert.Equal(BudgetImportStatus.Succeeded, (await ImportAsync(BudgetImportKind.PaymentItems, year, items)).Status);
        async Task<List<(decimal?, decimal?, bool)>> ItemsAsync()
        {
            var stored = await F.WithDbAsync(db => db.PaymentItems.Where(i => i.PaymentId.StartsWith("P38-")).OrderBy(i => i.PaymentId).ToListAsync(Ct));
            return [.. stored.Select(i => (i.ReferenceUnitPrice, i.MarkupPercent, i.AboveReference))];
        }

        Task<List<PaymentFlags>> FlagsAsync() => F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => p.Flags).ToListAsync(Ct));
        // No reference prices yet: nothing to compare with.
        Assert.Equal([(null, null, false), (null, null, false)], await ItemsAsync());

        // National prices arrive afterwards: the stored items are compared now (1,300 is 30 % above 1,000; pasir within).
        var national = await ImportAsync(BudgetImportKind.ReferencePrices, year, "item_code,item_name,unit,price,source,valid_from\n"
            + $"BTM-38,Bata merah,buah,1000,NASIONAL,{year}-01-01\nPSR-38,Pasir pasang,m3,240000,NASIONAL,{year}-01-01\n");
        Assert.True(national.Status == BudgetImportStatus.Succeeded, Errors(national));
        Assert.Equal([(1000m, 30m, true), (240_000m, 4.17m, false)], await ItemsAsync());
        Assert.Equal([PaymentFlags.AboveReferencePrice, PaymentFlags.None], await FlagsAsync());

        // The regency's own standard (which wins over the national reference) prices bata at 1,250: within the margin.
        var regional = await ImportAsync(BudgetImportKind.ReferencePrices, year, $"item_code,item_name,unit,price,source,valid_from\nBTM-38,Bata merah,buah,1250,SSH,{year}-01-01\n");
        Assert.True(regional.Status == BudgetImportStatus.Succeeded, Errors(regional));
        Assert.Equal([(1250m, 4m, false), (240_000m, 4.17m, false)], await ItemsAsync());
        Assert.Equal([PaymentFlags.None, PaymentFlags.None], await FlagsAsync());

        // A price valid only from after the purchase changes nothing.
        var later = await ImportAsync(BudgetImportKind.ReferencePrices, year, $"item_code,item_name,unit,price,source,valid_from\nPSR-38,Pasir pasang,m3,100000,SSH,{year}-06-01\n");
        Assert.Equal(BudgetImportStatus.Succeeded, later.Status);
        Assert.Equal([(1250m, 4m, false), (240_000m, 4.17m, false)], await ItemsAsync());
    }

    [Fact]
    public async Task Village_transfers_and_spending_are_imported_once()
    {
        const int year = 2036;
        var desa = await F.WithDbAsync(db => db.Regions.Where(r => r.Level == Core.Organisation.RegionLevel.Village && r.Code.StartsWith("12.05.")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct));
        var transfers = "desa_code,source,stage,date,amount\n"
            + $"{desa},DD,1,{year}-03-01,400000000\n{desa},DD,2,{year}-07-01,400000000\n{desa},ADD,1,{year}-02-01,250000000\n";
        var import = await ImportAsync(BudgetImportKind.VillageTransfers, year, transfers);
        Assert.True(import.Status == BudgetImportStatus.Succeeded, Errors(import));
        Assert.Equal(3, import.RowsAdded);
        Assert.Equal(3, (await ImportAsync(BudgetImportKind.VillageTransfers, year, transfers)).RowsUnchanged);

        var spending = "desa_code,activity_code,activity_name,source,date,amount\n"
            + $"{desa},2.2.01,Pembangunan jalan desa,DD,{year}-04-10,150000000\n"
            + $"12.05.99.2999,2.2.01,Pembangunan jalan desa,DD,{year}-04-10,1000\n"
            + $"{desa},2.2.02,Drainase,XX,{year}-04-10,1000\n";
        var bad = await ImportAsync(BudgetImportKind.VillageSpending, year, spending);
        Assert.Equal(BudgetImportStatus.Failed, bad.Status);
        Assert.Equal(2, bad.ErrorCount);
        Assert.Equal(0, await F.WithDbAsync(db => db.VillageSpending.CountAsync(s => s.Year == year, Ct)));
        var ok = await ImportAsync(BudgetImportKind.VillageSpending, year, string.Join('\n', spending.Split('\n').Take(2)) + "\n");
        Assert.Equal(1, ok.RowsAdded);
        Assert.Equal(150_000_000m, await F.WithDbAsync(db => db.VillageSpending.Where(s => s.Year == year).SumAsync(s => s.Amount, Ct)));
    }

    [Fact]
    public async Task Payments_import_from_an_xlsx_workbook()
    {
        const int year = 2037;
        await AdoptAsync(year);
        using var workbook = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(workbook, new[]
        {
            new Dictionary<string, object?> { ["payment_id"] = "P37-1", ["date"] = $"{year}-05-02", ["opd_code"] = Dinkes, ["subkegiatan_code"] = Sub, ["account_code"] = Atk,
                ["vendor_id"] = "V9301", ["vendor_name"] = "CV Tiga", ["description"] = "ATK", ["amount"] = "1250000" },
        }, cancellationToken: Ct);
        workbook.Position = 0;
        var import = await Importer.ImportAsync(new BudgetImportRequest(BudgetImportKind.Payments, year, "sp2d.xlsx"), workbook, Ct);
        Assert.True(import.Status == BudgetImportStatus.Succeeded, Errors(import));
        Assert.Equal(1_250_000m, await F.WithDbAsync(db => db.Payments.Where(p => p.Id == "P37-1").Select(p => p.Amount).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_file_on_disk_is_hashed_alongside_the_import_and_its_hash_recorded()
    {
        const int year = 2039;
        await AdoptAsync(year);
        var path = Path.Combine(Path.GetTempPath(), $"sp2d-{Guid.NewGuid():N}.csv");
        var csv = PaymentHeader + $"P39-1,{year}-04-01,{Dinkes},{Sub},{Atk},,,ATK,125000\n";
        await File.WriteAllTextAsync(path, csv, Ct);
        try
        {
            BudgetImport import;
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                import = await Importer.ImportAsync(new BudgetImportRequest(BudgetImportKind.Payments, year, "sp2d.csv"), file, Ct);
            }

            Assert.True(import.Status == BudgetImportStatus.Succeeded, Errors(import));
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
            Assert.Equal(expected, import.Sha256);
            Assert.Equal(expected, await F.WithDbAsync(db => db.BudgetImports.Where(i => i.Id == import.Id).Select(i => i.Sha256).SingleAsync(Ct)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Only_imports_left_running_by_an_earlier_process_are_failed_at_start()
    {
        // One cut off before this process started, one just started (e.g. an upload the worker had not reached yet).
        var (old, fresh) = await F.WithDbAsync(async db =>
        {
            var cutOff = new BudgetImport { Kind = BudgetImportKind.Payments, Year = 2038, FileName = "lama.csv", Sha256 = "00", Status = BudgetImportStatus.Running, StartedAtUtc = DateTime.UtcNow.AddDays(-1) };
            var running = new BudgetImport { Kind = BudgetImportKind.Payments, Year = 2038, FileName = "baru.csv", Sha256 = "01", Status = BudgetImportStatus.Running, StartedAtUtc = DateTime.UtcNow };
            db.BudgetImports.AddRange(cutOff, running);
            await db.SaveChangesAsync(Ct);
            return (cutOff.Id, running.Id);
        });
        await Importer.FailInterruptedAsync(Ct);
        var statuses = await F.WithDbAsync(db => db.BudgetImports.Where(i => i.Id == old || i.Id == fresh).OrderBy(i => i.Id).Select(i => i.Status).ToListAsync(Ct));
        Assert.Equal([BudgetImportStatus.Failed, BudgetImportStatus.Running], statuses);
    }
}

public sealed class SqliteBudgetImportTests(SqliteFactory factory) : BudgetImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBudgetImportTests(PostgresFactory factory) : BudgetImportTests(factory), IClassFixture<PostgresFactory>;
