using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Data.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Budget;

/// <summary>
/// The public budget portal over real HTTP on a small known dataset (year <see cref="Year"/>, seeded through EF):
/// exact sums on the pages and in the open data, the current budget version winning over the murni one, search
/// filters and paging, bad filter values as 400 with field errors, and village funds from source to activity.
/// </summary>
public abstract class BudgetPortalTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const int Year = 2031;
    private const string OpdA = "1.06.0.00.0.00.01.0000";
    private const string OpdB = "2.07.0.00.0.00.01.0000";
    private const string SubA1 = "1.06.01.2.01.0001";
    private const string SubA2 = "1.06.01.2.01.0002";
    private const string SubA3 = "1.06.02.2.01.0001";
    private const string SubB1 = "2.07.01.2.01.0001";
    private const string Atk = "5.1.02.01.01.0024";
    private const string Modal = "5.2.02.05.01.0001";
    private const string Honor = "5.1.01.01.01.0001";
    private const string FirstPayment = "0001/SP2D/LS/2031";

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private async Task<(int A, int B)> SeedAsync()
    {
        var a = await F.OpdIdAsync(OpdA);
        var b = await F.OpdIdAsync(OpdB);
        await F.WithDbAsync(async db =>
        {
            if (await db.BudgetVersions.AnyAsync(v => v.Year == Year, Ct))
            {
                return 0;
            }

            var murni = new BudgetVersion { Year = Year, Stage = BudgetStage.Murni, Revision = 0, LegalBasis = "Perda No. 9 Tahun 2030", AdoptedOn = new(2030, 12, 20), ImportedAtUtc = DateTime.UtcNow };
            var perubahan = new BudgetVersion { Year = Year, Stage = BudgetStage.Perubahan, Revision = 1, LegalBasis = "Perda No. 4 Tahun 2031", AdoptedOn = new(2031, 9, 30), ImportedAtUtc = DateTime.UtcNow };
            db.BudgetVersions.AddRange(murni, perubahan);
            await db.SaveChangesAsync(Ct);

            // The murni budget differs on purpose: the pages must read the latest revision.
            db.BudgetLines.Add(new BudgetLine { VersionId = murni.Id, OpdId = a, SubKegiatanCode = SubA1, AccountCode = Atk, Pagu = 99_000_000m });
            db.BudgetLines.AddRange(
                new BudgetLine { VersionId = perubahan.Id, OpdId = a, SubKegiatanCode = SubA1, AccountCode = Atk, Pagu = 2_000_000m },
                new BudgetLine { VersionId = perubahan.Id, OpdId = a, SubKegiatanCode = SubA1, AccountCode = Modal, Pagu = 12_000_000m },
                new BudgetLine { VersionId = perubahan.Id, OpdId = a, SubKegiatanCode = SubA2, AccountCode = Honor, Pagu = 10_000_000m },
                new BudgetLine { VersionId = perubahan.Id, OpdId = a, SubKegiatanCode = SubA3, AccountCode = Atk, Pagu = 5_000_000m },
                new BudgetLine { VersionId = perubahan.Id, OpdId = b, SubKegiatanCode = SubB1, AccountCode = Atk, Pagu = 1_000_000m });
            foreach (var (kind, code, name) in new[]
            {
                (BudgetCodeKind.Program, "1.06.01", "Program Uji Penunjang Urusan"),
                (BudgetCodeKind.Kegiatan, "1.06.01.2.01", "Kegiatan Uji Perencanaan"),
                (BudgetCodeKind.SubKegiatan, SubA1, "Sub Kegiatan Uji Penyediaan Alat Tulis"),
                (BudgetCodeKind.SubKegiatan, SubA2, "Sub Kegiatan Uji Narasumber"),
                (BudgetCodeKind.Account, Atk, "Belanja Alat Tulis Kantor Uji"),
            })
            {
                if (!await db.BudgetCodes.AnyAsync(c => c.Kind == kind && c.Code == code, Ct))
                {
                    db.BudgetCodes.Add(new BudgetCode { Kind = kind, Code = code, Name = name });
                }
            }

            db.Vendors.AddRange(new Vendor { Code = "VT2031-01", Name = "CV Sinar Langkat Uji" }, new Vendor { Code = "VT2031-02", Name = "PT Beton Maju, Tbk" });
            db.Payments.AddRange(
                new Payment { Id = FirstPayment, Year = Year, Date = new(2031, 2, 10), OpdId = a, SubKegiatanCode = SubA1, AccountCode = Atk, VendorCode = "VT2031-01", Description = "Pembelian ATK kantor", Amount = 1_250_000.50m, Flags = PaymentFlags.AboveReferencePrice },
                new Payment { Id = "SP2D-2031-0002", Year = Year, Date = new(2031, 3, 5), OpdId = a, SubKegiatanCode = SubA1, AccountCode = Modal, VendorCode = "VT2031-02", Description = "Pengadaan laptop", Amount = 15_000_000m, Flags = PaymentFlags.OverBudgetLine },
                new Payment { Id = "SP2D-2031-0003", Year = Year, Date = new(2031, 3, 20), OpdId = a, SubKegiatanCode = SubA2, AccountCode = Honor, Description = "Honorarium narasumber", Amount = 3_000_000m },
                new Payment { Id = "SP2D-2031-0004", Year = Year, Date = new(2031, 7, 1), OpdId = b, SubKegiatanCode = SubB1, AccountCode = Atk, VendorCode = "VT2031-01", Description = "=HYPERLINK(\"x\"), ATK", Amount = 500_000m });
            await db.SaveChangesAsync(Ct);
            db.PaymentItems.AddRange(
                new PaymentItem { PaymentId = FirstPayment, LineNo = 1, ItemCode = "SSH-ATK-001", Name = "Kertas HVS A4 70 gram", Quantity = 10m, Unit = "rim", UnitPrice = 55_000m, ReferenceUnitPrice = 50_000m, MarkupPercent = 10m, AboveReference = true },
                new PaymentItem { PaymentId = FirstPayment, LineNo = 2, Name = "Tinta printer hitam", Quantity = 2m, Unit = "botol", UnitPrice = 350_000.25m });
            db.PaymentTotals.AddRange(
                new PaymentTotal { Year = Year, OpdId = a, SubKegiatanCode = SubA1, AccountCode = Atk, Month = 2, Count = 1, Amount = 1_250_000.50m },
                new PaymentTotal { Year = Year, OpdId = a, SubKegiatanCode = SubA1, AccountCode = Modal, Month = 3, Count = 1, Amount = 15_000_000m },
                new PaymentTotal { Year = Year, OpdId = a, SubKegiatanCode = SubA2, AccountCode = Honor, Month = 3, Count = 1, Amount = 3_000_000m },
                new PaymentTotal { Year = Year, OpdId = b, SubKegiatanCode = SubB1, AccountCode = Atk, Month = 7, Count = 1, Amount = 500_000m });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        return (a, b);
    }

    [Fact]
    public async Task Sums_over_cents_columns_translate_to_SQL_and_come_back_as_exact_decimals()
    {
        await SeedAsync();
        var sum = await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == Year).SumAsync(t => t.Amount, Ct));
        Assert.Equal(19_750_000.50m, sum);
        var grouped = await F.WithDbAsync(db => db.Payments.Where(p => p.Year == Year).GroupBy(p => p.OpdId).Select(g => g.Sum(p => p.Amount)).ToListAsync(Ct));
        Assert.Equal([500_000m, 19_250_000.50m], grouped.Order());
        Assert.Equal(19_750_000.50m, await F.WithDbAsync(db => db.Payments.Where(p => p.Year == Year).SumAsync(p => p.Amount, Ct)));
    }

    [Fact]
    public async Task Absorption_csv_has_the_columns_in_order_with_the_current_versions_pagu_and_dot_decimals()
    {
        await SeedAsync();
        var (nameA, nameB) = await F.WithDbAsync(async db => (
            await db.Opds.Where(o => o.Code == OpdA).Select(o => o.Name).SingleAsync(Ct),
            await db.Opds.Where(o => o.Code == OpdB).Select(o => o.Name).SingleAsync(Ct)));
        var response = await F.Client().GetAsync($"/api/v1/budget/absorption.csv?year={Year}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        Assert.Equal(
        [
            "opd_code,opd_name,pagu,realisation,absorption_pct",
            $"{OpdA},{nameA},29000000.00,19250000.50,66.38",
            $"{OpdB},{nameB},1000000.00,500000.00,50.00",
        ], lines);

        var json = await F.Client().GetFromJsonAsync<JsonElement>($"/api/v1/budget/absorption?year={Year}", Ct);
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal(29_000_000m, json[0].GetProperty("pagu").GetDecimal());
        Assert.Equal(66.38m, json[0].GetProperty("absorptionPct").GetDecimal());

        Assert.Equal(HttpStatusCode.BadRequest, (await F.Client().GetAsync("/api/v1/budget/absorption.csv?year=dua", Ct)).StatusCode);
        var missing = await F.Client().GetAsync("/api/v1/budget/absorption", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task Payments_csv_streams_every_payment_of_the_year_in_id_order_with_escaped_text()
    {
        await SeedAsync();
        var csv = await F.Client().GetStringAsync($"/api/v1/budget/payments.csv?year={Year}", Ct);
        Assert.Equal(
        [
            "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount",
            $"{FirstPayment},2031-02-10,{OpdA},{SubA1},{Atk},VT2031-01,CV Sinar Langkat Uji,Pembelian ATK kantor,1250000.50",
            $"SP2D-2031-0002,2031-03-05,{OpdA},{SubA1},{Modal},VT2031-02,\"PT Beton Maju, Tbk\",Pengadaan laptop,15000000.00",
            $"SP2D-2031-0003,2031-03-20,{OpdA},{SubA2},{Honor},,,Honorarium narasumber,3000000.00",
            $"SP2D-2031-0004,2031-07-01,{OpdB},{SubB1},{Atk},VT2031-01,CV Sinar Langkat Uji,\"'=HYPERLINK(\"\"x\"\"), ATK\",500000.00",
        ], csv.TrimEnd('\n').Split('\n'));

        var oneOpd = await F.Client().GetStringAsync($"/api/v1/budget/payments.csv?year={Year}&opd={OpdB}", Ct);
        Assert.Equal(2, oneOpd.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await F.Client().GetAsync("/api/v1/budget/payments.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_drill_down_shows_the_right_sums_from_the_regency_total_to_a_payments_line_items()
    {
        var (a, _) = await SeedAsync();
        var client = F.Client();
        var regency = Text(await client.GetStringAsync($"/anggaran?tahun={Year}", Ct));
        Assert.Contains("<strong id=\"total-pagu\">Rp30.000.000</strong>", regency, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"total-realisation\">Rp19.750.000,50</strong>", regency, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"total-absorption\">65,83 %</strong>", regency, StringComparison.Ordinal);
        Assert.Contains("Perda No. 4 Tahun 2031", regency, StringComparison.Ordinal);
        Assert.Contains($"href=\"/anggaran/opd/{a}?tahun={Year}\"", regency, StringComparison.Ordinal);

        // The OPD table sorts by absorption, high to low first, then turned round.
        var bySerapan = Text(await client.GetStringAsync($"/anggaran?tahun={Year}&urut=serapan", Ct));
        Assert.True(bySerapan.IndexOf(OpdA, StringComparison.Ordinal) < bySerapan.IndexOf(OpdB, StringComparison.Ordinal));
        var bySerapanUp = Text(await client.GetStringAsync($"/anggaran?tahun={Year}&urut=serapan&arah=naik", Ct));
        Assert.True(bySerapanUp.IndexOf(OpdB, StringComparison.Ordinal) < bySerapanUp.IndexOf(OpdA, StringComparison.Ordinal));
        Assert.Contains("<strong id=\"total-pagu\">Rp0</strong>", Text(await client.GetStringAsync("/anggaran?tahun=2999", Ct)), StringComparison.Ordinal);
        Assert.Contains("Tahun tidak sah", Text(await client.GetStringAsync("/anggaran?tahun=abc", Ct)), StringComparison.Ordinal);

        var opd = Text(await client.GetStringAsync($"/anggaran/opd/{a}?tahun={Year}", Ct));
        Assert.Contains("<strong id=\"opd-pagu\">Rp29.000.000</strong>", opd, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"opd-realisation\">Rp19.250.000,50</strong>", opd, StringComparison.Ordinal);
        Assert.Contains("Program Uji Penunjang Urusan", opd, StringComparison.Ordinal);
        Assert.Contains("Kegiatan Uji Perencanaan", opd, StringComparison.Ordinal);
        Assert.Contains("Sub Kegiatan Uji Penyediaan Alat Tulis", opd, StringComparison.Ordinal);
        Assert.Contains("66,38 %", opd, StringComparison.Ordinal);

        var sub = Text(await client.GetStringAsync($"/anggaran/opd/{a}/sub/{SubA1}?tahun={Year}", Ct));
        Assert.Contains("<td class=\"num\" id=\"sub-pagu\">Rp14.000.000</td>", sub, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"sub-realisation\">Rp16.250.000,50</td>", sub, StringComparison.Ordinal);
        Assert.Contains("Belanja Alat Tulis Kantor Uji", sub, StringComparison.Ordinal);
        Assert.Contains("href=\"/anggaran/pembayaran/0001/SP2D/LS/2031\"", sub, StringComparison.Ordinal);
        Assert.Contains("SP2D-2031-0002", sub, StringComparison.Ordinal);
        Assert.DoesNotContain("SP2D-2031-0003", sub, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/anggaran/opd/{a}/sub/bukan-kode?tahun={Year}", Ct)).StatusCode);

        var payment = Text(await client.GetStringAsync("/anggaran/pembayaran/0001/SP2D/LS/2031", Ct));
        Assert.Contains("Kertas HVS A4 70 gram", payment, StringComparison.Ordinal);
        Assert.Contains("Rp550.000", payment, StringComparison.Ordinal);
        Assert.Contains("Rp700.000,50", payment, StringComparison.Ordinal);
        Assert.Contains("+10 %", payment, StringComparison.Ordinal);
        Assert.Contains("di atas acuan", payment, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"items-total\">Rp1.250.000,50</td>", payment, StringComparison.Ordinal);
        Assert.Contains("CV Sinar Langkat Uji", payment, StringComparison.Ordinal);
        Assert.Contains($"href=\"/anggaran/opd/{a}/sub/{SubA1}?tahun={Year}\"", payment, StringComparison.Ordinal);

        var over = Text(await client.GetStringAsync("/anggaran/pembayaran/SP2D-2031-0002", Ct));
        Assert.Contains("Melebihi pagu", over, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/anggaran/pembayaran/TIDAK-ADA", Ct)).StatusCode);
    }

    [Fact]
    public async Task Search_filters_combine_page_and_sort_and_the_export_follows_them()
    {
        await SeedAsync();
        var client = F.Client();
        async Task<List<string>> IdsAsync(string query)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/budget/payments?year={Year}&{query}", Ct);
            return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        }

        Assert.Equal([FirstPayment, "SP2D-2031-0004"], await IdsAsync("vendor=sinar&sort=date"));
        Assert.Equal(["SP2D-2031-0002"], await IdsAsync("vendor=VT2031-02"));
        Assert.Equal(["SP2D-2031-0002"], await IdsAsync("account=5.2"));
        Assert.Equal([FirstPayment, "SP2D-2031-0004"], await IdsAsync($"account={Atk}&sort=date"));
        Assert.Equal(["SP2D-2031-0003", "SP2D-2031-0002"], await IdsAsync("month=3"));
        Assert.Equal([FirstPayment, "SP2D-2031-0003"], await IdsAsync("minAmount=1.000.000&maxAmount=5000000&sort=amount"));
        Assert.Equal(["SP2D-2031-0002"], await IdsAsync("q=LAPTOP"));
        Assert.Equal(["SP2D-2031-0004"], await IdsAsync($"opd={OpdB}"));
        Assert.Equal("SP2D-2031-0002", (await IdsAsync("sort=amount_desc"))[0]);

        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/budget/payments?year={Year}&pageSize=3&page=2&sort=date", Ct);
        Assert.Equal(4, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(["SP2D-2031-0004"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/v1/budget/payments/0001/SP2D/LS/2031", Ct);
        var items = detail.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.True(items[0].GetProperty("aboveReference").GetBoolean());
        Assert.Equal(700_000.50m, items[1].GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/budget/payments/TIDAK-ADA", Ct)).StatusCode);

        var page = Text(await client.GetStringAsync($"/anggaran/cari?year={Year}&vendor=sinar", Ct));
        Assert.Contains("2 pembayaran ditemukan.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/budget/payments.csv?year={Year}&vendor=sinar&sort=date_desc\"", page, StringComparison.Ordinal);
        var export = await client.GetStringAsync($"/api/v1/budget/payments.csv?year={Year}&vendor=sinar&sort=date_desc", Ct);
        Assert.Equal(["payment_id", "SP2D-2031-0004", FirstPayment], export.TrimEnd('\n').Split('\n').Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task The_open_data_endpoints_are_described_in_the_OpenAPI_document()
    {
        var document = await F.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/budget/payments.csv", "/api/v1/budget/absorption.csv", "/api/v1/budget/payments", "/api/v1/budget/absorption", "/api/v1/budget/village-funds" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            var get = item.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()));
            Assert.Contains("year", get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        }

        Assert.Contains(BudgetColumns, paths.GetProperty("/api/v1/budget/payments.csv").GetProperty("get").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private const string BudgetColumns = "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount";

    [Theory]
    [InlineData("year=dua", "year")]
    [InlineData("year=2031&month=13", "month")]
    [InlineData("year=2031&minAmount=banyak", "minAmount")]
    [InlineData("year=2031&minAmount=500&maxAmount=100", "maxAmount")]
    [InlineData("year=2031&account=5.x", "account")]
    [InlineData("year=2031&opd=9.99.9", "opd")]
    [InlineData("year=2031&sort=acak", "sort")]
    [InlineData("year=2031&pageSize=100000", "pageSize")]
    [InlineData("year=2031&page=-1", "page")]
    public async Task Bad_filter_values_are_400_with_the_field_named(string query, string field)
    {
        var response = await F.Client().GetAsync($"/api/v1/budget/payments?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        if (field is not ("page" or "pageSize"))
        {
            // The bulk download takes the same filters (but is not paged).
            Assert.Equal(HttpStatusCode.BadRequest, (await F.Client().GetAsync($"/api/v1/budget/payments.csv?{query}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task The_search_page_answers_bad_filters_with_400_and_messages_at_the_fields()
    {
        var response = await F.Client().GetAsync("/anggaran/cari?month=13&minAmount=banyak", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bulan 1–12", page, StringComparison.Ordinal);
        Assert.Contains("'banyak' bukan jumlah Rupiah yang sah", page, StringComparison.Ordinal);
        Assert.Contains("id=\"month\" name=\"month\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
    }

    private async Task<(int Kecamatan, int Desa1, int Desa2, string Desa1Name)> SeedVillagesAsync()
    {
        return await F.WithDbAsync(async db =>
        {
            var kecamatan = await db.Regions.Where(r => r.Level == RegionLevel.District && r.Parent!.Code == "12.05").OrderBy(r => r.Code).FirstAsync(Ct);
            var desa = await db.Regions.Where(r => r.ParentId == kecamatan.Id).OrderBy(r => r.Code).Take(2).ToListAsync(Ct);
            if (!await db.VillageTransfers.AnyAsync(t => t.Year == Year, Ct))
            {
                db.VillageTransfers.AddRange(
                    new VillageTransfer { Year = Year, DesaId = desa[0].Id, Source = VillageFundSource.DanaDesa, Stage = 1, Date = new(2031, 3, 1), Amount = 100_000_000m },
                    new VillageTransfer { Year = Year, DesaId = desa[0].Id, Source = VillageFundSource.DanaDesa, Stage = 2, Date = new(2031, 6, 1), Amount = 50_000_000m },
                    new VillageTransfer { Year = Year, DesaId = desa[0].Id, Source = VillageFundSource.Add, Stage = 1, Date = new(2031, 3, 15), Amount = 30_000_000m },
                    new VillageTransfer { Year = Year, DesaId = desa[1].Id, Source = VillageFundSource.DanaDesa, Stage = 1, Date = new(2031, 3, 1), Amount = 80_000_000m });
                db.VillageSpending.AddRange(
                    new VillageSpending { Year = Year, DesaId = desa[0].Id, ActivityCode = "2.2.01", ActivityName = "Pembangunan jalan desa", Source = VillageFundSource.DanaDesa, Date = new(2031, 7, 1), Amount = 60_000_000m },
                    new VillageSpending { Year = Year, DesaId = desa[0].Id, ActivityCode = "2.2.01", ActivityName = "Pembangunan jalan desa", Source = VillageFundSource.DanaDesa, Date = new(2031, 8, 1), Amount = 30_000_000m },
                    new VillageSpending { Year = Year, DesaId = desa[0].Id, ActivityCode = "1.1.01", ActivityName = "Penghasilan tetap perangkat desa", Source = VillageFundSource.Add, Date = new(2031, 4, 1), Amount = 20_000_000m });
                await db.SaveChangesAsync(Ct);
            }

            return (kecamatan.Id, desa[0].Id, desa[1].Id, desa[0].Name);
        });
    }

    [Fact]
    public async Task Village_funds_flow_from_source_to_activity_with_exact_totals_in_the_api_the_sankey_table_and_the_desa_page()
    {
        var (kecamatan, desa1, _, desa1Name) = await SeedVillagesAsync();
        var client = F.Client();
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/budget/village-funds?year={Year}", Ct);
        Assert.Equal(230_000_000m, json.GetProperty("danaDesa").GetDecimal());
        Assert.Equal(30_000_000m, json.GetProperty("add").GetDecimal());
        Assert.Equal(260_000_000m, json.GetProperty("received").GetDecimal());
        Assert.Equal(110_000_000m, json.GetProperty("spent").GetDecimal());
        var first = json.GetProperty("desa").EnumerateArray().Single(d => d.GetProperty("desaName").GetString() == desa1Name);
        Assert.Equal(180_000_000m, first.GetProperty("received").GetDecimal());
        Assert.Equal(61.11m, first.GetProperty("spentPct").GetDecimal());

        var regency = await F.WithDbAsync(db => db.Regions.Where(r => r.Code == "12.05").Select(r => r.Name).SingleAsync(Ct));
        var overview = Text(await client.GetStringAsync($"/anggaran/desa?tahun={Year}", Ct));
        Assert.Contains("<strong id=\"village-received\">Rp260.000.000</strong>", overview, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>Dana Desa (APBN)</td><td>{regency}</td><td class=\"num\">Rp230.000.000</td></tr>", overview, StringComparison.Ordinal);
        Assert.Contains("<td>Pelaksanaan pembangunan desa</td><td class=\"num\">Rp90.000.000</td>", overview, StringComparison.Ordinal);

        var expanded = Text(await client.GetStringAsync($"/anggaran/desa?tahun={Year}&kecamatan={kecamatan}", Ct));
        Assert.Contains($"<tr><td>{desa1Name}</td><td>Pembangunan jalan desa</td><td class=\"num\">Rp90.000.000</td></tr>", expanded, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{desa1Name}</td><td>Belum dibelanjakan</td><td class=\"num\">Rp70.000.000</td></tr>", expanded, StringComparison.Ordinal);
        Assert.Contains($"href=\"/anggaran/desa/{desa1}?tahun={Year}\"", expanded, StringComparison.Ordinal);

        var desa = Text(await client.GetStringAsync($"/anggaran/desa/{desa1}?tahun={Year}", Ct));
        Assert.Contains("<strong id=\"desa-received\">Rp180.000.000</strong>", desa, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"desa-spent\">Rp110.000.000</strong>", desa, StringComparison.Ordinal);
        Assert.Contains("Pembangunan jalan desa", desa, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/anggaran/desa/{kecamatan}?tahun={Year}", Ct)).StatusCode);
    }
}

public sealed class SqliteBudgetPortalTests(SqliteFactory factory) : BudgetPortalTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBudgetPortalTests(PostgresFactory factory) : BudgetPortalTests(factory), IClassFixture<PostgresFactory>;
