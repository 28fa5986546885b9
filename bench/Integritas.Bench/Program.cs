using System.Globalization;
using Integritas.Bench;

// Transparency-log benchmarks through the real code paths (see bench/RESULTS.md for the figures and bench/proofs.sh
// for the HTTP run). Run with -c Release. PostgreSQL is used when ConnectionStrings__Postgres is set, else SQLite.
//   appends [entries=200000] [appenders=8] [batch=1000]
//       durable appends: `appenders` concurrent callers each append batches of `batch` entries (group commit merges
//       them); appends/s and the latency of each call until its checkpoint is committed (p50, max)
//   proofs [entries=10000000] [seconds=10] [workers=4] [data-dir]
//       builds a log of `entries` (measuring at 1M on the way), checks its root against Core's computation, then
//       serves random inclusion proofs in-process through LedgerReader; with data-dir the log is kept there for
//       bench/proofs.sh, which serves the same log over HTTP to wrk
//   cached-proofs [seconds=10] data-dir
//       on a log built by `proofs`: one worker serves the same 500 random proofs again and again (all tiles cached),
//       printing CPU time and bytes allocated a proof
//   complaints [count=1000000] data-dir
//       PostgreSQL only: the demo regency, then `count` reports over three years with their receipts, appended to the
//       transparency log; the portal must then run with the same data directory (it holds the log's signing key)
static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "appends":
        await AppendBenchmark.RunAsync(Arg(args, 1, 200_000), Arg(args, 2, 8), Arg(args, 3, 1_000));
        break;
    case "proofs":
        await ProofBenchmark.RunAsync(Arg(args, 1, 10_000_000), Arg(args, 2, 10), Arg(args, 3, 4), args.Length > 4 ? args[4] : null);
        break;
    case "cached-proofs":
        await ProofBenchmark.RunCachedAsync(Arg(args, 1, 10), args.Length > 2 ? args[2] : throw new ArgumentException("cached-proofs needs the data directory of a built log"));
        break;
    case "complaints":
        await ComplaintSeeder.RunAsync(Arg(args, 1, 1_000_000), args.Length > 2 ? args[2] : throw new ArgumentException("complaints needs the portal's data directory"));
        break;
    default:
        Console.Error.WriteLine("usage: Integritas.Bench appends [entries] [appenders] [batch] | proofs [entries] [seconds] [workers] [data-dir] | cached-proofs [seconds] data-dir | complaints [count] data-dir");
        return 2;
}

return 0;
