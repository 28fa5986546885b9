using System.Data.Common;
using System.Text.RegularExpressions;
using Integritas.Data.Budget;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>Where imported payments are written: PostgreSQL binary COPY, or one prepared SQLite insert per row.</summary>
public abstract partial class PaymentSink : IAsyncDisposable
{
    private const string ColumnList = "\"Id\", \"Year\", \"Date\", \"OpdId\", \"SubKegiatanCode\", \"AccountCode\", \"VendorCode\", \"Description\", \"Amount\", \"Flags\", \"ImportId\"";

    public static async Task<PaymentSink> OpenAsync(ImportRun run, CancellationToken ct) => run.Postgres
        ? new Copy(run, await ((NpgsqlConnection)run.Connection).BeginBinaryImportAsync($"COPY \"Payments\" ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct))
        : new Inserts(run);

    /// <summary>Writes one payment; false when its id repeats one written before (SQLite knows at once).</summary>
    public abstract bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags);

    /// <summary>Finishes writing; the repeated payment id when the database refused one, else null.</summary>
    public abstract Task<string?> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    [GeneratedRegex("""\(\"?Id\"?\)=\((?<id>[^)]*)\)""")]
    private static partial Regex DuplicateKey();

    private sealed class Copy(ImportRun run, NpgsqlBinaryImporter copy) : PaymentSink
    {
        private bool done;

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags)
        {
            copy.StartRow();
            copy.Write(id, NpgsqlDbType.Varchar);
            copy.Write(run.Year, NpgsqlDbType.Integer);
            copy.Write(date, NpgsqlDbType.Date);
            copy.Write(opdId, NpgsqlDbType.Integer);
            copy.Write(sub, NpgsqlDbType.Varchar);
            copy.Write(account, NpgsqlDbType.Varchar);
            if (vendor is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(vendor, NpgsqlDbType.Varchar);
            }

            copy.Write(description, NpgsqlDbType.Varchar);
            copy.Write(ImportRun.Cents(amount), NpgsqlDbType.Bigint);
            copy.Write((int)flags, NpgsqlDbType.Integer);
            copy.Write(run.ImportId, NpgsqlDbType.Bigint);
            return true;
        }

        public override async Task<string?> CompleteAsync(CancellationToken ct)
        {
            done = true;
            try
            {
                await copy.CompleteAsync(ct);
                await copy.DisposeAsync();
                return null;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return DuplicateKey().Match(e.Detail ?? "") is { Success: true } m ? m.Groups["id"].Value : "?";
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (!done)
            {
                // Not completed: the COPY is cancelled and the transaction will be rolled back.
                try
                {
                    await copy.DisposeAsync();
                }
                catch (PostgresException)
                {
                }
            }
        }
    }

    private sealed class Inserts : PaymentSink
    {
        private readonly DbCommand insert;
        private readonly DbParameter[] values;

        public Inserts(ImportRun run)
        {
            insert = run.Command($"INSERT INTO \"Payments\" ({ColumnList}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)");
            values = [.. Enumerable.Range(0, 11).Select(i => run.Parameter(insert, "@p" + i, null))];
            values[1].Value = run.Year;
            values[10].Value = run.ImportId;
            insert.Prepare();
        }

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags)
        {
            values[0].Value = id;
            values[2].Value = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            values[3].Value = opdId;
            values[4].Value = sub;
            values[5].Value = account;
            values[6].Value = (object?)vendor ?? DBNull.Value;
            values[7].Value = description;
            values[8].Value = ImportRun.Cents(amount);
            values[9].Value = (int)flags;
            try
            {
                insert.ExecuteNonQuery();
                return true;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                return false;
            }
        }

        public override Task<string?> CompleteAsync(CancellationToken ct) => Task.FromResult<string?>(null);

        public override ValueTask DisposeAsync() => insert.DisposeAsync();
    }
}
