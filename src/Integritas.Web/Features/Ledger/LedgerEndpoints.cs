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
        // Public and read-only: served straight from routing (ShortCircuit), past authentication, rate limiting (GETs are
        // not limited), the two-factor redirect and antiforgery, none of which applies to it.
        ledger.MapGet("/proof/{index:long}", ProofAsync).ShortCircuit().WithSummary("Bukti inklusi .tlog-proof / A C2SP tlog-proof for one entry");
        ledger.MapGet("/lookup/{sha256}", LookupAsync).WithSummary("Cari entri menurut SHA-256 / Find entries by their SHA-256");
        if (Environment.GetEnvironmentVariable("INTEGRITAS_BENCH_CEILING") == "1")
        {
            MapBenchCeiling(app);
        }
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

    private static ValueTask<IResult> ProofAsync(long index, LedgerProofServer proofs, CancellationToken ct)
    {
        // A proof whose tiles are cached is ready at once: no state machine for it.
        var proof = proofs.ProofBytesAsync(index, ct);
        return proof.IsCompletedSuccessfully ? ValueTask.FromResult(ProofResult(index, proof.Result)) : AwaitProofAsync(index, proof);

        static async ValueTask<IResult> AwaitProofAsync(long index, ValueTask<byte[]?> proof) => ProofResult(index, await proof);
    }

    private static IResult ProofResult(long index, byte[]? proof) => proof is null
        ? NotFound(string.Create(CultureInfo.InvariantCulture, $"Entri {index} belum ada di log / Entry {index} is not in the log"))
        : Results.File(proof, ProofContentType, string.Create(CultureInfo.InvariantCulture, $"entry-{index}.tlog-proof"));

    private const string ProofContentType = "text/plain; charset=utf-8";

    /// <summary>
    /// Benchmarks only (<c>bench/proofs.sh</c>, with <c>INTEGRITAS_BENCH_CEILING=1</c> in the environment; never mapped
    /// otherwise): what the pipeline alone can serve, a cached proof-sized file answered as the proof route answers.
    /// <c>/bench/ceiling</c> is short-circuited like the proof route; <c>/bench/ceiling-full</c> passes the whole pipeline.
    /// </summary>
    private static void MapBenchCeiling(IEndpointRouteBuilder app)
    {
        var body = new byte[1449]; // a proof's size at 10 million entries
        Array.Fill(body, (byte)'A');
        IResult Ceiling() => Results.File(body, ProofContentType, "entry-0.tlog-proof");
        app.MapGet("/bench/ceiling", Ceiling).ShortCircuit().ExcludeFromDescription();
        app.MapGet("/bench/ceiling-full", Ceiling).ExcludeFromDescription();
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
