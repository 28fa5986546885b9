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

    /// <summary>
    /// SQLite: rows go in multi-row INSERTs of <see cref="BatchRows"/> (far fewer statements than rows); a batch the
    /// unique key refuses is retried row by row to name the repeated payment id.
    /// </summary>
    private sealed class Inserts : PaymentSink
    {
        private const int BatchRows = 64;
        private const int Columns = 11;

        private readonly ImportRun run;
        private readonly DbCommand batch;
        private readonly DbCommand single;
        private readonly object?[][] pending = new object?[BatchRows][];
        private int count;
        private string? duplicate;

        public Inserts(ImportRun run)
        {
            this.run = run;
            batch = Prepare(run, BatchRows);
            single = Prepare(run, 1);
            for (var i = 0; i < BatchRows; i++)
            {
                pending[i] = new object?[Columns];
            }

            // A larger page cache for this connection: the unique key and the two indexes are written in place.
            using var cache = run.Command("PRAGMA cache_size = -131072");
            cache.ExecuteNonQuery();
        }

        private static DbCommand Prepare(ImportRun run, int rows)
        {
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, Columns).Select(c => $"@p{r}_{c}")) + ")"));
            var command = run.Command($"INSERT INTO \"Payments\" ({ColumnList}) VALUES {values}");
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < Columns; c++)
                {
                    run.Parameter(command, $"@p{r}_{c}", null);
                }
            }

            command.Prepare();
            return command;
        }

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags)
        {
            if (duplicate is not null)
            {
                return false;
            }

            var values = pending[count++];
            values[0] = id;
            values[1] = run.Year;
            values[2] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            values[3] = opdId;
            values[4] = sub;
            values[5] = account;
            values[6] = (object?)vendor ?? DBNull.Value;
            values[7] = description;
            values[8] = ImportRun.Cents(amount);
            values[9] = (int)flags;
            values[10] = run.ImportId;
            return count < BatchRows || Flush();
        }

        /// <summary>Writes the pending rows; false (with the repeated id kept) when the unique key refused one.</summary>
        private bool Flush()
        {
            if (count == BatchRows)
            {
                Bind(batch, 0, BatchRows);
                try
                {
                    batch.ExecuteNonQuery();
                    count = 0;
                    return true;
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    // The statement was undone as a whole: find the row.
                }
            }

            for (var r = 0; r < count; r++)
            {
                Bind(single, r, 1);
                try
                {
                    single.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    duplicate = (string)pending[r][0]!;
                    count = 0;
                    return false;
                }
            }

            count = 0;
            return true;
        }

        private void Bind(DbCommand command, int from, int rows)
        {
            for (var r = 0; r < rows; r++)
            {
                var values = pending[from + r];
                for (var c = 0; c < Columns; c++)
                {
                    command.Parameters[(r * Columns) + c].Value = values[c];
                }
            }
        }

        public override Task<string?> CompleteAsync(CancellationToken ct)
        {
            if (duplicate is null && count > 0)
            {
                Flush();
            }

            return Task.FromResult(duplicate);
        }

        public override async ValueTask DisposeAsync()
        {
            await batch.DisposeAsync();
            await single.DisposeAsync();
        }
    }
}
