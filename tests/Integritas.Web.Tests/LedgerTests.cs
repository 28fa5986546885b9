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
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ledger/proof/600", Ct)).StatusCode);

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
