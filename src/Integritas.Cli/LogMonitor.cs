using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.Tiles;

namespace Integritas.Cli;

/// <summary>The outcome of monitoring a log: valid, or the first thing found wrong (with the entry index when there is one).</summary>
public sealed record MonitorResult(bool IsValid, string Message, long? BadIndex, string? Checkpoint);

/// <summary>
/// Audits a transparency log from the outside, trusting nothing but the log's verifier key: downloads the signed
/// checkpoint, every entry bundle and the level-0 hash tiles, recomputes the tree, and checks the root against the
/// checkpoint and (with an earlier checkpoint) that the log only grew. Names the first bad entry index it finds.
/// </summary>
public sealed class LogMonitor(HttpClient http, NoteVerifierKey logKey)
{
    public async Task<MonitorResult> VerifyAsync(string? previousCheckpoint, CancellationToken ct)
    {
        var note = await http.GetStringAsync("ledger/checkpoint", ct);
        var opened = SignedCheckpoint.Open(note, logKey, logKey.Name);
        if (!opened.IsValid)
        {
            return new MonitorResult(false, $"Checkpoint: {opened.Message}", null, null);
        }

        var checkpoint = opened.Checkpoint!;
        Checkpoint? earlier = null;
        if (previousCheckpoint is not null)
        {
            var old = SignedCheckpoint.Open(previousCheckpoint, logKey, logKey.Name);
            if (!old.IsValid)
            {
                return new MonitorResult(false, $"Earlier checkpoint: {old.Message}", null, note);
            }

            earlier = old.Checkpoint!;
            if (earlier.Size > checkpoint.Size)
            {
                return new MonitorResult(false, $"The log shrank from {earlier.Size} to {checkpoint.Size} entries: it was rewritten.", (long)checkpoint.Size, note);
            }
        }

        var tree = new CompactTree();
        for (ulong tile = 0; tile * TileMath.Width < checkpoint.Size; tile++)
        {
            var width = (int)Math.Min(TileMath.Width, checkpoint.Size - (tile * TileMath.Width));
            var bundleId = TileId.Entries(tile, width);
            var hashesId = TileId.Hashes(0, tile, width);
            var bundle = await GetAsync(bundleId, ct);
            var hashes = await GetAsync(hashesId, ct);
            var first = (long)(tile * TileMath.Width);
            if (bundle is null || !EntryBundle.TryDecode(bundle, out var entries, out _, width))
            {
                return new MonitorResult(false, $"Entry bundle {bundleId.Path} is missing or malformed.", first, note);
            }

            if (hashes is null || hashes.Length != width * Rfc6962.HashSize)
            {
                return new MonitorResult(false, $"Hash tile {hashesId.Path} is missing or malformed.", first, note);
            }

            for (var i = 0; i < width; i++)
            {
                var leaf = Rfc6962.LeafHash(entries[i]);
                if (!leaf.AsSpan().SequenceEqual(hashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize)))
                {
                    return new MonitorResult(false, $"Entry {first + i} does not match its leaf hash in {hashesId.Path}: the entry or the tile was altered.", first + i, note);
                }

                tree.Append(leaf);
                if (earlier is not null && tree.Size == earlier.Size && !tree.Root().AsSpan().SequenceEqual(earlier.RootHash))
                {
                    return new MonitorResult(false, $"The first {earlier.Size} entries no longer have the earlier checkpoint's root: the log was rewritten.", first + i, note);
                }
            }
        }

        if (!tree.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            return new MonitorResult(false, $"The entries' root differs from the signed checkpoint at size {checkpoint.Size}.", null, note);
        }

        // The served hash tiles must lead to the same root (clients build proofs from them).
        try
        {
            var fromTiles = CompactTree.FromLookup(checkpoint.Size, TileNodeLookup.Create(checkpoint.Size, id =>
                GetAsync(id, ct).GetAwaiter().GetResult() ?? throw new InvalidDataException($"Tile {id.Path} is missing.")));
            if (checkpoint.Size > 0 && !fromTiles.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                return new MonitorResult(false, "The hash tiles of the upper levels do not lead to the checkpoint's root.", null, note);
            }
        }
        catch (InvalidDataException e)
        {
            return new MonitorResult(false, e.Message, null, note);
        }

        var since = earlier is null ? "" : $", consistent with the earlier checkpoint at size {earlier.Size}";
        return new MonitorResult(true, $"{checkpoint.Size} entries verified against the signed checkpoint{since}.", null, note);
    }

    private async Task<byte[]?> GetAsync(TileId tile, CancellationToken ct)
    {
        using var response = await http.GetAsync("ledger/" + tile.Path, ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
    }
}
