using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Integritas.Core.Ledger.Tiles;
using Integritas.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Serves inclusion proofs (<c>/ledger/proof/{index}</c>) against the latest checkpoint, with no request scope and no
/// DbContext: a request scope with its DbContext costs more than the proof itself. The checkpoint and the tiles on a
/// proof's path come from <see cref="LedgerProofCache"/>, so a warm proof completes synchronously with no database, no
/// hashing and one allocation (the file). A proof whose tiles are not all cached reads them, each once, with a tile
/// query (<see cref="LedgerTileQuery"/>) on a connection of its own: on SQLite a few long-lived connections are kept,
/// each with the tile statement prepared, and lent to one proof at a time; on PostgreSQL a connection is taken from
/// Npgsql's pool for the proof (its prepared statement persists on the physical connection) and given back after.
/// The latest checkpoint is read through a short-lived scope only when the cache's copy is stale (after this process
/// commits, or once <see cref="LedgerOptions.CheckpointCacheMilliseconds"/> have passed).
/// </summary>
public sealed class LedgerProofServer(IServiceScopeFactory scopes, LedgerKeys keys, LedgerProofCache cache) : IDisposable
{
    private readonly ConcurrentQueue<LedgerTileQuery> idle = new();
    private TileSource? source;
    private int disposed;

    /// <summary>How tile queries of this server connect: taken from the DbContext's own settings on the first miss.</summary>
    private sealed record TileSource(DbProviderFactory Factory, string ConnectionString, string Sql, bool KeepOpen);

    /// <summary>
    /// A tlog-proof file (UTF-8) for entry <paramref name="index"/> against the latest checkpoint, or null if the entry
    /// is not in it. Only the tiles the cache lacks are read, each once, so memory stays flat as the log grows. A full
    /// tile read from the store comes with its stored inner hashes, so a miss costs one indexed read, no hashing.
    /// </summary>
    public ValueTask<byte[]?> ProofBytesAsync(long index, CancellationToken ct) =>
        cache.TryGetCheckpoint(out var checkpoint) ? ProveAsync(index, checkpoint, ct) : LoadCheckpointThenProveAsync(index, ct);

    /// <summary>As <see cref="ProofBytesAsync"/>, decoded.</summary>
    public async Task<string?> ProofAsync(long index, CancellationToken ct) =>
        await ProofBytesAsync(index, ct) is { } proof ? Encoding.UTF8.GetString(proof) : null;

    private async ValueTask<byte[]?> LoadCheckpointThenProveAsync(long index, CancellationToken ct) =>
        await ProveAsync(index, await cache.LatestCheckpointAsync(LoadCheckpointAsync).WaitAsync(ct), ct);

    // Shared by the requests that find the checkpoint stale meanwhile, so no one request's cancellation applies to it.
    private async Task<(long Size, string Note)> LoadCheckpointAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LedgerReader.LatestCheckpointAsync(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>(), keys, CancellationToken.None);
    }

    /// <summary>Formatted at once when every tile is cached (completes synchronously); otherwise the missing tiles are read first.</summary>
    private ValueTask<byte[]?> ProveAsync(long index, LedgerProofCheckpoint checkpoint, CancellationToken ct)
    {
        if (index < 0 || index >= checkpoint.Size)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        List<TileId>? missing = null;
        return LedgerProofs.TryFormat((ulong)index, checkpoint, cache, store: null, read: null, ref missing) is { } proof
            ? ValueTask.FromResult<byte[]?>(proof)
            : ReadThenFormatAsync((ulong)index, checkpoint, missing!, ct);
    }

    private async ValueTask<byte[]?> ReadThenFormatAsync(ulong index, LedgerProofCheckpoint checkpoint, List<TileId> missing, CancellationToken ct)
    {
        var query = Rent();
        byte[]? proof;
        try
        {
            proof = await LedgerProofs.ReadThenFormatAsync(index, checkpoint, cache, store: null, query, missing, ct);
        }
        catch
        {
            // Not lent again after a failed read (a broken connection, a cancelled command): a new one is opened instead.
            query.Dispose();
            throw;
        }

        Return(query);
        return proof;
    }

    private LedgerTileQuery Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (idle.TryDequeue(out var query))
        {
            return query;
        }

        // Racing first misses may each build the (identical) source; one is kept.
        var from = Volatile.Read(ref source) ?? Interlocked.CompareExchange(ref source, Source(), null) ?? source!;
        var connection = from.Factory.CreateConnection() ?? throw new InvalidOperationException("The database provider made no connection.");
        connection.ConnectionString = from.ConnectionString;
        return new LedgerTileQuery(connection, from.Sql); // opened on its first read
    }

    private void Return(LedgerTileQuery query)
    {
        // A few per core: one is lent per proof being read, for as long as its reads take.
        if (source is { KeepOpen: true } && idle.Count < 4 * Environment.ProcessorCount && Volatile.Read(ref disposed) == 0)
        {
            idle.Enqueue(query);
            if (Volatile.Read(ref disposed) != 0)
            {
                Drain();
            }

            return;
        }

        query.Dispose();
    }

    private TileSource Source()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var connection = db.Database.GetDbConnection();
        var factory = DbProviderFactories.GetFactory(connection) ?? throw new InvalidOperationException($"{connection.GetType()} has no provider factory.");
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        if (connection is SqliteConnection)
        {
            // Kept open for the life of this server: SQLite's own pool would add nothing, and would keep the file open after.
            return new TileSource(factory, new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString(), LedgerTileQuery.Sql(db), KeepOpen: true);
        }

        return new TileSource(factory, connectionString, LedgerTileQuery.Sql(db), KeepOpen: false);
    }

    private void Drain()
    {
        while (idle.TryDequeue(out var query))
        {
            query.Dispose();
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, 1);
        Drain();
    }
}
