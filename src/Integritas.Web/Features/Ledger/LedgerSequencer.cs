using System.Security.Cryptography;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Integrates appended entries into the log: assigns their indices, stores them with the tile hashes they complete,
/// and signs a new checkpoint — all in one transaction, so an append is acknowledged (its index returned) only once
/// it is durable, and a failure leaves nothing half-written. Rows are only ever added, except that the rightmost
/// tile of each level grows until it is full; full tiles never change.
/// </summary>
public sealed class LedgerSequencer(IServiceScopeFactory scopes, LedgerKeys keys, LedgerProofCache cache, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // The tree after the last integration this process made; rebuilt from the tiles when another process appended.
    private CompactTree? tree;

    /// <summary>At most this many entries go into one integration (one transaction, one checkpoint).</summary>
    public const int MaxBatchEntries = 4096;

    private readonly System.Collections.Concurrent.ConcurrentQueue<Pending> queue = new();

    private sealed record Pending(IReadOnlyList<byte[]> Entries, TaskCompletionSource<IReadOnlyList<long>> Done);

    /// <summary>
    /// Appends the entries and returns their indices once committed. Concurrent callers are integrated together (group
    /// commit): whoever gets the lock integrates everything queued so far, up to <see cref="MaxBatchEntries"/>, in one
    /// transaction with one new checkpoint. An append whose caller gives up waiting may still be integrated.
    /// </summary>
    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<byte[]> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null || entries[i].Length > EntryBundle.MaxEntrySize)
            {
                throw new ArgumentException($"Entry {i} is {entries[i]?.Length ?? 0} bytes; log entries hold at most {EntryBundle.MaxEntrySize} bytes (entry bundles store a 16-bit length).", nameof(entries));
            }
        }

        if (entries.Count == 0)
        {
            return [];
        }

        var pending = new Pending([.. entries], new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Enqueue(pending);
        await gate.WaitAsync(ct);
        try
        {
            if (!pending.Done.Task.IsCompleted)
            {
                // Let callers that are starting right now queue up first: with an in-process database every step can
                // complete synchronously, and without this yield each caller would commit alone.
                await Task.Yield();
                await IntegrateQueuedAsync(pending);
            }
        }
        finally
        {
            gate.Release();
        }

        return await pending.Done.Task;
    }

    /// <summary>Takes queued appends (always including <paramref name="own"/>) and integrates them as one batch.</summary>
    private async Task IntegrateQueuedAsync(Pending own)
    {
        // The queue is first-in first-out and only the lock holder takes from it, so our own append is in it: take
        // everything before it, then more while the batch stays within the cap.
        var batch = new List<Pending>();
        var count = 0;
        var ownTaken = false;
        while (queue.TryPeek(out var next) && !(ownTaken && count + next.Entries.Count > MaxBatchEntries) && queue.TryDequeue(out next))
        {
            batch.Add(next);
            count += next.Entries.Count;
            ownTaken |= ReferenceEquals(next, own);
        }

        try
        {
            // The integration is not cancelled with one caller: it carries other callers' entries too.
            IReadOnlyList<long> indices;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    indices = await IntegrateAsync([.. batch.SelectMany(p => p.Entries)], CancellationToken.None);
                    break;
                }
                catch (Exception e) when (attempt < 3 && LedgerRowWriter.IsUniqueViolation(e))
                {
                    // Another process integrated first (same index or checkpoint size): reload its tree and retry.
                }
            }

            var at = 0;
            foreach (var p in batch)
            {
                p.Done.SetResult([.. indices.Skip(at).Take(p.Entries.Count)]);
                at += p.Entries.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    private async Task<IReadOnlyList<long>> IntegrateAsync(IReadOnlyList<byte[]> entries, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var size = (ulong)(await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0);
            if (tree is null || tree.Size != size)
            {
                tree = LedgerReader.LoadTree(db, size);
            }

            var completed = new List<(int Level, long Tile, int Position, byte[] Hash)>();
            var now = time.GetUtcNow().UtcDateTime;
            var indices = new long[entries.Count];
            var rows = new LedgerEntry[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                indices[i] = (long)tree.Size;
                tree.Append(Rfc6962.LeafHash(entries[i]), (node, hash) =>
                {
                    // Tiles hold the hashes of tree levels 0, 8, 16…: tile level L, hash N·256+i at tree level 8L.
                    if (node.Level % TileMath.Height == 0)
                    {
                        completed.Add((node.Level / TileMath.Height, (long)(node.Index / TileMath.Width), (int)(node.Index % TileMath.Width), hash));
                    }
                });
                rows[i] = new LedgerEntry { Index = indices[i], Data = entries[i], EntrySha256 = SHA256.HashData(entries[i]), IntegratedAtUtc = now };
            }

            var writer = LedgerRowWriter.For(db);
            await writer.InsertEntriesAsync(rows, ct);

            // Hashes complete in order, so each tile's new hashes are contiguous; only a level's first tile in this
            // batch can already be stored (partly filled), every later one is new.
            foreach (var group in completed.GroupBy(c => (c.Level, c.Tile)))
            {
                var first = group.First().Position;
                var stored = first == 0 ? null
                    : await db.LedgerTiles.AsNoTracking().Where(t => t.Level == group.Key.Level && t.Index == group.Key.Tile).Select(t => t.Hashes).SingleOrDefaultAsync(ct);
                var hashes = new byte[(stored?.Length ?? 0) + (group.Count() * Rfc6962.HashSize)];
                stored?.CopyTo(hashes, 0);
                var at = stored?.Length ?? 0;
                foreach (var (_, _, position, hash) in group)
                {
                    if (position * Rfc6962.HashSize != at)
                    {
                        throw new InvalidOperationException($"Tile {group.Key} would get hash {position} after {at / Rfc6962.HashSize}: the stored tree is inconsistent.");
                    }

                    hash.CopyTo(hashes, at);
                    at += Rfc6962.HashSize;
                }

                // A tile completed now gets its inner subtree hashes too, once: proofs then read them instead of
                // rehashing the tile (255 SHA-256) on every cache miss.
                var inner = hashes.Length == TileMath.Width * Rfc6962.HashSize
                    ? TileSubtrees.Compute(TileId.Hashes(group.Key.Level, (ulong)group.Key.Tile), hashes).Inner.ToArray()
                    : null;
                var tile = new LedgerTile { Level = group.Key.Level, Index = group.Key.Tile, Hashes = hashes, Inner = inner };
                await (stored is null ? writer.InsertTileAsync(tile, ct) : writer.UpdateTileAsync(tile, ct));
            }

            var checkpoint = new Checkpoint(keys.Origin, tree.Size, tree.Root());
            await writer.InsertCheckpointAsync(new LedgerCheckpoint
            {
                Size = (long)tree.Size,
                RootHash = checkpoint.RootHash,
                Note = SignedCheckpoint.Sign(checkpoint, keys.Signer),
                CreatedAtUtc = now,
            }, ct);
            await transaction.CommitAsync(ct);
            cache.InvalidateCheckpoint();
            return indices;
        }
        catch
        {
            tree = null;
            throw;
        }
    }

    public void Dispose() => gate.Dispose();
}
