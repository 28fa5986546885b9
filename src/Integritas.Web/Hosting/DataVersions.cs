using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integritas.Web.Hosting;

/// <summary>
/// A counter per entity type that goes up whenever this process commits a change to rows of that type through EF
/// (<c>SaveChanges</c>): in-memory caches of slowly changing data (categories, holidays, API keys, the Open311 list)
/// remember the version they were built from and are rebuilt when it moved. A reader takes the version before it
/// reads the database, so a change committed meanwhile always makes its entry stale rather than the other way round.
/// The counter goes up after the change is visible: after <c>SaveChanges</c>, and again at the commit of the
/// transaction it ran in. Bulk statements (<c>ExecuteUpdate</c>, raw SQL) and other processes are not seen: the caches
/// built on it hold data that only this portal's own pages and API change.
/// </summary>
public sealed class DataVersions
{
    private readonly ConcurrentDictionary<Type, StrongBox<long>> versions = new();

    public DataVersions() => Interceptor = new ChangeInterceptor(this);

    /// <summary>Registered on every <c>IntegritasDbContext</c> of the host.</summary>
    public IInterceptor Interceptor { get; }

    /// <summary>The current version of rows of <typeparamref name="T"/>.</summary>
    public long Of<T>() => Of(typeof(T));

    public long Of(Type type) => Volatile.Read(ref Box(type).Value);

    /// <summary>The sum of the types' versions: it moves whenever any of them does.</summary>
    public long Of(IReadOnlyList<Type> types)
    {
        long sum = 0;
        foreach (var type in types)
        {
            sum += Of(type);
        }

        return sum;
    }

    /// <summary>Marks rows of these types changed now (for writes that do not go through <c>SaveChanges</c>).</summary>
    public void Bump(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            Interlocked.Increment(ref Box(type).Value);
        }
    }

    private StrongBox<long> Box(Type type) => versions.GetOrAdd(type, static _ => new StrongBox<long>());

    // Per-context state lives in dictionaries cleared at the end of each save or transaction (a ConditionalWeakTable
    // made every save allocate finalizable handles: a seventh of the CPU at 500 reports a second).
    private sealed class ChangeInterceptor(DataVersions owner) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
    {
        // Types saved by a context, until the save ends (and, inside a transaction, until it commits or rolls back).
        private readonly ConcurrentDictionary<DbContext, HashSet<Type>> saving = new(ReferenceEqualityComparer.Instance);
        private readonly ConcurrentDictionary<DbContext, HashSet<Type>> uncommitted = new(ReferenceEqualityComparer.Instance);

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Note(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Ended(saving, eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(saving, eventData.Context);
            return Task.CompletedTask;
        }

        public void SaveChangesCanceled(DbContextEventData eventData) => Ended(saving, eventData.Context);

        public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(saving, eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(uncommitted, eventData.Context);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(uncommitted, eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(uncommitted, eventData.Context);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(uncommitted, eventData.Context);
            return Task.CompletedTask;
        }

        // A transaction disposed without commit or rollback ends without an event; its connection closes after it.
        public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Closed(eventData.Context);

        public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            Closed(eventData.Context);
            return Task.CompletedTask;
        }

        private void Note(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            HashSet<Type>? types = null;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    (types ??= []).Add(entry.Metadata.ClrType);
                }
            }

            if (types is not null)
            {
                saving[context] = types;
            }
        }

        private void Saved(DbContext? context)
        {
            if (context is null || !saving.TryRemove(context, out var types))
            {
                return;
            }

            owner.Bump(types);
            if (context.Database.CurrentTransaction is not null)
            {
                uncommitted.AddOrUpdate(context, types, (_, open) => [.. open, .. types]);
            }
        }

        private void Closed(DbContext? context)
        {
            if (context is not null && context.Database.CurrentTransaction is null)
            {
                Ended(uncommitted, context);
            }
        }

        // A failed save or a rolled-back transaction may still have changed rows (a later commit can keep them): bump.
        private void Ended(ConcurrentDictionary<DbContext, HashSet<Type>> pending, DbContext? context)
        {
            if (context is not null && pending.TryRemove(context, out var types))
            {
                owner.Bump(types);
            }
        }
    }
}
