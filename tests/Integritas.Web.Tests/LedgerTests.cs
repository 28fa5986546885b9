using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.Tiles;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests;

/// <summary>
/// The durable log and its public HTTP face, checked as an outside client would: only the verifier key and what the
/// endpoints serve, recomputing the root from tiles and checking proofs offline.
/// </summary>
public abstract class LedgerTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static byte[] Entry(int i) => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"test\",\"n\":{i}}}");

    private async Task<List<byte[]>> AppendAsync(int count)
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        var existing = await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));
        var entries = Enumerable.Range(existing, count).Select(Entry).ToList();
        // Batches of different sizes, so tiles are extended across integrations.
        var done = 0;
        foreach (var batch in new[] { 1, 299, count - 300 })
        {
            var indices = await sequencer.AppendAsync(entries.Skip(done).Take(batch).ToList(), Ct);
            Assert.Equal(Enumerable.Range(existing + done, batch).Select(i => (long)i), indices);
            done += batch;
        }

        return entries;
    }

    [Fact]
    public async Task Served_checkpoint_tiles_entries_and_proofs_verify_from_the_outside()
    {
        var entries = await AppendAsync(600);
        var client = F.Client();
        var vkey = NoteVerifierKey.Parse((await client.GetStringAsync("/ledger/vkey", Ct)).Trim());

        var checkpointResponse = await client.GetAsync("/ledger/checkpoint", Ct);
        Assert.Equal("no-cache", checkpointResponse.Headers.CacheControl?.ToString());
        var opened = SignedCheckpoint.Open(await checkpointResponse.Content.ReadAsStringAsync(Ct), vkey);
        Assert.True(opened.IsValid, opened.Message);
        var checkpoint = opened.Checkpoint!;
        Assert.Equal(600UL, checkpoint.Size);
        Assert.Equal(new InMemoryTree(entries.Select(e => Rfc6962.LeafHash(e)).ToList()).Root(600), checkpoint.RootHash);

        // Recompute the root from the served tiles only.
        var fetched = new List<string>();
        var lookup = TileNodeLookup.Create(600, tile =>
        {
            fetched.Add(tile.Path);
            var response = client.GetAsync("/ledger/" + tile.Path, Ct).GetAwaiter().GetResult();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{tile.Path}: {(int)response.StatusCode}");
            return response.Content.ReadAsByteArrayAsync(Ct).GetAwaiter().GetResult();
        });
        Assert.Equal(checkpoint.RootHash, CompactTree.FromLookup(600, lookup).Root());
        Assert.Contains("tile/0/002.p/88", fetched);

        var full = await client.GetAsync("/ledger/tile/0/001", Ct);
        Assert.Equal(8192, (await full.Content.ReadAsByteArrayAsync(Ct)).Length);
        Assert.Contains("immutable", full.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ledger/tile/0/002", Ct)).StatusCode); // not full yet
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ledger/tile/1/000.p/2", Ct)).StatusCode);

        var bundle = await client.GetByteArrayAsync("/ledger/tile/entries/001", Ct);
        Assert.True(EntryBundle.TryDecode(bundle, out var decoded, out var error), error);
        Assert.Equal(entries.Skip(256).Take(256), decoded!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ledger/tile/entries/002", Ct)).StatusCode);

        var proof = await client.GetByteArrayAsync("/ledger/proof/577", Ct);
        var verified = TlogProofVerification.Verify(proof, entries[577], vkey);
        Assert.True(verified.IsValid, verified.Message);
        Assert.False(TlogProofVerification.Verify(proof, entries[576], vkey).IsValid);
        var missing = await client.GetAsync("/ledger/proof/600", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        // The proof route is served straight from routing, with the headers every response carries.
        var served = await client.GetAsync("/ledger/proof/577", Ct);
        Assert.Equal("text/plain; charset=utf-8", served.Content.Headers.ContentType?.ToString());
        Assert.Equal("entry-577.tlog-proof", served.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(proof, await served.Content.ReadAsByteArrayAsync(Ct));

        // The benchmark's ceiling route exists only when bench/proofs.sh asks for it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bench/ceiling", Ct)).StatusCode);

        var sha = Convert.ToHexStringLower(SHA256.HashData(entries[123]));
        using var found = JsonDocument.Parse(await client.GetStringAsync($"/ledger/lookup/{sha}", Ct));
        Assert.Equal(123, found.RootElement.GetProperty("indices")[0].GetInt64());
        Assert.Equal("/ledger/proof/123", found.RootElement.GetProperty("proofUrls")[0].GetString());
    }

    [Theory]
    [InlineData("/ledger/tile/0/0001")]
    [InlineData("/ledger/tile/0/x000/001")]
    [InlineData("/ledger/tile/0/000.p/256")]
    [InlineData("/ledger/tile/64/000")]
    [InlineData("/ledger/tile/bukan/tile")]
    [InlineData("/ledger/lookup/abc")]
    [InlineData("/ledger/proof/-1")]
    public async Task Malformed_requests_are_4xx_problems(string url)
    {
        var response = await F.Client().GetAsync(url, Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {(int)response.StatusCode}");
    }
}

/// <summary>Entry size limits, on a database of their own (other classes count entries exactly).</summary>
public abstract class LedgerLimitsTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static byte[] Entry(int i) => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"test\",\"n\":{i}}}");

    [Fact]
    public async Task Oversized_entries_are_refused_and_nothing_is_written()
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        var before = await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => sequencer.AppendAsync([Entry(1), new byte[EntryBundle.MaxEntrySize + 1]], Ct));
        Assert.Equal(before, await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct)));
        var largest = await sequencer.AppendAsync([new byte[EntryBundle.MaxEntrySize]], Ct);
        Assert.Equal(before, Assert.Single(largest));
    }
}

public sealed class SqliteLedgerLimitsTests(SqliteEmptyLogFactory factory) : LedgerLimitsTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresLedgerLimitsTests(PostgresEmptyLogFactory factory) : LedgerLimitsTests(factory), IClassFixture<PostgresEmptyLogFactory>;

/// <summary>A log nobody has appended to yet (its own database).</summary>
public abstract class EmptyLedgerTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task An_empty_log_serves_a_signed_size_zero_checkpoint()
    {
        var note = await F.Client().GetStringAsync("/ledger/checkpoint", Ct);
        var vkey = NoteVerifierKey.Parse((await F.Client().GetStringAsync("/ledger/vkey", Ct)).Trim());
        var opened = SignedCheckpoint.Open(note, vkey);
        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(0UL, opened.Checkpoint!.Size);
        Assert.Equal(Rfc6962.EmptyRoot(), opened.Checkpoint.RootHash);
        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync("/ledger/proof/0", Ct)).StatusCode);
    }
}

public sealed class SqliteEmptyLedgerTests(SqliteEmptyLogFactory factory) : EmptyLedgerTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresEmptyLedgerTests(PostgresEmptyLogFactory factory) : EmptyLedgerTests(factory), IClassFixture<PostgresEmptyLogFactory>;

public sealed class SqliteLedgerTests(SqliteEmptyLogFactory factory) : LedgerTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresLedgerTests(PostgresEmptyLogFactory factory) : LedgerTests(factory), IClassFixture<PostgresEmptyLogFactory>;

/// <summary>Concurrent appends are committed together (group commit) without losing or duplicating an index.</summary>
public abstract class LedgerConcurrencyTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Concurrent_appends_get_distinct_contiguous_indices_in_fewer_checkpoints()
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        // All 40 calls are started before any is awaited, so they queue while the first batch is integrating.
        var calls = Enumerable.Range(0, 40)
            .Select(c => sequencer.AppendAsync([.. Enumerable.Range(0, 10).Select(i => Encoding.UTF8.GetBytes($"{{\"c\":{c},\"i\":{i}}}"))], Ct))
            .ToList();
        var results = await Task.WhenAll(calls);

        var all = results.SelectMany(r => r).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), all);
        Assert.All(results, r => Assert.Equal(Enumerable.Range((int)r[0], 10).Select(i => (long)i), r)); // each call's entries stay together
        var checkpoints = await F.WithDbAsync(db => db.LedgerCheckpoints.CountAsync(Ct));
        Assert.True(checkpoints < 40, $"{checkpoints} checkpoints for 40 concurrent calls: they were not batched");

        // Every stored entry is the one its caller sent, at the index it was told.
        var stored = await F.WithDbAsync(db => db.LedgerEntries.OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(Ct));
        for (var c = 0; c < 40; c++)
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal($"{{\"c\":{c},\"i\":{i}}}", Encoding.UTF8.GetString(stored[(int)results[c][i]]));
            }
        }
    }
}

public sealed class SqliteLedgerConcurrencyTests(SqliteEmptyLogFactory factory) : LedgerConcurrencyTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresLedgerConcurrencyTests(PostgresEmptyLogFactory factory) : LedgerConcurrencyTests(factory), IClassFixture<PostgresEmptyLogFactory>;

/// <summary>
/// Batches far larger than a tile, written by the bulk path (COPY on PostgreSQL, a reused insert on SQLite): every
/// stored entry, tile and the checkpoint's root must be exactly what Core's in-memory tree computes.
/// </summary>
public abstract class LedgerBulkTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static byte[] Entry(int i) => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"bulk\",\"n\":{i}}}");

    [Fact]
    public async Task Large_batches_spanning_many_tiles_store_the_tree_core_computes()
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        // 100, then one call past a level-1 tile (65,536 entries: a level-2 hash appears), then one more partial batch.
        var sizes = new[] { 100, 66_000, 1_234 };
        var entries = Enumerable.Range(0, sizes.Sum()).Select(Entry).ToList();
        var done = 0;
        foreach (var size in sizes)
        {
            var indices = await sequencer.AppendAsync(entries.GetRange(done, size), Ct);
            Assert.Equal(Enumerable.Range(done, size).Select(i => (long)i), indices);
            done += size;
        }

        var tree = new InMemoryTree([.. entries.Select(e => Rfc6962.LeafHash(e))]);
        var total = (ulong)entries.Count;
        var checkpoint = await F.WithDbAsync(db => db.LedgerCheckpoints.OrderByDescending(c => c.Size).FirstAsync(Ct));
        Assert.Equal((long)total, checkpoint.Size);
        Assert.Equal(tree.Root(total), checkpoint.RootHash);
        Assert.Equal(sizes.Length, await F.WithDbAsync(db => db.LedgerCheckpoints.CountAsync(Ct)));

        // Every tile row holds exactly the complete nodes of its level, in order.
        var tiles = await F.WithDbAsync(db => db.LedgerTiles.AsNoTracking().ToListAsync(Ct));
        for (var level = 0; level < 3; level++)
        {
            var nodes = TreeMath.ShiftRight(total, TileMath.Height * level);
            var expectedTiles = (long)((nodes + TileMath.Width - 1) / TileMath.Width);
            var stored = tiles.Where(t => t.Level == level).OrderBy(t => t.Index).ToList();
            Assert.Equal(Enumerable.Range(0, (int)expectedTiles).Select(i => (long)i), stored.Select(t => t.Index));
            foreach (var tile in stored)
            {
                var width = (int)Math.Min(TileMath.Width, nodes - ((ulong)tile.Index * TileMath.Width));
                var expected = Enumerable.Range(0, width)
                    .SelectMany(i => tree.Node(TileMath.NodeOf(level, (ulong)tile.Index, i))).ToArray();
                Assert.Equal(expected, tile.Hashes);
            }
        }

        Assert.DoesNotContain(tiles, t => t.Level >= 3);

        // Entries are stored verbatim with their SHA-256, and proofs from the stored tiles verify.
        var sample = await F.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.Index % 997 == 0).OrderBy(e => e.Index).ToListAsync(Ct));
        Assert.Equal((entries.Count + 996) / 997, sample.Count);
        Assert.All(sample, e =>
        {
            Assert.Equal(entries[(int)e.Index], e.Data);
            Assert.Equal(SHA256.HashData(entries[(int)e.Index]), e.EntrySha256);
        });

        var vkey = F.Services.GetRequiredService<LedgerKeys>().Verifier;
        foreach (var index in new[] { 0, 255, 256, 65_535, 65_536, 66_099, entries.Count - 1 })
        {
            var proof = await F.Client().GetByteArrayAsync($"/ledger/proof/{index}", Ct);
            var verified = TlogProofVerification.Verify(proof, entries[index], vkey);
            Assert.True(verified.IsValid, $"{index}: {verified.Message}");
        }
    }
}

public sealed class SqliteLedgerBulkTests(SqliteEmptyLogFactory factory) : LedgerBulkTests(factory), IClassFixture<SqliteEmptyLogFactory>;

public sealed class PostgresLedgerBulkTests(PostgresEmptyLogFactory factory) : LedgerBulkTests(factory), IClassFixture<PostgresEmptyLogFactory>;

/// <summary>Two sequencers on one database stand for two processes: each notices the other's appends.</summary>
public abstract class LedgerSharedStoreTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static List<byte[]> Entries(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"shared\",\"n\":{i}}}"))];

    [Fact]
    public async Task A_second_process_appending_in_between_is_picked_up_and_nothing_collides()
    {
        using var other = new LedgerSequencer(F.Services.GetRequiredService<IServiceScopeFactory>(), F.Services.GetRequiredService<LedgerKeys>(), F.Services.GetRequiredService<LedgerProofCache>(), TimeProvider.System);
        var ours = F.Services.GetRequiredService<LedgerSequencer>();
        // The other test of this class may have appended first: indices continue from what is stored.
        var before = await F.WithDbAsync(db => db.LedgerEntries.OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(Ct));
        var start = before.Count;
        var entries = Entries(0, 900);
        Assert.Equal(Enumerable.Range(start, 300).Select(i => (long)i), await ours.AppendAsync(entries[..300], Ct));
        Assert.Equal(Enumerable.Range(start + 300, 300).Select(i => (long)i), await other.AppendAsync(entries[300..600], Ct));
        Assert.Equal(Enumerable.Range(start + 600, 300).Select(i => (long)i), await ours.AppendAsync(entries[600..], Ct));

        var root = await F.WithDbAsync(db => db.LedgerCheckpoints.OrderByDescending(c => c.Size).Select(c => c.RootHash).FirstAsync(Ct));
        Assert.Equal(new InMemoryTree([.. before.Concat(entries).Select(e => Rfc6962.LeafHash(e))]).Root((ulong)(start + 900)), root);
    }

    [Fact]
    public async Task Proofs_from_cached_tiles_stay_valid_as_the_log_grows()
    {
        var sequencer = F.Services.GetRequiredService<LedgerSequencer>();
        var vkey = F.Services.GetRequiredService<LedgerKeys>().Verifier;
        var client = F.Client();
        var existing = await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));
        var entries = Enumerable.Range(existing, 700).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"grow\",\"n\":{i}}}")).ToList();
        var first = existing;
        foreach (var batch in new[] { 300, 5, 395 })
        {
            // Each append is visible to the next proof at once (this process's commits refresh the cached checkpoint),
            // and proofs made at the earlier size (cached partial tiles) do not leak into proofs at the new size.
            await sequencer.AppendAsync(entries.GetRange(first - existing, batch), Ct);
            first += batch;
            foreach (var index in new[] { existing, first - 1, existing + ((first - existing) / 2) })
            {
                var proof = await client.GetByteArrayAsync($"/ledger/proof/{index}", Ct);
                var verified = TlogProofVerification.Verify(proof, entries[index - existing], vkey);
                Assert.True(verified.IsValid, $"{index} at {first}: {verified.Message}");
                Assert.Contains($"\n{first}\n", System.Text.Encoding.UTF8.GetString(proof), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_row_another_writer_stored_first_is_reported_as_a_unique_violation_and_rolled_back()
    {
        await F.Services.GetRequiredService<LedgerSequencer>().AppendAsync(Entries(10_000, 3), Ct);
        var caught = await F.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var writer = LedgerRowWriter.For(db);
            var existing = await db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Size).FirstAsync(Ct);
            return await Record.ExceptionAsync(() => writer.InsertCheckpointAsync(existing, Ct));
        });
        Assert.NotNull(caught);
        Assert.True(LedgerRowWriter.IsUniqueViolation(caught), caught.ToString());
        Assert.False(LedgerRowWriter.IsUniqueViolation(new InvalidOperationException()));
    }
}

public sealed class SqliteLedgerSharedStoreTests(SqliteFactory factory) : LedgerSharedStoreTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresLedgerSharedStoreTests(PostgresFactory factory) : LedgerSharedStoreTests(factory), IClassFixture<PostgresFactory>;
