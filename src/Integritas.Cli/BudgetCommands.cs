using System.CommandLine;
using System.Globalization;
using System.Text;
using Integritas.Data.Budget;
using Integritas.Web.Features.Budget.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli;

/// <summary>Budget imports from the command line (no upload limit), and a payments file generator for the benchmark.</summary>
public static class BudgetCommands
{
    public static Command Budget()
    {
        var budget = new Command("budget", "Anggaran: impor data keuangan / Budget: import finance-system exports");
        budget.Subcommands.Add(Import());
        budget.Subcommands.Add(GeneratePayments());
        return budget;
    }

    private static Command Import()
    {
        var kind = new Argument<string>("kind") { Description = "budget_lines, payments, payment_items, reference_prices, village_transfers or village_spending" };
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX file (docs/budget-import.md)" };
        var year = new Option<int>("--year") { Description = "Fiscal year", Required = true };
        var stage = new Option<string>("--stage") { Description = "budget_lines: murni, pergeseran or perubahan", DefaultValueFactory = _ => "murni" };
        var adopted = new Option<string?>("--adopted") { Description = "budget_lines: adoption date, yyyy-MM-dd" };
        var legal = new Option<string?>("--legal-basis") { Description = "budget_lines: the adopting regulation, e.g. \"Perda No. 5 Tahun 2025\"" };
        var command = new Command("import", "Impor berkas dalam satu transaksi / Import a file in one transaction") { kind, file, year, stage, adopted, legal };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var kinds = Enum.GetValues<BudgetImportKind>().ToDictionary(ImportRun.KindName);
            if (!kinds.TryGetValue(parse.GetValue(kind)!, out var k))
            {
                error.WriteLine($"Unknown kind; use one of: {string.Join(", ", kinds.Keys)}.");
                return 2;
            }

            BudgetVersionInfo? version = null;
            if (k == BudgetImportKind.BudgetLines)
            {
                if (!Enum.TryParse<BudgetStage>(parse.GetValue(stage), ignoreCase: true, out var s) || !Enum.IsDefined(s)
                    || !DateOnly.TryParseExact(parse.GetValue(adopted), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                {
                    error.WriteLine("budget_lines needs --stage murni|pergeseran|perubahan and --adopted yyyy-MM-dd.");
                    return 2;
                }

                version = new BudgetVersionInfo(s, on, parse.GetValue(legal));
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                error.WriteLine($"No such file: {path.FullName}");
                return 2;
            }

            var importer = services.GetRequiredService<BudgetImporter>();
            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var done = new CancellationTokenSource();
            var reporter = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), done.Token);
                        foreach (var (id, read) in importer.Running)
                        {
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import {id}: {read:N0} rows read ({started.Elapsed.TotalSeconds:0} s)"));
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);
            var import = await importer.ImportAsync(new BudgetImportRequest(k, parse.GetValue(year), path.Name, version, null, "integritas budget import"), stream, ct);
            await done.CancelAsync();
            await reporter;
            var seconds = started.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Import {import.Id} {import.Status}: {import.RowsRead} rows read, {import.RowsAdded} added, {import.RowsUnchanged} unchanged, {import.ErrorCount} errors in {seconds:0.0} s ({import.RowsRead / Math.Max(seconds, 0.001):0} rows/s)."));
            if (import.ErrorsJson is { } json)
            {
                foreach (var e in System.Text.Json.JsonSerializer.Deserialize<List<ImportRowError>>(json)!.Take(50))
                {
                    error.WriteLine($"row {e.Row} {e.Column}: {e.En}");
                }
            }

            return import.Status == BudgetImportStatus.Succeeded ? 0 : 1;
        }, ct));
        return command;
    }

    private static Command GeneratePayments()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write payments.csv" };
        var year = new Option<int>("--year") { Description = "Fiscal year (its APBD must be imported)", Required = true };
        var rows = new Option<long>("--rows") { Description = "How many payments", DefaultValueFactory = _ => 10_000_000 };
        var prefix = new Option<string>("--prefix") { Description = "Payment id prefix", DefaultValueFactory = _ => "BENCH" };
        var command = new Command("generate-payments", "Tulis berkas pembayaran sintetis untuk uji kinerja / Write a synthetic payments file for the benchmark") { file, year, rows, prefix };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (_, db) =>
        {
            var y = parse.GetValue(year);
            var version = await db.BudgetVersions.Where(v => v.Year == y).OrderByDescending(v => v.Revision).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
            if (version is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"There is no APBD for {y}: import budget lines (or seed the demo) first.");
                return 2;
            }

            var lines = await db.BudgetLines.Where(l => l.VersionId == version).Select(l => new { l.Opd!.Code, l.SubKegiatanCode, l.AccountCode }).ToListAsync(ct);
            var vendors = Enumerable.Range(1, 5000).Select(i => (Code: $"VB{i:000000}", Name: $"CV Penyedia Uji {i}")).ToArray();
            var random = new Random(20261130);
            var n = parse.GetValue(rows);
            var p = parse.GetValue(prefix);
            var start = new DateOnly(y, 1, 1);
            var days = new DateOnly(y, 12, 31).DayNumber - start.DayNumber + 1;
            await using var writer = new StreamWriter(parse.GetValue(file)!.FullName, false, new UTF8Encoding(false), 1 << 20);
            await writer.WriteLineAsync(string.Join(',', PaymentImport.Columns.Take(9)));
            var sb = new StringBuilder(256);
            for (long i = 1; i <= n; i++)
            {
                var line = lines[random.Next(lines.Count)];
                var vendor = vendors[random.Next(vendors.Length)];
                var date = start.AddDays(random.Next(days));
                var amount = random.Next(100, 50_000) * 1000m + random.Next(0, 100) / 100m;
                sb.Clear().Append(p).Append('-').Append(i.ToString("D9", CultureInfo.InvariantCulture)).Append(',')
                    .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(line.Code).Append(',').Append(line.SubKegiatanCode).Append(',').Append(line.AccountCode).Append(',')
                    .Append(vendor.Code).Append(',').Append(vendor.Name).Append(',')
                    .Append("Belanja uji kinerja ").Append(i % 97).Append(',')
                    .Append(amount.ToString("0.##", CultureInfo.InvariantCulture));
                await writer.WriteLineAsync(sb, ct);
            }

            parse.InvocationConfiguration.Output.WriteLine($"Wrote {n} payments over {lines.Count} budget lines of {y}.");
            return 0;
        }, ct));
        return command;
    }
}
