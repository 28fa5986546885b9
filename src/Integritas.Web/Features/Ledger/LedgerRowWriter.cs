using System.Data.Common;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Writes an integration's rows without EF change tracking (a bulk path, see ARCHITECTURE.md): entries by PostgreSQL
/// binary COPY or by one prepared SQLite insert reused for every row; tiles and the checkpoint by plain commands. All of
/// it runs on the DbContext's own connection inside its current transaction, so it commits or rolls back with it.
/// Table and column names and parameter types come from the EF model.
/// </summary>
internal abstract class LedgerRowWriter(IntegritasDbContext db)
{
    protected IntegritasDbContext Db { get; } = db;

    public static LedgerRowWriter For(IntegritasDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresLedgerRowWriter(db) : new SqliteLedgerRowWriter(db);

    /// <summary>True when <paramref name="e"/> is a unique or primary-key violation (another writer got there first).</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException s => s.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT */,
        _ => false,
    };

    public abstract Task InsertEntriesAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken ct);

    public async Task InsertTileAsync(LedgerTile tile, CancellationToken ct)
    {
        await using var insert = Insert<LedgerTile>(nameof(LedgerTile.Level), nameof(LedgerTile.Index), nameof(LedgerTile.Hashes), nameof(LedgerTile.Inner));
        insert.Set(tile.Level, tile.Index, tile.Hashes, tile.Inner);
        await insert.ExecuteAsync(ct);
    }

    /// <summary>
    /// Replaces a growing tile's hashes (and, when they complete it, sets its inner hashes); the stored row must exist
    /// (it was just read in this transaction).
    /// </summary>
    public async Task UpdateTileAsync(LedgerTile tile, CancellationToken ct)
    {
        var (table, type) = Table<LedgerTile>();
        await using var command = Command();
        command.CommandText = $"UPDATE {Name(type)} SET {Column(type, table, nameof(LedgerTile.Hashes))} = @h, {Column(type, table, nameof(LedgerTile.Inner))} = @n " +
            $"WHERE {Column(type, table, nameof(LedgerTile.Level))} = @l AND {Column(type, table, nameof(LedgerTile.Index))} = @i";
        command.Parameters.Add(Parameter(command, type, nameof(LedgerTile.Hashes), "@h", tile.Hashes));
        command.Parameters.Add(Parameter(command, type, nameof(LedgerTile.Inner), "@n", tile.Inner));
        command.Parameters.Add(Parameter(command, type, nameof(LedgerTile.Level), "@l", tile.Level));
        command.Parameters.Add(Parameter(command, type, nameof(LedgerTile.Index), "@i", tile.Index));
        if (await command.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException($"Tile {tile.Level}/{tile.Index} was not found to update.");
        }
    }

    public async Task InsertCheckpointAsync(LedgerCheckpoint checkpoint, CancellationToken ct)
    {
        await using var insert = Insert<LedgerCheckpoint>(nameof(LedgerCheckpoint.Size), nameof(LedgerCheckpoint.RootHash), nameof(LedgerCheckpoint.Note), nameof(LedgerCheckpoint.CreatedAtUtc));
        insert.Set(checkpoint.Size, checkpoint.RootHash, checkpoint.Note, checkpoint.CreatedAtUtc);
        await insert.ExecuteAsync(ct);
    }

    /// <summary>A command on the context's connection, enlisted in its current transaction.</summary>
    protected DbCommand Command()
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Ledger rows are written only inside the integration's transaction.");
        return command;
    }

    protected (StoreObjectIdentifier Table, IEntityType Type) Table<T>()
    {
        var type = Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        return (StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()), type);
    }

    protected string Name(IEntityType type) => Db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    protected string Column(IEntityType type, StoreObjectIdentifier table, string property) =>
        Db.GetService<ISqlGenerationHelper>().DelimitIdentifier(Property(type, property).GetColumnName(table)!);

    protected static IProperty Property(IEntityType type, string name)
    {
        var property = type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}.");
        if (property.GetTypeMapping().Converter is not null)
        {
            // Values are bound as they are; a converted property would need the converter applied here.
            throw new InvalidOperationException($"{type.DisplayName()}.{name} has a value converter, which the bulk writer does not apply.");
        }

        return property;
    }

    protected static DbParameter Parameter(DbCommand command, IEntityType type, string property, string name, object? value)
    {
        var p = Property(type, property);
        return p.GetRelationalTypeMapping().CreateParameter(command, name, value, nullable: p.IsNullable);
    }

    /// <summary>A prepared single-row INSERT of the named properties, reusable for many rows.</summary>
    protected InsertCommand Insert<T>(params string[] properties)
    {
        var (table, type) = Table<T>();
        var command = Command();
        var names = properties.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        command.CommandText = $"INSERT INTO {Name(type)} ({string.Join(", ", properties.Select(p => Column(type, table, p)))}) VALUES ({string.Join(", ", names)})";
        var parameters = properties.Select((p, i) => Parameter(command, type, p, names[i], null)).ToArray();
        command.Parameters.AddRange(parameters);
        return new InsertCommand(command, parameters);
    }

    protected sealed class InsertCommand(DbCommand command, DbParameter[] parameters) : IAsyncDisposable
    {
        private bool prepared;

        public void Set(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }

        public async Task ExecuteAsync(CancellationToken ct)
        {
            if (!prepared)
            {
                await command.PrepareAsync(ct);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(ct);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}

/// <summary>SQLite: one prepared INSERT, rebound for each entry (SQLite has no COPY; in-process calls are cheap).</summary>
internal sealed class SqliteLedgerRowWriter(IntegritasDbContext db) : LedgerRowWriter(db)
{
    public override async Task InsertEntriesAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        await using var insert = Insert<LedgerEntry>(nameof(LedgerEntry.Index), nameof(LedgerEntry.Data), nameof(LedgerEntry.EntrySha256), nameof(LedgerEntry.IntegratedAtUtc));
        foreach (var e in entries)
        {
            insert.Set(e.Index, e.Data, e.EntrySha256, e.IntegratedAtUtc);
            await insert.ExecuteAsync(ct);
        }
    }
}

/// <summary>PostgreSQL: entries by binary COPY, typed with the columns' store types from the model.</summary>
internal sealed class PostgresLedgerRowWriter(IntegritasDbContext db) : LedgerRowWriter(db)
{
    public override async Task InsertEntriesAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        var (table, type) = Table<LedgerEntry>();
        string[] properties = [nameof(LedgerEntry.Index), nameof(LedgerEntry.Data), nameof(LedgerEntry.EntrySha256), nameof(LedgerEntry.IntegratedAtUtc)];
        var storeTypes = properties.Select(p => Property(type, p).GetColumnType()).ToArray();
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY {Name(type)} ({string.Join(", ", properties.Select(p => Column(type, table, p)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in entries)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(e.Index, storeTypes[0], ct);
            await import.WriteAsync(e.Data, storeTypes[1], ct);
            await import.WriteAsync(e.EntrySha256, storeTypes[2], ct);
            await import.WriteAsync(e.IntegratedAtUtc, storeTypes[3], ct);
        }

        await import.CompleteAsync(ct);
    }
}
