using System.Collections.Concurrent;
using System.Reflection;
using Integritas.Data;
using Integritas.Data.Audit;
using Integritas.Data.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Saves new reports of many requests together (group commit): each request hands over the rows its report adds (the
/// report, its receipt, its photos, its queued notifications), and whoever finds the batcher free saves everything
/// queued so far in one transaction of its own — the inserts batched, their audit rows recorded as made by each
/// request's own actor, one commit — while the others wait for it. Every caller is answered only after the commit
/// that holds its rows, so an answer still means a durable report; under load the database sees a few transactions a
/// second instead of one (and four round trips) per report.
/// <para>
/// After the commit the batch's receipts are appended to the transparency log in one call (the log's own group
/// commit) and their indices stored, as <see cref="ComplaintLedger.RecordAsync"/> does for one report.
/// </para>
/// <para>
/// When a batch fails (one report's idempotency key taken by a racing retry, say) its reports are saved again one
/// by one, so only the failing one's caller gets the error.
/// </para>
/// </summary>
public sealed class ComplaintCreateBatcher(IServiceScopeFactory scopes, ComplaintLedgerAppender appender, ILogger<ComplaintCreateBatcher> logger) : IDisposable
{
    /// <summary>At most this many reports go into one transaction.</summary>
    public const int MaxBatch = 200;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentQueue<Pending> queue = new();

    private sealed record Pending(List<object> Rows, IAuditActor Actor, Complaint Complaint, string CategoryCode, TaskCompletionSource Done)
    {
        /// <summary>Set when a batch took it: its caller need not stay to save the queue.</summary>
        public volatile bool Taken;
    }

    private sealed record FixedActor(string? ActorId, string ActorName) : IAuditActor;

    /// <summary>
    /// Saves the rows <paramref name="db"/> has added (nothing else may be pending in it) and returns once they are
    /// committed; throws what saving them threw. <paramref name="db"/> tracks nothing afterwards: the rows were
    /// saved by another context, and the added objects carry their database-generated keys.
    /// </summary>
    public async Task SaveAsync(IntegritasDbContext db, Complaint complaint, string categoryCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complaint);
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted) || !added.Any(e => e.Entity == complaint))
        {
            throw new InvalidOperationException("Only a new report's added rows can be handed over.");
        }

        // References to rows that are only tracked (a category read for the check) would make the other context
        // insert them: they are cut before handing over (the keys stay).
        var rows = added.Select(e => e.Entity).ToList();
        var isNew = rows.ToHashSet(ReferenceEqualityComparer.Instance);
        var cut = new List<(object Entity, PropertyInfo Property)>();
        foreach (var entry in added)
        {
            foreach (var reference in entry.References)
            {
                if (reference.CurrentValue is { } target && !isNew.Contains(target) && reference.Metadata.PropertyInfo is { } property)
                {
                    cut.Add((entry.Entity, property));
                }
            }
        }

        var actor = new FixedActor(db.AuditActor.ActorId, db.AuditActor.ActorName);
        db.ChangeTracker.Clear();
        foreach (var (entity, property) in cut)
        {
            property.SetValue(entity, null);
        }

        var mine = new Pending(rows, actor, complaint, categoryCode, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Enqueue(mine);

        // Not cancelled with one caller: a batch carries the others' reports too, and ours may already be in one.
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            // Callers queued meanwhile ride along; ours is in the queue until someone took it.
            while (!mine.Taken && !queue.IsEmpty)
            {
                await Task.Yield();
                await ProcessQueuedAsync();
            }
        }
        finally
        {
            gate.Release();
        }

        await mine.Done.Task;
    }

    /// <summary>
    /// Takes up to <see cref="MaxBatch"/> queued reports, in queue order, and saves them; their receipts go to the
    /// transparency log after the commit, while the next batch is saved.
    /// </summary>
    private async Task ProcessQueuedAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            next.Taken = true;
            batch.Add(next);
        }

        if (batch.Count == 0)
        {
            return;
        }

        var saved = batch;
        try
        {
            await SaveBatchAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogInformation(e, "A batch of {Count} new reports failed; saving them one by one.", batch.Count);
            saved = [];
            foreach (var p in batch)
            {
                try
                {
                    await SaveBatchAsync([p]);
                    saved.Add(p);
                }
                catch (Exception one)
                {
                    p.Done.TrySetException(one);
                }
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }

        if (saved.Count > 0)
        {
            _ = RecordAsync(saved);
        }
    }

    /// <summary>
    /// Appends the saved reports' receipts to the transparency log in one call and answers their callers. A receipt
    /// whose append fails stays stored without an index and is recorded later (as <see cref="ComplaintLedger"/> does).
    /// </summary>
    private async Task RecordAsync(List<Pending> saved)
    {
        try
        {
            var logged = saved.SelectMany(p => p.Complaint.Updates.Where(ComplaintLedger.IsLogged)
                .Select(u => (Update: u, Entry: ComplaintLedger.EntryFor(u, p.Complaint.TrackingNumber, p.CategoryCode).ToBytes()))).ToList();
            var indices = await appender.AppendAsync([.. logged.Select(l => (l.Update.Id, l.Entry))], CancellationToken.None);
            for (var i = 0; i < logged.Count; i++)
            {
                logged[i].Update.LedgerIndex = indices[i];
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "{Count} new reports are stored but their receipts are not yet in the transparency log; they will be retried.", saved.Count);
        }
        catch (Exception e)
        {
            foreach (var p in saved)
            {
                p.Done.TrySetException(e);
            }

            return;
        }

        foreach (var p in saved)
        {
            p.Done.TrySetResult();
        }
    }

    private async Task SaveBatchAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        foreach (var p in batch)
        {
            foreach (var row in p.Rows)
            {
                ForgetGeneratedKey(db, row);
            }
        }

        foreach (var p in batch)
        {
            db.AddRange(p.Rows);
            foreach (var row in p.Rows)
            {
                db.AuditAs(row, p.Actor);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// A key the database generated in a failed attempt (rolled back) is cleared, so the next attempt asks for a new
    /// one instead of inserting the old one; foreign keys follow the navigations when the rows are added.
    /// </summary>
    private static void ForgetGeneratedKey(DbContext db, object row)
    {
        if (db.Model.FindEntityType(row.GetType())?.FindPrimaryKey() is not { Properties: [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd, PropertyInfo: { } key }] })
        {
            return;
        }

        if (key.PropertyType == typeof(long))
        {
            key.SetValue(row, 0L);
        }
        else if (key.PropertyType == typeof(int))
        {
            key.SetValue(row, 0);
        }
    }

    /// <summary>For tests: how many reports are waiting.</summary>
    internal int Queued => queue.Count;

    /// <summary>For tests: holds the batcher busy until disposed, so that the reports handed over meanwhile are saved as one batch.</summary>
    internal async Task<IDisposable> HoldAsync()
    {
        await gate.WaitAsync();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    public void Dispose() => gate.Dispose();
}
