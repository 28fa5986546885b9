using Integritas.Core.Budget;
using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// Imports an adopted APBD (<c>budget_lines.csv</c>): every line's pagu by OPD, sub kegiatan and account, with the
/// codes' names. Each import of a changed budget becomes the year's next revision (murni first, then pergeseran or
/// perubahan); importing the same budget as the current revision again changes nothing.
/// </summary>
public static class BudgetLineImport
{
    public const int MaxRows = 500_000;

    public static readonly string[] Columns = ["opd_code", "program_code", "program_name", "kegiatan_code", "kegiatan_name", "subkegiatan_code", "subkegiatan_name", "account_code", "account_name", "pagu"];

    private sealed record Line(int OpdId, string Sub, string Account, decimal Pagu);

    public static async Task RunAsync(ImportRun run, ImportTable table, string homeRegionCode, BudgetVersionInfo? version, DateTime nowUtc, CancellationToken ct)
    {
        if (version is null)
        {
            run.Errors.Add(0, "", "Pilih jenis APBD (murni, pergeseran, perubahan) dan tanggal penetapannya.", "Choose the kind of APBD (murni, pergeseran, perubahan) and its adoption date.");
            return;
        }

        var opds = await run.OpdsAsync(homeRegionCode, ct);
        var lines = new Dictionary<(int, string, string), Line>();
        var names = new Dictionary<(BudgetCodeKind, string), string>();
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
                run.Errors.Add(table.Row, "", $"Paling banyak {MaxRows:N0} baris rincian APBD.", $"At most {MaxRows:N0} budget lines.");
                return;
            }

            ReadRow(run, table, opds, lines, names);
        }

        if (run.Errors.Count > 0)
        {
            return;
        }

        if (lines.Count == 0)
        {
            run.Errors.Add(0, "", "Berkas tidak berisi rincian APBD.", "The file holds no budget lines.");
            return;
        }

        var current = await CurrentAsync(run, ct);
        if (current is { } c && Same(c.Lines, lines.Values))
        {
            run.RowsUnchanged = lines.Count;
            return;
        }

        if (current is null && version.Stage != BudgetStage.Murni)
        {
            run.Errors.Add(0, "", $"Belum ada APBD murni {run.Year}: impor APBD murni lebih dulu.", $"There is no murni APBD for {run.Year} yet: import it first.");
            return;
        }

        if (current is not null && version.Stage == BudgetStage.Murni)
        {
            run.Errors.Add(0, "", $"APBD murni {run.Year} sudah diimpor dan berbeda: impor perubahan ini sebagai pergeseran atau APBD perubahan.",
                $"The murni APBD for {run.Year} is already imported and differs: import this change as a pergeseran or perubahan.");
            return;
        }

        await SaveNamesAsync(run, names, ct);
        var versionId = await AddVersionAsync(run, version, current is null ? 0 : current.Value.Revision + 1, nowUtc, ct);
        await using var insert = run.Command("""
            INSERT INTO "BudgetLines" ("VersionId", "OpdId", "SubKegiatanCode", "AccountCode", "Pagu") VALUES (@v, @opd, @sub, @acc, @pagu)
            """);
        run.Parameter(insert, "@v", versionId);
        var opd = run.Parameter(insert, "@opd", 0);
        var sub = run.Parameter(insert, "@sub", "");
        var acc = run.Parameter(insert, "@acc", "");
        var pagu = run.Parameter(insert, "@pagu", 0L);
        foreach (var line in lines.Values)
        {
            opd.Value = line.OpdId;
            sub.Value = line.Sub;
            acc.Value = line.Account;
            pagu.Value = ImportRun.Cents(line.Pagu);
            await insert.ExecuteNonQueryAsync(ct);
        }

        run.RowsAdded = lines.Count;
    }

    private static void ReadRow(ImportRun run, ImportTable table, Dictionary<string, int> opds, Dictionary<(int, string, string), Line> lines, Dictionary<(BudgetCodeKind, string), string> names)
    {
        var row = table.Row;
        var before = run.Errors.Count;
        var opdCode = table["opd_code"];
        if (!opds.TryGetValue(opdCode, out var opdId))
        {
            run.Errors.Add(row, "opd_code", $"Kode OPD '{ImportValues.Clip(opdCode)}' tidak dikenal.", $"Unknown OPD code '{ImportValues.Clip(opdCode)}'.");
        }

        var sub = table["subkegiatan_code"];
        if (!BudgetCodes.IsSubKegiatan(sub))
        {
            run.Errors.Add(row, "subkegiatan_code", $"'{ImportValues.Clip(sub)}' bukan kode sub kegiatan (mis. 1.02.02.2.02.0001).", $"'{ImportValues.Clip(sub)}' is not a sub kegiatan code (e.g. 1.02.02.2.02.0001).");
        }
        else
        {
            Expect(run, table, "program_code", BudgetCodes.ProgramOf(sub));
            Expect(run, table, "kegiatan_code", BudgetCodes.KegiatanOf(sub));
        }

        var account = table["account_code"];
        if (!BudgetCodes.IsSpendingAccount(account))
        {
            run.Errors.Add(row, "account_code", $"'{ImportValues.Clip(account)}' bukan kode rekening belanja (mis. 5.1.02.01.01.0024).", $"'{ImportValues.Clip(account)}' is not a spending account code (e.g. 5.1.02.01.01.0024).");
        }

        foreach (var column in (string[])["program_name", "kegiatan_name", "subkegiatan_name", "account_name"])
        {
            if (table[column].Length is 0 or > 500)
            {
                run.Errors.Add(row, column, "Nama wajib diisi, paling banyak 500 karakter.", "The name is required, at most 500 characters.");
            }
        }

        if (ImportValues.Money(table["pagu"], allowZero: true, out var pagu) is { } bad)
        {
            run.Errors.Add(row, "pagu", bad.Id, bad.En);
        }

        if (run.Errors.Count != before)
        {
            return;
        }

        if (!lines.TryAdd((opdId, sub, account), new Line(opdId, sub, account, pagu)))
        {
            run.Errors.Add(row, "account_code", $"Rekening {account} pada sub kegiatan {sub} OPD {opdCode} muncul lebih dari sekali.", $"Account {account} under sub kegiatan {sub} of OPD {opdCode} appears more than once.");
            return;
        }

        names[(BudgetCodeKind.Program, table["program_code"])] = table["program_name"];
        names[(BudgetCodeKind.Kegiatan, table["kegiatan_code"])] = table["kegiatan_name"];
        names[(BudgetCodeKind.SubKegiatan, sub)] = table["subkegiatan_name"];
        names[(BudgetCodeKind.Account, account)] = table["account_name"];
    }

    private static void Expect(ImportRun run, ImportTable table, string column, string expected)
    {
        if (table[column] != expected)
        {
            run.Errors.Add(table.Row, column, $"Harus {expected} (awalan kode sub kegiatan).", $"Must be {expected} (the sub kegiatan code's prefix).");
        }
    }

    private static bool Same(List<Line> stored, IEnumerable<Line> file)
    {
        var set = stored.ToHashSet();
        var count = 0;
        foreach (var line in file)
        {
            count++;
            if (!set.Contains(line))
            {
                return false;
            }
        }

        return count == set.Count;
    }

    private static async Task<(int Id, int Revision, List<Line> Lines)?> CurrentAsync(ImportRun run, CancellationToken ct)
    {
        int id, revision;
        await using (var command = run.Command("""SELECT "Id", "Revision" FROM "BudgetVersions" WHERE "Year" = @y ORDER BY "Revision" DESC LIMIT 1"""))
        {
            run.Parameter(command, "@y", run.Year);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            (id, revision) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        var lines = new List<Line>();
        await using (var command = run.Command("""SELECT "OpdId", "SubKegiatanCode", "AccountCode", "Pagu" FROM "BudgetLines" WHERE "VersionId" = @v"""))
        {
            run.Parameter(command, "@v", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                lines.Add(new Line(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), ImportRun.FromCents(reader.GetInt64(3))));
            }
        }

        return (id, revision, lines);
    }

    private static async Task SaveNamesAsync(ImportRun run, Dictionary<(BudgetCodeKind Kind, string Code), string> names, CancellationToken ct)
    {
        await using var upsert = run.Command("""
            INSERT INTO "BudgetCodes" ("Kind", "Code", "Name") VALUES (@k, @c, @n) ON CONFLICT ("Kind", "Code") DO UPDATE SET "Name" = excluded."Name"
            """);
        var kind = run.Parameter(upsert, "@k", 0);
        var code = run.Parameter(upsert, "@c", "");
        var name = run.Parameter(upsert, "@n", "");
        foreach (var ((k, c), n) in names)
        {
            kind.Value = (int)k;
            code.Value = c;
            name.Value = n;
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<int> AddVersionAsync(ImportRun run, BudgetVersionInfo version, int revision, DateTime nowUtc, CancellationToken ct)
    {
        await using var insert = run.Command("""
            INSERT INTO "BudgetVersions" ("Year", "Stage", "Revision", "LegalBasis", "AdoptedOn", "ImportedAtUtc") VALUES (@y, @s, @r, @l, @a, @t) RETURNING "Id"
            """);
        run.Parameter(insert, "@y", run.Year);
        run.Parameter(insert, "@s", (int)version.Stage);
        run.Parameter(insert, "@r", revision);
        run.Parameter(insert, "@l", version.LegalBasis);
        run.Parameter(insert, "@a", run.DateValue(version.AdoptedOn));
        run.Parameter(insert, "@t", run.DateTimeValue(nowUtc));
        return Convert.ToInt32(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
