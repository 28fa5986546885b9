using System.Globalization;
using System.Text;
using Integritas.Cli;
using Integritas.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integritas.Bench;

/// <summary>A host on a benchmark database: a fresh temporary SQLite folder (or the given one), or PostgreSQL when configured.</summary>
internal sealed class BenchLog : IAsyncDisposable
{
    private readonly bool keep;

    private BenchLog(IHost host, string dataDirectory, bool keep)
    {
        Host = host;
        DataDirectory = dataDirectory;
        this.keep = keep;
    }

    public IHost Host { get; }

    public string DataDirectory { get; }

    public static bool OnPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"));

    public static string Provider => OnPostgres ? "PostgreSQL" : "SQLite";

    public static async Task<BenchLog> OpenAsync(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        var keep = dataDirectory is not null;
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("integritas-bench-").FullName;
        Directory.CreateDirectory(data);
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Integritas:DataDirectory"] = data };
        var host = CliHost.Build(null, overrides);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Database.MigrateAsync();
        }

        return new BenchLog(host, data, keep);
    }

    /// <summary>The n-th benchmark entry: a small canonical record of about <paramref name="padding"/> + 40 bytes.</summary>
    public static byte[] Entry(long n, int padding) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"v\":1,\"kind\":\"bench\",\"n\":{n},\"pad\":\"{new string('x', padding)}\"}}"));

    public static long RssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!keep && OnPostgres)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Database.EnsureDeletedAsync();
        }

        Host.Dispose();
        SqliteConnection.ClearAllPools();
        if (!keep)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
