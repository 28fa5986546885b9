using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Performance;

public class PerformanceDemoFactory(Provider provider) : IntegritasFactory(provider)
{
    protected override bool SeedPerformance => true;
}

public sealed class SqlitePerformanceDemoFactory() : PerformanceDemoFactory(Provider.Sqlite);

public sealed class PostgresPerformanceDemoFactory() : PerformanceDemoFactory(Provider.Postgres);

/// <summary>Issue 5 item 10: five years of demo plans and reports with a realistic spread, published as publication does.</summary>
public abstract class PerformanceDemoTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Five_years_of_reports_with_late_ones_under_achievers_and_lagging_outcomes()
    {
        var period = await F.WithDbAsync(db => db.PlanPeriods.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(4, period.EndYear - period.StartYear);
        var reports = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(5, reports.Select(r => r.Year).Distinct().Count());
        Assert.Contains(reports, r => r.IsLate && r.Status == ReportStatus.Published);
        Assert.Contains(reports, r => r.Status == ReportStatus.Draft);
        Assert.Contains(reports, r => r.Status == ReportStatus.Submitted);
        Assert.Contains(reports, r => r.CapaianMean < 90);
        Assert.Contains(reports, r => r.CapaianMean >= 95);
        Assert.All(reports.Where(r => r.Status == ReportStatus.Published), r =>
        {
            Assert.Equal(IndicatorData.Sha256(r.PublishedCsv!), r.PublishedSha256);
            Assert.NotNull(r.LedgerIndex);
            Assert.NotNull(r.CapaianMean);
        });

        // The seed's example: fertiliser goes out (output on target) while the yield of its receivers lags (outcome).
        var distan = await F.OpdIdAsync(PerformanceDemo.Distan);
        await using var scope = F.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IndicatorData>().RowsAsync(period.StartYear + 3, distan, Ct);
        var fertiliser = rows.Single(r => r.IndicatorCode == "OUT-1" && r.Period == ReportPeriod.Year).CapaianPct!.Value;
        var yield = rows.Single(r => r.IndicatorCode == "IKU-2" && r.Period == ReportPeriod.Year).CapaianPct!.Value;
        Assert.True(fertiliser > yield + 15, $"output {fertiliser} vs outcome {yield}");

        // This year's performance agreement of every planned OPD is prepared from its plan, waiting for signatures.
        var planned = await F.WithDbAsync(db => db.PlanNodes.Select(n => n.OpdId).Distinct().CountAsync(Ct));
        var agreements = await F.WithDbAsync(db => db.PerformanceAgreements.AsNoTracking().Where(a => a.Year == period.EndYear && a.Revision == 1).ToListAsync(Ct));
        Assert.True(planned > 30);
        Assert.Equal(planned, agreements.Count);
        Assert.All(agreements, a => Assert.Equal(Core.Performance.AgreementDocument.Sha256Hex(a.Document), a.Sha256));
    }

    [Fact]
    public async Task The_public_sees_the_ranking_the_OPD_page_and_published_reports_only()
    {
        var client = F.Client();
        var overview = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/kinerja", Ct));
        Assert.Contains("Dinas Kesehatan", overview, StringComparison.Ordinal);
        Assert.Contains("Dinas Pertanian", overview, StringComparison.Ordinal);
        Assert.Contains("Sangat tinggi", overview, StringComparison.Ordinal);
        foreach (var sort in new[] { "serapan", "ketepatan", "nama", "bogus" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/kinerja?urut={sort}&tahun=1999", Ct)).StatusCode);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/kinerja?wilayah=99.99", Ct)).StatusCode);

        var dinkes = await F.OpdIdAsync(PerformanceDemo.Dinkes);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/kinerja/opd/{dinkes}", Ct));
        Assert.Contains("Prevalensi stunting pada balita", page, StringComparison.Ordinal);
        Assert.Contains("makin rendah makin baik", page, StringComparison.Ordinal);
        Assert.Contains("Pengelolaan Pelayanan Kesehatan Ibu Hamil", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/kinerja/opd/999999", Ct)).StatusCode);

        // A published report reads as a page and its file is the one whose hash is in the log; unpublished ones are not public.
        var published = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().FirstAsync(r => r.OpdId == dinkes && r.Status == ReportStatus.Published, Ct));
        var reportPage = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/kinerja/laporan/{published.Id}", Ct));
        Assert.Contains(published.PublishedSha256!, reportPage, StringComparison.Ordinal);
        Assert.Contains($"/ledger/proof/{published.LedgerIndex}", reportPage, StringComparison.Ordinal);
        var file = await client.GetByteArrayAsync($"/kinerja/laporan/{published.Id}/csv", Ct);
        Assert.Equal(published.PublishedSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));

        // The same report as a workbook: numbers as numbers, the file hash on the summary sheet.
        var xlsx = await client.GetAsync($"/kinerja/laporan/{published.Id}/xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)))
        {
            Assert.Equal(["Ringkasan", "Indikator", "Anggaran"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
            var summary = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Ringkasan").Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(summary, r => Equals(r["nilai"], published.PublishedSha256));
            var indicatorRows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Indikator").Cast<IDictionary<string, object>>().ToList();
            var stunting = indicatorRows.First(r => (string)r["kode"] == "IKU-1");
            Assert.IsType<double>(stunting["target"]);
            var budget = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Anggaran").Cast<IDictionary<string, object>>().ToList();
            Assert.NotEmpty(budget);
            Assert.Contains(budget, r => r["efisiensi_pct"] is double);
        }

        // And as a PDF with the figures, the narrative and the file hash.
        var pdf = await client.GetAsync($"/kinerja/laporan/{published.Id}/pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("LAPORAN KINERJA TRIWULAN", text, StringComparison.Ordinal);
            Assert.Contains("IKU-1", text, StringComparison.Ordinal);
            Assert.Contains(published.PublishedSha256!, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // The annual report (LKjIP) of a finished year, as PDF and as an editable Word document with real headings.
        var lastFullYear = published.Year;
        var lkjipPdf = await client.GetAsync($"/kinerja/opd/{dinkes}/lkjip/{lastFullYear}.pdf", Ct);
        Assert.Equal("application/pdf", lkjipPdf.Content.Headers.ContentType!.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await lkjipPdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            foreach (var chapter in new[] { "BAB I PENDAHULUAN", "BAB II PERENCANAAN", "BAB III AKUNTABILITAS KINERJA", "BAB IV AKUNTABILITAS KEUANGAN", "BAB V PENUTUP" })
            {
                Assert.Contains(chapter, text, StringComparison.Ordinal);
            }

            Assert.Contains("Menurunnya prevalensi stunting", text, StringComparison.Ordinal);
        }

        var docx = await client.GetAsync($"/kinerja/opd/{dinkes}/lkjip/{lastFullYear}.docx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(5, headings.Count);
            Assert.StartsWith("BAB I", headings[0], StringComparison.Ordinal);
            Assert.NotEmpty(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
            Assert.Contains("Menurunnya prevalensi stunting", body.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/kinerja/opd/{dinkes}/lkjip/1999.pdf", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/kinerja/opd/999999/lkjip/2025.docx", Ct)).StatusCode);

        // The OPD page shows output against budget.
        Assert.Contains("efficiency-method", page, StringComparison.Ordinal);

        var draft = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().FirstAsync(r => r.Status != ReportStatus.Published, Ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/kinerja/laporan/{draft.Id}/xlsx", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/kinerja/laporan/{draft.Id}/pdf", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/kinerja/laporan/{draft.Id}", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/kinerja/laporan/{draft.Id}/csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_open_data_contract_holds_in_CSV_and_JSON()
    {
        var period = await F.WithDbAsync(db => db.PlanPeriods.AsNoTracking().SingleAsync(Ct));
        var year = period.StartYear + 2;
        var client = F.Client();
        var response = await client.GetAsync($"/api/v1/performance/indicators.csv?year={year}", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("opd_code,indicator_code,indicator_name,level,kind,polarity,unit,year,period,target,target_max,realisation,capaian_pct", lines[0]);
        using var parser = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var records = parser.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var indicators = await F.WithDbAsync(db => db.Indicators.CountAsync(Ct));
        Assert.Equal(indicators * 5, records.Count);
        Assert.All(records, r =>
        {
            Assert.Contains((string)r["kind"], new[] { "output", "outcome" });
            Assert.Contains((string)r["polarity"], new[] { "higher", "lower", "range" });
            Assert.Contains((string)r["period"], new[] { "Q1", "Q2", "Q3", "Q4", "Y" });
            Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)r["year"]);
            Assert.Equal((string)r["polarity"] == "range", ((string)r["target_max"]).Length > 0);
            foreach (var column in new[] { "target", "target_max", "realisation", "capaian_pct" })
            {
                var value = (string)r[column];
                Assert.True(value.Length == 0 || decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out _), $"{column} = {value}");
                Assert.DoesNotContain(",", value, StringComparison.Ordinal);
            }
        });

        // Lower is better, by the rule: capaian = (2 − realisation/target) × 100, to two decimals.
        var stunting = records.Single(r => (string)r["opd_code"] == PerformanceDemo.Dinkes && (string)r["indicator_code"] == "IKU-1" && (string)r["period"] == "Y");
        var t = decimal.Parse((string)stunting["target"], System.Globalization.CultureInfo.InvariantCulture);
        var re = decimal.Parse((string)stunting["realisation"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round((2 - re / t) * 100, 2, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)stunting["capaian_pct"]);

        // JSON: the same rows, numbers as numbers.
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/performance/indicators.json?year={year}&opd={PerformanceDemo.Dinkes}", Ct));
        var dinkes = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(records.Count(r => (string)r["opd_code"] == PerformanceDemo.Dinkes), dinkes.Count);
        var y = dinkes.Single(e => e.GetProperty("indicator_code").GetString() == "IKU-1" && e.GetProperty("period").GetString() == "Y");
        Assert.Equal(t, y.GetProperty("target").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, y.GetProperty("target_max").ValueKind);
        Assert.Equal(year, y.GetProperty("year").GetInt32());

        // Bad input: clear 400s with field errors.
        var missing = await client.GetAsync("/api/v1/performance/indicators.csv", Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"year\"", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var unknown = await client.GetAsync($"/api/v1/performance/indicators.json?year={year}&opd=9.99", Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"opd\"", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/performance/indicators.csv?year=abc", Ct)).StatusCode);

        // Documented in the OpenAPI document.
        var openapi = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/performance/indicators.csv", openapi, StringComparison.Ordinal);
        Assert.Contains("capaian_pct", openapi, StringComparison.Ordinal);
    }
}

public sealed class SqlitePerformanceDemoTests(SqlitePerformanceDemoFactory factory) : PerformanceDemoTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresPerformanceDemoTests(PostgresPerformanceDemoFactory factory) : PerformanceDemoTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
