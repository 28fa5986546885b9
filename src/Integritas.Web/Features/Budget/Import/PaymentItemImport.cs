using Integritas.Core.Budget;
using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports payments' line items (<c>payment_items.csv</c>): what each payment bought. Every line is compared with the
/// reference price in force on the payment's date (<see cref="PriceCheck"/>), and lines above it by more than the
/// margin are marked, as is their payment. A payment's items are imported once: the same items again change nothing,
/// different ones are refused.
/// </summary>
public static class PaymentItemImport
{
    public const int MaxRows = 2_000_000;

    private const int Batch = 500;

    public static readonly string[] Columns = ["payment_id", "line_no", "item_code", "item_name", "quantity", "unit", "unit_price"];

    public static readonly string[] Required = ["payment_id", "line_no", "item_name", "quantity", "unit", "unit_price"];

    private sealed record Item(long Row, string PaymentId, int LineNo, string? Code, string Name, decimal Quantity, string Unit, decimal UnitPrice);

    public static async Task RunAsync(ImportRun run, ImportTable table, decimal marginPercent, CancellationToken ct)
    {
        var byPayment = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
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

            if (ReadRow(run, table) is { } item)
            {
                var items = byPayment.TryGetValue(item.PaymentId, out var list) ? list : byPayment[item.PaymentId] = [];
                if (items.Any(i => i.LineNo == item.LineNo))
                {
                    run.Errors.Add(item.Row, "line_no", $"Baris {item.LineNo} pembayaran {item.PaymentId} muncul lebih dari sekali.", $"Line {item.LineNo} of payment {item.PaymentId} appears more than once.");
                }
                else
                {
                    items.Add(item);
                }
            }
        }

        var prices = await PricesAsync(run, ct);
        var flagged = new List<string>();
        foreach (var chunk in byPayment.Keys.Chunk(Batch))
        {
            var payments = await PaymentsAsync(run, chunk, ct);
            var stored = await StoredItemsAsync(run, chunk, ct);
            foreach (var id in chunk)
            {
                var items = byPayment[id];
                if (!payments.TryGetValue(id, out var payment))
                {
                    run.Errors.Add(items[0].Row, "payment_id", $"Pembayaran {id} tidak ada: impor pembayarannya lebih dulu.", $"There is no payment {id}: import the payments first.");
                    continue;
                }

                var total = items.Sum(i => i.Quantity * i.UnitPrice);
                if (decimal.Round(total, 2) > payment.Amount)
                {
                    run.Errors.Add(items[0].Row, "unit_price", $"Jumlah rincian pembayaran {id} ({total:0.##}) melebihi nilai pembayarannya ({payment.Amount:0.##}).",
                        $"The items of payment {id} add up to {total:0.##}, more than the payment's {payment.Amount:0.##}.");
                    continue;
                }

                if (stored.TryGetValue(id, out var storedItems))
                {
                    if (Same(storedItems, items))
                    {
                        run.RowsUnchanged += items.Count;
                    }
                    else
                    {
                        run.Errors.Add(items[0].Row, "payment_id", $"Rincian pembayaran {id} sudah tersimpan dan berbeda; rincian tidak dapat diubah.", $"The items of payment {id} are already stored and differ; items cannot change.");
                    }

                    continue;
                }

                if (run.Errors.Count > 0)
                {
                    continue;
                }

                if (await InsertAsync(run, items, payment.Date, prices, marginPercent, ct))
                {
                    flagged.Add(id);
                }
            }
        }

        if (run.Errors.Count == 0)
        {
            await FlagPaymentsAsync(run, flagged, ct);
        }
    }

    private static Item? ReadRow(ImportRun run, ImportTable table)
    {
        var before = run.Errors.Count;
        var id = table["payment_id"];
        if (!ImportValues.IsCode(id, 60))
        {
            run.Errors.Add(table.Row, "payment_id", "Nomor pembayaran wajib diisi.", "The payment id is required.");
        }

        if (!int.TryParse(table["line_no"], out var lineNo) || lineNo < 1)
        {
            run.Errors.Add(table.Row, "line_no", "Nomor baris harus angka 1 atau lebih.", "The line number must be 1 or more.");
        }

        var code = table["item_code"];
        if (code.Length > 0 && !ImportValues.IsCode(code, 60))
        {
            run.Errors.Add(table.Row, "item_code", "Kode barang: huruf, angka, titik atau tanda hubung.", "Item code: letters, digits, dots or dashes.");
        }

        var name = table["item_name"];
        if (name.Length is 0 or > 300)
        {
            run.Errors.Add(table.Row, "item_name", "Nama barang wajib diisi, paling banyak 300 karakter.", "The item name is required, at most 300 characters.");
        }

        if (ImportValues.Quantity(table["quantity"], out var quantity) is { } badQuantity)
        {
            run.Errors.Add(table.Row, "quantity", badQuantity.Id, badQuantity.En);
        }

        var unit = table["unit"];
        if (unit.Length is 0 or > 40)
        {
            run.Errors.Add(table.Row, "unit", "Satuan wajib diisi (mis. rim, zak, m3).", "The unit is required (e.g. rim, zak, m3).");
        }

        if (ImportValues.Money(table["unit_price"], allowZero: true, out var price) is { } badPrice)
        {
            run.Errors.Add(table.Row, "unit_price", badPrice.Id, badPrice.En);
        }

        return run.Errors.Count == before ? new Item(table.Row, id, lineNo, code.Length == 0 ? null : code, name, quantity, unit, price) : null;
    }

    private static bool Same(List<Item> stored, List<Item> file) =>
        stored.Count == file.Count && stored.OrderBy(i => i.LineNo).Zip(file.OrderBy(i => i.LineNo))
            .All(p => p.First.LineNo == p.Second.LineNo && p.First.Code == p.Second.Code && p.First.Name == p.Second.Name
                && p.First.Quantity == p.Second.Quantity && p.First.Unit == p.Second.Unit && p.First.UnitPrice == p.Second.UnitPrice);

    private static async Task<bool> InsertAsync(ImportRun run, List<Item> items, DateOnly date, Dictionary<string, List<ReferenceUnitPrice>> prices, decimal margin, CancellationToken ct)
    {
        await using var insert = run.Command("""
            INSERT INTO "PaymentItems" ("PaymentId", "LineNo", "ItemCode", "Name", "Quantity", "Unit", "UnitPrice", "ReferenceUnitPrice", "MarkupPercent", "AboveReference")
            VALUES (@p, @l, @c, @n, @q, @u, @up, @r, @m, @a)
            """);
        var values = new[] { "@p", "@l", "@c", "@n", "@q", "@u", "@up", "@r", "@m", "@a" }.Select(n => run.Parameter(insert, n, null)).ToArray();
        var above = false;
        foreach (var item in items)
        {
            var reference = item.Code is { } code && prices.TryGetValue(code, out var list) ? PriceCheck.ReferenceFor(list, date, item.Unit) : null;
            var comparison = reference is null ? null : PriceCheck.Compare(item.UnitPrice, reference.Price, margin);
            above |= comparison?.AboveMargin == true;
            values[0].Value = item.PaymentId;
            values[1].Value = item.LineNo;
            values[2].Value = (object?)item.Code ?? DBNull.Value;
            values[3].Value = item.Name;
            // EF keeps SQLite decimals as text; PostgreSQL has numeric.
            values[4].Value = run.DecimalValue(item.Quantity);
            values[5].Value = item.Unit;
            values[6].Value = ImportRun.Cents(item.UnitPrice);
            values[7].Value = comparison is null ? DBNull.Value : ImportRun.Cents(comparison.Reference);
            values[8].Value = comparison is null ? DBNull.Value : run.DecimalValue(comparison.MarkupPercent);
            values[9].Value = comparison?.AboveMargin == true;
            await insert.ExecuteNonQueryAsync(ct);
            run.RowsAdded++;
        }

        return above;
    }

    private static async Task FlagPaymentsAsync(ImportRun run, List<string> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(Batch))
        {
            await using var update = run.Command($"""UPDATE "Payments" SET "Flags" = "Flags" | {(int)PaymentFlags.AboveReferencePrice} WHERE "Id" IN ({In(run, null, chunk)})""");
            In(run, update, chunk);
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The parameter list of an IN clause (and, given a command, the parameters themselves).</summary>
    internal static string In(ImportRun run, System.Data.Common.DbCommand? command, string[] ids)
    {
        for (var i = 0; command is not null && i < ids.Length; i++)
        {
            run.Parameter(command, "@id" + i, ids[i]);
        }

        return string.Join(", ", Enumerable.Range(0, ids.Length).Select(i => "@id" + i));
    }

    private static async Task<Dictionary<string, (DateOnly Date, decimal Amount)>> PaymentsAsync(ImportRun run, string[] ids, CancellationToken ct)
    {
        await using var command = run.Command($"""SELECT "Id", "Date", "Amount" FROM "Payments" WHERE "Id" IN ({In(run, null, ids)})""");
        In(run, command, ids);
        var found = new Dictionary<string, (DateOnly, decimal)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = (reader.GetFieldValue<DateOnly>(1), ImportRun.FromCents(reader.GetInt64(2)));
        }

        return found;
    }

    private static async Task<Dictionary<string, List<Item>>> StoredItemsAsync(ImportRun run, string[] ids, CancellationToken ct)
    {
        await using var command = run.Command($"""
            SELECT "PaymentId", "LineNo", "ItemCode", "Name", "Quantity", "Unit", "UnitPrice" FROM "PaymentItems" WHERE "PaymentId" IN ({In(run, null, ids)})
            """);
        In(run, command, ids);
        var found = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new Item(0, reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetDecimal(4), reader.GetString(5), ImportRun.FromCents(reader.GetInt64(6)));
            (found.TryGetValue(item.PaymentId, out var list) ? list : found[item.PaymentId] = []).Add(item);
        }

        return found;
    }

    /// <summary>The stored reference prices by item code: all of them, or those of <paramref name="codes"/>.</summary>
    internal static async Task<Dictionary<string, List<ReferenceUnitPrice>>> PricesAsync(ImportRun run, CancellationToken ct, string[]? codes = null)
    {
        await using var command = run.Command("""SELECT "ItemCode", "Source", "ValidFrom", "Unit", "Price" FROM "ReferencePrices" """
            + (codes is null ? "" : $"""WHERE "ItemCode" IN ({In(run, null, codes)})"""));
        if (codes is not null)
        {
            In(run, command, codes);
        }

        var prices = new Dictionary<string, List<ReferenceUnitPrice>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var price = new ReferenceUnitPrice((ReferencePriceSource)reader.GetInt32(1) == ReferencePriceSource.Ssh, reader.GetFieldValue<DateOnly>(2), reader.GetString(3), ImportRun.FromCents(reader.GetInt64(4)));
            (prices.TryGetValue(reader.GetString(0), out var list) ? list : prices[reader.GetString(0)] = []).Add(price);
        }

        return prices;
    }
}
