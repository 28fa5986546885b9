using System.Diagnostics;
using Integritas.Data;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Bench;

/// <summary>
/// Durable appends through the real sequencer (one transaction per integration: entries, tile hashes, a signed
/// checkpoint), from several concurrent callers so group commit can merge their batches.
/// </summary>
internal static class AppendBenchmark
{
    public static async Task RunAsync(int total, int appenders, int batch)
    {
        await using var log = await BenchLog.OpenAsync();
        var sequencer = log.Host.Services.GetRequiredService<LedgerSequencer>();
        await sequencer.AppendAsync([BenchLog.Entry(-1, 160)]); // warm-up: JIT, pools, signing key

        var latencies = new List<double>();
        var next = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            long from;
            while ((from = Interlocked.Add(ref next, batch) - batch) < total)
            {
                var entries = new List<byte[]>(batch);
                for (var i = from; i < Math.Min(from + batch, total); i++)
                {
                    entries.Add(BenchLog.Entry(i, 160));
                }

                var started = clock.Elapsed;
                await sequencer.AppendAsync(entries);
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        clock.Stop();

        await using var scope = log.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var checkpoints = await db.LedgerCheckpoints.CountAsync() - 1;
        latencies.Sort();
        Console.WriteLine($"provider: {BenchLog.Provider}");
        Console.WriteLine($"entries: {total}, appenders: {appenders}, batch per call: {batch}, entry size: ~200 bytes, max entries per integration: {LedgerSequencer.MaxBatchEntries}");
        Console.WriteLine($"durable appends/s: {total / clock.Elapsed.TotalSeconds:F0} ({clock.Elapsed.TotalSeconds:F1} s, {checkpoints} checkpoints)");
        Console.WriteLine($"append-to-checkpoint latency ms: p50 {latencies[latencies.Count / 2]:F1}, p99 {latencies[(int)(latencies.Count * 0.99)]:F1}, max {latencies[^1]:F1}");
    }
}
