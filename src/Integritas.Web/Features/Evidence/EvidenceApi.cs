using System.Globalization;
using System.Text;
using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>Construction evidence as open data: what the package pages show, without the uploader's identity or invoices.</summary>
public static class EvidenceApi
{
    public sealed record EvidenceDto(
        long Id,
        string PackageCode,
        int Milestone,
        string Kind,
        DateTime CapturedAtUtc,
        string CapturedFrom,
        double Latitude,
        double Longitude,
        string LocationFrom,
        double DistanceFromSiteMeters,
        IReadOnlyList<string> Flags,
        string Review,
        string MediaSha256,
        string? InvoiceSha256,
        DateTime UploadedAtUtc,
        long? LedgerIndex,
        string? ProofUrl,
        string MediaUrl);

    public const string CsvHeader = "evidence_id,package_code,milestone,kind,captured_at_utc,captured_from,latitude,longitude,location_from,distance_from_site_m,flags,review,media_sha256,invoice_sha256,uploaded_at_utc,ledger_index";

    public static void MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Bukti pekerjaan / Construction evidence");
        api.MapGet("/evidence", ListAsync).WithSummary("Bukti pekerjaan / Construction evidence")
            .WithDescription("Paged, oldest capture first; filter by package code and by flagged items. Flags: OutsideGeofence, BeforeWorkWindow, AfterWorkWindow, CapturedInFuture, TimeFromForm, LocationFromForm, FormDisagreesWithMetadata.");
        api.MapGet("/evidence.csv", ExportAsync).WithSummary("Unduh bukti sebagai CSV / Download evidence as CSV")
            .WithDescription("Columns: " + CsvHeader + ". Times in UTC (ISO 8601), dot decimals, flags separated by '|'.");
    }

    private static IQueryable<EvidenceItem> Search(IntegritasDbContext db, string? package, bool? flagged)
    {
        var query = db.EvidenceItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(package))
        {
            query = query.Where(i => i.Package!.Code == package.Trim());
        }

        if (flagged is { } f)
        {
            query = f ? query.Where(i => i.Flags != EvidenceFlags.None) : query.Where(i => i.Flags == EvidenceFlags.None);
        }

        return query.OrderBy(i => i.CapturedAtUtc).ThenBy(i => i.Id);
    }

    private static async Task<List<EvidenceDto>> ProjectAsync(IQueryable<EvidenceItem> query, CancellationToken ct)
    {
        var rows = await query.Select(i => new { Item = i, i.Package!.Code, i.Milestone!.Sequence }).ToListAsync(ct);
        return [.. rows.Select(r => new EvidenceDto(
            r.Item.Id, r.Code, r.Sequence, r.Item.Kind.ToString(), r.Item.CapturedAtUtc, r.Item.CapturedFrom.ToString(),
            r.Item.Latitude, r.Item.Longitude, r.Item.LocationFrom.ToString(), r.Item.DistanceFromSiteMeters, FlagNames(r.Item.Flags),
            r.Item.Review.ToString(), r.Item.MediaSha256, r.Item.InvoiceSha256, r.Item.UploadedAtUtc, r.Item.LedgerIndex,
            r.Item.LedgerIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $"/ledger/proof/{index}") : null,
            EvidenceFiles.MediaUrl(r.Item.Id)))];
    }

    public static IReadOnlyList<string> FlagNames(EvidenceFlags flags) =>
        [.. flags.Each().Select(f => f.ToString())];

    private static async Task<Results<Ok<PagedResult<EvidenceDto>>, ValidationProblem>> ListAsync(
        IntegritasDbContext db, string? package, bool? flagged, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = Search(db, package, flagged);
        var total = await query.CountAsync(ct);
        var items = await ProjectAsync(query.Skip((page - 1) * pageSize).Take(pageSize), ct);
        return TypedResults.Ok(new PagedResult<EvidenceDto>(items, total, page, pageSize));
    }

    private static async Task<IResult> ExportAsync(IntegritasDbContext db, string? package, bool? flagged, CancellationToken ct)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        static string Time(DateTime utc) => EvidenceEntry.Time(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        foreach (var e in await ProjectAsync(Search(db, package, flagged), ct))
        {
            csv.AppendJoin(',', new[]
            {
                e.Id.ToString(CultureInfo.InvariantCulture), e.PackageCode, e.Milestone.ToString(CultureInfo.InvariantCulture), e.Kind,
                Time(e.CapturedAtUtc), e.CapturedFrom, e.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
                e.Longitude.ToString("0.######", CultureInfo.InvariantCulture), e.LocationFrom,
                e.DistanceFromSiteMeters.ToString("0.#", CultureInfo.InvariantCulture), string.Join('|', e.Flags), e.Review,
                e.MediaSha256, e.InvoiceSha256, Time(e.UploadedAtUtc), e.LedgerIndex?.ToString(CultureInfo.InvariantCulture),
            }.Select(Csv.Escape)).Append('\n');
        }

        var name = string.IsNullOrWhiteSpace(package) ? "bukti.csv" : $"bukti-{package.Trim()}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }
}
