using System.Text;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Tests;

/// <summary>
/// Full tiles are stored with their inner subtree hashes so a proof-cache miss needs no hashing: the stored hashes must
/// be Core's, proofs from a cold cache must verify, and a log stored before inner hashes existed must still serve
/// valid proofs (its full tiles are hashed when read).
/// </summary>
public abstract class LedgerTileSubtreesTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static byte[] Entry(int i) => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"subtrees\",\"n\":{i}}}");

    // Beyond one level-1 tile (65,536 entries), in calls that complete tiles across integrations.
    private static readonly int[] Batches = [1, 300, 65_300, 1_000];

    /// <summary>Appends <see cref="Batches"/>; returns every entry of the log (the other test may have appended first).</summary>
    private async Task<List<byte[]>> AppendAsync()
    {
        var entries = await F.WithDbAsync(db => db.LedgerEntries.AsNoTracking().OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(Ct));
        var done = entries.Count;
        entries.AddRange(Enumerable.Range(done, Batches.Sum()).Select(Entry));
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        foreach (var batch in Batches)
        {
            await sequencer.AppendAsync(entries.GetRange(done, batch), Ct);
            done += batch;
        }

        return entries;
    }

    /// <summary>
    /// Proofs of <paramref name="indices"/> as served (a <see cref="LedgerProofServer"/> with a cache of its own, empty
    /// at first), or as integrity checks build them (<paramref name="fromStore"/>).
    /// </summary>
    private async Task<List<string>> ColdProofsAsync(IEnumerable<int> indices, bool fromStore = false, int cacheMegabytes = 64)
    {
        using var cache = new LedgerProofCache(Options.Create(new LedgerOptions { ProofCacheMegabytes = cacheMegabytes }), TimeProvider.System);
        using var server = new LedgerProofServer(F.Services.GetRequiredService<IServiceScopeFactory>(), F.Services.GetRequiredService<LedgerKeys>(), cache);
        await using var scope = F.Services.CreateAsyncScope();
        using var reader = new LedgerReader(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>(), F.Services.GetRequiredService<LedgerKeys>());
        var proofs = new List<string>();
        foreach (var index in indices)
        {
            proofs.Add((fromStore ? await reader.ProofFromStoreAsync(index, Ct) : await server.ProofAsync(index, Ct))
                ?? throw new InvalidOperationException($"No proof for {index}."));
        }

        return proofs;
    }

    [Fact]
    public async Task Full_tiles_store_core_inner_hashes_and_proofs_verify_from_a_cold_cache_and_without_them()
    {
        var entries = await AppendAsync();
        var total = (ulong)entries.Count;

        // Every full tile has Core's inner hashes; partial tiles have none.
        var tiles = await F.WithDbAsync(db => db.LedgerTiles.AsNoTracking().OrderBy(t => t.Level).ThenBy(t => t.Index).ToListAsync(Ct));
        Assert.Equal(TileMath.FullTileCount(0, total) + TileMath.FullTileCount(1, total), (ulong)tiles.Count(t => t.Inner is not null));
        foreach (var tile in tiles)
        {
            if (tile.Hashes.Length == TileMath.Width * Rfc6962.HashSize)
            {
                var computed = TileSubtrees.Compute(TileId.Hashes(tile.Level, (ulong)tile.Index), tile.Hashes);
                Assert.Equal(computed.Inner.ToArray(), tile.Inner);
            }
            else
            {
                Assert.Null(tile.Inner);
            }
        }

        var vkey = F.Services.GetRequiredService<LedgerKeys>().Verifier;
        var random = new Random(66_601);
        int[] indices = [0, 255, 256, 300, 65_535, 65_536, 66_047, 66_048, entries.Count - 1, .. Enumerable.Range(0, 20).Select(_ => random.Next(entries.Count))];
        var stored = await ColdProofsAsync(indices);
        for (var i = 0; i < indices.Length; i++)
        {
            var verified = TlogProofVerification.Verify(Encoding.UTF8.GetBytes(stored[i]), entries[indices[i]], vkey);
            Assert.True(verified.IsValid, $"{indices[i]}: {verified.Message}");
        }

        // Served proofs are byte for byte Core's proof formatted by Core (TlogProof.Format) against the latest checkpoint.
        var tree = new InMemoryTree([.. entries.Select(e => Rfc6962.LeafHash(e))]);
        string note;
        await using (var scope = F.Services.CreateAsyncScope())
        {
            (_, note) = await scope.ServiceProvider.GetRequiredService<LedgerReader>().LatestCheckpointAsync(Ct);
        }

        for (var i = 0; i < indices.Length; i++)
        {
            var index = (ulong)indices[i];
            Assert.Equal(new TlogProof(index, InclusionProof.Generate(index, total, tree.Lookup), note).Format(), stored[i]);
        }

        // Over HTTP (the application's LedgerProofServer: no DbContext, tiles read on its own connections), byte for byte
        // the same: first with its cache missing these tiles (they are read and cached), then with them cached.
        var client = F.Client();
        var cache = F.Services.GetRequiredService<LedgerProofCache>();
        var cachedBefore = cache.TileCount;
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                Assert.Equal(Encoding.UTF8.GetBytes(stored[i]), await client.GetByteArrayAsync($"/ledger/proof/{indices[i]}", Ct));
            }

            Assert.True(cache.TileCount > cachedBefore, $"round {round}: {cache.TileCount} tiles cached, {cachedBefore} before");
        }

        // With a cache too small for the log (1 MiB, about 60 tiles), once it is full level-0 tiles are read into lent
        // buffers instead of being cached; the proofs are the same.
        int[] everyTile = [.. Enumerable.Range(0, entries.Count / TileMath.Width).Select(t => (t * TileMath.Width) + 1)];
        Assert.Equal(stored, (await ColdProofsAsync([.. everyTile, .. indices], cacheMegabytes: 1))[everyTile.Length..]);

        // The integrity path (which rehashes tiles) gives the same proofs.
        Assert.Equal(stored, await ColdProofsAsync(indices, fromStore: true));

        // A log stored before inner hashes existed: its full tiles are hashed when read, and proofs are the same.
        await F.WithDbAsync(db => db.LedgerTiles.ExecuteUpdateAsync(u => u.SetProperty(t => t.Inner, (byte[]?)null), Ct));
        Assert.Equal(stored, await ColdProofsAsync(indices));

        // Appending to it stores inner hashes for tiles completed from then on only; proofs keep verifying.
        var more = Enumerable.Range(entries.Count, 600).Select(Entry).ToList();
        await F.Services.GetRequiredService<LedgerSequencer>().AppendAsync(more, Ct);
        entries.AddRange(more);
        Assert.True(await F.WithDbAsync(db => db.LedgerTiles.AnyAsync(t => t.Inner != null, Ct)));
        int[] later = [0, 66_047, 66_048, 66_600, entries.Count - 1];
        var proofs = await ColdProofsAsync(later);
        for (var i = 0; i < later.Length; i++)
        {
            var verified = TlogProofVerification.Verify(Encoding.UTF8.GetBytes(proofs[i]), entries[later[i]], vkey);
            Assert.True(verified.IsValid, $"{later[i]}: {verified.Message}");
        }

        // Served right after the appends (this process's commit refreshes the cached checkpoint at once), byte for byte
        // Core's proof against the new checkpoint, though the application's cache holds tiles of the smaller tree.
        total = (ulong)entries.Count;
        tree = new InMemoryTree([.. entries.Select(e => Rfc6962.LeafHash(e))]);
        await using (var scope = F.Services.CreateAsyncScope())
        {
            (_, note) = await scope.ServiceProvider.GetRequiredService<LedgerReader>().LatestCheckpointAsync(Ct);
        }

        Assert.Contains($"\n{total}\n", note, StringComparison.Ordinal);
        foreach (var index in later.Select(i => (ulong)i))
        {
            var expected = new TlogProof(index, InclusionProof.Generate(index, total, tree.Lookup), note).Format();
            Assert.Equal(Encoding.UTF8.GetBytes(expected), await client.GetByteArrayAsync($"/ledger/proof/{index}", Ct));
        }
    }

    [Fact]
    public async Task Integrity_proofs_rehash_the_tile_so_a_changed_leaf_hash_is_seen_while_served_proofs_use_stored_inner_hashes()
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        var existing = await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));
        var entries = Enumerable.Range(existing, 512).Select(Entry).ToList();
        await sequencer.AppendAsync(entries, Ct);
        var index = existing + 3;
        var tileIndex = index / TileMath.Width;

        // Change one leaf hash of the (full, inner-hashed) tile holding the entry, leaving its inner hashes alone.
        var original = await F.WithDbAsync(db => db.LedgerTiles.AsNoTracking().SingleAsync(t => t.Level == 0 && t.Index == tileIndex, Ct));
        Assert.NotNull(original.Inner);
        var tampered = original.Hashes.ToArray();
        // A leaf in the other half of the tile: the proof holds only the (stored) inner hash above it, never the leaf.
        tampered[((index % TileMath.Width) ^ 128) * Rfc6962.HashSize] ^= 0xff;
        await F.WithDbAsync(db => db.LedgerTiles.Where(t => t.Level == 0 && t.Index == tileIndex).ExecuteUpdateAsync(u => u.SetProperty(t => t.Hashes, tampered), Ct));
        try
        {
            var vkey = F.Services.GetRequiredService<LedgerKeys>().Verifier;
            var proof = (await ColdProofsAsync([index], fromStore: true))[0];
            Assert.False(TlogProofVerification.Verify(Encoding.UTF8.GetBytes(proof), entries[index - existing], vkey).IsValid);

            // (The public path trusts the stored inner hashes, as it trusts its cache: it still proves the entry.)
            var served = (await ColdProofsAsync([index]))[0];
            Assert.True(TlogProofVerification.Verify(Encoding.UTF8.GetBytes(served), entries[index - existing], vkey).IsValid);
        }
        finally
        {
            await F.WithDbAsync(db => db.LedgerTiles.Where(t => t.Level == 0 && t.Index == tileIndex).ExecuteUpdateAsync(u => u.SetProperty(t => t.Hashes, original.Hashes), Ct));
        }

        // The other way round, which shows the public path does read the stored inner hashes: change the inner hash on
        // the entry's proof path (its level-1 sibling); served proofs now fail, integrity proofs (rehashing) do not.
        var inner = original.Inner.ToArray();
        inner[(((index % TileMath.Width) >> 1) ^ 1) * Rfc6962.HashSize] ^= 0xff;
        await F.WithDbAsync(db => db.LedgerTiles.Where(t => t.Level == 0 && t.Index == tileIndex).ExecuteUpdateAsync(u => u.SetProperty(t => t.Inner, inner), Ct));
        try
        {
            var vkey = F.Services.GetRequiredService<LedgerKeys>().Verifier;
            var served = (await ColdProofsAsync([index]))[0];
            Assert.False(TlogProofVerification.Verify(Encoding.UTF8.GetBytes(served), entries[index - existing], vkey).IsValid);
            var checkedProof = (await ColdProofsAsync([index], fromStore: true))[0];
            Assert.True(TlogProofVerification.Verify(Encoding.UTF8.GetBytes(checkedProof), entries[index - existing], vkey).IsValid);
        }
        finally
        {
            await F.WithDbAsync(db => db.LedgerTiles.Where(t => t.Level == 0 && t.Index == tileIndex).ExecuteUpdateAsync(u => u.SetProperty(t => t.Inner, original.Inner), Ct));
        }
    }
}

public sealed class SqliteLedgerTileSubtreesTests(SqliteEmptyLogFactory factory) : LedgerTileSubtreesTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresLedgerTileSubtreesTests(PostgresEmptyLogFactory factory) : LedgerTileSubtreesTests(factory), IClassFixture<PostgresEmptyLogFactory>;
