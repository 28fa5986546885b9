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
