using System.CommandLine;
using System.Reflection;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integritas.Cli;

/// <summary>The <c>integritas</c> command line: migrate, seed, users add, backup, version.</summary>
public static class Commands
{
    private static readonly Option<string?> ContentRoot = new("--content-root")
    {
        Description = "Folder whose appsettings.json and relative data directory to use (default: src/Integritas.Web when run from the repository).",
        Recursive = true,
    };

    private static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "Overrides Integritas:DataDirectory (where the embedded SQLite database lives).",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("integritas — perintah administrasi Integritas / Integritas administration commands");
        root.Options.Add(ContentRoot);
        root.Options.Add(DataDirectory);
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Seed());
        root.Subcommands.Add(Users());
        root.Subcommands.Add(Backup());
        root.Subcommands.Add(Version());
        root.Subcommands.Add(LedgerCommands.Ledger());
        root.Subcommands.Add(LedgerCommands.Verify());
        root.Subcommands.Add(EvidenceCommands.Evidence());
        root.Subcommands.Add(ApiKeyCommands.ApiKey());
        root.Subcommands.Add(BudgetCommands.Budget());
        return root;
    }

    private static IHost HostFor(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(DataDirectory) is { } dir)
        {
            overrides["Integritas:DataDirectory"] = Path.GetFullPath(dir);
        }

        return CliHost.Build(parse.GetValue(ContentRoot), overrides);
    }

    private static void Describe(IServiceProvider services, TextWriter output)
    {
        var info = services.GetRequiredService<DatabaseInfo>();
        output.WriteLine(info.Provider == DatabaseProvider.Sqlite ? $"Database: SQLite {info.SqlitePath}" : "Database: PostgreSQL (ConnectionStrings:Postgres)");
    }

    /// <summary>Opens the configured database, says which one it is, and (unless migrating) refuses an unmigrated one.</summary>
    internal static async Task<int> OnDatabaseAsync(ParseResult parse, bool requireMigrated, Func<IServiceProvider, IntegritasDbContext, Task<int>> body, CancellationToken ct)
    {
        using var host = HostFor(parse);
        Describe(host.Services, parse.InvocationConfiguration.Output);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        if (requireMigrated && (await db.Database.GetPendingMigrationsAsync(ct)).ToList() is { Count: > 0 } pending)
        {
            parse.InvocationConfiguration.Error.WriteLine($"The database has {pending.Count} pending migration(s); run `integritas migrate` first.");
            return 1;
        }

        return await body(scope.ServiceProvider, db);
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Terapkan migrasi basis data / Apply database migrations");
        command.SetAction((parse, ct) => OnDatabaseAsync(parse, requireMigrated: false, async (_, db) =>
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            parse.InvocationConfiguration.Output.WriteLine(pending.Count == 0 ? "Up to date: no pending migrations." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Seed()
    {
        var scale = new Option<int>("--scale")
        {
            Description = $"Number of regencies: 1 = Kabupaten Langkat only, {DemoRegencyGenerator.MaxScale} = all of Sumatera Utara.",
            DefaultValueFactory = _ => 1,
        };
        scale.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > DemoRegencyGenerator.MaxScale)
            {
                result.AddError($"--scale must be between 1 and {DemoRegencyGenerator.MaxScale}.");
            }
        });
        var command = new Command("seed", "Muat data demo kabupaten / Load the demo regency") { scale };
        command.SetAction((parse, ct) => OnDatabaseAsync(parse, requireMigrated: true, async (services, db) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var summary = await DemoRegencyGenerator.LoadAsync(db, parse.GetValue(scale), ct);
            if (await EvidenceDemo.LoadAsync(services, ct) is > 0 and var evidence)
            {
                output.WriteLine($"Uploaded {evidence} demo evidence items and recorded them in the transparency log.");
            }

            if (await Integritas.Web.Features.Procurement.ProcurementDemo.LoadAsync(services, ct) is > 0 and var packages)
            {
                output.WriteLine($"Loaded {packages} demo procurement packages with bids and integrity pacts (signed with demo keys, recorded in the transparency log).");
            }

            if (await Integritas.Web.Features.Complaints.ComplaintDemo.LoadAsync(services, ct) is > 0 and var complaints)
            {
                output.WriteLine($"Loaded {complaints} demo complaints with their timelines.");
            }

            if (await Integritas.Web.Features.Performance.PerformanceDemo.LoadAsync(services, ct) is > 0 and var reports)
            {
                output.WriteLine($"Loaded five years of demo performance plans with {reports} quarterly reports.");
            }

            if (await Integritas.Web.Features.Budget.Demo.BudgetDemoLoader.LoadAsync(services, ct) is { Length: > 0 } budget)
            {
                output.WriteLine($"Loaded the demo budget of {budget[0].Year} through the importer: {budget.Sum(i => i.RowsAdded)} rows in {budget.Length} files.");
            }

            if (await Integritas.Web.Features.Performance.PerformanceDemo.LoadProvinceAsync(services, new LineProgress(output), ct) is > 0 and var provinceReports)
            {
                output.WriteLine($"Loaded five-year performance plans of {Integritas.Web.Features.Performance.PerformanceDemo.ProvinceIndicatorsPerOpd} indicators for the other regencies' OPD with {provinceReports} quarterly reports (not yet in the transparency log: the portal appends them in the background).");
            }

            output.WriteLine($"Loaded {summary.Regions} regions, {summary.Opds} OPD, {summary.ServiceUnits} service units, {summary.Positions} positions, {summary.Officials} officials in {started.Elapsed.TotalSeconds:0.0} s.");
            if (summary.Regions == 0)
            {
                output.WriteLine("Nothing new: those regencies are already loaded.");
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Users()
    {
        var userName = new Option<string>("--user") { Description = "User name", Required = true };
        var email = new Option<string>("--email") { Description = "E-mail address", Required = true };
        var name = new Option<string?>("--name") { Description = "Full name (default: the user name)" };
        var roles = new Option<string[]>("--role")
        {
            Description = "Role, repeatable: " + string.Join(", ", Roles.All.Select(r => r.Name)),
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        roles.Validators.Add(result =>
        {
            foreach (var role in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!Roles.IsKnown(role))
                {
                    result.AddError($"Unknown role '{role}'. Known roles: {string.Join(", ", Roles.All.Select(r => r.Name))}.");
                }
            }
        });
        var opds = new Option<string[]>("--opd") { Description = "OPD code the user operates for (OpdOperator), repeatable", AllowMultipleArgumentsPerToken = true };
        var regency = new Option<string?>("--regency") { Description = "Kemendagri code of the kabupaten/kota of those OPDs (e.g. 12.05); needed when several regencies are loaded" };
        var add = new Command("add", "Tambah pengguna; kata sandi dibaca dari stdin / Add a user; the password is read from standard input")
        {
            userName, email, name, roles, opds, regency,
        };
        add.SetAction((parse, ct) => OnDatabaseAsync(parse, requireMigrated: true, async (services, db) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var opdCodes = parse.GetValue(opds) ?? [];
            var regencyCode = parse.GetValue(regency);
            var opdIds = await db.Opds.Where(o => opdCodes.Contains(o.Code) && (regencyCode == null || o.Region!.Code == regencyCode))
                .Select(o => new { o.Id, o.Code }).ToListAsync(ct);
            var unknown = opdCodes.Except(opdIds.Select(o => o.Code)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"Unknown OPD code(s){(regencyCode is null ? "" : " in " + regencyCode)}: {string.Join(", ", unknown)}");
                return 1;
            }

            var ambiguous = opdIds.GroupBy(o => o.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (ambiguous.Count > 0)
            {
                error.WriteLine($"OPD code(s) {string.Join(", ", ambiguous)} exist in several regencies: add --regency CODE (e.g. --regency 12.05).");
                return 1;
            }

            var roleList = parse.GetValue(roles)!;
            if (roleList.Contains(Roles.OpdOperator) && opdIds.Count == 0)
            {
                error.WriteLine("An OpdOperator needs at least one --opd CODE.");
                return 1;
            }

            var password = PasswordInput.Read(error);
            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("No password given. Pipe it in (echo \"$PASSWORD\" | integritas users add …) or type it at the prompt.");
                return 1;
            }

            var provisioning = services.GetRequiredService<UserProvisioning>();
            var user = parse.GetValue(userName)!;
            var (created, result) = await provisioning.CreateAsync(user, parse.GetValue(email)!, parse.GetValue(name) ?? user, password, roleList, opdIds.Select(o => o.Id));
            if (created is null || !result.Succeeded)
            {
                foreach (var e in result.Errors)
                {
                    error.WriteLine(e.Description);
                }

                return 1;
            }

            output.WriteLine($"Created user '{created.UserName}' with role(s) {string.Join(", ", roleList)}. At first sign-in they enrol an authenticator app (TOTP).");
            return 0;
        }, ct));
        var users = new Command("users", "Kelola pengguna / Manage users");
        users.Subcommands.Add(add);
        return users;
    }

    private static Command Backup()
    {
        var outputOption = new Option<string?>("--output", "-o") { Description = "Backup file (default: <data>/backups/integritas-<UTC time>.db)" };
        var command = new Command("backup", "Cadangkan basis data / Back up the database") { outputOption };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var host = HostFor(parse);
            var info = host.Services.GetRequiredService<DatabaseInfo>();
            Describe(host.Services, output);
            if (info.Provider == DatabaseProvider.Postgres)
            {
                output.WriteLine("""
                    PostgreSQL is backed up with its own tools, which take a consistent snapshot while the portal runs:
                      pg_dump --format=custom --file=integritas.dump "<database name>"
                    and restored with:
                      pg_restore --clean --if-exists --dbname="<database name>" integritas.dump
                    Use the host, user and database of ConnectionStrings:Postgres (pg_dump -h HOST -U USER DBNAME).
                    Schedule it (cron/systemd timer) and copy the dump off the server.
                    """);
                return 2;
            }

            if (!File.Exists(info.SqlitePath))
            {
                parse.InvocationConfiguration.Error.WriteLine($"No database at {info.SqlitePath}.");
                return 1;
            }

            var target = Path.GetFullPath(parse.GetValue(outputOption)
                ?? Path.Combine(Path.GetDirectoryName(info.SqlitePath)!, "backups", $"integritas-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db"));
            if (File.Exists(target))
            {
                parse.InvocationConfiguration.Error.WriteLine($"{target} already exists; choose another --output.");
                return 1;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // VACUUM INTO writes a transactionally consistent copy even while the portal is writing.
            await using (var connection = new SqliteConnection($"Data Source={info.SqlitePath}"))
            {
                await connection.OpenAsync(ct);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", target);
                await vacuum.ExecuteNonQueryAsync(ct);
            }

            SqliteConnection.ClearAllPools();
            output.WriteLine($"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).");
            return 0;
        });
        return command;
    }

    private static Command Version()
    {
        var command = new Command("version", "Tampilkan versi / Show the version");
        command.SetAction(parse =>
        {
            var version = typeof(IntegritasDbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(IntegritasDbContext).Assembly.GetName().Version?.ToString() ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine($"Integritas {version} (.NET {Environment.Version})");
            return 0;
        });
        return command;
    }
}

/// <summary>Writes progress on the caller's thread: <see cref="Progress{T}"/> would post to the thread pool and race the command's own output.</summary>
internal sealed class LineProgress(TextWriter output) : IProgress<string>
{
    public void Report(string value) => output.WriteLine(value);
}

/// <summary>Reads a password from redirected standard input, or from the terminal without echoing it.</summary>
internal static class PasswordInput
{
    public static string? Read(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r', '\n');
        }

        prompt.Write("Kata sandi / Password: ");
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }

                continue;
            }

            buffer.Append(key.KeyChar);
        }

        prompt.WriteLine();
        return buffer.ToString();
    }
}
