using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Integritas.Data.Budget;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>Where imported payments are written: PostgreSQL binary COPY, or one prepared SQLite insert per row.</summary>
public abstract partial class PaymentSink : IAsyncDisposable
{
    private const string ColumnList = "\"Id\", \"Year\", \"Date\", \"OpdId\", \"SubKegiatanCode\", \"AccountCode\", \"VendorCode\", \"Description\", \"Amount\", \"Flags\", \"ImportId\", \"PackageId\"";

    public static async Task<PaymentSink> OpenAsync(ImportRun run, CancellationToken ct) => run.Postgres
        ? new Copy(run, await ((NpgsqlConnection)run.Connection).BeginRawBinaryCopyAsync($"COPY \"Payments\" ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct))
        : new Inserts(run);

    /// <summary>Writes one payment; false when its id repeats one written before (SQLite knows at once).</summary>
    public abstract bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags, int? packageId);

    /// <summary>Finishes writing; the repeated payment id when the database refused one, else null.</summary>
    public abstract Task<string?> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    [GeneratedRegex("""\(\"?Id\"?\)=\((?<id>[^)]*)\)""")]
    private static partial Regex DuplicateKey();

    /// <summary>
    /// PostgreSQL: a raw binary COPY in PostgreSQL's documented COPY BINARY format (signature, flags, then per row the
    /// field count and each field's length and bytes in network order), written into one buffer: Npgsql's typed
    /// importer resolves a type and a parameter for every field, which cost more than reading and checking the row.
    /// </summary>
    private sealed class Copy : PaymentSink
    {
        private const int Fields = 12;

        /// <summary>Room kept for one row: the longest values (60 + 40 + 40 + 50 + 500 characters, 3 bytes each) and the fixed fields.</summary>
        private const int MaxRowBytes = 2 + (Fields * 4) + (3 * (60 + 40 + 40 + 50 + 500)) + 4 + 4 + 4 + 8 + 4 + 8 + 4;

        private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
        private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;

        private readonly ImportRun run;
        private readonly NpgsqlRawCopyStream stream;
        private readonly byte[] buffer = new byte[1 << 17];
        private int used;
        private bool done;

        public Copy(ImportRun run, NpgsqlRawCopyStream stream)
        {
            this.run = run;
            this.stream = stream;
            Signature.CopyTo(buffer, 0);
            used = Signature.Length;
            Int32(0); // flags
            Int32(0); // header extension length
        }

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags, int? packageId)
        {
            if (used + MaxRowBytes > buffer.Length)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(used), Fields);
            used += 2;
            Text(id);
            Int32Field(run.Year);
            Int32Field(date.DayNumber - PostgresEpoch);
            Int32Field(opdId);
            Text(sub);
            Text(account);
            if (vendor is null)
            {
                Int32(-1);
            }
            else
            {
                Text(vendor);
            }

            Text(description);
            Int64Field(ImportRun.Cents(amount));
            Int32Field((int)flags);
            Int64Field(run.ImportId);
            if (packageId is { } package)
            {
                Int32Field(package);
            }
            else
            {
                Int32(-1);
            }

            return true;
        }

        private void Int32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(used), value);
            used += 4;
        }

        private void Int32Field(int value)
        {
            Int32(4);
            Int32(value);
        }

        private void Int64Field(long value)
        {
            Int32(8);
            BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(used), value);
            used += 8;
        }

        private void Text(string value)
        {
            var length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(used + 4));
            Int32(length);
            used += length;
        }

        public override async Task<string?> CompleteAsync(CancellationToken ct)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(used), -1);
            used += 2;
            try
            {
                await stream.WriteAsync(buffer.AsMemory(0, used), ct);
                // Disposing ends the COPY and reads the server's answer (a refused key surfaces here).
                await stream.DisposeAsync();
                done = true;
                return null;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                done = true;
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
                    await stream.CancelAsync();
                }
                catch (Exception e) when (e is PostgresException or NpgsqlException or ObjectDisposedException)
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
        private readonly long previousCache;
        private string? duplicate;

        public Inserts(ImportRun run)
        {
            this.run = run;
            db = ((SqliteConnection)run.Connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");

            // A larger page cache (64 MB) while the import writes: the unique key and the indexes are written in place.
            // The connection's own size comes back at the end (pooled connections keep their settings).
            using (var cache = run.Command("PRAGMA cache_size"))
            {
                previousCache = Convert.ToInt64(cache.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                cache.CommandText = "PRAGMA cache_size = -65536";
                cache.ExecuteNonQuery();
            }

            var values = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"?{i}"));
            Check(raw.sqlite3_prepare_v2(db, $"INSERT INTO \"Payments\" ({ColumnList}) VALUES ({values})", out insert));
        }

        public override bool Write(long row, string id, DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount, PaymentFlags flags, int? packageId)
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
            if (packageId is { } package)
            {
                raw.sqlite3_bind_int(insert, 12, package);
            }
            else
            {
                raw.sqlite3_bind_null(insert, 12);
            }

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
            try
            {
                using var cache = run.Command(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {previousCache}"));
                cache.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The connection failed with the import; it is not reused as it is.
            }

            return ValueTask.CompletedTask;
        }
    }
}
