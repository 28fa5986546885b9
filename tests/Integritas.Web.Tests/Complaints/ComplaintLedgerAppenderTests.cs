using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Complaints;

/// <summary>
/// The batched appender of complaint updates: concurrent callers' updates are appended exactly once, in the order
/// each caller gave them, their indices stored; an update saved but never appended (a crash between the two) is
/// recorded by the sweep of a fresh appender, and a caller arriving after that sweep gets the sweep's index instead of
/// a second entry.
/// </summary>
public abstract class ComplaintLedgerAppenderTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    [Fact]
    public async Task Concurrent_callers_are_appended_once_each_in_their_order_with_their_indices_stored()
    {
        var receipts = await ReceiptsWithoutIndexAsync(24);
        var appender = F.Services.GetRequiredService<ComplaintLedgerAppender>();
        var before = await LogSizeAsync();

        // Six callers with four updates each, all at once.
        var results = await Task.WhenAll(receipts.Chunk(4).Select(chunk => Task.Run(async () =>
            (Chunk: chunk, Indices: await appender.AppendAsync([.. chunk.Select(r => (r.Update.Id, r.Entry))], Ct)))));

        Assert.Equal(before + receipts.Count, await LogSizeAsync());
        var all = results.SelectMany(r => r.Indices).ToList();
        Assert.Equal(receipts.Count, all.Distinct().Count());
        Assert.All(all, i => Assert.InRange(i, before, before + receipts.Count - 1));
        foreach (var (chunk, indices) in results)
        {
            // A caller's updates keep their order in the log.
            Assert.Equal(indices.Order(), indices);
            for (var i = 0; i < chunk.Length; i++)
            {
                var index = indices[i];
                Assert.Equal(chunk[i].Entry, await F.WithDbAsync(db => db.LedgerEntries.Where(e => e.Index == index).Select(e => e.Data).SingleAsync(Ct)));
                var id = chunk[i].Update.Id;
                Assert.Equal(index, await F.WithDbAsync(db => db.ComplaintUpdates.Where(u => u.Id == id).Select(u => u.LedgerIndex).SingleAsync(Ct)));
            }
        }
    }

    [Fact]
    public async Task An_update_saved_but_never_appended_is_recorded_after_a_restart_and_never_twice()
    {
        var receipt = Assert.Single(await ReceiptsWithoutIndexAsync(1));
        var before = await LogSizeAsync();

        // A fresh appender, as after a restart, finds the update by its missing index.
        using var restarted = new ComplaintLedgerAppender(F.Services.GetRequiredService<IServiceScopeFactory>(), F.Services.GetRequiredService<LedgerSequencer>());
        Assert.Equal(1, await restarted.RecordPendingAsync(Ct));
        Assert.Equal(before + 1, await LogSizeAsync());
        var id = receipt.Update.Id;
        Assert.Equal(before, await F.WithDbAsync(db => db.ComplaintUpdates.Where(u => u.Id == id).Select(u => u.LedgerIndex).SingleAsync(Ct)));
        Assert.Equal(receipt.Entry, await F.WithDbAsync(db => db.LedgerEntries.Where(e => e.Index == before).Select(e => e.Data).SingleAsync(Ct)));

        // Its caller, arriving late, is told the sweep's index; nothing is appended again, and nothing is left.
        Assert.Equal([before], await restarted.AppendAsync([(id, receipt.Entry)], Ct));
        Assert.Equal(0, await restarted.RecordPendingAsync(Ct));
        Assert.Equal(before + 1, await LogSizeAsync());
    }

    /// <summary>Reports made through the intake whose receipts are then stripped of their index (as if never appended).</summary>
    private async Task<List<(ComplaintUpdate Update, byte[] Entry)>> ReceiptsWithoutIndexAsync(int count)
    {
        var ids = new List<long>();
        await using (var h = Harness(DateTimeOffset.UtcNow))
        {
            for (var i = 0; i < count; i++)
            {
                ids.Add((await SubmitAsync(h)).Id);
            }
        }

        return await F.WithDbAsync(async db =>
        {
            await db.ComplaintUpdates.Where(u => ids.Contains(u.ComplaintId)).ExecuteUpdateAsync(s => s.SetProperty(u => u.LedgerIndex, (long?)null), Ct);
            var rows = await db.ComplaintUpdates.AsNoTracking().Where(u => ids.Contains(u.ComplaintId) && u.Kind == UpdateKind.Received)
                .OrderBy(u => u.Id).Select(u => new { Update = u, u.Complaint!.TrackingNumber, u.Complaint.Category!.Code }).ToListAsync(Ct);
            return rows.Select(r => (r.Update, ComplaintLedger.EntryFor(r.Update, r.TrackingNumber, r.Code).ToBytes())).ToList();
        });
    }

    private Task<long> LogSizeAsync() => F.WithDbAsync(db => db.LedgerEntries.LongCountAsync(Ct));
}

public sealed class SqliteComplaintLedgerAppenderTests(SqliteFactory factory) : ComplaintLedgerAppenderTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintLedgerAppenderTests(PostgresFactory factory) : ComplaintLedgerAppenderTests(factory), IClassFixture<PostgresFactory>;
