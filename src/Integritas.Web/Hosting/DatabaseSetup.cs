using Integritas.Data;
using Integritas.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the database: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else SQLite in the data directory.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Integritas.Migrations.Sqlite";
    public const string PostgresMigrations = "Integritas.Migrations.Postgres";

    public static DatabaseProvider ProviderFor(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres")) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static string SqlitePath(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(IntegritasOptions.Section).Get<IntegritasOptions>() ?? new IntegritasOptions();
        return Path.Combine(options.ResolveDataDirectory(contentRoot), "integritas.db");
    }

    public static IServiceCollection AddIntegritasDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFor(configuration);
        services.AddSingleton<DataVersions>();
        services.AddDbContext<IntegritasDbContext>((sp, options) =>
        {
            Configure(options, configuration, contentRoot);
            options.AddInterceptors(sp.GetRequiredService<DataVersions>().Interceptor);
        });
        services.AddSingleton(new DatabaseInfo(provider, provider == DatabaseProvider.Sqlite ? SqlitePath(configuration, contentRoot) : null));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        if (ProviderFor(configuration) == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(PostgresConnectionString(configuration.GetConnectionString("Postgres")!), o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            var path = SqlitePath(configuration, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            options.UseSqlite($"Data Source={path}", o => o.MigrationsAssembly(SqliteMigrations));
        }
    }

    /// <summary>
    /// The configured PostgreSQL connection string, with Npgsql's automatic preparation on unless it says otherwise
    /// (<c>Max Auto Prepare</c>): statements run again and again (a report's inserts, the log's) are then parsed and
    /// planned once per connection instead of on every run.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return configured;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>
    /// Migrates (when allowed) and loads the demo regency into an empty embedded database. Returns false, having logged
    /// why, when the database still lacks migrations (migrations at start turned off and <c>integritas migrate</c> not run).
    /// </summary>
    public static async Task<bool> PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegritasOptions>>().Value;
        var info = services.GetRequiredService<DatabaseInfo>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Integritas.Database");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        if (options.ApplyMigrationsOnStart)
        {
            await db.Database.MigrateAsync(ct);
            if (info.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging lets readers carry on while a request writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            logger.LogError("The database has pending migrations and Integritas:ApplyMigrationsOnStart is off: run `integritas migrate`. /health/ready answers 503 until then.");
            return false;
        }

        var seed = options.SeedDemoData ?? info.Provider == DatabaseProvider.Sqlite;
        if (seed && await DemoRegencyGenerator.IsEmptyAsync(db, ct))
        {
            var summary = await DemoRegencyGenerator.LoadAsync(db, 1, ct);
            logger.LogInformation("Loaded the demo regency: {Regions} regions, {Opds} OPD, {Units} service units, {Officials} officials.",
                summary.Regions, summary.Opds, summary.ServiceUnits, summary.Officials);
            if (await Features.Evidence.EvidenceDemo.LoadAsync(scope.ServiceProvider, ct) is > 0 and var evidence)
            {
                logger.LogInformation("Loaded {Evidence} demo evidence items, recorded in the transparency log.", evidence);
            }

            if (await Features.Procurement.ProcurementDemo.LoadAsync(scope.ServiceProvider, ct) is > 0 and var packages)
            {
                logger.LogInformation("Loaded {Packages} demo procurement packages with bids and integrity pacts.", packages);
            }

            if (await Features.Complaints.ComplaintDemo.LoadAsync(scope.ServiceProvider, ct) is > 0 and var complaints)
            {
                logger.LogInformation("Loaded {Complaints} demo complaints with their timelines.", complaints);
            }

            if (await Features.Performance.PerformanceDemo.LoadAsync(scope.ServiceProvider, ct) is > 0 and var reports)
            {
                logger.LogInformation("Loaded five years of demo performance plans with {Reports} quarterly reports.", reports);
            }

            if (await Features.Budget.Demo.BudgetDemoLoader.LoadAsync(scope.ServiceProvider, ct) is { Length: > 0 } budget)
            {
                logger.LogInformation("Loaded the demo budget of {Year} through the importer: {Rows} rows in {Files} files.",
                    budget[0].Year, budget.Sum(i => i.RowsAdded), budget.Length);
            }
        }

        return true;
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string? SqlitePath);
