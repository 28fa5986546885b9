using System.Globalization;
using Integritas.Core.Ledger.Tiles;
using Integritas.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>The public transparency log over HTTP, exactly as C2SP tlog-tiles, plus the verifier key, proofs and lookup.</summary>
public static class LedgerEndpoints
{
    public sealed record LookupResult(string Sha256, IReadOnlyList<long> Indices, IReadOnlyList<string> ProofUrls);

    public static void MapLedger(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/ledger").WithTags("Log transparansi / Transparency log");
        ledger.MapGet("/checkpoint", CheckpointAsync).WithSummary("Checkpoint terbaru (C2SP signed note) / The latest signed checkpoint");
        ledger.MapGet("/vkey", (LedgerKeys keys) => Results.Text(keys.Verifier + "\n", "text/plain; charset=utf-8"))
            .WithSummary("Kunci verifikasi log / The log's verifier key string");
        ledger.MapGet("/tile/{**path}", TileAsync).WithSummary("Tile hash atau bundel entri (C2SP tlog-tiles) / A hash tile or entry bundle");
        ledger.MapGet("/proof/{index:long}", ProofAsync).WithSummary("Bukti inklusi .tlog-proof / A C2SP tlog-proof for one entry");
        ledger.MapGet("/lookup/{sha256}", LookupAsync).WithSummary("Cari entri menurut SHA-256 / Find entries by their SHA-256");
    }

    private static async Task<IResult> CheckpointAsync(LedgerReader reader, HttpContext http, CancellationToken ct)
    {
        var (_, note) = await reader.LatestCheckpointAsync(ct);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(note, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> TileAsync(string path, LedgerReader reader, HttpContext http, CancellationToken ct)
    {
        if (!TilePath.TryParse("tile/" + path, out var tile))
        {
            return NotFound("Jalur tile tidak valid / Not a tile path");
        }

        var bytes = await reader.TileAsync(tile.Value, (ulong)await reader.LatestSizeAsync(ct), ct);
        if (bytes is null)
        {
            return NotFound("Tile belum ada / The tile does not exist (yet)");
        }

        // A full tile never changes again: CDNs and browsers may keep it forever. Partial tiles are superseded.
        http.Response.Headers.CacheControl = tile.Value.IsPartial ? "public, max-age=10" : "public, max-age=31536000, immutable";
        return Results.Bytes(bytes, "application/octet-stream");
    }

    private static async Task<IResult> ProofAsync(long index, LedgerReader reader, CancellationToken ct)
    {
        var proof = await reader.ProofBytesAsync(index, ct);
        return proof is null
            ? NotFound(string.Create(CultureInfo.InvariantCulture, $"Entri {index} belum ada di log / Entry {index} is not in the log"))
            : Results.File(proof, "text/plain; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"entry-{index}.tlog-proof"));
    }

    private static async Task<Results<Ok<LookupResult>, ProblemHttpResult>> LookupAsync(string sha256, IntegritasDbContext db, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "SHA-256 tidak valid / Invalid SHA-256", detail: "Tulis 64 digit heksadesimal / Write 64 hexadecimal digits.");
        }

        var hash = Convert.FromHexString(sha256);
        var indices = await db.LedgerEntries.AsNoTracking().Where(e => e.EntrySha256 == hash).OrderBy(e => e.Index).Select(e => e.Index).ToListAsync(ct);
        return indices.Count == 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: "Tidak ada entri dengan hash ini / No entry has this hash.")
            : TypedResults.Ok(new LookupResult(sha256.ToLowerInvariant(), indices, [.. indices.Select(i => string.Create(CultureInfo.InvariantCulture, $"/ledger/proof/{i}"))]));
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: detail);
}
