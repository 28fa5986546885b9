using System.Diagnostics;
using System.Text;
using Integritas.Cli;
using Integritas.Data;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Durable appends to the transparency log through the real sequencer (one transaction per batch: entries, tiles,
// signed checkpoint), on the embedded SQLite database or on PostgreSQL (set ConnectionStrings__Postgres).
// Usage: dotnet run -c Release --project bench/Integritas.Bench -- [entries=20000] [batch=1000]
var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var batch = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
var data = Directory.CreateTempSubdirectory("integritas-bench-").FullName;
using var host = CliHost.Build(null, new Dictionary<string, string?> { ["Integritas:DataDirectory"] = data });
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
    await db.Database.MigrateAsync();
}

var sequencer = host.Services.GetRequiredService<LedgerSequencer>();
var latencies = new List<double>();
var clock = Stopwatch.StartNew();
for (var done = 0; done < total; done += batch)
{
    var entries = Enumerable.Range(done, Math.Min(batch, total - done))
        .Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"bench\",\"n\":{i},\"pad\":\"{new string('x', 160)}\"}}")).ToList();
    var started = clock.Elapsed;
    await sequencer.AppendAsync(entries);
    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
}

clock.Stop();
latencies.Sort();
Console.WriteLine($"provider: {(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")) ? "SQLite" : "PostgreSQL")}");
Console.WriteLine($"entries: {total}, batch: {batch}, entry size: ~200 bytes");
Console.WriteLine($"durable appends/s: {total / clock.Elapsed.TotalSeconds:F0}");
Console.WriteLine($"batch commit (checkpoint) latency ms: p50 {latencies[latencies.Count / 2]:F1}, max {latencies[^1]:F1}");
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")))
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Database.EnsureDeletedAsync();
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);
