using Integritas.Core.Ledger.Tiles;
using Integritas.Web.Features.Ledger;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Tests;

/// <summary>Tiles that are cheap to read again only fill free room in the proof cache; other tiles still evict.</summary>
public class LedgerProofCacheTests
{
    private static TileSubtrees Full(int level, ulong index) =>
        TileSubtrees.Compute(TileId.Hashes(level, index), new byte[TileMath.Width * 32]);

    [Fact]
    public void Cheap_to_reload_tiles_fill_free_room_but_never_evict()
    {
        using var cache = new LedgerProofCache(Options.Create(new LedgerOptions { ProofCacheMegabytes = 1 }), TimeProvider.System);
        for (var i = 0UL; i < 200; i++)
        {
            cache.AddTile(Full(0, i), cheapToReload: true);
        }

        // 1 MiB holds about 63 tiles of 16 KiB; cheap ones stop below nine tenths of it, the first ones staying.
        Assert.InRange(cache.TileCount, 40, 57);
        Assert.True(cache.TryGetTile(TileId.Hashes(0, 0), out _));
        Assert.False(cache.TryGetTile(TileId.Hashes(0, 199), out _));

        Assert.False(cache.HasRoomForCheapTile);

        // Any other tile is still taken (the cache evicts past its cap as before).
        cache.AddTile(Full(1, 0));
        Assert.True(cache.TryGetTile(TileId.Hashes(1, 0), out _));
    }

    [Fact]
    public void An_empty_cache_has_room_and_lends_tile_buffers_it_takes_back()
    {
        using var cache = new LedgerProofCache(Options.Create(new LedgerOptions()), TimeProvider.System);
        Assert.True(cache.HasRoomForCheapTile);

        var buffer = cache.RentTileBuffer();
        Assert.Equal((TileMath.Width * 32) + TileSubtrees.InnerSize, buffer.Length);
        cache.ReturnTileBuffer(buffer);
        Assert.Same(buffer, cache.RentTileBuffer());
        Assert.NotSame(buffer, cache.RentTileBuffer());
    }

    [Fact]
    public async Task Callers_finding_the_checkpoint_stale_share_one_load_and_a_commit_starts_another()
    {
        using var cache = new LedgerProofCache(Options.Create(new LedgerOptions()), TimeProvider.System);
        var loads = 0;
        var release = new TaskCompletionSource();
        async Task<(long Size, string Note)> Load()
        {
            var size = Interlocked.Increment(ref loads);
            await release.Task;
            return (size, $"origin\n{size}\n");
        }

        var first = cache.LatestCheckpointAsync(Load);
        var second = cache.LatestCheckpointAsync(Load);
        Assert.Same(first, second);
        Assert.Equal(1, loads);

        // A commit meanwhile: a caller from then on does not take the running load's (possibly older) result.
        cache.InvalidateCheckpoint();
        var third = cache.LatestCheckpointAsync(Load);
        Assert.NotSame(first, third);
        Assert.Equal(2, loads);

        release.SetResult();
        Assert.Equal(1, (await first).Size);
        Assert.Equal(2, (await third).Size);

        // Only the load started after the commit is kept.
        Assert.True(cache.TryGetCheckpoint(out var kept));
        Assert.Same(await third, kept);
        Assert.Same(kept, await cache.LatestCheckpointAsync(Load));
        Assert.Equal(2, loads);
    }
}
