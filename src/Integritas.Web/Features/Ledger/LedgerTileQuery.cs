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
/// ADO.NET command, prepared once and reused for every tile this reader asks for: what a proof-cache miss costs,
/// without building an EF query each time. It runs on the DbContext's connection (opened once, closed on dispose) and
/// in its current transaction, if any. Table and column names come from the EF model.
/// </summary>
internal sealed class LedgerTileQuery(IntegritasDbContext db) : IDisposable
{
    private DbCommand? command;
    private DbParameter? level;
    private DbParameter? index;
    private bool opened;

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
            // EF counts this open and keeps the connection open until it is closed again (or the context is disposed).
            await db.Database.OpenConnectionAsync(ct);
            opened = true;
        }

        if (command is null)
        {
            Create();
            await command!.PrepareAsync(ct);
        }

        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        level!.Value = tile.Level;
        index!.Value = (long)tile.Index;
        if (command is SqliteCommand sqlite)
        {
            return ReadSqlite(sqlite, tile, withInner, into);
        }

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
    /// As the generic path, on SQLite's own statement: its blob columns are read in place (<c>sqlite3_column_blob</c>)
    /// and copied once into the result. Microsoft.Data.Sqlite's GetBytes opens a stream, looks up the table's metadata
    /// and copies the whole blob again on every call; its async methods run synchronously anyway.
    /// </summary>
    private static (byte[]? Hashes, byte[]? Subtrees) ReadSqlite(SqliteCommand command, TileId tile, bool withInner, byte[]? into)
    {
        using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return (null, null);
        }

        var statement = reader.Handle ?? throw new InvalidOperationException("The SQLite reader has no statement.");
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

    private static byte[] Destination(byte[]? into)
    {
        const int length = (TileMath.Width * Rfc6962.HashSize) + TileSubtrees.InnerSize;
        return into is null ? new byte[length] : into.Length == length ? into : throw new ArgumentException($"A tile with its inner hashes takes {length} bytes.", nameof(into));
    }

    private void Create()
    {
        var type = db.Model.FindEntityType(typeof(LedgerTile)) ?? throw new InvalidOperationException("LedgerTile is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string name) => sql.DelimitIdentifier(type.FindProperty(name)!.GetColumnName(table)!);
        DbParameter Parameter(string property, string name) =>
            type.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command!, name, null, nullable: false);

        command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {Column(nameof(LedgerTile.Hashes))}, {Column(nameof(LedgerTile.Inner))} " +
            $"FROM {sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} " +
            $"WHERE {Column(nameof(LedgerTile.Level))} = @l AND {Column(nameof(LedgerTile.Index))} = @i";
        level = Parameter(nameof(LedgerTile.Level), "@l");
        index = Parameter(nameof(LedgerTile.Index), "@i");
        command.Parameters.Add(level);
        command.Parameters.Add(index);
    }

    public void Dispose()
    {
        command?.Dispose();
        if (opened)
        {
            opened = false;
            db.Database.CloseConnection();
        }
    }
}
