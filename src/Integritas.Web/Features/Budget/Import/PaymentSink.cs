using System.Data.Common;
using System.Text.RegularExpressions;
using Integritas.Data.Budget;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

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
    /// SQLite: one prepared single-row INSERT, bound by position through SQLite's own API (Microsoft.Data.Sqlite binds
    /// every parameter by name, which costs more than the insert itself) and stepped once per row, inside the import's
    /// transaction on the same connection. The unique key refuses a repeated payment id at once.
    /// </summary>
    private sealed class Inserts : PaymentSink
    {
        private const int Done = 101;
        private const int Constraint = 19;
        private const int PrimaryKey = 1555;
        private const int Unique = 2067;

        private readonly ImportRun run;
        private readonly sqlite3 db;
        private readonly sqlite3_stmt insert;
        private string? duplicate;

        public Inserts(ImportRun run)
        {
            this.run = run;
            db = ((SqliteConnection)run.Connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");

            // A larger page cache for this connection: the unique key and the indexes are written in place.
            using (var cache = run.Command("PRAGMA cache_size = -131072"))
            {
                cache.ExecuteNonQuery();
            }

            var values = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"?{i}"));
            Check(raw.sqlite3_prepare_v2(db, $"INSERT INTO \"Payments\" ({ColumnList}) VALUES ({values})", out insert));
        }

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags)
        {
            if (duplicate is not null)
            {
                return false;
            }

            Span<char> iso = stackalloc char[10];
            date.TryFormat(iso, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(insert, 1, id);
            raw.sqlite3_bind_int(insert, 2, run.Year);
            raw.sqlite3_bind_text16(insert, 3, iso);
            raw.sqlite3_bind_int(insert, 4, opdId);
            raw.sqlite3_bind_text(insert, 5, sub);
            raw.sqlite3_bind_text(insert, 6, account);
            if (vendor is null)
            {
                raw.sqlite3_bind_null(insert, 7);
            }
            else
            {
                raw.sqlite3_bind_text(insert, 7, vendor);
            }

            raw.sqlite3_bind_text(insert, 8, description);
            raw.sqlite3_bind_int64(insert, 9, ImportRun.Cents(amount));
            raw.sqlite3_bind_int(insert, 10, (int)flags);
            raw.sqlite3_bind_int64(insert, 11, run.ImportId);
            var rc = raw.sqlite3_step(insert);
            var repeated = (rc & 0xFF) == Constraint && raw.sqlite3_extended_errcode(db) is PrimaryKey or Unique;
            raw.sqlite3_reset(insert);
            if (repeated)
            {
                duplicate = id;
                return false;
            }

            Check(rc);
            return true;
        }

        private void Check(int rc)
        {
            if (rc is not (0 or Done))
            {
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            }
        }

        public override Task<string?> CompleteAsync(CancellationToken ct) => Task.FromResult(duplicate);

        public override ValueTask DisposeAsync()
        {
            insert.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
