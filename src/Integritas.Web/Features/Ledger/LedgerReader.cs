using System.Text;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Reads the stored log: the latest checkpoint, tiles, entry bundles, and the integrity checks' proofs, built from the
/// store alone. Served proofs come from <see cref="LedgerProofServer"/>, which needs no DbContext.
/// </summary>
public sealed class LedgerReader(IntegritasDbContext db, LedgerKeys keys) : IDisposable
{
    private readonly LedgerTileQuery tiles = new(db);

    /// <summary>The latest signed checkpoint; for an empty log, a freshly signed size-0 checkpoint.</summary>
    public Task<(long Size, string Note)> LatestCheckpointAsync(CancellationToken ct) => LatestCheckpointAsync(db, keys, ct);

    /// <summary>The latest signed checkpoint in <paramref name="db"/>; for an empty log, a freshly signed size-0 checkpoint.</summary>
    public static async Task<(long Size, string Note)> LatestCheckpointAsync(IntegritasDbContext db, LedgerKeys keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
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
    /// As <see cref="LedgerProofServer.ProofAsync"/> but from the database alone, bypassing the cache: for integrity
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
        public async Task<string?> ProofAsync(long index, CancellationToken ct)
        {
            if (index < 0 || index >= checkpoint.Size)
            {
                return null;
            }

            List<TileId>? missing = null;
            var proof = LedgerProofs.TryFormat((ulong)index, checkpoint, cache: null, tiles, read: null, ref missing)
                ?? await LedgerProofs.ReadThenFormatAsync((ulong)index, checkpoint, cache: null, tiles, reader.tiles, missing!, ct);
            return proof is null ? null : Encoding.UTF8.GetString(proof);
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
