using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports village funds: transfers to each desa (<c>village_transfers.csv</c>, one row per desa, source and tahap)
/// and each desa's spending by activity (<c>village_spending.csv</c>, one row per desa, activity, source and date).
/// A row already stored with the same amount is skipped; with a different amount it is an error.
/// </summary>
public static class VillageImport
{
    public const int MaxRows = 1_000_000;

    public static readonly string[] TransferColumns = ["desa_code", "source", "stage", "date", "amount"];

    public static readonly string[] SpendingColumns = ["desa_code", "activity_code", "activity_name", "source", "date", "amount"];

    public static async Task TransfersAsync(ImportRun run, ImportTable table, string homeRegionCode, CancellationToken ct)
    {
        var desa = await DesaAsync(run, homeRegionCode, ct);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadStoredAsync(run, """SELECT "DesaId", "Source", "Stage", "Amount" FROM "VillageTransfers" WHERE "Year" = @y""",
            r => (Key(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture)), r.GetInt64(3)), stored, ct);
        var rows = new List<(int Desa, VillageFundSource Source, int Stage, DateOnly Date, decimal Amount)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReadRow(run, table, ct))
        {
            var before = run.Errors.Count;
            var desaId = Desa(run, table, desa);
            var source = Source(run, table);
            if (!int.TryParse(table["stage"], out var stage) || stage is < 1 or > 12)
            {
                run.Errors.Add(table.Row, "stage", "Tahap harus angka 1–12.", "The stage must be a number 1–12.");
            }

            var (date, amount) = DateAndAmount(run, table);
            if (run.Errors.Count != before)
            {
                continue;
            }

            var key = Key(desaId, (int)source, stage.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!seen.Add(key))
            {
                run.Errors.Add(table.Row, "stage", $"Tahap {stage} {table["source"]} untuk desa {table["desa_code"]} muncul lebih dari sekali.", $"Stage {stage} of {table["source"]} for desa {table["desa_code"]} appears more than once.");
            }
            else if (IsNew(run, table, stored, key, amount))
            {
                rows.Add((desaId, source, stage, date, amount));
            }
        }

        if (run.Errors.Count > 0)
        {
            return;
        }

        await using var insert = run.Command("""
            INSERT INTO "VillageTransfers" ("Year", "DesaId", "Source", "Stage", "Date", "Amount", "ImportId") VALUES (@y, @d, @s, @st, @dt, @a, @i)
            """);
        run.Parameter(insert, "@y", run.Year);
        run.Parameter(insert, "@i", run.ImportId);
        var (d, s, st, dt, a) = (run.Parameter(insert, "@d", 0), run.Parameter(insert, "@s", 0), run.Parameter(insert, "@st", 0), run.Parameter(insert, "@dt", ""), run.Parameter(insert, "@a", 0L));
        foreach (var row in rows)
        {
            (d.Value, s.Value, st.Value, dt.Value, a.Value) = (row.Desa, (int)row.Source, row.Stage, run.DateValue(row.Date), ImportRun.Cents(row.Amount));
            await insert.ExecuteNonQueryAsync(ct);
        }

        run.RowsAdded = rows.Count;
    }

    public static async Task SpendingAsync(ImportRun run, ImportTable table, string homeRegionCode, CancellationToken ct)
    {
        var desa = await DesaAsync(run, homeRegionCode, ct);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadStoredAsync(run, """SELECT "DesaId", "Source", "ActivityCode", "Date", "Amount" FROM "VillageSpending" WHERE "Year" = @y""",
            r => (Key(r.GetInt32(0), r.GetInt32(1), r.GetString(2) + "|" + r.GetFieldValue<DateOnly>(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), r.GetInt64(4)), stored, ct);
        var rows = new List<(int Desa, string Code, string Name, VillageFundSource Source, DateOnly Date, decimal Amount)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReadRow(run, table, ct))
        {
            var before = run.Errors.Count;
            var desaId = Desa(run, table, desa);
            var code = table["activity_code"];
            if (!ImportValues.IsCode(code, 40))
            {
                run.Errors.Add(table.Row, "activity_code", "Kode kegiatan desa wajib diisi (mis. 2.2.01).", "The village activity code is required (e.g. 2.2.01).");
            }

            var name = table["activity_name"];
            if (name.Length is 0 or > 300)
            {
                run.Errors.Add(table.Row, "activity_name", "Nama kegiatan wajib diisi, paling banyak 300 karakter.", "The activity name is required, at most 300 characters.");
            }

            var source = Source(run, table);
            var (date, amount) = DateAndAmount(run, table);
            if (run.Errors.Count != before)
            {
                continue;
            }

            var key = Key(desaId, (int)source, code + "|" + table["date"]);
            if (!seen.Add(key))
            {
                run.Errors.Add(table.Row, "activity_code", "Kegiatan, sumber dana dan tanggal yang sama untuk desa ini muncul lebih dari sekali: jumlahkan dalam satu baris.",
                    "The same activity, fund and date for this desa appears more than once: sum them in one row.");
            }
            else if (IsNew(run, table, stored, key, amount))
            {
                rows.Add((desaId, code, name, source, date, amount));
            }
        }

        if (run.Errors.Count > 0)
        {
            return;
        }

        await using var insert = run.Command("""
            INSERT INTO "VillageSpending" ("Year", "DesaId", "ActivityCode", "ActivityName", "Source", "Date", "Amount", "ImportId") VALUES (@y, @d, @c, @n, @s, @dt, @a, @i)
            """);
        run.Parameter(insert, "@y", run.Year);
        run.Parameter(insert, "@i", run.ImportId);
        var (d, c, n, s, dt, a) = (run.Parameter(insert, "@d", 0), run.Parameter(insert, "@c", ""), run.Parameter(insert, "@n", ""), run.Parameter(insert, "@s", 0), run.Parameter(insert, "@dt", ""), run.Parameter(insert, "@a", 0L));
        foreach (var row in rows)
        {
            (d.Value, c.Value, n.Value, s.Value, dt.Value, a.Value) = (row.Desa, row.Code, row.Name, (int)row.Source, run.DateValue(row.Date), ImportRun.Cents(row.Amount));
            await insert.ExecuteNonQueryAsync(ct);
        }

        run.RowsAdded = rows.Count;
    }


    private static bool ReadRow(ImportRun run, ImportTable table, CancellationToken ct)
    {
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (table.IsBlank)
            {
                continue;
            }

            run.Tick();
            if (run.RowsRead > MaxRows)
            {
                run.Errors.Add(table.Row, "", $"Paling banyak {MaxRows:N0} baris per berkas.", $"At most {MaxRows:N0} rows per file.");
                return false;
            }

            return true;
        }

        return false;
    }

    private static string Key(int desa, int source, string rest) => string.Join('|', desa, source, rest);

    /// <summary>True when the row is new; false when stored already (counted unchanged, or an error when it differs).</summary>
    private static bool IsNew(ImportRun run, ImportTable table, Dictionary<string, long> stored, string key, decimal amount)
    {
        if (!stored.TryGetValue(key, out var cents))
        {
            return true;
        }

        if (cents == ImportRun.Cents(amount))
        {
            run.RowsUnchanged++;
        }
        else
        {
            run.Errors.Add(table.Row, "amount", $"Sudah tersimpan dengan jumlah {ImportRun.FromCents(cents)}; data dana desa tidak dapat diubah lewat impor.",
                $"Already stored with the amount {ImportRun.FromCents(cents)}; village-fund data cannot be changed by an import.");
        }

        return false;
    }

    private static int Desa(ImportRun run, ImportTable table, Dictionary<string, int> desa)
    {
        var code = table["desa_code"];
        if (desa.TryGetValue(code, out var id))
        {
            return id;
        }

        run.Errors.Add(table.Row, "desa_code", $"Kode desa '{ImportValues.Clip(code)}' tidak dikenal di kabupaten ini (mis. 12.05.01.2001).", $"Unknown desa code '{ImportValues.Clip(code)}' in this regency (e.g. 12.05.01.2001).");
        return 0;
    }

    private static VillageFundSource Source(ImportRun run, ImportTable table)
    {
        switch (table["source"].ToUpperInvariant())
        {
            case "DD":
                return VillageFundSource.DanaDesa;
            case "ADD":
                return VillageFundSource.Add;
            case "BHP":
                return VillageFundSource.BagiHasil;
            default:
                run.Errors.Add(table.Row, "source", "Sumber dana: DD (Dana Desa), ADD (Alokasi Dana Desa) atau BHP (bagi hasil pajak/retribusi).", "Fund source: DD (Dana Desa), ADD (Alokasi Dana Desa) or BHP (tax/levy sharing).");
                return 0;
        }
    }

    private static (DateOnly Date, decimal Amount) DateAndAmount(ImportRun run, ImportTable table)
    {
        if (ImportValues.DateInYear(table["date"], run.Year, out var date) is { } badDate)
        {
            run.Errors.Add(table.Row, "date", badDate.Id, badDate.En);
        }

        if (ImportValues.Money(table["amount"], allowZero: false, out var amount) is { } badAmount)
        {
            run.Errors.Add(table.Row, "amount", badAmount.Id, badAmount.En);
        }

        return (date, amount);
    }

    private static async Task<Dictionary<string, int>> DesaAsync(ImportRun run, string homeRegionCode, CancellationToken ct)
    {
        await using var command = run.Command("""SELECT "Code", "Id" FROM "Regions" WHERE "Level" = @level AND "Code" LIKE @prefix""");
        run.Parameter(command, "@level", (int)Core.Organisation.RegionLevel.Village);
        run.Parameter(command, "@prefix", homeRegionCode + ".%");
        var desa = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            desa[reader.GetString(0)] = reader.GetInt32(1);
        }

        return desa;
    }

    private static async Task ReadStoredAsync(ImportRun run, string sql, Func<System.Data.Common.DbDataReader, (string Key, long Cents)> read, Dictionary<string, long> into, CancellationToken ct)
    {
        await using var command = run.Command(sql);
        run.Parameter(command, "@y", run.Year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (key, cents) = read(reader);
            into[key] = cents;
        }
    }
}
