using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports reference unit prices (<c>reference_prices.csv</c>): the regency's standar satuan harga (SSH) and national
/// references, each valid from a date until a later price of the same item and source. A price already stored for
/// that item, source and date is skipped when equal and refused when different (a new price takes a new date).
/// </summary>
public static class ReferencePriceImport
{
    public const int MaxRows = 500_000;

    public static readonly string[] Columns = ["item_code", "item_name", "unit", "price", "source", "valid_from"];

    public static async Task RunAsync(ImportRun run, ImportTable table, CancellationToken ct)
    {
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = run.Command("""SELECT "ItemCode", "Source", "ValidFrom", "Price" FROM "ReferencePrices" """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                stored[Key(reader.GetString(0), (ReferencePriceSource)reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2))] = reader.GetInt64(3);
            }
        }

        var rows = new List<(string Code, string Name, string Unit, decimal Price, ReferencePriceSource Source, DateOnly From)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                return;
            }

            var before = run.Errors.Count;
            var code = table["item_code"];
            if (!ImportValues.IsCode(code, 60))
            {
                run.Errors.Add(table.Row, "item_code", "Kode barang wajib diisi: huruf, angka, titik atau tanda hubung.", "The item code is required: letters, digits, dots or dashes.");
            }

            var name = table["item_name"];
            if (name.Length is 0 or > 300)
            {
                run.Errors.Add(table.Row, "item_name", "Nama barang wajib diisi, paling banyak 300 karakter.", "The item name is required, at most 300 characters.");
            }

            var unit = table["unit"];
            if (unit.Length is 0 or > 40)
            {
                run.Errors.Add(table.Row, "unit", "Satuan wajib diisi (mis. rim, zak, m3).", "The unit is required (e.g. rim, zak, m3).");
            }

            if (ImportValues.Money(table["price"], allowZero: false, out var price) is { } bad)
            {
                run.Errors.Add(table.Row, "price", bad.Id, bad.En);
            }

            ReferencePriceSource source = 0;
            switch (table["source"].ToUpperInvariant())
            {
                case "SSH":
                    source = ReferencePriceSource.Ssh;
                    break;
                case "NASIONAL":
                    source = ReferencePriceSource.National;
                    break;
                default:
                    run.Errors.Add(table.Row, "source", "Sumber harga: SSH (standar satuan harga daerah) atau NASIONAL.", "Price source: SSH (the regency's unit-price standard) or NASIONAL.");
                    break;
            }

            if (ImportValues.Date(table["valid_from"], out var from) is { } badDate)
            {
                run.Errors.Add(table.Row, "valid_from", badDate.Id, badDate.En);
            }

            if (run.Errors.Count != before)
            {
                continue;
            }

            var key = Key(code, source, from);
            if (!seen.Add(key))
            {
                run.Errors.Add(table.Row, "item_code", $"Harga {code} ({table["source"]}) berlaku {table["valid_from"]} muncul lebih dari sekali.", $"The price of {code} ({table["source"]}) from {table["valid_from"]} appears more than once.");
            }
            else if (stored.TryGetValue(key, out var cents))
            {
                if (cents == ImportRun.Cents(price))
                {
                    run.RowsUnchanged++;
                }
                else
                {
                    run.Errors.Add(table.Row, "price", $"Harga {code} yang berlaku {table["valid_from"]} sudah tersimpan ({ImportRun.FromCents(cents)}); harga baru memakai tanggal berlaku baru.",
                        $"The price of {code} from {table["valid_from"]} is already stored ({ImportRun.FromCents(cents)}); a new price takes a new valid-from date.");
                }
            }
            else
            {
                rows.Add((code, name, unit, price, source, from));
            }
        }

        if (run.Errors.Count > 0)
        {
            return;
        }

        await using var insert = run.Command("""
            INSERT INTO "ReferencePrices" ("ItemCode", "Name", "Unit", "Price", "Source", "ValidFrom", "ImportId") VALUES (@c, @n, @u, @p, @s, @f, @i)
            """);
        run.Parameter(insert, "@i", run.ImportId);
        var (c, n, u, p, s, f) = (run.Parameter(insert, "@c", ""), run.Parameter(insert, "@n", ""), run.Parameter(insert, "@u", ""), run.Parameter(insert, "@p", 0L), run.Parameter(insert, "@s", 0), run.Parameter(insert, "@f", ""));
        foreach (var row in rows)
        {
            (c.Value, n.Value, u.Value, p.Value, s.Value, f.Value) = (row.Code, row.Name, row.Unit, ImportRun.Cents(row.Price), (int)row.Source, run.DateValue(row.From));
            await insert.ExecuteNonQueryAsync(ct);
        }

        run.RowsAdded = rows.Count;
    }

    private static string Key(string code, ReferencePriceSource source, DateOnly from) => string.Join('|', code, (int)source, from.DayNumber);
}
