using System.Data;
using System.Data.Common;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Reads one stored hash tile (its hashes and, for a full tile, its inner subtree hashes) by primary key with a plain
/// ADO.NET command (on SQLite, the same SQL as a statement of SQLite's own), prepared once and reused for every tile
/// this reader asks for: what a proof-cache miss costs, without building an EF query each time. It runs either on a
/// DbContext's connection (opened once, closed on dispose) and in its current transaction, if any, or on a connection
/// of its own (<see cref="LedgerProofServer"/>'s, no DbContext at all). Table and column names come from the EF model.
/// </summary>
internal sealed class LedgerTileQuery : IDisposable
{
    private readonly IntegritasDbContext? db;
    private readonly DbConnection? own;
    private readonly string? ownSql;
    private DbCommand? command;
    private DbParameter? level;
    private DbParameter? index;
    private bool opened;
    private sqlite3_stmt? statement; // on SQLite: the command's SQL prepared on the connection below
    private sqlite3? statementOn;
    private int levelAt; // the statement's parameter numbers
    private int indexAt;

    /// <summary>On <paramref name="db"/>'s connection, in its current transaction if any.</summary>
    public LedgerTileQuery(IntegritasDbContext db) => this.db = db;

    /// <summary>
    /// On <paramref name="connection"/>, opened on first use and disposed with this query, with <paramref name="sql"/>
    /// from <see cref="Sql(IntegritasDbContext)"/>.
    /// </summary>
    public LedgerTileQuery(DbConnection connection, string sql) => (own, ownSql) = (connection, sql);

    private DbConnection Connection => own ?? db!.Database.GetDbConnection();

    /// <summary>The query's SQL, with parameters <c>@l</c> (level) and <c>@i</c> (index), as <paramref name="db"/>'s model names things.</summary>
    public static string Sql(IntegritasDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(typeof(LedgerTile)) ?? throw new InvalidOperationException("LedgerTile is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string name) => sql.DelimitIdentifier(type.FindProperty(name)!.GetColumnName(table)!);
        return $"SELECT {Column(nameof(LedgerTile.Hashes))}, {Column(nameof(LedgerTile.Inner))} " +
            $"FROM {sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} " +
            $"WHERE {Column(nameof(LedgerTile.Level))} = @l AND {Column(nameof(LedgerTile.Index))} = @i";
    }

    /// <summary>
    /// The stored row of <paramref name="tile"/>. With <paramref name="withInner"/>, a full tile stored with its inner
    /// hashes comes back as <c>Subtrees</c>: one array of its 8,192 bytes then its 8,160 inner bytes, read straight into
    /// place (for <see cref="TileSubtrees.FromStored(TileId, byte[])"/>): into <paramref name="into"/> when given (an array of
    /// exactly that length), else into a new array. Otherwise <c>Hashes</c> is the stored tile
    /// (possibly wider than <paramref name="tile"/>), or null when there is no row.
    /// </summary>
    public async Task<(byte[]? Hashes, byte[]? Subtrees)> ReadAsync(TileId tile, bool withInner, byte[]? into, CancellationToken ct)
    {
        if (!opened)
        {
            if (own is not null)
            {
                await own.OpenAsync(ct);
            }
            else
            {
                // EF counts this open and keeps the connection open until it is closed again (or the context is disposed).
                await db!.Database.OpenConnectionAsync(ct);
            }

            opened = true;
        }

        var connection = Connection;
        if (command is null)
        {
            Create(connection);
            if (connection is not SqliteConnection)
            {
                await command!.PrepareAsync(ct);
            }
        }

        if (connection is SqliteConnection sqlite)
        {
            return ReadSqlite(sqlite, tile, withInner, into);
        }

        command!.Transaction = db?.Database.CurrentTransaction?.GetDbTransaction();
        level!.Value = tile.Level;
        index!.Value = (long)tile.Index;

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return (null, null);
        }

        const int length = TileMath.Width * Rfc6962.HashSize;
        if (withInner && !tile.IsPartial && !await reader.IsDBNullAsync(1, ct)
            && reader.GetBytes(0, 0, null, 0, 0) == length && reader.GetBytes(1, 0, null, 0, 0) == TileSubtrees.InnerSize)
        {
            var subtrees = Destination(into);
            if (reader.GetBytes(0, 0, subtrees, 0, length) == length
                && reader.GetBytes(1, 0, subtrees, length, TileSubtrees.InnerSize) == TileSubtrees.InnerSize)
            {
                return (null, subtrees);
            }
        }

        return (reader.GetFieldValue<byte[]>(0), null);
    }

    /// <summary>
    /// As the generic path, on SQLite itself: the command's SQL is prepared once as a statement on the connection's
    /// handle, and each read binds, steps, reads the blob columns in place (<c>sqlite3_column_blob</c>, copied once into
    /// the result) and resets. Microsoft.Data.Sqlite's reader would add a reader object, a parameter binder and, for
    /// GetBytes, a stream, a table-metadata lookup and a copy of the whole blob on every call. The statement runs in the
    /// connection's transaction, if any (SQLite's transactions are the connection's), and waits on a locked database
    /// as the connection's busy timeout says.
    /// </summary>
    private (byte[]? Hashes, byte[]? Subtrees) ReadSqlite(SqliteConnection connection, TileId tile, bool withInner, byte[]? into)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        if (statement is null || !ReferenceEquals(statementOn, handle))
        {
            statement?.Dispose();
            statement = null;
            Check(raw.sqlite3_prepare_v2(handle, command!.CommandText, out var prepared), handle);
            (statement, statementOn) = (prepared, handle);
            (levelAt, indexAt) = (raw.sqlite3_bind_parameter_index(prepared, "@l"), raw.sqlite3_bind_parameter_index(prepared, "@i"));
        }

        try
        {
            Check(raw.sqlite3_bind_int64(statement, levelAt, tile.Level), handle);
            Check(raw.sqlite3_bind_int64(statement, indexAt, (long)tile.Index), handle);
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
            {
                return (null, null);
            }

            if (rc != raw.SQLITE_ROW)
            {
                Check(rc, handle);
                throw new InvalidOperationException($"SQLite step returned {rc}.");
            }

            var hashes = raw.sqlite3_column_blob(statement, 0);
            const int length = TileMath.Width * Rfc6962.HashSize;
            if (withInner && !tile.IsPartial && hashes.Length == length)
            {
                // A NULL column reads as an empty blob.
                var inner = raw.sqlite3_column_blob(statement, 1);
                if (inner.Length == TileSubtrees.InnerSize)
                {
                    var subtrees = Destination(into);
                    hashes.CopyTo(subtrees);
                    inner.CopyTo(subtrees.AsSpan(length));
                    return (null, subtrees);
                }
            }

            return (hashes.ToArray(), null);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }

        static void Check(int rc, sqlite3 handle)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }

    private static byte[] Destination(byte[]? into)
    {
        const int length = (TileMath.Width * Rfc6962.HashSize) + TileSubtrees.InnerSize;
        return into is null ? new byte[length] : into.Length == length ? into : throw new ArgumentException($"A tile with its inner hashes takes {length} bytes.", nameof(into));
    }

    private void Create(DbConnection connection)
    {
        command = connection.CreateCommand();
        command.CommandText = ownSql ?? Sql(db!);
        if (db is not null)
        {
            // The parameters as EF maps the columns.
            var type = db.Model.FindEntityType(typeof(LedgerTile))!;
            level = type.FindProperty(nameof(LedgerTile.Level))!.GetRelationalTypeMapping().CreateParameter(command, "@l", null, nullable: false);
            index = type.FindProperty(nameof(LedgerTile.Index))!.GetRelationalTypeMapping().CreateParameter(command, "@i", null, nullable: false);
        }
        else
        {
            level = Parameter("@l", DbType.Int32);
            index = Parameter("@i", DbType.Int64);
        }

        command.Parameters.Add(level);
        command.Parameters.Add(index);

        DbParameter Parameter(string name, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            return parameter;
        }
    }

    public void Dispose()
    {
        // Finalized while the connection is still open (before it goes back to the pool).
        statement?.Dispose();
        statement = null;
        command?.Dispose();
        if (own is not null)
        {
            own.Dispose();
        }
        else if (opened)
        {
            opened = false;
            db!.Database.CloseConnection();
        }
    }
}
