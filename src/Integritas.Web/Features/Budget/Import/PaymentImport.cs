using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Integritas.Core.Budget;
using Integritas.Core.Procurement;
using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports SP2D payments (<c>payments.csv</c>) in one streaming pass: each row is checked against the year's current
/// APBD and written straight on (PostgreSQL binary COPY, prepared SQLite inserts) while the monthly totals and the
/// budget lines' spending are kept in memory; at the end the totals are added in the same transaction. Any row error
/// rolls everything back. A payment already stored with the same values is skipped (so a re-import or a cumulative
/// export changes nothing twice); one stored with different values is an error, because payments never change.
/// </summary>
public static class PaymentImport
{
    public static readonly string[] Columns = ["payment_id", "date", "opd_code", "subkegiatan_code", "account_code", "vendor_id", "vendor_name", "description", "amount", "package_code"];

    public static readonly string[] Required = ["payment_id", "date", "opd_code", "subkegiatan_code", "account_code", "description", "amount"];

    /// <summary>A budget line: its pagu, what is spent on it so far, and what this import adds per month (index 1–12).</summary>
    private sealed class LineState(int opdId, string sub, string account, decimal pagu, decimal spent)
    {
        public int OpdId { get; } = opdId;

        public string Sub { get; } = sub;

        public string Account { get; } = account;

        public decimal Pagu { get; } = pagu;

        public decimal Spent { get; set; } = spent;

        public long[] Count { get; } = new long[13];

        public decimal[] Added { get; } = new decimal[13];
    }

    public static async Task RunAsync(ImportRun run, ImportTable table, string homeRegionCode, BudgetOptions options, CancellationToken ct)
    {
        var version = await run.CurrentVersionAsync(ct);
        if (version is null)
        {
            run.Errors.Add(0, "", $"Belum ada APBD tahun {run.Year}: impor rincian APBD lebih dulu.", $"There is no APBD for {run.Year} yet: import the budget lines first.");
            return;
        }

        var opds = await run.OpdsAsync(homeRegionCode, ct);
        var lines = await LinesAsync(run, version.Value, ct);
        var vendors = await VendorsAsync(run, ct);
        var existing = await ExistingIndex.LoadAsync(run, ct);
        var packageAt = table.Column("package_code");
        var packages = packageAt >= 0 ? await PackagesAsync(run, ct) : [];
        var newVendors = new Dictionary<string, string>(StringComparer.Ordinal);
        PaymentBulkLoad? bulk = null;
        if (await PaymentBulkLoad.WorthItAsync(run, table.EstimatedRows, options.BulkLoadRows, ct))
        {
            bulk = await PaymentBulkLoad.BeginAsync(run, TimeSpan.FromSeconds(options.BulkLoadLockTimeoutSeconds), ct);
            if (bulk is null)
            {
                return;
            }
        }

        await using var sink = await PaymentSink.OpenAsync(run, ct);
        var writing = true;
        // Column positions once, not a name lookup per cell.
        int idAt = table.Column("payment_id"), dateAt = table.Column("date"), opdAt = table.Column("opd_code"), subAt = table.Column("subkegiatan_code"),
            accountAt = table.Column("account_code"), vendorAt = table.Column("vendor_id"), vendorNameAt = table.Column("vendor_name"),
            descriptionAt = table.Column("description"), amountAt = table.Column("amount");
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (table.IsBlank)
            {
                continue;
            }

            run.Tick();
            var errorsBefore = run.Errors.Count;
            var row = table.Row;
            var id = table[idAt];
            if (!ImportValues.IsCode(id, 60))
            {
                run.Errors.Add(row, "payment_id", "Nomor pembayaran wajib diisi: huruf, angka, titik, tanda hubung atau garis miring, paling banyak 60 karakter.",
                    "The payment id is required: letters, digits, dots, dashes or slashes, at most 60 characters.");
            }

            if (ImportValues.DateInYear(table[dateAt], run.Year, out var date) is { } badDate)
            {
                run.Errors.Add(row, "date", badDate.Id, badDate.En);
            }

            var opdCode = table[opdAt];
            if (!opds.TryGetValue(opdCode, out var opdId))
            {
                run.Errors.Add(row, "opd_code", $"Kode OPD '{ImportValues.Clip(opdCode)}' tidak dikenal.", $"Unknown OPD code '{ImportValues.Clip(opdCode)}'.");
            }

            var sub = table[subAt];
            var subOk = BudgetCodes.IsSubKegiatan(sub);
            if (!subOk)
            {
                run.Errors.Add(row, "subkegiatan_code", $"'{ImportValues.Clip(sub)}' bukan kode sub kegiatan (mis. 1.02.02.2.02.0001).", $"'{ImportValues.Clip(sub)}' is not a sub kegiatan code (e.g. 1.02.02.2.02.0001).");
            }

            var account = table[accountAt];
            var accountOk = BudgetCodes.IsSpendingAccount(account);
            if (!accountOk)
            {
                run.Errors.Add(row, "account_code", $"'{ImportValues.Clip(account)}' bukan kode rekening belanja (mis. 5.1.02.01.01.0024).", $"'{ImportValues.Clip(account)}' is not a spending account code (e.g. 5.1.02.01.01.0024).");
            }

            LineState? line = null;
            if (opdId != 0 && subOk && accountOk && !lines.TryGetValue(LineKey(opdId, sub, account), out line))
            {
                run.Errors.Add(row, "account_code", $"Tidak ada pagu untuk OPD {opdCode}, sub kegiatan {sub}, rekening {account} dalam APBD {run.Year}.",
                    $"There is no budget line for OPD {opdCode}, sub kegiatan {sub}, account {account} in the {run.Year} APBD.");
            }

            var vendor = table[vendorAt];
            var vendorName = table[vendorNameAt];
            if (vendor.Length > 0 && !ImportValues.IsCode(vendor, 50))
            {
                run.Errors.Add(row, "vendor_id", "Kode penyedia: huruf, angka, titik atau tanda hubung, paling banyak 50 karakter.", "Vendor id: letters, digits, dots or dashes, at most 50 characters.");
            }
            else if (vendor.Length > 0 && !vendors.Contains(vendor) && !newVendors.ContainsKey(vendor))
            {
                if (vendorName.Length is 0 or > 300)
                {
                    run.Errors.Add(row, "vendor_name", "Nama penyedia baru wajib diisi (paling banyak 300 karakter).", "A new vendor's name is required (at most 300 characters).");
                }
                else if (run.Errors.Count == errorsBefore)
                {
                    newVendors[vendor] = vendorName;
                }
            }

            var description = table[descriptionAt];
            if (description.Length is 0 or > 500)
            {
                run.Errors.Add(row, "description", "Uraian wajib diisi, paling banyak 500 karakter.", "The description is required, at most 500 characters.");
            }

            if (ImportValues.Money(table[amountAt], allowZero: false, out var amount) is { } badAmount)
            {
                run.Errors.Add(row, "amount", badAmount.Id, badAmount.En);
            }

            var packageCode = table[packageAt];
            PackageState? package = null;
            if (packageCode.Length > 0 && !packages.TryGetValue(packageCode, out package))
            {
                run.Errors.Add(row, "package_code", $"Paket pengadaan '{ImportValues.Clip(packageCode)}' tidak dikenal.", $"Unknown procurement package '{ImportValues.Clip(packageCode)}'.");
            }
            if (run.Errors.Count != errorsBefore)
            {
                writing = false;
                continue;
            }

            var vendorCode = vendor.Length == 0 ? null : vendor;
            switch (existing.Find(id))
            {
                // A file without the package column (e.g. the open-data export) says nothing of a stored payment's package.
                case { } stored when stored.Content == ExistingIndex.Content(date, opdId, sub, account, vendorCode, description, amount)
                    && (packageAt < 0 || stored.PackageId == (package?.Id ?? 0)):
                    run.RowsUnchanged++;
                    continue;
                case not null:
                    run.Errors.Add(row, "payment_id", $"Pembayaran {id} sudah tersimpan dengan isi berbeda; pembayaran tidak dapat diubah.",
                        $"Payment {id} is already stored with different values; payments cannot change.");
                    writing = false;
                    continue;
            }

            // Only a new payment is checked against its package as it stands now (a stored one was checked when it came).
            if (package is not null && PackageProblem(package, opdId, date, vendor) is { } problem)
            {
                run.Errors.Add(row, "package_code", problem.Id, problem.En);
                writing = false;
                continue;
            }

            line!.Spent += amount;
            var flags = line.Spent > line.Pagu ? PaymentFlags.OverBudgetLine : PaymentFlags.None;
            if (package is not null)
            {
                package.Paid += amount;
                flags |= package.Paid > package.ContractValue ? PaymentFlags.OverContractValue : PaymentFlags.None;
            }

            line.Count[date.Month]++;
            line.Added[date.Month] += amount;
            // A repeated payment id is refused by the table's key; the sink says which at the end.
            writing = writing && sink.Write(row, id, date, opdId, sub, account, vendorCode, description, amount, flags, package?.Id);

            run.RowsAdded++;
        }

        if (run.Errors.Count > 0)
        {
            return;
        }

        if (await sink.CompleteAsync(ct) is { } duplicate)
        {
            run.Errors.Add(0, "payment_id", $"Nomor pembayaran {duplicate} muncul lebih dari sekali dalam berkas.", $"The payment id {duplicate} appears more than once in the file.");
            return;
        }

        if (bulk is not null)
        {
            await bulk.EndAsync(run, ct);
        }

        await AddVendorsAsync(run, newVendors, ct);
        await AddTotalsAsync(run, lines.Values.SelectMany(l => Enumerable.Range(1, 12).Where(m => l.Count[m] > 0)
            .Select(m => (l.OpdId, l.Sub, l.Account, m, l.Count[m], l.Added[m]))), ct);
    }

    private static (int, string, string) LineKey(int opdId, string sub, string account) => (opdId, sub, account);

    /// <summary>A procurement package a payment may name: what the checks need, and what its payments add up to so far.</summary>
    private sealed class PackageState(int id, string code, int opdId, ProcurementStage stage, DateOnly? contractDate, decimal contractValue, string? supplier, decimal paid)
    {
        public int Id { get; } = id;

        public string Code { get; } = code;

        public int OpdId { get; } = opdId;

        public ProcurementStage Stage { get; } = stage;

        public DateOnly? ContractDate { get; } = contractDate;

        public decimal ContractValue { get; } = contractValue;

        public string? Supplier { get; } = supplier;

        public decimal Paid { get; set; } = paid;
    }

    /// <summary>
    /// Why a payment cannot pay this package's contract, or null: it must be the same OPD's, the contract must be
    /// signed (contracted or under implementation) and dated no later than the payment, and the payee its supplier.
    /// </summary>
    private static (string Id, string En)? PackageProblem(PackageState package, int opdId, DateOnly date, string vendor)
    {
        if (opdId != 0 && package.OpdId != opdId)
        {
            return ($"Paket {package.Code} milik OPD lain; pembayarannya dilakukan oleh OPD pemilik paket.",
                $"Package {package.Code} belongs to another OPD; its payments are made by the package's own OPD.");
        }

        if (package.Stage is not (ProcurementStage.Contracted or ProcurementStage.Implementation) || package.ContractDate is not { } signed)
        {
            var (stageId, stageEn) = ProcurementTerms.Label(package.Stage);
            return ($"Paket {package.Code} belum berkontrak (tahap: {stageId}); hanya kontrak yang sudah ditandatangani yang dapat dibayar.",
                $"Package {package.Code} has no signed contract (stage: {stageEn}); only a signed contract can be paid.");
        }

        if (date != default && date < signed)
        {
            var day = signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return ($"Tanggal pembayaran sebelum kontrak paket {package.Code} ditandatangani ({day}).",
                $"The payment is dated before package {package.Code}'s contract was signed ({day}).");
        }

        if (vendor.Length > 0 && package.Supplier is { } supplier && !string.Equals(vendor, supplier, StringComparison.Ordinal))
        {
            return ($"Penerima {ImportValues.Clip(vendor)} bukan penyedia paket {package.Code} ({supplier}).",
                $"The payee {ImportValues.Clip(vendor)} is not package {package.Code}'s supplier ({supplier}).");
        }

        return null;
    }

    private static async Task<Dictionary<string, PackageState>> PackagesAsync(ImportRun run, CancellationToken ct)
    {
        var paid = new Dictionary<int, decimal>();
        await using (var command = run.Command("""SELECT "PackageId", SUM("Amount") FROM "Payments" WHERE "PackageId" IS NOT NULL GROUP BY "PackageId" """))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                paid[reader.GetInt32(0)] = ImportRun.FromCents(reader.GetInt64(1));
            }
        }

        var packages = new Dictionary<string, PackageState>(StringComparer.Ordinal);
        await using (var command = run.Command("""
            SELECT p."Id", p."Code", p."OpdId", p."Stage", p."ContractDate", p."ContractValue", v."Code"
            FROM "ConstructionPackages" p LEFT JOIN "Vendors" v ON v."Id" = p."SupplierVendorId"
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                packages[reader.GetString(1)] = new PackageState(id, reader.GetString(1), reader.GetInt32(2), (ProcurementStage)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    paid.GetValueOrDefault(id));
            }
        }

        return packages;
    }

    private static async Task<Dictionary<(int, string, string), LineState>> LinesAsync(ImportRun run, int versionId, CancellationToken ct)
    {
        var spent = new Dictionary<(int, string, string), decimal>();
        await using (var command = run.Command("""
            SELECT "OpdId", "SubKegiatanCode", "AccountCode", SUM("Amount") FROM "PaymentTotals" WHERE "Year" = @y
            GROUP BY "OpdId", "SubKegiatanCode", "AccountCode"
            """))
        {
            run.Parameter(command, "@y", run.Year);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                spent[LineKey(reader.GetInt32(0), reader.GetString(1), reader.GetString(2))] = ImportRun.FromCents(reader.GetInt64(3));
            }
        }

        var lines = new Dictionary<(int, string, string), LineState>();
        await using (var command = run.Command("""SELECT "OpdId", "SubKegiatanCode", "AccountCode", "Pagu" FROM "BudgetLines" WHERE "VersionId" = @v"""))
        {
            run.Parameter(command, "@v", versionId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (opd, sub, account) = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
                var key = LineKey(opd, sub, account);
                lines[key] = new LineState(opd, sub, account, ImportRun.FromCents(reader.GetInt64(3)), spent.GetValueOrDefault(key));
            }
        }

        return lines;
    }

    private static async Task<HashSet<string>> VendorsAsync(ImportRun run, CancellationToken ct)
    {
        var vendors = new HashSet<string>(StringComparer.Ordinal);
        await using var command = run.Command("""SELECT "Code" FROM "Vendors" """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            vendors.Add(reader.GetString(0));
        }

        return vendors;
    }

    private static async Task AddVendorsAsync(ImportRun run, Dictionary<string, string> vendors, CancellationToken ct)
    {
        if (vendors.Count == 0)
        {
            return;
        }

        if (run.Postgres)
        {
            // One statement for all of them (a large file may bring thousands).
            await run.ExecuteAsync("""
                INSERT INTO "Vendors" ("Code", "Name", "IsSmallBusiness") SELECT c, n, FALSE FROM unnest(@codes, @names) AS v(c, n)
                ON CONFLICT ("Code") DO NOTHING
                """, ct, ("@codes", vendors.Keys.ToArray()), ("@names", vendors.Values.ToArray()));
            return;
        }

        await using var command = run.Command("""
            INSERT INTO "Vendors" ("Code", "Name", "IsSmallBusiness") VALUES (@code, @name, @small) ON CONFLICT ("Code") DO NOTHING
            """);
        var code = run.Parameter(command, "@code", "");
        var name = run.Parameter(command, "@name", "");
        run.Parameter(command, "@small", false);
        foreach (var (c, n) in vendors)
        {
            code.Value = c;
            name.Value = n;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Adds payments to the monthly totals (an upsert both providers understand).</summary>
    public static async Task AddTotalsAsync(ImportRun run, IEnumerable<(int OpdId, string Sub, string Account, int Month, long Count, decimal Amount)> totals, CancellationToken ct)
    {
        if (run.Postgres)
        {
            // One statement for every line and month (a year of a regency's payments touches tens of thousands).
            var rows = totals.ToList();
            await run.ExecuteAsync("""
                INSERT INTO "PaymentTotals" ("Year", "OpdId", "SubKegiatanCode", "AccountCode", "Month", "Count", "Amount")
                SELECT @y, o, s, a, m, n, t FROM unnest(@opd, @sub, @acc, @m, @n, @a) AS v(o, s, a, m, n, t)
                ON CONFLICT ("Year", "OpdId", "SubKegiatanCode", "AccountCode", "Month")
                DO UPDATE SET "Count" = "PaymentTotals"."Count" + excluded."Count", "Amount" = "PaymentTotals"."Amount" + excluded."Amount"
                """, ct, ("@y", run.Year), ("@opd", rows.Select(r => r.OpdId).ToArray()), ("@sub", rows.Select(r => r.Sub).ToArray()),
                ("@acc", rows.Select(r => r.Account).ToArray()), ("@m", rows.Select(r => r.Month).ToArray()), ("@n", rows.Select(r => r.Count).ToArray()),
                ("@a", rows.Select(r => ImportRun.Cents(r.Amount)).ToArray()));
            return;
        }

        await using var command = run.Command("""
            INSERT INTO "PaymentTotals" ("Year", "OpdId", "SubKegiatanCode", "AccountCode", "Month", "Count", "Amount")
            VALUES (@y, @opd, @sub, @acc, @m, @n, @a)
            ON CONFLICT ("Year", "OpdId", "SubKegiatanCode", "AccountCode", "Month")
            DO UPDATE SET "Count" = "PaymentTotals"."Count" + excluded."Count", "Amount" = "PaymentTotals"."Amount" + excluded."Amount"
            """);
        run.Parameter(command, "@y", run.Year);
        var opd = run.Parameter(command, "@opd", 0);
        var sub = run.Parameter(command, "@sub", "");
        var acc = run.Parameter(command, "@acc", "");
        var month = run.Parameter(command, "@m", 0);
        var count = run.Parameter(command, "@n", 0L);
        var amount = run.Parameter(command, "@a", 0L);
        foreach (var t in totals)
        {
            opd.Value = t.OpdId;
            sub.Value = t.Sub;
            acc.Value = t.Account;
            month.Value = t.Month;
            count.Value = t.Count;
            amount.Value = ImportRun.Cents(t.Amount);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// The payments of the year already stored, as 64-bit hashes of their ids and of their values and their package
    /// id, sorted: 20 bytes a payment (200 MB at ten million), instead of the strings.
    /// </summary>
    private sealed class ExistingIndex
    {
        private readonly ulong[] ids;
        private readonly Stored[] stored;

        private ExistingIndex(ulong[] ids, Stored[] stored)
        {
            this.ids = ids;
            this.stored = stored;
        }

        /// <summary>A stored payment's values hash and package id (0 for none), packed in 12 bytes.</summary>
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
        private readonly record struct Stored(ulong Content, int PackageId);

        public static async Task<ExistingIndex> LoadAsync(ImportRun run, CancellationToken ct)
        {
            long count;
            await using (var command = run.Command("""SELECT COUNT(*) FROM "Payments" WHERE "Year" = @y"""))
            {
                run.Parameter(command, "@y", run.Year);
                count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            var ids = new ulong[count];
            var stored = new Stored[count];
            var n = 0;
            if (count > 0)
            {
                await using var command = run.Command("""
                    SELECT "Id", "Date", "OpdId", "SubKegiatanCode", "AccountCode", "VendorCode", "Description", "Amount", "PackageId" FROM "Payments" WHERE "Year" = @y
                    """);
                run.Parameter(command, "@y", run.Year);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct) && n < count)
                {
                    ids[n] = Hash(reader.GetString(0));
                    stored[n] = new Stored(Content(reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), ImportRun.FromCents(reader.GetInt64(7))),
                        reader.IsDBNull(8) ? 0 : reader.GetInt32(8));
                    n++;
                }
            }

            Array.Sort(ids, stored, 0, n);
            return n == count ? new ExistingIndex(ids, stored) : new ExistingIndex(ids[..n], stored[..n]);
        }

        /// <summary>The stored values' hash and package id (0 for none) of the payment with this id, or null when it is new.</summary>
        public (ulong Content, int PackageId)? Find(string id)
        {
            if (ids.Length == 0)
            {
                return null;
            }

            var at = Array.BinarySearch(ids, Hash(id));
            return at >= 0 ? (stored[at].Content, stored[at].PackageId) : null;
        }

        public static ulong Content(DateOnly date, int opdId, string sub, string account, string? vendor, string description, decimal amount) =>
            Hash(string.Join('\u001f', date.DayNumber, opdId, sub, account, vendor ?? "", description, ImportRun.Cents(amount)));

        private static ulong Hash(string text) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text));
    }
}
