using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Integritas.Core.Ledger.Merkle;
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
/// flat however large the log grows. Full level-0 tiles stored with their inner hashes are cheap to read again, so
/// they only fill free room and never evict anything: at 10 million entries a 64 MiB cache holds every tile above
/// level 0 and about a tenth of the level-0 tiles, and the other nine in ten proofs read one tile row.</item>
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
    private readonly long sizeLimit;
    private readonly TimeSpan checkpointLifetime;
    private CachedCheckpoint? checkpoint;
    private long generation;
    private long held; // bytes of the tiles in the cache, as AddTile counts them
    private readonly ConcurrentQueue<byte[]> buffers = new();

    private readonly Lock loadGate = new();
    private LoadingCheckpoint? loading;

    private sealed record CachedCheckpoint(LedgerProofCheckpoint Checkpoint, long Generation, DateTimeOffset Until);

    private sealed record LoadingCheckpoint(Task<LedgerProofCheckpoint> Task, long Generation);

    public LedgerProofCache(IOptions<LedgerOptions> options, TimeProvider time)
    {
        var o = options.Value;
        this.time = time;
        checkpointLifetime = TimeSpan.FromMilliseconds(Math.Max(0, o.CheckpointCacheMilliseconds));
        sizeLimit = Math.Max(1, o.ProofCacheMegabytes) * 1024L * 1024L;
        tiles = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.1 });
    }

    /// <summary>Tiles held now (for benchmarks and diagnostics).</summary>
    public long TileCount => tiles.Count;

    /// <summary>The latest checkpoint while the one held is fresh: no allocation, no database.</summary>
    public bool TryGetCheckpoint([NotNullWhen(true)] out LedgerProofCheckpoint? latest)
    {
        var seen = Interlocked.Read(ref generation);
        if (Volatile.Read(ref checkpoint) is { } cached && cached.Generation == seen && time.GetUtcNow() < cached.Until)
        {
            latest = cached.Checkpoint;
            return true;
        }

        latest = null;
        return false;
    }

    /// <summary>
    /// The latest checkpoint, from the cache while it is fresh, else from <paramref name="load"/>. Callers that find it
    /// stale while a load started since the last commit (<see cref="InvalidateCheckpoint"/>) is still running share that
    /// load rather than each reading the database: a busy proof endpoint reads the checkpoint once a commit, not once a
    /// request. <paramref name="load"/> must not depend on one caller's cancellation, as others may be waiting on it.
    /// </summary>
    public Task<LedgerProofCheckpoint> LatestCheckpointAsync(Func<Task<(long Size, string Note)>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGetCheckpoint(out var current))
        {
            return Task.FromResult(current);
        }

        TaskCompletionSource<LedgerProofCheckpoint> loaded;
        long seen;
        lock (loadGate)
        {
            if (TryGetCheckpoint(out current))
            {
                return Task.FromResult(current);
            }

            seen = Interlocked.Read(ref generation);
            if (loading is { } running && running.Generation == seen && !running.Task.IsCompleted)
            {
                return running.Task;
            }

            loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
            loading = new(loaded.Task, seen);
        }

        // Outside the lock: the load may complete synchronously (SQLite), or take a round trip.
        _ = LoadCheckpointAsync(load, seen, loaded);
        return loaded.Task;
    }

    private async Task LoadCheckpointAsync(Func<Task<(long Size, string Note)>> load, long seen, TaskCompletionSource<LedgerProofCheckpoint> loaded)
    {
        try
        {
            var (size, note) = await load();
            var latest = new LedgerProofCheckpoint(size, note);
            // Not kept if a commit invalidated the cache while it was being read: it may predate that commit.
            var fresh = new CachedCheckpoint(latest, seen, time.GetUtcNow() + checkpointLifetime);
            if (Interlocked.Read(ref generation) == seen)
            {
                Volatile.Write(ref checkpoint, fresh);
            }

            loaded.SetResult(latest);
        }
        catch (Exception e)
        {
            loaded.SetException(e);
        }
    }

    /// <summary>Called after a new checkpoint or cosignature is committed.</summary>
    public void InvalidateCheckpoint()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref checkpoint, null);
    }

    public bool TryGetTile(TileId tile, out TileSubtrees subtrees) => tiles.TryGetValue(tile, out subtrees!);

    /// <summary>
    /// Keeps <paramref name="subtrees"/>. One that is <paramref name="cheapToReload"/> (a full level-0 tile stored with its
    /// inner hashes: one indexed read, no hashing) is kept only while the cache has room, never at the cost of evicting
    /// others: level-0 tiles are many and each is rarely asked for, so once the cache is full, churning them through it
    /// (allocating, promoting and evicting 16 KiB objects) costs more than reading them again.
    /// </summary>
    public void AddTile(TileSubtrees subtrees, bool cheapToReload = false)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        // The hashes plus a rough allowance for the object, the key and the cache's own entry.
        var size = subtrees.ByteSize + 256L;
        if (cheapToReload && !HasRoomFor(size))
        {
            return;
        }

        // Counted here and uncounted when the cache lets go of it (evicted, replaced, or refused for want of room).
        // MemoryCache's own statistics would do, but summing them takes a lock every caller contends for.
        Interlocked.Add(ref held, size);
        using var entry = tiles.CreateEntry(subtrees.Tile);
        entry.Value = subtrees;
        entry.Size = size;
        entry.RegisterPostEvictionCallback(Released, this);
    }

    /// <summary>Whether a tile that is cheap to reload, of <paramref name="size"/> bytes, would be kept by <see cref="AddTile"/>.</summary>
    private bool HasRoomFor(long size) => Interlocked.Read(ref held) + size <= sizeLimit * 9 / 10;

    /// <summary>Whether a full level-0 tile stored with its inner hashes would be kept now if it were read.</summary>
    public bool HasRoomForCheapTile => HasRoomFor(((2 * TileMath.Width) - 1) * Rfc6962.HashSize + 256L);

    /// <summary>
    /// An array for one full tile with its inner hashes (<see cref="TileSubtrees.FromStored(TileId, byte[])"/>), to read a
    /// tile into that will not be cached; give it back with <see cref="ReturnTileBuffer"/> once its subtrees are unused.
    /// </summary>
    public byte[] RentTileBuffer() => buffers.TryDequeue(out var buffer) ? buffer : new byte[TileBufferSize];

    public void ReturnTileBuffer(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        // A few per core are enough: one is lent per proof being read, for as long as the read and the formatting take.
        if (buffer.Length == TileBufferSize && buffers.Count < 4 * Environment.ProcessorCount)
        {
            buffers.Enqueue(buffer);
        }
    }

    private const int TileBufferSize = (TileMath.Width * Rfc6962.HashSize) + TileSubtrees.InnerSize;

    private static void Released(object key, object? value, EvictionReason reason, object? state)
    {
        if (value is TileSubtrees subtrees && state is LedgerProofCache cache)
        {
            Interlocked.Add(ref cache.held, -(subtrees.ByteSize + 256L));
        }
    }

    public void Dispose() => tiles.Dispose();
}
