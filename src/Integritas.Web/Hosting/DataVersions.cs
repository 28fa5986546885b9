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

    private sealed class ChangeInterceptor(DataVersions owner) : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        // Types saved by a context, until the save ends (and, inside a transaction, until it commits or rolls back).
        private readonly ConditionalWeakTable<DbContext, HashSet<Type>> saving = new();
        private readonly ConditionalWeakTable<DbContext, HashSet<Type>> uncommitted = new();

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

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Failed(eventData.Context);
            return Task.CompletedTask;
        }

        public void SaveChangesCanceled(DbContextEventData eventData) => Failed(eventData.Context);

        public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Failed(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return Task.CompletedTask;
        }

        private void Note(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            var types = saving.GetOrCreateValue(context);
            lock (types)
            {
                foreach (var entry in context.ChangeTracker.Entries())
                {
                    if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                    {
                        types.Add(entry.Metadata.ClrType);
                    }
                }
            }
        }

        private void Saved(DbContext? context)
        {
            if (context is null || !saving.TryGetValue(context, out var types))
            {
                return;
            }

            saving.Remove(context);
            owner.Bump(types);
            if (context.Database.CurrentTransaction is not null)
            {
                var open = uncommitted.GetOrCreateValue(context);
                lock (open)
                {
                    open.UnionWith(types);
                }
            }
        }

        private void Failed(DbContext? context)
        {
            if (context is not null && saving.TryGetValue(context, out var types))
            {
                saving.Remove(context);
                // A failed save inside a transaction may still have written rows that a later commit keeps.
                owner.Bump(types);
            }
        }

        private void Committed(DbContext? context)
        {
            if (context is not null && uncommitted.TryGetValue(context, out var types))
            {
                uncommitted.Remove(context);
                owner.Bump(types);
            }
        }

        private void Forget(DbContext? context)
        {
            if (context is not null && uncommitted.TryGetValue(context, out var types))
            {
                uncommitted.Remove(context);
                owner.Bump(types);
            }
        }
    }
}
