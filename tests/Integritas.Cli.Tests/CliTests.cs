using System.CommandLine;
using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Integritas.Cli.Tests;

/// <summary>Runs the real <c>integritas</c> commands in-process against a temporary data directory.</summary>
[Collection(nameof(ConsoleInput))]
public sealed class CliTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "integritas-cli-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args) =>
        await RunWithInputAsync(null, args);

    private async Task<(int Code, string Output, string Error)> RunWithInputAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previousIn = Console.In;
        if (input is not null)
        {
            Console.SetIn(new StringReader(input));
        }

        try
        {
            var code = await Commands.Build().Parse([.. args, "--data-dir", data]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(previousIn);
        }
    }

    private IntegritasDbContext Open() =>
        new(new DbContextOptionsBuilder<IntegritasDbContext>().UseSqlite($"Data Source={Path.Combine(data, "integritas.db")}").Options);

    [Fact]
    public async Task Version_prints_the_product_and_runtime()
    {
        var (code, output, _) = await RunAsync("version");
        Assert.Equal(0, code);
        Assert.StartsWith("Integritas 0.1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_refuses_an_unmigrated_database_then_migrate_and_seed_load_langkat_once()
    {
        var refused = await RunAsync("seed");
        Assert.Equal(1, refused.Code);
        Assert.Contains("integritas migrate", refused.Error, StringComparison.Ordinal);

        var migrated = await RunAsync("migrate");
        Assert.Equal(0, migrated.Code);
        Assert.Matches(@"Applied \d+ migration\(s\): \d+_Initial", migrated.Output);
        Assert.Contains("no pending", (await RunAsync("migrate")).Output, StringComparison.Ordinal);

        var seeded = await RunAsync("seed");
        Assert.Equal(0, seeded.Code);
        Assert.Contains("39 OPD", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing new", (await RunAsync("seed")).Output, StringComparison.Ordinal);

        await using var db = Open();
        Assert.Equal(23, await db.Regions.CountAsync(r => r.Level == RegionLevel.District, Ct));
        Assert.Equal(39, await db.Opds.CountAsync(Ct));
    }

    private static async Task<List<string>> PeopleAsync(string dataDirectory)
    {
        await using var db = new IntegritasDbContext(new DbContextOptionsBuilder<IntegritasDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "integritas.db")}").Options);
        var rows = await db.Officials.Select(o => new { Regency = o.Position!.Opd!.Region!.Code, Opd = o.Position.Opd.Code, o.Position.Title, o.Name, o.Nip }).ToListAsync(Ct);
        return rows.Select(r => $"{r.Regency}|{r.Opd}|{r.Title}|{r.Name}|{r.Nip}").Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Evidence_check_verifies_the_demo_evidence_and_names_an_altered_file_by_its_log_index()
    {
        await RunAsync("migrate");
        var seeded = await RunAsync("seed");
        Assert.Contains("demo evidence items", seeded.Output, StringComparison.Ordinal);

        var clean = await RunAsync("evidence", "check");
        Assert.Equal(0, clean.Code);
        Assert.Matches(@"(\d+) evidence item\(s\): \1 verified, 0 waiting for the log, 0 altered or missing\.", clean.Output);

        string sha;
        long index;
        await using (var db = Open())
        {
            var item = await db.EvidenceItems.OrderBy(i => i.Id).Skip(2).FirstAsync(Ct);
            (sha, index) = (item.MediaSha256, item.LedgerIndex!.Value);
        }

        var path = Path.Combine(data, "blobs", "sha256", sha[..2], sha[2..4], sha);
        File.SetAttributes(path, FileAttributes.Normal);
        await File.AppendAllTextAsync(path, "x", Ct);
        var caught = await RunAsync("evidence", "check", "--package", "LKT-2026-PUPR-001");
        Assert.Equal(1, caught.Code);
        Assert.Contains($"The evidence file of entry #{index} was altered", caught.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("evidence", "check", "--package", "TIDAK-ADA")).Code);
    }

    [Fact]
    public async Task Seed_scale_on_top_of_an_existing_regency_gives_the_same_data_as_a_fresh_seed()
    {
        // As a real user would: the portal loaded Langkat on first start, then a larger scale is seeded on top.
        await RunAsync("migrate");
        Assert.Equal(0, (await RunAsync("seed")).Code);
        var incremental = await RunAsync("seed", "--scale", "3");
        Assert.Equal(0, incremental.Code);
        Assert.Contains("78 OPD", incremental.Output, StringComparison.Ordinal); // two more regencies

        var fresh = Path.Combine(Path.GetTempPath(), "integritas-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await Commands.Build().Parse(["migrate", "--data-dir", fresh]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null }, Ct);
            Assert.Equal(0, await Commands.Build().Parse(["seed", "--scale", "3", "--data-dir", fresh]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null }, Ct));
            var expected = await PeopleAsync(fresh);
            Assert.True(expected.Count > 2 * 258, $"{expected.Count} officials for three regencies");
            Assert.Equal(expected, await PeopleAsync(data));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
        }

        await using var db = Open();
        Assert.Equal(3, await db.Regions.CountAsync(r => r.Level == RegionLevel.Regency, Ct));
        Assert.Equal(await db.Officials.CountAsync(o => o.Nip != null, Ct), await db.Officials.Where(o => o.Nip != null).Select(o => o.Nip).Distinct().CountAsync(Ct));
        Assert.NotEqual(0, (await RunAsync("seed", "--scale", "34")).Code);

        // With three regencies an OPD code is ambiguous until the regency is named.
        var ambiguous = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op-multi", "--email", "multi@contoh.go.id", "--role", "OpdOperator", "--opd", "1.02.0.00.0.00.01.0000");
        Assert.Equal(1, ambiguous.Code);
        Assert.Contains("--regency", ambiguous.Error, StringComparison.Ordinal);
        var scoped = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op-multi", "--email", "multi@contoh.go.id", "--role", "OpdOperator", "--opd", "1.02.0.00.0.00.01.0000", "--regency", "12.05");
        Assert.Equal(0, scoped.Code);
    }

    [Fact]
    public async Task Seed_scale_gives_every_loaded_regencys_OPD_five_years_of_performance_data()
    {
        await RunAsync("migrate");
        var seeded = await RunAsync("seed", "--scale", "2");
        Assert.Equal(0, seeded.Code);
        Assert.Contains("50 indicators for the other regencies' OPD", seeded.Output, StringComparison.Ordinal);

        await using var db = Open();
        var regencies = await db.Regions.Where(r => r.Level == RegionLevel.Regency).Select(r => new { r.Id, r.Code }).ToListAsync(Ct);
        Assert.Equal(2, regencies.Count);
        var other = regencies.Single(r => r.Code != "12.05").Id;
        var opds = await db.Opds.Where(o => o.IsActive).Select(o => new { o.Id, o.RegionId }).ToListAsync(Ct);
        Assert.All(opds, o => Assert.True(db.PlanNodes.Any(n => n.OpdId == o.Id), $"OPD {o.Id} has a plan"));

        // The home regency keeps its demo plans (a few indicators each); the other regency's OPD get the bulk plan.
        var period = await db.PlanPeriods.SingleAsync(Ct);
        var perOpd = await db.Indicators.GroupBy(i => i.PlanNode!.OpdId).Select(g => new { OpdId = g.Key, Count = g.Count() }).ToListAsync(Ct);
        var otherOpds = opds.Where(o => o.RegionId == other).Select(o => o.Id).ToHashSet();
        Assert.All(perOpd.Where(x => otherOpds.Contains(x.OpdId)), x => Assert.Equal(50, x.Count));
        Assert.All(perOpd.Where(x => !otherOpds.Contains(x.OpdId)), x => Assert.InRange(x.Count, 4, 10));

        var sample = otherOpds.Min();
        var targets = await db.IndicatorTargets.Where(t => t.Indicator!.PlanNode!.OpdId == sample).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(period.StartYear, 5), targets.Select(t => t.Year).Distinct().Order());
        Assert.Contains(targets, t => t.Period == Integritas.Data.Performance.ReportPeriod.Q3);
        Assert.True(await db.BudgetCeilings.CountAsync(b => b.PlanNode!.OpdId == sample, Ct) == 24 * 5);

        var reports = await db.QuarterReports.Where(r => r.OpdId == sample).ToListAsync(Ct);
        Assert.InRange(reports.Count, 16, 20); // five years of quarters up to this one
        Assert.Equal(5, reports.Select(r => r.Year).Distinct().Count());
        var published = reports.Where(r => r.Status == Integritas.Data.Performance.ReportStatus.Published).ToList();
        Assert.True(published.Count >= 14, $"{published.Count} published");
        Assert.All(published, r =>
        {
            Assert.NotNull(r.CapaianMean);
            Assert.Equal(Integritas.Web.Features.Performance.IndicatorData.Sha256(r.PublishedCsv!), r.PublishedSha256);
            Assert.Null(r.LedgerIndex); // appended later by the portal's pending-report retry
        });
        Assert.True(await db.IndicatorRealisations.CountAsync(x => x.Report!.OpdId == sample, Ct) > 50 * 14);

        // Across the other regency: late and unreported quarters and this quarter's drafts, as in the demo.
        var all = await db.QuarterReports.Where(r => otherOpds.Contains(r.OpdId)).Select(r => new { r.IsLate, r.Status }).ToListAsync(Ct);
        Assert.Contains(all, r => r.IsLate);
        Assert.Contains(all, r => r.Status == Integritas.Data.Performance.ReportStatus.Draft);
        Assert.Contains("Nothing new", (await RunAsync("seed", "--scale", "2")).Output, StringComparison.Ordinal);
        Assert.Equal(opds.Count * 1L, await db.PlanNodes.Select(n => n.OpdId).Distinct().CountAsync(Ct));
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_and_enforces_the_policy()
    {
        await RunAsync("migrate");
        await RunAsync("seed");
        var weak = await RunWithInputAsync("pendek\n", "users", "add", "--user", "admin", "--email", "admin@contoh.go.id", "--role", "Admin");
        Assert.Equal(1, weak.Code);
        Assert.Contains("minimal 12", weak.Error, StringComparison.Ordinal);

        var empty = await RunWithInputAsync("", "users", "add", "--user", "admin", "--email", "admin@contoh.go.id", "--role", "Admin");
        Assert.Equal(1, empty.Code);
        Assert.Contains("No password", empty.Error, StringComparison.Ordinal);

        var created = await RunWithInputAsync("kopi tubruk di stabat pagi hari\n", "users", "add", "--user", "admin", "--email", "admin@contoh.go.id", "--name", "Admin Langkat", "--role", "Admin");
        Assert.Equal(0, created.Code);
        var op = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op-dinkes", "--email", "op@contoh.go.id", "--role", "OpdOperator", "--opd", "1.02.0.00.0.00.01.0000");
        Assert.Equal(0, op.Code);
        var noOpd = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op2", "--email", "op2@contoh.go.id", "--role", "OpdOperator");
        Assert.Equal(1, noOpd.Code);
        var unknownOpd = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op3", "--email", "op3@contoh.go.id", "--role", "OpdOperator", "--opd", "9.99.9.99.9.99.99.9999");
        Assert.Contains("Unknown OPD", unknownOpd.Error, StringComparison.Ordinal);
        var badRole = await RunWithInputAsync("kalimat sandi operator yang panjang\n", "users", "add", "--user", "op4", "--email", "op4@contoh.go.id", "--role", "Raja");
        Assert.NotEqual(0, badRole.Code);

        await using var db = Open();
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin", Ct);
        Assert.Equal("Admin Langkat", admin.DisplayName);
        Assert.NotNull(admin.PasswordHash);
        Assert.True(new PasswordHasher<AppUser>().VerifyHashedPassword(admin, admin.PasswordHash!, "kopi tubruk di stabat pagi hari") != PasswordVerificationResult.Failed);
        var roles = await db.UserRoles.Where(ur => ur.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Ct);
        Assert.Equal([Roles.Admin], roles);
        Assert.Equal(1, await db.UserOpdScopes.CountAsync(s => s.User!.UserName == "op-dinkes", Ct));
    }

    [Fact]
    public async Task Ledger_append_prints_each_files_index_and_refuses_an_oversized_file_whole()
    {
        await RunAsync("migrate");
        var a = Path.Combine(data, "a.json");
        var b = Path.Combine(data, "b.json");
        var big = Path.Combine(data, "video.mp4");
        await File.WriteAllTextAsync(a, "{\"v\":1,\"n\":\"a\"}", Ct);
        await File.WriteAllTextAsync(b, "{\"v\":1,\"n\":\"b\"}", Ct);
        await File.WriteAllBytesAsync(big, new byte[70_000], Ct);

        var refused = await RunAsync("ledger", "append", a, big);
        Assert.Equal(1, refused.Code);
        Assert.Contains("at most 65,535 bytes", refused.Error, StringComparison.Ordinal);

        var appended = await RunAsync("ledger", "append", a, b);
        Assert.Equal(0, appended.Code);
        Assert.Contains("0\ta.json", appended.Output, StringComparison.Ordinal);
        Assert.Contains("1\tb.json", appended.Output, StringComparison.Ordinal);
        Assert.Contains("2\ta.json", (await RunAsync("ledger", "append", a)).Output, StringComparison.Ordinal);

        await using var db = Open();
        Assert.Equal(3, await db.LedgerEntries.CountAsync(Ct));
        Assert.Equal(3L, await db.LedgerCheckpoints.MaxAsync(c => c.Size, Ct));
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_of_the_sqlite_database()
    {
        await RunAsync("migrate");
        await RunAsync("seed");
        var target = Path.Combine(data, "cadangan.db");
        var (code, output, _) = await RunAsync("backup", "--output", target);
        Assert.Equal(0, code);
        Assert.Contains(target, output, StringComparison.Ordinal);
        await using (var copy = new IntegritasDbContext(new DbContextOptionsBuilder<IntegritasDbContext>().UseSqlite($"Data Source={target};Mode=ReadOnly").Options))
        {
            Assert.Equal(39, await copy.Opds.CountAsync(Ct));
        }

        SqliteConnection.ClearAllPools();
        var again = await RunAsync("backup", "--output", target);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_reads_the_web_hosts_configuration_files_and_environment_in_the_same_order()
    {
        var root = Path.Combine(data, "content-root");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "appsettings.json"), """{ "ConnectionStrings": { "Postgres": "" }, "Integritas": { "DataDirectory": "data-default" } }""", Ct);
        await File.WriteAllTextAsync(Path.Combine(root, "appsettings.Production.json"), """{ "Integritas": { "DataDirectory": "data-production" } }""", Ct);

        async Task<string> DescribeAsync()
        {
            var output = new StringWriter();
            await Commands.Build().Parse(["backup", "--content-root", root]).InvokeAsync(new InvocationConfiguration { Output = output, Error = TextWriter.Null }, Ct);
            return output.ToString();
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Production");
        try
        {
            Assert.Contains(Path.Combine(root, "data-production", "integritas.db"), await DescribeAsync(), StringComparison.Ordinal);
            Environment.SetEnvironmentVariable("Integritas__DataDirectory", Path.Combine(data, "from-env"));
            Assert.Contains(Path.Combine(data, "from-env", "integritas.db"), await DescribeAsync(), StringComparison.Ordinal);
            Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", "Host=127.0.0.1;Database=tidak_dipakai");
            Assert.Contains("PostgreSQL", await DescribeAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", null);
            Environment.SetEnvironmentVariable("Integritas__DataDirectory", null);
            Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", null);
        }
    }

    [Fact]
    public async Task Backup_on_postgres_explains_pg_dump()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", "Host=127.0.0.1;Database=tidak_dipakai");
        try
        {
            var (code, output, _) = await RunAsync("backup");
            Assert.Equal(2, code);
            Assert.Contains("pg_dump", output, StringComparison.Ordinal);
            Assert.Contains("pg_restore", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", null);
        }
    }

    [Fact]
    public async Task Migrate_and_seed_work_on_postgres_through_the_same_configuration()
    {
        var baseConnection = Environment.GetEnvironmentVariable("INTEGRITAS_TEST_POSTGRES") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Username=integritas;Password=integritas";
        var database = $"integritas_cli_{Guid.NewGuid():N}"[..30];
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = database, Timeout = 3 }.ConnectionString;
        try
        {
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(baseConnection) { Database = "postgres", Timeout = 3 }.ConnectionString);
            await probe.OpenAsync(Ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"PostgreSQL is not reachable ({e.Message}); PostgreSQL tests are mandatory in CI.");
            }

            Assert.Skip($"PostgreSQL is not reachable ({e.Message}); PostgreSQL CLI test skipped outside CI.");
        }

        Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", connection);
        try
        {
            Assert.Equal(0, (await RunAsync("migrate")).Code);
            var seeded = await RunAsync("seed");
            Assert.Equal(0, seeded.Code);
            Assert.Contains("PostgreSQL", seeded.Output, StringComparison.Ordinal);
            await using var db = new IntegritasDbContext(new DbContextOptionsBuilder<IntegritasDbContext>().UseNpgsql(connection).Options);
            Assert.Equal(39, await db.Opds.CountAsync(Ct));
            await db.Database.EnsureDeletedAsync(Ct);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Postgres", null);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>These tests swap the process-wide console input and environment, so they never run in parallel.</summary>
[CollectionDefinition(nameof(ConsoleInput), DisableParallelization = true)]
public sealed class ConsoleInput;
