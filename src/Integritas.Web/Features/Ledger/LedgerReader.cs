using System.Text;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>Reads the stored log: the latest checkpoint, tiles, entry bundles, and proofs built from tiles.</summary>
public sealed class LedgerReader(IntegritasDbContext db, LedgerKeys keys, LedgerProofCache cache) : IDisposable
{
    private readonly LedgerTileQuery tiles = new(db);

    /// <summary>The latest signed checkpoint; for an empty log, a freshly signed size-0 checkpoint.</summary>
    public async Task<(long Size, string Note)> LatestCheckpointAsync(CancellationToken ct)
    {
        var latest = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return (0, SignedCheckpoint.Sign(new Checkpoint(keys.Origin, 0, Rfc6962.EmptyRoot()), keys.Signer));
        }

        // Witnesses' cosignatures follow the log's own signature line.
        var cosignatures = await db.LedgerCosignatures.AsNoTracking().Where(c => c.Size == latest.Size).OrderBy(c => c.KeyName).Select(c => c.Line).ToListAsync(ct);
        return (latest.Size, latest.Note + string.Concat(cosignatures));
    }

    /// <summary>The size of the latest checkpoint (0 for an empty log): all a tile request needs, without reading the note.</summary>
    public async Task<long> LatestSizeAsync(CancellationToken ct) =>
        await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0;

    /// <summary>The tile's bytes as the log of <paramref name="treeSize"/> serves it, or null when it does not exist (yet).</summary>
    public async Task<byte[]?> TileAsync(TileId tile, ulong treeSize, CancellationToken ct)
    {
        if (tile.Kind == TileKind.Entries)
        {
            var first = (long)(tile.Index * TileMath.Width);
            if ((ulong)first + (ulong)tile.Width > treeSize)
            {
                return null;
            }

            var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Index >= first && e.Index < first + tile.Width)
                .OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(ct);
            return entries.Count == tile.Width ? EntryBundle.Encode(entries) : null;
        }

        var hashes = await db.LedgerTiles.AsNoTracking().Where(t => t.Level == tile.Level && t.Index == (long)tile.Index).Select(t => t.Hashes).SingleOrDefaultAsync(ct);
        return Slice(hashes, tile);
    }

    /// <summary>
    /// A tlog-proof file for entry <paramref name="index"/> against the latest checkpoint, or null if the entry is not in
    /// it (as <see cref="ProofBytesAsync(long, CancellationToken)"/>, decoded).
    /// </summary>
    public async Task<string?> ProofAsync(long index, CancellationToken ct) =>
        await ProofBytesAsync(index, ct) is { } proof ? Encoding.UTF8.GetString(proof) : null;

    /// <summary>
    /// A tlog-proof file (UTF-8) for entry <paramref name="index"/> against the latest checkpoint, or null if the entry
    /// is not in it. The checkpoint and the tiles on the proof's path come from <see cref="LedgerProofCache"/>; only the
    /// tiles it lacks are read, each once, so memory stays flat as the log grows and a warm proof needs no database at
    /// all (nor hashing, nor allocation beyond the file itself). A full tile read from the store comes with its stored
    /// inner hashes, so a miss costs one indexed read, no hashing.
    /// </summary>
    public ValueTask<byte[]?> ProofBytesAsync(long index, CancellationToken ct) =>
        cache.TryGetCheckpoint(out var checkpoint) ? ProofAsync(index, checkpoint, store: null, ct) : LoadCheckpointThenProveAsync(index, ct);

    private async ValueTask<byte[]?> LoadCheckpointThenProveAsync(long index, CancellationToken ct) =>
        await ProofAsync(index, await cache.LatestCheckpointAsync(() => LatestCheckpointAsync(ct)), store: null, ct);

    /// <summary>
    /// As <see cref="ProofAsync(long, CancellationToken)"/> but from the database alone, bypassing the cache: for integrity
    /// checks, which must see a tile or checkpoint changed in the store even while the cache still holds the original.
    /// </summary>
    public async Task<string?> ProofFromStoreAsync(long index, CancellationToken ct) =>
        await (await FromStoreAsync(ct)).ProofAsync(index, ct);

    /// <summary>
    /// Proofs from the database alone (as <see cref="ProofFromStoreAsync"/>) for several entries: the latest checkpoint
    /// is read once and each tile once, however many entries share it — what a page checking all its evidence needs.
    /// </summary>
    public async Task<StoreProofs> FromStoreAsync(CancellationToken ct)
    {
        var (size, note) = await LatestCheckpointAsync(ct);
        return new(this, new LedgerProofCheckpoint(size, note));
    }

    public sealed class StoreProofs
    {
        private readonly LedgerReader reader;
        private readonly LedgerProofCheckpoint checkpoint;
        private readonly Dictionary<TileId, TileSubtrees> tiles = [];

        internal StoreProofs(LedgerReader reader, LedgerProofCheckpoint checkpoint) => (this.reader, this.checkpoint) = (reader, checkpoint);

        /// <summary>The tlog-proof of <paramref name="index"/>, or null when the checkpoint does not cover it.</summary>
        public async Task<string?> ProofAsync(long index, CancellationToken ct) =>
            await reader.ProofAsync(index, checkpoint, tiles, ct) is { } proof ? Encoding.UTF8.GetString(proof) : null;
    }

    /// <summary>
    /// A proof against <paramref name="checkpoint"/>. With <paramref name="store"/> (integrity checks) its tiles come from
    /// there and the store only, and the tiles read are kept in it; without, from the cache, and the tiles read are cached.
    /// Formatted at once when every tile is at hand (a warm proof completes synchronously); otherwise the missing
    /// tiles are read, then it is formatted.
    /// </summary>
    private ValueTask<byte[]?> ProofAsync(long index, LedgerProofCheckpoint checkpoint, Dictionary<TileId, TileSubtrees>? store, CancellationToken ct)
    {
        if (index < 0 || index >= checkpoint.Size)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        List<TileId>? missing = null;
        return TryFormat((ulong)index, checkpoint, store, read: null, ref missing) is { } proof
            ? ValueTask.FromResult<byte[]?>(proof)
            : ReadThenFormatAsync((ulong)index, checkpoint, store, missing!, ct);
    }

    private async ValueTask<byte[]?> ReadThenFormatAsync(ulong index, LedgerProofCheckpoint checkpoint, Dictionary<TileId, TileSubtrees>? store, List<TileId> missing, CancellationToken ct)
    {
        // Tiles read for this proof are used from here even if the cache declines to keep them.
        var read = store ?? new Dictionary<TileId, TileSubtrees>(missing.Count);
        List<byte[]>? lent = null;
        try
        {
            foreach (var tile in missing)
            {
                var (subtrees, buffer) = await SubtreesAsync(tile, useCache: store is null, ct);
                read[tile] = subtrees;
                if (buffer is not null)
                {
                    (lent ??= []).Add(buffer);
                }
            }

            List<TileId>? still = null;
            return TryFormat(index, checkpoint, store, read, ref still) ?? throw new InvalidOperationException($"Tiles {string.Join(", ", still!)} were read but are not at hand.");
        }
        finally
        {
            // The proof's hashes are copied out by now: the tiles that live in lent buffers are not used again.
            foreach (var buffer in lent ?? [])
            {
                cache.ReturnTileBuffer(buffer);
            }
        }
    }

    /// <summary>
    /// The proof file, or null with the tiles it lacks added to <paramref name="missing"/>. Tiles are taken from
    /// <paramref name="read"/>, then from <paramref name="store"/> when given, else from the cache. Every proof hash is a
    /// stored subtree hash copied out of a tile, except right-border ranges, which are folded once per checkpoint.
    /// </summary>
    private byte[]? TryFormat(ulong index, LedgerProofCheckpoint checkpoint, Dictionary<TileId, TileSubtrees>? store, Dictionary<TileId, TileSubtrees>? read, ref List<TileId>? missing)
    {
        var size = (ulong)checkpoint.Size;
        Span<SubtreeRange> plan = stackalloc SubtreeRange[InclusionProof.MaxLength];
        var count = InclusionProof.Plan(index, size, plan);
        Span<byte> hashes = stackalloc byte[InclusionProof.MaxLength * Rfc6962.HashSize];
        hashes = hashes[..(count * Rfc6962.HashSize)];
        Span<NodeId> nodes = stackalloc NodeId[InclusionProof.MaxLength];
        TileSubtrees? last = null; // consecutive proof hashes mostly come from the same tile (the proof goes bottom-up)
        for (var i = 0; i < count; i++)
        {
            var range = plan[i];
            var hash = hashes.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize);
            if (range.TryGetNode(out var node))
            {
                if (Find(node, ref last, ref missing, out var stored))
                {
                    stored.CopyTo(hash);
                }

                continue;
            }

            // Not a perfect subtree: a range [begin, size) on the right border, the same in every proof of this checkpoint.
            if (range.End != size)
            {
                throw new InvalidOperationException($"Proof range {range} of {index} in {size} is neither a subtree nor on the right border.");
            }

            if (checkpoint.TryGetBorder(range.Begin, out var border))
            {
                border.CopyTo(hash);
                continue;
            }

            // RFC 6962 nests a range's nodes from the right: MTH = H(n0, H(n1, … H(n[m-2], n[m-1]))).
            var n = TreeMath.PerfectNodes(range.Begin, range.End, nodes);
            var complete = true;
            byte[]? folded = null;
            for (var k = n - 1; k >= 0; k--)
            {
                if (!Find(nodes[k], ref last, ref missing, out var stored))
                {
                    complete = false;
                }
                else if (complete)
                {
                    folded = folded is null ? stored.ToArray() : Rfc6962.NodeHash(stored, folded);
                }
            }

            if (complete && folded is not null)
            {
                checkpoint.AddBorder(range.Begin, folded);
                folded.CopyTo(hash);
            }
        }

        return missing is null ? TlogProof.FormatUtf8(index, hashes, checkpoint.NoteUtf8) : null;

        // The stored hash of a perfect subtree; false, with its tile added to missing, when the tile is not at hand.
        bool Find(NodeId node, ref TileSubtrees? last, ref List<TileId>? missing, out ReadOnlySpan<byte> hash)
        {
            var (tile, slice) = TileSubtrees.Locate(node, size);
            if (last is null || last.Tile != tile)
            {
                TileSubtrees? found = null;
                if (read?.TryGetValue(tile, out found) != true && (store is null ? !cache.TryGetTile(tile, out found) : !store.TryGetValue(tile, out found)))
                {
                    missing ??= [];
                    if (!missing.Contains(tile))
                    {
                        missing.Add(tile);
                    }

                    hash = default;
                    return false;
                }

                last = found;
            }

            hash = last!.HashSpan(slice);
            return true;
        }
    }

    /// <summary>
    /// Reads <paramref name="tile"/>'s subtrees. A full level-0 tile the cache has no room for (the usual case in a large
    /// log: such tiles are many and cheap to read again) is read into a buffer lent by the cache, returned as
    /// <c>Lent</c>: the caller gives it back once done with the subtrees, so a miss allocates nothing of the tile's size.
    /// </summary>
    private async Task<(TileSubtrees Subtrees, byte[]? Lent)> SubtreesAsync(TileId tile, bool useCache, CancellationToken ct)
    {
        if (useCache && cache.TryGetTile(tile, out var cached))
        {
            return (cached, null);
        }

        var lent = useCache && tile.Level == 0 && !tile.IsPartial && !cache.HasRoomForCheapTile ? cache.RentTileBuffer() : null;
        try
        {
            // One indexed read; a full tile stored with its inner hashes is then served without hashing. Integrity checks
            // (not useCache) rehash the tile's own hashes instead: stored inner hashes would hide a changed tile hash.
            var (hashes, stored) = await tiles.ReadAsync(tile, withInner: useCache, lent, ct);
            TileSubtrees subtrees;
            if (stored is not null)
            {
                subtrees = TileSubtrees.FromStored(tile, stored);
            }
            else
            {
                // A partial tile, or a full one completed before inner hashes were stored (or with damaged ones), is hashed.
                var length = tile.Width * Rfc6962.HashSize;
                if (hashes is null || hashes.Length < length)
                {
                    throw new InvalidDataException($"Tile {tile} is missing from the store.");
                }

                subtrees = TileSubtrees.Compute(tile, hashes.AsSpan(0, length));
            }

            if (lent is not null && ReferenceEquals(stored, lent))
            {
                // Not cached: the caller returns the buffer.
                var kept = lent;
                lent = null;
                return (subtrees, kept);
            }

            if (useCache)
            {
                // Upper-level tiles are few and on every proof; level-0 tiles are many, and cheap to read again.
                cache.AddTile(subtrees, cheapToReload: stored is not null && tile.Level == 0);
            }

            return (subtrees, null);
        }
        finally
        {
            if (lent is not null)
            {
                cache.ReturnTileBuffer(lent);
            }
        }
    }

    /// <summary>Rebuilds the sequencer's tree state for <paramref name="size"/> entries from the stored tiles.</summary>
    public static CompactTree LoadTree(IntegritasDbContext db, ulong size)
    {
        if (size == 0)
        {
            return new CompactTree();
        }

        return CompactTree.FromLookup(size, TileNodeLookup.Create(size, StoredTiles(db)));
    }

    /// <summary>Reads one stored tile as a tree of the lookup's size sees it (TileNodeLookup caches what it fetched).</summary>
    private static Func<TileId, byte[]> StoredTiles(IntegritasDbContext db) => tile =>
        Slice(db.LedgerTiles.AsNoTracking().Where(t => t.Level == tile.Level && t.Index == (long)tile.Index).Select(t => t.Hashes).SingleOrDefault(), tile)
        ?? throw new InvalidDataException($"Tile {tile} is missing from the store.");

    /// <summary>A full tile only when stored full; a partial tile of width W is the first W hashes of its stored row.</summary>
    private static byte[]? Slice(byte[]? hashes, TileId tile)
    {
        var length = tile.Width * Rfc6962.HashSize;
        return hashes is null || hashes.Length < length ? null : hashes.Length == length ? hashes : hashes[..length];
    }

    public void Dispose() => tiles.Dispose();
}
