using System.Data;
using System.Data.Common;
using Integritas.Data;
using Integritas.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>The stored row's hashes and inner hashes, or (null, null) when the tile is not stored.</summary>
    public async Task<(byte[]? Hashes, byte[]? Inner)> ReadAsync(int tileLevel, long tileIndex, CancellationToken ct)
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
        level!.Value = tileLevel;
        index!.Value = tileIndex;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return (null, null);
        }

        return (reader.GetFieldValue<byte[]>(0), await reader.IsDBNullAsync(1, ct) ? null : reader.GetFieldValue<byte[]>(1));
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
