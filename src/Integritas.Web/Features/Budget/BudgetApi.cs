using System.Globalization;
using System.Text;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget;

public sealed record PaymentDto(
    string Id, DateOnly Date, string OpdCode, string SubKegiatanCode, string AccountCode, string? VendorId, string? VendorName,
    string Description, decimal Amount, bool OverBudgetLine, bool AboveReferencePrice, string? PackageCode, bool OverContractValue)
{
    public static PaymentDto From(PaymentRow p) => new(p.Id, p.Date, p.OpdCode, p.SubKegiatanCode, p.AccountCode, p.VendorCode, p.VendorName,
        p.Description, p.Amount, p.Flags.HasFlag(PaymentFlags.OverBudgetLine), p.Flags.HasFlag(PaymentFlags.AboveReferencePrice), p.PackageCode,
        p.Flags.HasFlag(PaymentFlags.OverContractValue));
}

public sealed record PaymentItemDto(int LineNo, string? ItemCode, string Name, decimal Quantity, string Unit, decimal UnitPrice, decimal Total,
    decimal? ReferenceUnitPrice, decimal? MarkupPercent, bool AboveReference);

public sealed record PaymentDetailDto(PaymentDto Payment, string OpdName, string SubKegiatanName, string AccountName, IReadOnlyList<PaymentItemDto> Items);

public sealed record AbsorptionDto(string OpdCode, string OpdName, decimal Pagu, decimal Realisation, decimal? AbsorptionPct);

public sealed record DesaFundsDto(string DesaCode, string DesaName, string KecamatanCode, string KecamatanName, decimal DanaDesa, decimal Add, decimal BagiHasil,
    decimal Received, decimal Spent, decimal? SpentPct);

public sealed record VillageFundsDto(int Year, decimal DanaDesa, decimal Add, decimal BagiHasil, decimal Received, decimal Spent, IReadOnlyList<DesaFundsDto> Desa);

/// <summary>
/// The budget open data (issue 6 item 4): bulk CSV downloads streamed row by row, and a paged JSON API over the same
/// figures the portal pages show.
/// </summary>
public static class BudgetApi
{
    public const string PaymentColumns = "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount";

    public const string AbsorptionColumns = "opd_code,opd_name,pagu,realisation,absorption_pct";

    private const string CsvNote = " CSV: UTF-8, comma-separated, RFC 4180 quoting, header row; numbers with a dot as decimal separator and no grouping; " +
        "dates ISO 8601 (yyyy-mm-dd); text starting with = + - @ is prefixed with ' against spreadsheet formula injection.";

    public static void MapBudgetApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/budget").WithTags("Anggaran / Budget");
        api.MapGet("/payments.csv", PaymentsCsvAsync)
            .WithSummary("Semua pembayaran (SP2D) setahun sebagai CSV / A year's payments (SP2D) as CSV")
            .WithDescription("Columns, in this order: " + PaymentColumns + ". vendor_id is the finance system's vendor id (empty for payments without a vendor); " +
                "amount in Rupiah with two decimals. Rows ordered by payment_id unless sort is given. Streamed: fit for millions of rows. " + PaymentSearch.FiltersDescription + CsvNote)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/absorption.csv", AbsorptionCsvAsync)
            .WithSummary("Serapan anggaran per OPD sebagai CSV / Budget absorption per agency as CSV")
            .WithDescription("Query: year (required). Columns, in this order: " + AbsorptionColumns + ". pagu = the sum of the OPD's budget lines in the year's current " +
                "budget version (the latest revision); realisation = the sum of the OPD's payments in the year; absorption_pct = realisation ÷ pagu × 100, two decimals " +
                "half away from zero, empty without a pagu. One row per OPD with a pagu or a payment in the year, ordered by opd_code." + CsvNote)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        api.MapGet("/payments", PaymentsAsync)
            .WithSummary("Pembayaran, per halaman / Payments, paged")
            .WithDescription("Query: page (default 1), pageSize (1–500, default 50). " + PaymentSearch.FiltersDescription +
                " Answer: {items, total, page, pageSize}; amounts are numbers in Rupiah, dates ISO 8601.");
        api.MapGet("/payments/{**id}", PaymentAsync)
            .WithSummary("Satu pembayaran dengan rincian belanjanya / One payment with its line items")
            .WithDescription("The payment with OPD, sub kegiatan and account names and its line items (item, quantity, unit, unit price, total; the reference " +
                "unit price and markup percentage where the item matched the reference catalogue, and aboveReference when the markup exceeds the configured margin).");
        api.MapGet("/absorption", AbsorptionAsync)
            .WithSummary("Serapan anggaran per OPD / Budget absorption per agency")
            .WithDescription("Query: year (required). The rows of absorption.csv as JSON: opdCode, opdName, pagu, realisation, absorptionPct (null without a pagu).");
        api.MapGet("/village-funds", VillageFundsAsync)
            .WithSummary("Dana desa per desa / Village funds per village")
            .WithDescription("Query: year (required). Per desa of the regency: transfers received by source (danaDesa from the national budget, add = alokasi dana desa " +
                "from the regency budget, bagiHasil = tax and levy sharing), their sum, what the desa spent, and spentPct = spent ÷ received × 100; with the regency totals.");
    }

    private static ValidationProblem? YearProblem(string? year, out int value)
    {
        if (int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 2000 and <= 2999)
        {
            return null;
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["year"] = ["Tahun wajib diisi (2000–2999), mis. year=2026 / The year is required (2000–2999), e.g. year=2026."],
        });
    }

    private static async Task<IResult> PaymentsCsvAsync(
        string? year, string? opd, string? vendor, string? account, string? month, string? minAmount, string? maxAmount, string? q, string? sort,
        IntegritasDbContext db, BudgetPortal portal, CancellationToken ct)
    {
        var (search, errors) = await PaymentSearch.ParseAsync(new(year, opd, vendor, account, month, minAmount, maxAmount, q, sort), db, null, "id", ct);
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = search.Ordered(portal.Rows(await search.ApplyAsync(db, ct))).AsAsyncEnumerable();
        return new StreamedCsv($"pembayaran-{search.Year}.csv", (writer, token) => WritePaymentsAsync(rows, writer, token));
    }

    /// <summary>Writes payments as the open-data CSV while reading them: one row in memory at a time.</summary>
    public static async Task WritePaymentsAsync(IAsyncEnumerable<PaymentRow> rows, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteAsync(PaymentColumns + "\n");
        var line = new StringBuilder(256);
        await foreach (var p in rows.WithCancellation(ct))
        {
            line.Clear()
                .Append(Csv.Escape(p.Id)).Append(',')
                .Append(p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Csv.Escape(p.OpdCode)).Append(',')
                .Append(Csv.Escape(p.SubKegiatanCode)).Append(',')
                .Append(Csv.Escape(p.AccountCode)).Append(',')
                .Append(Csv.Escape(p.VendorCode)).Append(',')
                .Append(Csv.Escape(p.VendorName)).Append(',')
                .Append(Csv.Escape(p.Description)).Append(',')
                .Append(Money(p.Amount)).Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<IResult> AbsorptionCsvAsync(string? year, BudgetPortal portal, CancellationToken ct)
    {
        if (YearProblem(year, out var y) is { } problem)
        {
            return problem;
        }

        var regency = await portal.RegencyAsync(y, ct);
        return new StreamedCsv($"serapan-anggaran-{y}.csv", async (writer, token) =>
        {
            await writer.WriteAsync(AbsorptionColumns + "\n");
            foreach (var o in regency.Opds)
            {
                await writer.WriteAsync(string.Join(',', Csv.Escape(o.Code), Csv.Escape(o.Name), Money(o.Amounts.Pagu), Money(o.Amounts.Realisation),
                    o.Amounts.AbsorptionPct is { } pct ? Money(pct) : "") + "\n");
            }
        });
    }

    private static async Task<Results<Ok<PagedResult<PaymentDto>>, ValidationProblem>> PaymentsAsync(
        string? year, string? opd, string? vendor, string? account, string? month, string? minAmount, string? maxAmount, string? q, string? sort,
        string? page, string? pageSize, IntegritasDbContext db, BudgetPortal portal, CancellationToken ct)
    {
        var (search, errors) = await PaymentSearch.ParseAsync(new(year, opd, vendor, account, month, minAmount, maxAmount, q, sort, page, pageSize), db, null, "date_desc", ct);
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = await search.ApplyAsync(db, ct);
        var total = await query.CountAsync(ct);
        var rows = await search.Ordered(portal.Rows(query)).Skip((search.Page - 1) * search.PageSize).Take(search.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<PaymentDto>([.. rows.Select(PaymentDto.From)], total, search.Page, search.PageSize));
    }

    private static async Task<Results<Ok<PaymentDetailDto>, ProblemHttpResult>> PaymentAsync(string id, BudgetPortal portal, CancellationToken ct)
    {
        var detail = id.Length <= 60 ? await portal.PaymentAsync(id, ct) : null;
        if (detail is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: "Pembayaran tidak ada / No such payment.");
        }

        var p = detail.Payment;
        return TypedResults.Ok(new PaymentDetailDto(PaymentDto.From(p), detail.OpdName, detail.NameOf(p.SubKegiatanCode), detail.NameOf(p.AccountCode),
            [.. detail.Items.Select(i => new PaymentItemDto(i.LineNo, i.ItemCode, i.Name, i.Quantity, i.Unit, i.UnitPrice, i.Total, i.ReferenceUnitPrice, i.MarkupPercent, i.AboveReference))]));
    }

    private static async Task<Results<Ok<List<AbsorptionDto>>, ValidationProblem>> AbsorptionAsync(string? year, BudgetPortal portal, CancellationToken ct)
    {
        if (YearProblem(year, out var y) is { } problem)
        {
            return problem;
        }

        var regency = await portal.RegencyAsync(y, ct);
        return TypedResults.Ok(regency.Opds.Select(o => new AbsorptionDto(o.Code, o.Name, o.Amounts.Pagu, o.Amounts.Realisation, o.Amounts.AbsorptionPct)).ToList());
    }

    private static async Task<Results<Ok<VillageFundsDto>, ValidationProblem, ProblemHttpResult>> VillageFundsAsync(string? year, VillageFunds funds, CancellationToken ct)
    {
        if (YearProblem(year, out var y) is { } problem)
        {
            return problem;
        }

        var overview = await funds.OverviewAsync(y, null, ct);
        if (overview is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: "Wilayah kabupaten belum dimuat / The regency's areas are not loaded.");
        }

        var kecamatan = overview.Kecamatan.ToDictionary(k => k.RegionId);
        return TypedResults.Ok(new VillageFundsDto(y, overview.DanaDesa, overview.Add, overview.BagiHasil, overview.Received, overview.Spent,
            [.. overview.Desa.Select(d =>
            {
                var k = kecamatan[d.ParentId!.Value];
                return new DesaFundsDto(d.Code, d.Name, k.Code, k.Name, d.DanaDesa, d.Add, d.BagiHasil, d.Received, d.Spent, d.SpentPct);
            })]));
    }

    /// <summary>Writes a CSV body straight to the response through a buffered writer (no copy of the file in memory).</summary>
    private sealed class StreamedCsv(string fileName, Func<TextWriter, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await write(writer, httpContext.RequestAborted);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
