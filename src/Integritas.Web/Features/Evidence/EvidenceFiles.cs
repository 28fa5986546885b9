using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Integritas.Web.Features.Evidence;

/// <summary>
/// Serves evidence files. Media and thumbnails are public (the media byte for byte, so anyone can hash it and compare
/// with the log); invoices are for the package's contractor and for staff who oversee it.
/// </summary>
public static class EvidenceFiles
{
    public static string MediaUrl(long id) => $"/paket/bukti/{id}/berkas";

    public static string ThumbnailUrl(long id) => $"/paket/bukti/{id}/gambar-kecil";

    public static string InvoiceUrl(long id) => $"/paket/bukti/{id}/faktur";

    public static void MapEvidenceFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/paket/bukti/{id:long}").ExcludeFromDescription();
        files.MapGet("/berkas", MediaAsync);
        files.MapGet("/gambar-kecil", ThumbnailAsync);
        files.MapGet("/faktur", InvoiceAsync);
    }

    /// <summary>Whether <paramref name="user"/> is a Contractor account given upload access to the package.</summary>
    public static async Task<bool> IsContractorOfAsync(ClaimsPrincipal user, IntegritasDbContext db, int packageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && user.IsInRole(Roles.Contractor) &&
            await db.PackageContractors.AnyAsync(c => c.PackageId == packageId && c.UserId == userId, ct);
    }

    /// <summary>Who may open invoices: the package's contractors, its OPD's operators, and oversight roles.</summary>
    public static async Task<bool> MaySeeInvoicesAsync(ClaimsPrincipal user, IntegritasDbContext db, IAuthorizationService authorization, int packageId, int opdId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Verifier) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Leadership))
        {
            return true;
        }

        return await IsContractorOfAsync(user, db, packageId, ct) || (await authorization.AuthorizeAsync(user, opdId, Policies.EditOpd)).Succeeded;
    }

    private static async Task<IResult> MediaAsync(long id, IntegritasDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var item = await db.EvidenceItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.MediaSha256, i.MediaContentType }).SingleOrDefaultAsync(ct);
        return item is null ? Results.NotFound() : await ServeAsync(blobs, item.MediaSha256, item.MediaContentType, $"bukti-{id}", ct);
    }

    private static async Task<IResult> ThumbnailAsync(long id, IntegritasDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        var sha = await db.EvidenceItems.AsNoTracking().Where(i => i.Id == id).Select(i => i.ThumbnailSha256).SingleOrDefaultAsync(ct);
        return sha is null ? Results.NotFound() : await ServeAsync(blobs, sha, "image/jpeg", $"bukti-{id}-kecil", ct);
    }

    private static async Task<IResult> InvoiceAsync(long id, HttpContext http, IntegritasDbContext db, IBlobStore blobs, IAuthorizationService authorization, CancellationToken ct)
    {
        var item = await db.EvidenceItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.PackageId, i.Package!.OpdId, i.InvoiceSha256, i.InvoiceContentType }).SingleOrDefaultAsync(ct);
        if (item?.InvoiceSha256 is null)
        {
            return Results.NotFound();
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Challenge();
        }

        return await MaySeeInvoicesAsync(http.User, db, authorization, item.PackageId, item.OpdId, ct)
            ? await ServeAsync(blobs, item.InvoiceSha256, item.InvoiceContentType ?? "application/octet-stream", $"faktur-{id}", ct)
            : Results.Forbid();
    }

    internal static async Task<IResult> ServeAsync(IBlobStore blobs, string sha256, string contentType, string name, CancellationToken ct)
    {
        var stream = await blobs.OpenReadAsync(sha256, ct);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var extension = contentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/webp" => ".webp",
            "image/heic" => ".heic",
            "image/avif" => ".avif",
            "video/mp4" => ".mp4",
            "video/quicktime" => ".mov",
            "video/webm" => ".webm",
            "video/3gpp" => ".3gp",
            "video/x-msvideo" => ".avi",
            "application/pdf" => ".pdf",
            _ => "",
        };

        // Content-addressed: the bytes behind this hash never change, so the entity tag is the hash itself.
        return new NamedFile(
            Results.Stream(stream, contentType, fileDownloadName: null, entityTag: new EntityTagHeaderValue($"\"{sha256}\""), enableRangeProcessing: true),
            name + extension);
    }

    /// <summary>Adds an inline Content-Disposition with a plain file name (the browser shows media, downloads keep the name).</summary>
    private sealed class NamedFile(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = fileName }.ToString();
            httpContext.Response.Headers.CacheControl = "public, max-age=86400";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
