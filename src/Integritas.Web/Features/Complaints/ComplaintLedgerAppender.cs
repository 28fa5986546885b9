using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Appends saved complaint updates to the transparency log and stores their indices, many callers at once (group
/// commit): whoever finds the appender free takes every update queued so far, appends their entries in one sequencer
/// integration and stores all their indices with one statement, while the others wait for it. Under load a thousand
/// reports a second cost a few integrations and index writes a second instead of one of each per report.
/// <para>
/// An update is durable before it gets here (saved with no index: "waiting to be recorded"); if the append fails it
/// stays so and <see cref="RecordPendingAsync"/> records it later. That sweep runs under the same lock and remembers
/// what it recorded, so an update it took while its caller was still on the way here is not appended twice.
/// </para>
/// </summary>
public sealed class ComplaintLedgerAppender(IServiceScopeFactory scopes, LedgerSequencer sequencer) : IDisposable
{
    /// <summary>At most this many updates go into one integration.</summary>
    public const int MaxBatch = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentQueue<Pending> queue = new();

    // Updates the last two sweeps recorded, with their indices (see the class remarks).
    private Dictionary<long, long> sweptNow = [];
    private Dictionary<long, long> sweptBefore = [];

    private sealed record Pending(long UpdateId, byte[] Entry, TaskCompletionSource<long> Done);

    /// <summary>Appends one entry per saved update (in the order given) and returns their log indices once stored.</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<(long UpdateId, byte[] Entry)> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return [];
        }

        var mine = updates.Select(u => new Pending(u.UpdateId, u.Entry, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
        foreach (var p in mine)
        {
            queue.Enqueue(p);
        }

        await gate.WaitAsync(ct);
        try
        {
            // Callers queued meanwhile ride along; our own updates are in the queue until someone took them.
            while (!mine[^1].Done.Task.IsCompleted && !queue.IsEmpty)
            {
                await Task.Yield();
                await ProcessQueuedAsync();
            }
        }
        finally
        {
            gate.Release();
        }

        var indices = new long[mine.Count];
        for (var i = 0; i < mine.Count; i++)
        {
            indices[i] = await mine[i].Done.Task.WaitAsync(ct);
        }

        return indices;
    }

    /// <summary>
    /// Records saved updates that should be in the log but have no index (their append failed, or the process stopped
    /// before it). Returns how many were recorded.
    /// </summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var pending = await db.ComplaintUpdates.AsNoTracking()
                .Where(u => u.LedgerIndex == null && u.IsPublic && ComplaintLedger.LoggedKindList.Contains(u.Kind))
                .OrderBy(u => u.Id).Take(500)
                .Select(u => new { Update = u, u.Complaint!.TrackingNumber, u.Complaint.Category!.Code })
                .ToListAsync(ct);
            if (pending.Count == 0)
            {
                return 0;
            }

            var ids = pending.Select(p => p.Update.Id).ToList();
            var indices = await sequencer.AppendAsync([.. pending.Select(p => ComplaintLedger.EntryFor(p.Update, p.TrackingNumber, p.Code).ToBytes())], CancellationToken.None);
            await StoreIndicesAsync(db, ids, indices);
            (sweptBefore, sweptNow) = (sweptNow, []);
            for (var i = 0; i < ids.Count; i++)
            {
                sweptNow[ids[i]] = indices[i];
            }

            return pending.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Takes up to <see cref="MaxBatch"/> queued updates, in queue order, and records them.</summary>
    private async Task ProcessQueuedAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            if (sweptNow.TryGetValue(next.UpdateId, out var index) || sweptBefore.TryGetValue(next.UpdateId, out index))
            {
                next.Done.TrySetResult(index);
            }
            else
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            // Not cancelled with one caller: the batch carries the others' updates too.
            var indices = await sequencer.AppendAsync([.. batch.Select(p => p.Entry)], CancellationToken.None);
            await using (var scope = scopes.CreateAsyncScope())
            {
                await StoreIndicesAsync(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>(), [.. batch.Select(p => p.UpdateId)], indices);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(indices[i]);
            }
        }
        catch (Exception e)
        {
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Sets each update's log index with one statement (no change tracking: the rows are not loaded).</summary>
    private static async Task StoreIndicesAsync(IntegritasDbContext db, IReadOnlyList<long> ids, IReadOnlyList<long> indices)
    {
        var type = db.Model.FindEntityType(typeof(ComplaintUpdate))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var from = 0; from < ids.Count; from += MaxBatch)
            {
                var count = Math.Min(MaxBatch, ids.Count - from);
                await using var command = connection.CreateCommand();
                var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(nameof(ComplaintUpdate.LedgerIndex))} = CASE {Column(nameof(ComplaintUpdate.Id))}");
                for (var i = 0; i < count; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $" WHEN @u{i} THEN @x{i}");
                    Add(command, $"@u{i}", ids[from + i]);
                    Add(command, $"@x{i}", indices[from + i]);
                }

                text.Append(CultureInfo.InvariantCulture, $" END WHERE {Column(nameof(ComplaintUpdate.Id))} IN (");
                text.AppendJoin(", ", Enumerable.Range(0, count).Select(i => $"@u{i}"));
                text.Append(')');
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public void Dispose() => gate.Dispose();
}
