using Integritas.Core.Ledger.Checkpoints;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Accepts witnesses' cosignatures: a configured witness, having checked that the latest checkpoint is consistent
/// with the last one it signed, sends the checkpoint back with its signature line added. The signature is the
/// credential — no account is needed — and only keys listed in <c>Integritas:Ledger:Witnesses</c> count.
/// </summary>
public static class LedgerWitnessing
{
    public const int MaxNoteBytes = 16 * 1024;

    public static void MapLedgerWitnessing(this IEndpointRouteBuilder app) =>
        app.MapPost("/ledger/cosign", CosignAsync)
            .WithTags("Log transparansi / Transparency log")
            .WithSummary("Tambahkan tanda tangan saksi / Add a witness cosignature to a checkpoint")
            .Accepts<string>("text/plain");

    private static async Task<IResult> CosignAsync(HttpRequest request, IntegritasDbContext db, LedgerKeys keys, LedgerProofCache cache, TimeProvider time, CancellationToken ct)
    {
        var buffer = new byte[MaxNoteBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        if (read > MaxNoteBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Catatan terlalu besar / Note too large", $"At most {MaxNoteBytes} bytes.");
        }

        var opened = SignedCheckpoint.Open(buffer.AsSpan(0, read), keys.Verifier, keys.Origin, keys.Witnesses);
        if (!opened.IsValid)
        {
            return Problem(StatusCodes.Status400BadRequest, "Checkpoint tidak valid / Invalid checkpoint", opened.Message);
        }

        if (opened.VerifiedWitnesses.Count == 0)
        {
            return Problem(StatusCodes.Status403Forbidden, "Bukan saksi terdaftar / Not a configured witness", "The note carries no signature from a witness key this log accepts.");
        }

        var size = (long)opened.Checkpoint!.Size;
        var stored = await db.LedgerCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Size == size, ct);
        if (stored is null || !stored.Note.StartsWith(opened.Note!.Text + "\n", StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status409Conflict, "Checkpoint tidak dikenal / Unknown checkpoint", $"This log signed no such checkpoint at size {size}.");
        }

        foreach (var witness in opened.VerifiedWitnesses)
        {
            var line = opened.Note.Signatures.First(s => s.Name == witness.Name && s.KeyId == witness.KeyId).Line;
            var existing = await db.LedgerCosignatures.SingleOrDefaultAsync(c => c.Size == size && c.KeyName == witness.Name && c.KeyId == witness.KeyId, ct);
            if (existing is null)
            {
                db.LedgerCosignatures.Add(new LedgerCosignature { Size = size, KeyName = witness.Name, KeyId = witness.KeyId, Line = line, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            }
        }

        await db.SaveChangesAsync(ct);
        cache.InvalidateCheckpoint();
        return Results.Text($"Cosigned checkpoint at size {size} by {string.Join(", ", opened.VerifiedWitnesses.Select(w => w.Name))}.\n", "text/plain; charset=utf-8");
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
