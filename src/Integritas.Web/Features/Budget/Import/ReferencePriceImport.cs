using Integritas.Core.Budget;
using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports reference unit prices (<c>reference_prices.csv</c>): the regency's standar satuan harga (SSH) and national
/// references, each valid from a date until a later price of the same item and source. A price already stored for
/// that item, source and date is skipped when equal and refused when different (a new price takes a new date).
/// Line items already stored with the imported item codes are compared again in the same transaction (a price may
/// arrive after the purchases it applies to, or a regional price may replace a national one), and their payments'
/// marks follow.
/// </summary>
public static class ReferencePriceImport
{
    public const int MaxRows = 500_000;

    public static readonly string[] Columns = ["item_code", "item_name", "unit", "price", "source", "valid_from"];

    private const int Batch = 500;

    public static async Task RunAsync(ImportRun run, ImportTable table, decimal marginPercent, CancellationToken ct)
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
        foreach (var codes in rows.Select(r => r.Code).Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            await RecheckItemsAsync(run, codes, marginPercent, ct);
        }
    }

    /// <summary>
    /// Compares every stored line item of <paramref name="codes"/> with the reference price now in force on its
    /// payment's date, updates the items whose comparison changed and sets or clears their payments' mark.
    /// </summary>
    private static async Task RecheckItemsAsync(ImportRun run, string[] codes, decimal marginPercent, CancellationToken ct)
    {
        var prices = await PaymentItemImport.PricesAsync(run, ct, codes);
        var changed = new List<(long Id, long? Reference, decimal? Markup, bool Above)>();
        var payments = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = run.Command($"""
            SELECT i."Id", i."PaymentId", i."ItemCode", i."Unit", i."UnitPrice", i."ReferenceUnitPrice", i."MarkupPercent", i."AboveReference", p."Date"
            FROM "PaymentItems" i JOIN "Payments" p ON p."Id" = i."PaymentId" WHERE i."ItemCode" IN ({PaymentItemImport.In(run, null, codes)})
            """))
        {
            PaymentItemImport.In(run, command, codes);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var reference = PriceCheck.ReferenceFor(prices[reader.GetString(2)], reader.GetFieldValue<DateOnly>(8), reader.GetString(3));
                var comparison = reference is null ? null : PriceCheck.Compare(ImportRun.FromCents(reader.GetInt64(4)), reference.Price, marginPercent);
                long? storedReference = reader.IsDBNull(5) ? null : reader.GetInt64(5);
                decimal? storedMarkup = reader.IsDBNull(6) ? null : reader.GetDecimal(6);
                var now = (Reference: comparison is null ? (long?)null : ImportRun.Cents(comparison.Reference), Markup: comparison?.MarkupPercent, Above: comparison?.AboveMargin == true);
                if (now != (storedReference, storedMarkup, reader.GetBoolean(7)))
                {
                    changed.Add((reader.GetInt64(0), now.Reference, now.Markup, now.Above));
                    payments.Add(reader.GetString(1));
                }
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        await using (var update = run.Command("""UPDATE "PaymentItems" SET "ReferenceUnitPrice" = @r, "MarkupPercent" = @m, "AboveReference" = @a WHERE "Id" = @id"""))
        {
            var (r, m, a, id) = (run.Parameter(update, "@r", null), run.Parameter(update, "@m", null), run.Parameter(update, "@a", false), run.Parameter(update, "@id", 0L));
            foreach (var item in changed)
            {
                r.Value = (object?)item.Reference ?? DBNull.Value;
                m.Value = item.Markup is { } markup ? run.DecimalValue(markup) : DBNull.Value;
                a.Value = item.Above;
                id.Value = item.Id;
                await update.ExecuteNonQueryAsync(ct);
            }
        }

        // A payment is marked while any of its items is above its reference.
        const int mark = (int)PaymentFlags.AboveReferencePrice;
        await using var flags = run.Command($"""
            UPDATE "Payments" SET "Flags" = CASE
                WHEN EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."PaymentId" = "Payments"."Id" AND i."AboveReference") THEN "Flags" | {mark}
                ELSE "Flags" & ~{mark} END
            WHERE "Id" = @p
            """);
        var payment = run.Parameter(flags, "@p", "");
        foreach (var id in payments)
        {
            payment.Value = id;
            await flags.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Key(string code, ReferencePriceSource source, DateOnly from) => string.Join('|', code, (int)source, from.DayNumber);
}
