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
    /// it. The checkpoint and the tiles on the proof's path come from <see cref="LedgerProofCache"/>; only the tiles it
    /// lacks are read, each once, so memory stays flat as the log grows and a warm proof needs no database at all. A
    /// full tile read from the store comes with its stored inner hashes, so a miss costs one indexed read, no hashing.
    /// </summary>
    public async Task<string?> ProofAsync(long index, CancellationToken ct) =>
        await ProofAsync(index, await cache.LatestCheckpointAsync(() => LatestCheckpointAsync(ct)), [], useCache: true, ct);

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
    public async Task<StoreProofs> FromStoreAsync(CancellationToken ct) => new(this, await LatestCheckpointAsync(ct));

    public sealed class StoreProofs
    {
        private readonly LedgerReader reader;
        private readonly (long Size, string Note) checkpoint;
        private readonly Dictionary<TileId, TileSubtrees> tiles = [];

        internal StoreProofs(LedgerReader reader, (long Size, string Note) checkpoint) => (this.reader, this.checkpoint) = (reader, checkpoint);

        /// <summary>The tlog-proof of <paramref name="index"/>, or null when the checkpoint does not cover it.</summary>
        public Task<string?> ProofAsync(long index, CancellationToken ct) => reader.ProofAsync(index, checkpoint, tiles, useCache: false, ct);
    }

    /// <summary>A proof against <paramref name="checkpoint"/>, reading into <paramref name="path"/> the tiles it lacks.</summary>
    private async Task<string?> ProofAsync(long index, (long Size, string Note) checkpoint, Dictionary<TileId, TileSubtrees> path, bool useCache, CancellationToken ct)
    {
        var (size, note) = checkpoint;
        if (index < 0 || index >= size)
        {
            return null;
        }

        // The proof's nodes are known before any hash is read: fetch the tiles they live in, then hash synchronously.
        var plan = InclusionProof.Plan((ulong)index, (ulong)size);
        foreach (var range in plan)
        {
            foreach (var node in range.Nodes)
            {
                var (tile, _) = TileSubtrees.Locate(node, (ulong)size);
                if (!path.ContainsKey(tile))
                {
                    path[tile] = await SubtreesAsync(tile, useCache, ct);
                }
            }
        }

        var lookup = TileSubtrees.Lookup((ulong)size, tile => path[tile]);
        return new TlogProof((ulong)index, [.. plan.Select(range => range.Hash(lookup))], note).Format();
    }

    private async Task<TileSubtrees> SubtreesAsync(TileId tile, bool useCache, CancellationToken ct)
    {
        if (useCache && cache.TryGetTile(tile, out var cached))
        {
            return cached;
        }

        // One indexed read; a full tile stored with its inner hashes is then served without hashing. Integrity checks
        // (not useCache) rehash the tile's own hashes instead: stored inner hashes would hide a changed tile hash.
        var (hashes, stored) = await tiles.ReadAsync(tile, withInner: useCache, ct);
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

        if (useCache)
        {
            // Upper-level tiles are few and on every proof; level-0 tiles are many, and cheap to read again.
            cache.AddTile(subtrees, cheapToReload: stored is not null && tile.Level == 0);
        }

        return subtrees;
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
