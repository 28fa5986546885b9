using Integritas.Core.Ledger.Tiles;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// What proofs are built from, kept in memory so a proof costs no database round trip once its tiles are warm:
/// <list type="bullet">
/// <item>tiles with their inner subtree hashes (<see cref="TileSubtrees"/>), keyed by tile and width. A tile of a given
/// width never changes (tiles only grow, and a full tile is final), so entries are never stale. The cache is capped at
/// <see cref="LedgerOptions.ProofCacheMegabytes"/> and evicts the least recently used tiles past it, so memory stays
/// flat however large the log grows; at 10 million entries a warm cache of 64 MiB holds a tenth of the level-0 tiles
/// and every tile above them.</item>
/// <item>the latest checkpoint, for <see cref="LedgerOptions.CheckpointCacheMilliseconds"/>. This process's sequencer
/// and cosignatures <see cref="InvalidateCheckpoint"/> the moment they commit; appends by another process (the CLI) are
/// seen once the short lifetime ends.</item>
/// </list>
/// The tile endpoint does not use this cache: it serves what is stored.
/// </summary>
public sealed class LedgerProofCache : IDisposable
{
    private readonly MemoryCache tiles;
    private readonly TimeProvider time;
    private readonly TimeSpan checkpointLifetime;
    private CachedCheckpoint? checkpoint;
    private long generation;

    private sealed record CachedCheckpoint(long Size, string Note, long Generation, DateTimeOffset Until);

    public LedgerProofCache(IOptions<LedgerOptions> options, TimeProvider time)
    {
        var o = options.Value;
        this.time = time;
        checkpointLifetime = TimeSpan.FromMilliseconds(Math.Max(0, o.CheckpointCacheMilliseconds));
        tiles = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, o.ProofCacheMegabytes) * 1024L * 1024L, CompactionPercentage = 0.1 });
    }

    /// <summary>Tiles held now (for benchmarks and diagnostics).</summary>
    public long TileCount => tiles.Count;

    /// <summary>The latest checkpoint, from the cache while it is fresh, else from <paramref name="load"/>.</summary>
    public async Task<(long Size, string Note)> LatestCheckpointAsync(Func<Task<(long Size, string Note)>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var seen = Interlocked.Read(ref generation);
        if (Volatile.Read(ref checkpoint) is { } cached && cached.Generation == seen && time.GetUtcNow() < cached.Until)
        {
            return (cached.Size, cached.Note);
        }

        var latest = await load();
        // Not kept if a commit invalidated the cache while it was being read: it may predate that commit.
        var fresh = new CachedCheckpoint(latest.Size, latest.Note, seen, time.GetUtcNow() + checkpointLifetime);
        if (Interlocked.Read(ref generation) == seen)
        {
            Volatile.Write(ref checkpoint, fresh);
        }

        return latest;
    }

    /// <summary>Called after a new checkpoint or cosignature is committed.</summary>
    public void InvalidateCheckpoint()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref checkpoint, null);
    }

    public bool TryGetTile(TileId tile, out TileSubtrees subtrees) => tiles.TryGetValue(tile, out subtrees!);

    public void AddTile(TileSubtrees subtrees)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        // The hashes plus a rough allowance for the object, the key and the cache's own entry.
        using var entry = tiles.CreateEntry(subtrees.Tile);
        entry.Value = subtrees;
        entry.Size = subtrees.ByteSize + 256;
    }

    public void Dispose() => tiles.Dispose();
}
