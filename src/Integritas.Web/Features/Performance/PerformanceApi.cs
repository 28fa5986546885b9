using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The performance open data (issue 5 item 6), a contract others build on: every indicator of a year, one row per
/// indicator and period, as CSV and as JSON. Only published reports' realisations appear.
/// </summary>
public static class PerformanceApi
{
    public const string ColumnsDescription =
        "Columns, in this order: opd_code,indicator_code,indicator_name,level,kind,polarity,unit,year,period,target,target_max,realisation,capaian_pct. " +
        "level: tujuan|sasaran|program|kegiatan|subkegiatan; kind: output|outcome; polarity: higher|lower|range; period: Q1..Q4 or Y (the year); " +
        "target_max only for ranges; numbers with a dot as decimal separator and no grouping; realisation only from published quarterly reports; " +
        "capaian_pct by the sakip.md rules (higher: r/t×100; lower: (2−r/t)×100; range: 100 inside, else against the nearer bound), uncapped, " +
        "rounded to two decimals half away from zero, empty when not computable (no target, zero target, no realisation). " +
        "Rows ordered by OPD code, plan order, indicator code, period.";

    public static void MapPerformanceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/performance").WithTags("Kinerja / Performance");
        api.MapGet("/indicators.csv", CsvAsync)
            .WithSummary("Indikator kinerja setahun sebagai CSV / A year's performance indicators as CSV")
            .WithDescription("Query: year (required), opd (optional OPD code). " + ColumnsDescription + " CSV: UTF-8, comma-separated, RFC 4180 quoting, header row.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/indicators.json", JsonAsync)
            .WithSummary("Indikator kinerja setahun sebagai JSON / A year's performance indicators as JSON")
            .WithDescription("The same rows as indicators.csv: a JSON array of objects whose keys are the CSV's column names; year is a number, " +
                "target, target_max, realisation and capaian_pct are numbers or null. " + ColumnsDescription)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
        app.MapGet("/kinerja/laporan/{id:long}/xlsx", ReportWorkbook.XlsxAsync)
            .WithTags("Kinerja / Performance")
            .WithSummary("Laporan triwulan yang terbit sebagai XLSX / A published quarterly report as XLSX")
            .WithDescription("Sheets: Ringkasan (summary, with the CSV file's SHA-256 and log entry), Indikator (targets, realisations, capaian, narrative), Anggaran (ceiling, spending and absorption per sub kegiatan).");
        app.MapGet("/kinerja/laporan/{id:long}/csv", QuarterReportPageModel.CsvAsync)
            .WithTags("Kinerja / Performance")
            .WithSummary("Berkas laporan triwulan yang terbit / A published quarterly report's file")
            .WithDescription("The file exactly as published (its SHA-256 is in the transparency log entry shown on the report's page): the open-data CSV rows of the report's quarter (and the year, in the fourth quarter).");
        app.MapGet("/kinerja/laporan/{id:long}/pdf", ReportPdf.PdfAsync)
            .WithTags("Kinerja / Performance")
            .WithSummary("Laporan triwulan yang terbit sebagai PDF / A published quarterly report as PDF")
            .WithDescription("A printable rendering: summary, indicators with capaian and narrative, budget with physical progress and efficiency, timeline, and the published CSV's SHA-256 with its transparency-log entry.");
        app.MapGet("/kinerja/opd/{id:int}/lkjip/{year:int}.pdf", (int id, int year, Lkjip lkjip, CancellationToken ct) => lkjip.DownloadAsync(id, year, Lkjip.Format.Pdf, ct))
            .WithTags("Kinerja / Performance")
            .WithSummary("LKjIP sebagai PDF / The annual performance accountability report as PDF")
            .WithDescription("Assembled from the OPD's published figures: introduction, planning and the Perjanjian Kinerja, achievements per sasaran with the OPD's explanations and last year's figures, budget with absorption and efficiency, closing.");
        app.MapGet("/kinerja/opd/{id:int}/lkjip/{year:int}.docx", (int id, int year, Lkjip lkjip, CancellationToken ct) => lkjip.DownloadAsync(id, year, Lkjip.Format.Docx, ct))
            .WithTags("Kinerja / Performance")
            .WithSummary("LKjIP sebagai dokumen Word yang dapat diubah / The LKjIP as an editable Word document")
            .WithDescription("The same report as the PDF, as a DOCX draft with real heading styles for the OPD to complete.");
        app.MapGet("/kinerja/pk/{id:long}/json", AgreementPageModel.JsonAsync)
            .WithTags("Kinerja / Performance")
            .WithSummary("Dokumen Perjanjian Kinerja yang ditandatangani / The signed performance agreement document")
            .WithDescription("The canonical JSON document (schema integritas.perjanjian-kinerja/v1) byte for byte as stored. Its SHA-256 is what the parties sign: " +
                "each signature is an Ed25519 signature of the UTF-8 text \"integritas.perjanjian-kinerja/v1\\nsha256:<hex>\\n\", recorded in the transparency log with the public key.");
        app.MapGet("/kinerja/pk/{id:long}/pdf", AgreementPageModel.PdfAsync)
            .WithTags("Kinerja / Performance")
            .WithSummary("Perjanjian Kinerja sebagai PDF / The performance agreement as PDF")
            .WithDescription("A printable rendering with the signatures as checked at download time, the document hash and a QR code to the verification page.");
    }

    private static async Task<(List<IndicatorRow>? Rows, IResult? Problem)> RowsAsync(int? year, string? opd, IntegritasDbContext db, IndicatorData data, Ui ui, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is not { } y || y < 2000 || y > 2999)
        {
            errors["year"] = [ui.T("Tahun wajib diisi (2000–2999), mis. ?year=2026.", "The year is required (2000–2999), e.g. ?year=2026.")];
        }

        int? opdId = null;
        if (!string.IsNullOrWhiteSpace(opd))
        {
            var code = opd.Trim();
            opdId = await db.Opds.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (opdId is null)
            {
                errors["opd"] = [ui.T($"OPD dengan kode '{code}' tidak ada.", $"There is no agency with code '{code}'.")];
            }
        }

        return errors.Count > 0 ? (null, TypedResults.ValidationProblem(errors)) : (await data.RowsAsync(year!.Value, opdId, ct), null);
    }

    private static async Task<IResult> CsvAsync(int? year, string? opd, IntegritasDbContext db, IndicatorData data, Ui ui, CancellationToken ct)
    {
        var (rows, problem) = await RowsAsync(year, opd, db, data, ui, ct);
        if (problem is not null)
        {
            return problem;
        }

        return new StreamedResult("text/csv; charset=utf-8", $"indikator-kinerja-{year}.csv", async (stream, token) =>
        {
            await using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await IndicatorData.WriteCsvAsync(rows!, text, token);
        });
    }

    private static async Task<IResult> JsonAsync(int? year, string? opd, IntegritasDbContext db, IndicatorData data, Ui ui, CancellationToken ct)
    {
        var (rows, problem) = await RowsAsync(year, opd, db, data, ui, ct);
        return problem ?? new StreamedResult("application/json; charset=utf-8", null, (stream, token) => IndicatorData.WriteJsonAsync(rows!, stream, token));
    }

    /// <summary>Writes a body straight to the response (no copy of the whole file in memory).</summary>
    private sealed class StreamedResult(string contentType, string? fileName, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            if (fileName is not null)
            {
                httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            }

            await write(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
