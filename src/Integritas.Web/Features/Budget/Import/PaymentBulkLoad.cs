namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// A very large payments import (<see cref="BudgetOptions.BulkLoadRows"/>, and at least as many rows as the table
/// already holds) loads faster into the <c>Payments</c> table's primary key alone: its other indexes (and, on
/// PostgreSQL, its foreign keys, which are checked row by row) are dropped inside the import's transaction and built
/// again from their stored definitions at the end, in one sorted pass each. A failed import rolls the drop back with
/// everything else. On PostgreSQL readers of <c>Payments</c> wait while such an import runs (the drop locks the
/// table); the budget pages read the monthly totals and do not.
/// </summary>
public sealed class PaymentBulkLoad
{
    private readonly List<string> restore;

    private PaymentBulkLoad(List<string> restore) => this.restore = restore;

    /// <summary>The statements that rebuild what was dropped (for tests and the log).</summary>
    public IReadOnlyList<string> Restore => restore;

    /// <summary>True when an import of about <paramref name="expectedRows"/> rows should load without the secondary indexes.</summary>
    public static async Task<bool> WorthItAsync(ImportRun run, long expectedRows, long threshold, CancellationToken ct)
    {
        if (threshold <= 0 || expectedRows < threshold)
        {
            return false;
        }

        await using var command = run.Command("""SELECT COUNT(*) FROM "Payments" """);
        var stored = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return expectedRows >= stored;
    }

    /// <summary>
    /// Drops the secondary non-unique indexes (and PostgreSQL foreign keys) of <c>Payments</c>, keeping their
    /// definitions; unique indexes stay, so a repeated value is still refused at its row, and so do partial indexes
    /// (the package index holds only payments of a contract: most rows are outside it and cost it nothing, while a
    /// rebuild would read the whole table). On PostgreSQL the drop waits
    /// at most <paramref name="lockTimeout"/> for readers of the table to finish (a long search or export); if they do
    /// not, the import stops with a row-0 error and null is returned (nothing was changed).
    /// </summary>
    public static async Task<PaymentBulkLoad?> BeginAsync(ImportRun run, TimeSpan lockTimeout, CancellationToken ct)
    {
        var drop = new List<string>();
        var restore = new List<string>();
        if (run.Postgres)
        {
            await ReadAsync(run, """
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = '"Payments"'::regclass AND NOT i.indisprimary AND NOT i.indisunique AND i.indpred IS NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY c.relname
                """, drop, restore, ct);
            // The foreign keys are added back after the indexes (their checks may use them).
            await ReadAsync(run, """
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE conrelid = '"Payments"'::regclass AND contype = 'f' ORDER BY conname
                """, drop, restore, ct);
        }
        else
        {
            // Automatic indexes (the primary key) have no SQL and stay; so do unique indexes (they check rows as they come)
            // and partial ones.
            await ReadAsync(run, """
                SELECT 'DROP INDEX "' || replace(name, '"', '""') || '"', sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'Payments' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND sql NOT LIKE '% WHERE %' ORDER BY name
                """, drop, restore, ct);
        }

        // SQLite has one writer at a time and readers do not block a schema change inside a write transaction. On
        // PostgreSQL 0 (or less) waits as long as it takes, as PostgreSQL's own 0 does.
        if (run.Postgres)
        {
            var milliseconds = Math.Max(0, (long)lockTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await run.ExecuteAsync($"SET LOCAL lock_timeout = {milliseconds}", ct);
        }

        try
        {
            foreach (var statement in drop)
            {
                await run.ExecuteAsync(statement, ct);
            }
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
        {
            var seconds = lockTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            run.Errors.Add(0, "", $"Tabel pembayaran (atau tabel OPD/paket yang dirujuknya) sedang dipakai proses lain (mis. ekspor besar) lebih dari {seconds} detik; tidak ada yang disimpan. Coba impor lagi nanti.",
                $"The payments table (or the OPD or package table it refers to) was in use by another process (e.g. a large export) for more than {seconds} seconds; nothing was saved. Try the import again later.");
            return null;
        }

        if (run.Postgres)
        {
            await run.ExecuteAsync("SET LOCAL lock_timeout = DEFAULT", ct);
        }

        return new PaymentBulkLoad(restore);
    }

    /// <summary>Builds the dropped indexes and constraints again (in the same transaction).</summary>
    public async Task EndAsync(ImportRun run, CancellationToken ct)
    {
        if (run.Postgres)
        {
            // Index builds sort in memory up to this much (PostgreSQL's own memory, for this transaction only).
            await run.ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", ct);
        }

        foreach (var statement in restore)
        {
            await run.ExecuteAsync(statement, ct);
        }
    }

    private static async Task ReadAsync(ImportRun run, string sql, List<string> first, List<string> second, CancellationToken ct)
    {
        await using var command = run.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            first.Add(reader.GetString(0));
            second.Add(reader.GetString(1));
        }
    }
}
