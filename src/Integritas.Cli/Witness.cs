using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.Tiles;

namespace Integritas.Cli;

public sealed record WitnessResult(bool Cosigned, string Message, string? Checkpoint);

/// <summary>
/// An independent witness (a university, an NGO): fetches the log's latest checkpoint, checks it is consistent with the
/// last checkpoint this witness signed (a consistency proof built from the served tiles, verified against both signed
/// roots), and only then adds its own signature and sends it back. A log that rewrote history cannot get the cosignature.
/// </summary>
public sealed class Witness(HttpClient http, NoteVerifierKey logKey, NoteSignerKey witnessKey)
{
    public async Task<WitnessResult> CosignAsync(string? lastSigned, CancellationToken ct)
    {
        var note = await http.GetStringAsync("ledger/checkpoint", ct);
        var opened = SignedCheckpoint.Open(note, logKey, logKey.Name);
        if (!opened.IsValid)
        {
            return new WitnessResult(false, $"Checkpoint: {opened.Message}", null);
        }

        var latest = opened.Checkpoint!;
        if (lastSigned is not null)
        {
            var previous = SignedCheckpoint.Open(lastSigned, logKey, logKey.Name);
            if (!previous.IsValid)
            {
                return new WitnessResult(false, $"The last signed checkpoint: {previous.Message}", null);
            }

            var old = previous.Checkpoint!;
            if (latest.Size < old.Size)
            {
                return new WitnessResult(false, $"The log shrank from {old.Size} to {latest.Size} entries: refusing to cosign.", null);
            }

            if (old.Size > 0)
            {
                var proof = latest.Size == old.Size
                    ? []
                    : ConsistencyProof.Generate(old.Size, latest.Size, TileNodeLookup.Create(latest.Size, tile =>
                        http.GetByteArrayAsync("ledger/" + tile.Path, ct).GetAwaiter().GetResult()));
                var consistent = ConsistencyVerifier.Verify(old.Size, latest.Size, old.RootHash, latest.RootHash, proof);
                if (!consistent.IsValid)
                {
                    return new WitnessResult(false, $"Not consistent with the checkpoint at size {old.Size} this witness signed ({consistent.Message}): refusing to cosign.", null);
                }
            }
        }

        var cosigned = NoteSigning.AddSignatures(opened.Note!, [witnessKey]);
        using var response = await http.PostAsync("ledger/cosign", new StringContent(cosigned, System.Text.Encoding.UTF8, "text/plain"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? new WitnessResult(true, $"Cosigned the checkpoint at size {latest.Size}.", note)
            : new WitnessResult(false, $"The log refused the cosignature ({(int)response.StatusCode}): {body}", null);
    }
}
