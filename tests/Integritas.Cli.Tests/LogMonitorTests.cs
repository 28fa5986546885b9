using System.Text;
using Integritas.Core.Ledger.Notes;
using Integritas.Data;
using Integritas.Web.Features.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli.Tests;

/// <summary>A portal on a temporary SQLite database of its own (no demo data), for the log tools to talk to over HTTP.</summary>
public abstract class TemporaryPortal : WebApplicationFactory<Program>
{
    private readonly string data = Directory.CreateTempSubdirectory("integritas-portal-").FullName;

    /// <summary>The log's origin and any settings a test adds.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string>> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Integritas:DataDirectory", data);
        builder.UseSetting("Integritas:SeedDemoData", "false");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Integritas:PublicPostPermitsPerMinute", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The portal, with a log of its own, for the monitor to audit over HTTP.</summary>
public sealed class LoggingPortal : TemporaryPortal
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Integritas:Ledger:Origin", "monitor.test/ledger")];
}

/// <summary>Item 11 of the transparency-log issue: tampering with stored entries or tiles is detected and the index named.</summary>
public sealed class LogMonitorTests(LoggingPortal portal) : IClassFixture<LoggingPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LogMonitor Monitor() => new(portal.CreateClient(), NoteVerifierKey.Parse(portal.Services.GetRequiredService<LedgerKeys>().Verifier.ToString()));

    private async Task AppendAsync(int from, int count) =>
        await portal.Services.GetRequiredService<LedgerSequencer>().AppendAsync(
            [.. Enumerable.Range(from, count).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"n\":{i}}}"))], Ct);

    private async Task WithDbAsync(Func<IntegritasDbContext, Task> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>());
    }

    [Fact]
    public async Task The_monitor_accepts_a_growing_log_and_names_the_entry_or_tile_that_was_altered()
    {
        var empty = await Monitor().VerifyAsync(null, Ct);
        Assert.True(empty.IsValid, empty.Message);

        await AppendAsync(0, 300);
        var first = await Monitor().VerifyAsync(null, Ct);
        Assert.True(first.IsValid, first.Message);
        Assert.Contains("300 entries verified", first.Message, StringComparison.Ordinal);

        await AppendAsync(300, 250);
        var grown = await Monitor().VerifyAsync(first.Checkpoint, Ct);
        Assert.True(grown.IsValid, grown.Message);
        Assert.Contains("consistent with the earlier checkpoint at size 300", grown.Message, StringComparison.Ordinal);

        // Someone with database access rewrites entry 417.
        await WithDbAsync(async db =>
        {
            var entry = await db.LedgerEntries.SingleAsync(e => e.Index == 417, Ct);
            entry.Data = Encoding.UTF8.GetBytes("{\"v\":1,\"n\":\"palsu\"}");
            await db.SaveChangesAsync(Ct);
        });
        var altered = await Monitor().VerifyAsync(first.Checkpoint, Ct);
        Assert.False(altered.IsValid);
        Assert.Equal(417, altered.BadIndex);
        Assert.Contains("Entry 417", altered.Message, StringComparison.Ordinal);

        // ...and, to hide it, recomputes the level-0 tile and everything above would not match the signed root.
        await WithDbAsync(async db =>
        {
            var entry = await db.LedgerEntries.SingleAsync(e => e.Index == 417, Ct);
            var tile = await db.LedgerTiles.SingleAsync(t => t.Level == 0 && t.Index == 1, Ct);
            var hashes = (byte[])tile.Hashes.Clone();
            Core.Ledger.Merkle.Rfc6962.LeafHash(entry.Data).CopyTo(hashes, (417 - 256) * 32);
            tile.Hashes = hashes;
            await db.SaveChangesAsync(Ct);
        });
        var hidden = await Monitor().VerifyAsync(first.Checkpoint, Ct);
        Assert.False(hidden.IsValid);
        Assert.Contains("differs from the signed checkpoint", hidden.Message, StringComparison.Ordinal);

        // A checkpoint from a different key is refused outright.
        using var other = NoteSignerKey.Generate("monitor.test/ledger");
        var wrongKey = await new LogMonitor(portal.CreateClient(), other.VerifierKey).VerifyAsync(null, Ct);
        Assert.False(wrongKey.IsValid);
        Assert.StartsWith("Checkpoint:", wrongKey.Message, StringComparison.Ordinal);
    }
}

/// <summary>A portal of its own for the Node.js tile verifier (its log is grown to exact sizes).</summary>
public sealed class MirroredPortal : TemporaryPortal
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Integritas:Ledger:Origin", "mirror.test/ledger")];
}

/// <summary>
/// The "done when" of the transparency-log issue: a verifier that shares no code with the project
/// (tests/crosscheck/verify-tlog-tiles.mjs, node:crypto only) accepts the served checkpoint and every tile.
/// </summary>
public sealed class IndependentTileVerifierTests(MirroredPortal portal) : IClassFixture<MirroredPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Encode(long n)
    {
        var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        digits = digits.PadLeft((digits.Length + 2) / 3 * 3, '0');
        var groups = Enumerable.Range(0, digits.Length / 3).Select(i => digits.Substring(i * 3, 3)).ToList();
        return string.Join('/', groups.Select((g, i) => i < groups.Count - 1 ? "x" + g : g));
    }

    /// <summary>Copies the served log to a folder as a static mirror would (same paths), for the verifier to read.</summary>
    private async Task<string> MirrorAsync(long size)
    {
        var folder = Directory.CreateTempSubdirectory("integritas-mirror-").FullName;
        var client = portal.CreateClient();
        async Task CopyAsync(string path)
        {
            var target = Path.Combine([folder, .. path.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, await client.GetByteArrayAsync("/ledger/" + path, Ct), Ct);
        }

        string TilePath(string prefix, long index, long width) => $"tile/{prefix}/{Encode(index)}" + (width < 256 ? $".p/{width}" : "");
        await CopyAsync("checkpoint");
        for (long t = 0; t * 256 < size; t++)
        {
            await CopyAsync(TilePath("entries", t, Math.Min(256, size - (t * 256))));
        }

        for (var (level, nodes) = (0, size); nodes > 0; level++, nodes /= 256)
        {
            for (long t = 0; t * 256 < nodes; t++)
            {
                await CopyAsync(TilePath(level.ToString(System.Globalization.CultureInfo.InvariantCulture), t, Math.Min(256, nodes - (t * 256))));
            }
        }

        return folder;
    }

    [Fact]
    public async Task A_nodejs_monitor_accepts_the_served_checkpoint_and_every_tile_and_names_a_changed_one()
    {
        var script = Path.Combine(LedgerCliTests.RepositoryRoot(), "tests", "crosscheck", "verify-tlog-tiles.mjs");
        var vkey = portal.Services.GetRequiredService<LedgerKeys>().Verifier.ToString();
        var sequencer = portal.Services.GetRequiredService<LedgerSequencer>();

        var empty = await MirrorAsync(0);
        var ok0 = await LedgerCliTests.NodeAsync(script, empty, vkey);
        Assert.True(ok0.Code == 0, ok0.Output);

        // 66,000 entries: full level-0 tiles, a full level-1 tile (65,536), partial tiles on levels 0–2.
        for (var done = 0; done < 66_000; done += 6_000)
        {
            await sequencer.AppendAsync([.. Enumerable.Range(done, 6_000).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"n\":{i}}}"))], Ct);
        }

        var folder = await MirrorAsync(66_000);
        var ok = await LedgerCliTests.NodeAsync(script, folder, vkey);
        Assert.True(ok.Code == 0, ok.Output);
        Assert.Equal("OK mirror.test/ledger: 66000 entries, 261 hash tiles, root matches the signed checkpoint", ok.Output.Trim());

        // One bit of a full level-0 tile: the verifier names the tile, the hash and the entries it covers.
        var tile = Path.Combine(folder, "tile", "0", "001");
        var bytes = await File.ReadAllBytesAsync(tile, Ct);
        bytes[(5 * 32) + 7] ^= 1;
        await File.WriteAllBytesAsync(tile, bytes, Ct);
        var caught = await LedgerCliTests.NodeAsync(script, folder, vkey);
        Assert.Equal(1, caught.Code);
        Assert.Contains("tile 0/1 hash 5 (entries from index 261) differs from the entries", caught.Output, StringComparison.Ordinal);

        // An entry changed in its bundle no longer matches the signed root.
        var fresh = await MirrorAsync(66_000);
        var bundle = Path.Combine(fresh, "tile", "entries", "257.p", "208");
        var entries = await File.ReadAllBytesAsync(bundle, Ct);
        entries[^2] ^= 1;
        await File.WriteAllBytesAsync(bundle, entries, Ct);
        var changed = await LedgerCliTests.NodeAsync(script, fresh, vkey);
        Assert.Equal(1, changed.Code);
        Assert.Contains("differs", changed.Output, StringComparison.Ordinal);

        using var other = NoteSignerKey.Generate("mirror.test/ledger");
        Assert.Equal(1, (await LedgerCliTests.NodeAsync(script, folder, other.VerifierKey.ToString())).Code);
        foreach (var dir in new[] { empty, folder, fresh })
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
