using System.Diagnostics;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Bench;

/// <summary>
/// Inclusion proofs served in-process through <see cref="LedgerProofServer"/> (cache, database, formatting: all but HTTP)
/// for uniformly random indices of a large log, and the process's memory at 1 million and at the full size.
/// </summary>
internal static class ProofBenchmark
{
    private const int Padding = 60; // ~100-byte entries: a canonical evidence record with its hashes

    public static async Task RunAsync(long total, int seconds, int workers, string? dataDirectory)
    {
        await using var log = await BenchLog.OpenAsync(dataDirectory);
        Console.WriteLine($"provider: {BenchLog.Provider}, data: {log.DataDirectory}, proof workers: {workers}, " +
            $"proof cache: {Environment.GetEnvironmentVariable("Integritas__Ledger__ProofCacheMegabytes") ?? "64 (default)"} MiB");
        foreach (var size in new[] { Math.Min(total, 1_000_000), total }.Distinct())
        {
            await GrowAsync(log, size);
            await VerifyRootAsync(log, size);
            await MeasureAsync(log, size, seconds, workers);
        }
    }

    /// <summary>Appends through the real sequencer in calls of 50,000 entries (one integration each) up to <paramref name="size"/>.</summary>
    private static async Task GrowAsync(BenchLog log, long size)
    {
        var sequencer = log.Host.Services.GetRequiredService<LedgerSequencer>();
        var start = await StoredSizeAsync(log);
        var clock = Stopwatch.StartNew();
        for (var from = start; from < size; from += 50_000)
        {
            var entries = new List<byte[]>();
            for (var i = from; i < Math.Min(from + 50_000, size); i++)
            {
                entries.Add(BenchLog.Entry(i, Padding));
            }

            await sequencer.AppendAsync(entries);
        }

        if (size > start)
        {
            Console.WriteLine($"built {start:N0} → {size:N0} entries in {clock.Elapsed.TotalSeconds:F0} s ({(size - start) / clock.Elapsed.TotalSeconds:F0} appends/s)");
        }
    }

    /// <summary>The stored checkpoint's root must be the root Core computes from the same entries.</summary>
    private static async Task VerifyRootAsync(BenchLog log, long size)
    {
        var tree = new CompactTree();
        for (var i = 0L; i < size; i++)
        {
            tree.Append(Rfc6962.LeafHash(BenchLog.Entry(i, Padding)));
        }

        await using var scope = log.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var stored = await db.LedgerCheckpoints.AsNoTracking().SingleAsync(c => c.Size == size);
        if (!stored.RootHash.AsSpan().SequenceEqual(tree.Root()))
        {
            throw new InvalidOperationException($"The stored root at {size} differs from Core's computation.");
        }

        Console.WriteLine($"root at {size:N0} equals Core's computation: {Convert.ToHexStringLower(stored.RootHash)}");
    }

    private static async Task MeasureAsync(BenchLog log, long size, int seconds, int workers)
    {
        var vkey = log.Host.Services.GetRequiredService<LedgerKeys>().Verifier;
        var cache = log.Host.Services.GetRequiredService<LedgerProofCache>();
        var proofs = log.Host.Services.GetRequiredService<LedgerProofServer>();
        foreach (var index in new[] { 0, size / 2, size - 1 })
        {
            var proof = await proofs.ProofBytesAsync(index, CancellationToken.None) ?? throw new InvalidOperationException($"No proof for {index}.");
            var verified = TlogProofVerification.Verify(proof, BenchLog.Entry(index, Padding), vkey);
            if (!verified.IsValid)
            {
                throw new InvalidOperationException($"Proof {index}: {verified.Message}");
            }
        }

        await RunWorkersAsync(log, size, TimeSpan.FromSeconds(Math.Max(2, seconds / 2)), workers); // warm-up: fills the tile cache
        // CPU time per proof as well as the rate: on a shared machine the rate depends on what else runs, the CPU less so.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var (count, elapsed) = await RunWorkersAsync(log, size, TimeSpan.FromSeconds(seconds), workers);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        collections = GC.CollectionCount(0) - collections;
        GC.Collect();
        Console.WriteLine($"at {size:N0} entries: {count / elapsed.TotalSeconds:F0} proofs/s in-process (random indices, {count:N0} proofs in {elapsed.TotalSeconds:F1} s, " +
            $"{cpu.TotalMicroseconds / count:F1} µs CPU a proof, {cpu.TotalSeconds / elapsed.TotalSeconds:F2} cores busy, " +
            $"{allocated / count:N0} bytes allocated a proof, {collections} gen0 GCs); " +
            $"tiles cached: {cache.TileCount:N0}; RSS {BenchLog.RssMegabytes()} MB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB");
    }

    /// <summary>
    /// The cost of a proof whose tiles are all cached: one worker asks again and again for the same 500 random
    /// indices of the stored log (their tiles fit the cache), so no proof reads the database after the first round.
    /// </summary>
    public static async Task RunCachedAsync(int seconds, string dataDirectory)
    {
        await using var log = await BenchLog.OpenAsync(dataDirectory);
        var size = await StoredSizeAsync(log);
        var proofs = log.Host.Services.GetRequiredService<LedgerProofServer>();
        var random = new Random(1);
        var indices = Enumerable.Range(0, 500).Select(_ => random.NextInt64(size)).ToArray();
        for (var round = 0; round < 2; round++)
        {
            var count = 0L;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            while (clock.Elapsed < TimeSpan.FromSeconds(round == 0 ? 2 : seconds))
            {
                foreach (var index in indices)
                {
                    _ = await proofs.ProofBytesAsync(index, CancellationToken.None) ?? throw new InvalidOperationException("Missing proof.");
                }

                count += indices.Length;
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"{(round == 0 ? "warm-up" : "cached")}: {size:N0} entries, {count / clock.Elapsed.TotalSeconds:F0} proofs/s on one worker, " +
                $"{cpu.TotalMicroseconds / count:F2} µs CPU a proof, {clock.Elapsed.TotalMicroseconds / count:F2} µs wall a proof, ~{allocated / count:N0} bytes allocated a proof");
        }
    }

    private static async Task<(long Count, TimeSpan Elapsed)> RunWorkersAsync(BenchLog log, long size, TimeSpan duration, int workers)
    {
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var proofs = log.Host.Services.GetRequiredService<LedgerProofServer>();
            var random = new Random(w);
            var mine = 0L;
            while (clock.Elapsed < duration)
            {
                _ = await proofs.ProofBytesAsync(random.NextInt64(size), CancellationToken.None) ?? throw new InvalidOperationException("Missing proof.");
                mine++;
            }

            Interlocked.Add(ref count, mine);
        })));
        return (count, clock.Elapsed);
    }

    private static async Task<long> StoredSizeAsync(BenchLog log)
    {
        await using var scope = log.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerReader>().LatestSizeAsync(CancellationToken.None);
    }
}
