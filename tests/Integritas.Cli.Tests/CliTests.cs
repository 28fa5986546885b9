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
        Assert.Contains("Applied 1 migration", migrated.Output, StringComparison.Ordinal);
        Assert.Contains("no pending", (await RunAsync("migrate")).Output, StringComparison.Ordinal);

        var seeded = await RunAsync("seed");
        Assert.Equal(0, seeded.Code);
        Assert.Contains("39 OPD", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing new", (await RunAsync("seed")).Output, StringComparison.Ordinal);

        await using var db = Open();
        Assert.Equal(23, await db.Regions.CountAsync(r => r.Level == RegionLevel.District, Ct));
        Assert.Equal(39, await db.Opds.CountAsync(Ct));
    }

    [Fact]
    public async Task Seed_scale_adds_the_provinces_other_regencies_deterministically()
    {
        await RunAsync("migrate");
        var seeded = await RunAsync("seed", "--scale", "3");
        Assert.Equal(0, seeded.Code);
        await using var db = Open();
        Assert.Equal(3, await db.Regions.CountAsync(r => r.Level == RegionLevel.Regency, Ct));
        Assert.Equal(3 * 39, await db.Opds.CountAsync(Ct));
        var langkatHeads = await db.Officials.Where(o => o.Position!.Opd!.Region!.Code == "12.05").OrderBy(o => o.Id).Select(o => o.Name).Take(5).ToListAsync(Ct);

        // The same scale on a fresh database gives the same people.
        var other = Path.Combine(Path.GetTempPath(), "integritas-cli-tests", Guid.NewGuid().ToString("N"));
        await Commands.Build().Parse(["migrate", "--data-dir", other]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null }, Ct);
        await Commands.Build().Parse(["seed", "--data-dir", other]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null }, Ct);
        await using var again = new IntegritasDbContext(new DbContextOptionsBuilder<IntegritasDbContext>().UseSqlite($"Data Source={Path.Combine(other, "integritas.db")}").Options);
        Assert.Equal(langkatHeads, await again.Officials.OrderBy(o => o.Id).Select(o => o.Name).Take(5).ToListAsync(Ct));
        SqliteConnection.ClearAllPools();
        Directory.Delete(other, recursive: true);

        var bad = await RunAsync("seed", "--scale", "34");
        Assert.NotEqual(0, bad.Code);
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
