using System.Diagnostics;
using System.Globalization;
using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Integritas.Bench;

/// <summary>
/// Fills a PostgreSQL database with a regency's worth of history for the Open311 load test (issue 4): the demo
/// regency and categories (the portal's own start-up path), then <c>count</c> reports spread over three years with
/// their receipt (binary COPY, no change tracking, one bulk audit row), then their receipts appended to the
/// transparency log through the real sequencer, so the log and the reports agree as if each had come through the
/// intake. The data directory must be the one the portal then runs with: it holds the log's signing key.
/// </summary>
internal static class ComplaintSeeder
{
    private const int Chunk = 50_000;

    private static readonly string[] Streets = ["Jl. Sudirman", "Jl. Veteran", "Jl. Pasar Baru", "Jl. Proklamasi", "Jl. Imam Bonjol", "Jl. T. Amir Hamzah", "Jl. Lintas Sumatera", "Dusun II", "Dusun IV", "Gang Melati"];

    private static readonly string[] Problems =
    [
        "Jalan berlubang besar, sepeda motor sering jatuh pada malam hari.",
        "Parit tersumbat sampah, air meluap ke rumah warga setiap hujan.",
        "Lampu penerangan jalan mati sejak dua minggu, jalan gelap dan rawan.",
        "Sampah tidak diangkut lebih dari seminggu dan menimbulkan bau.",
        "Petugas meminta biaya tambahan yang tidak ada dalam ketentuan.",
        "Antrean di loket sangat panjang dan petugas datang terlambat.",
        "Pengurusan KTP elektronik sudah tiga bulan belum selesai.",
        "Obat di puskesmas sering kosong, pasien diminta membeli sendiri.",
        "Atap ruang kelas bocor dan hampir runtuh.",
        "Usul pembangunan jembatan penghubung antardusun.",
    ];

    public static async Task RunAsync(int count, string dataDirectory)
    {
        if (!BenchLog.OnPostgres)
        {
            throw new InvalidOperationException("complaints seeds PostgreSQL only: set ConnectionStrings__Postgres.");
        }

        await using var log = await BenchLog.OpenAsync(dataDirectory, new Dictionary<string, string?> { ["Integritas:SeedDemoData"] = "true" });
        var services = log.Host.Services;
        await DatabaseSetup.PrepareAsync(services);

        var clock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var categories = await db.ComplaintCategories.AsNoTracking().Select(c => new { c.Id, c.Kind, c.DefaultOpdId, c.ResolutionWorkingDays }).ToListAsync();
            var villages = await db.Regions.AsNoTracking().Where(r => r.Level == Core.Organisation.RegionLevel.Village).Select(r => r.Id).ToListAsync();
            if (categories.Count == 0 || villages.Count == 0)
            {
                throw new InvalidOperationException("No complaint categories or villages: the demo regency did not load.");
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            var random = new Random(4);
            var now = DateTime.UtcNow;
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            var span = TimeSpan.FromDays(3 * 365).Ticks;
            for (var from = 0; from < count; from += Chunk)
            {
                var n = Math.Min(Chunk, count - from);
                var firstId = await NextIdAsync(connection);
                await using (var copy = await connection.BeginBinaryImportAsync(
                    "COPY \"Complaints\" (\"TrackingNumber\", \"CategoryId\", \"Kind\", \"Description\", \"Latitude\", \"Longitude\", \"Address\", \"RegionId\", " +
                    "\"Status\", \"OpdId\", \"Channel\", \"ReceivedAtUtc\", \"UpdatedAtUtc\", \"FirstResponseAtUtc\", \"ResolvedAtUtc\", \"ClosedAtUtc\", " +
                    "\"ResponseDueUtc\", \"ResolutionDueUtc\", \"ReopenCount\", \"HideName\", \"ReporterSecretHash\") FROM STDIN (FORMAT BINARY)"))
                {
                    for (var i = 0; i < n; i++)
                    {
                        string number;
                        do
                        {
                            number = TrackingNumber.New();
                        }
                        while (!numbers.Add(number));

                        var category = categories[random.Next(categories.Count)];
                        // Older reports are mostly closed, the last weeks' mostly still open: age decides the state.
                        var received = now - TimeSpan.FromTicks((long)(span * Math.Pow(random.NextDouble(), 1.5)));
                        var age = now - received;
                        var status = age.TotalDays switch
                        {
                            < 2 => random.Next(3) == 0 ? ComplaintStatus.Verified : ComplaintStatus.Received,
                            < 15 => (ComplaintStatus)random.Next((int)ComplaintStatus.Received, (int)ComplaintStatus.Resolved + 1),
                            _ => random.Next(10) switch { < 7 => ComplaintStatus.Closed, 7 => ComplaintStatus.NotAuthority, 8 => ComplaintStatus.Resolved, _ => ComplaintStatus.InProgress },
                        };
                        var responded = status == ComplaintStatus.Received ? (DateTime?)null : received.AddHours(2 + (random.NextDouble() * 30));
                        var resolved = status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? received.AddDays(1 + (random.NextDouble() * 12)) : (DateTime?)null;
                        var closed = status is ComplaintStatus.Closed or ComplaintStatus.NotAuthority ? (resolved ?? responded)?.AddDays(3) : null;
                        var updated = closed ?? resolved ?? responded ?? received;
                        var disposed = status is >= ComplaintStatus.Dispositioned and <= ComplaintStatus.Closed;
                        await copy.StartRowAsync();
                        await copy.WriteAsync(number, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(category.Id, NpgsqlDbType.Integer);
                        await copy.WriteAsync((int)category.Kind, NpgsqlDbType.Integer);
                        await copy.WriteAsync($"{Problems[random.Next(Problems.Length)]} Laporan arsip nomor {from + i}.", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(Math.Round(3.5 + (random.NextDouble() * 0.6), 6), NpgsqlDbType.Double);
                        await copy.WriteAsync(Math.Round(98.1 + (random.NextDouble() * 0.4), 6), NpgsqlDbType.Double);
                        await copy.WriteAsync($"{Streets[random.Next(Streets.Length)]} No. {random.Next(1, 300)}", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(villages[random.Next(villages.Count)], NpgsqlDbType.Integer);
                        await copy.WriteAsync((int)status, NpgsqlDbType.Integer);
                        if (disposed && category.DefaultOpdId is { } opd)
                        {
                            await copy.WriteAsync(opd, NpgsqlDbType.Integer);
                        }
                        else
                        {
                            await copy.WriteNullAsync();
                        }

                        await copy.WriteAsync(random.Next(3) == 0 ? (int)ComplaintChannel.Open311 : (int)ComplaintChannel.Web, NpgsqlDbType.Integer);
                        await copy.WriteAsync(received, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                        await WriteNullableAsync(copy, responded);
                        await WriteNullableAsync(copy, resolved);
                        await WriteNullableAsync(copy, closed);
                        await copy.WriteAsync(received.AddHours(24), NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(received.AddDays(category.ResolutionWorkingDays * 7 / 5.0), NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(0, NpgsqlDbType.Integer);
                        await copy.WriteAsync(random.Next(4) == 0, NpgsqlDbType.Boolean);
                        await copy.WriteAsync(ComplaintIntake.HashKey(number), NpgsqlDbType.Varchar);
                    }

                    await copy.CompleteAsync();
                }

                // Each report's receipt, as the intake writes it (public, by the citizen, not yet in the log).
                await using (var receipts = connection.CreateCommand())
                {
                    receipts.CommandText =
                        "INSERT INTO \"ComplaintUpdates\" (\"ComplaintId\", \"AtUtc\", \"Kind\", \"Status\", \"IsPublic\", \"ActorRole\") " +
                        "SELECT \"Id\", \"ReceivedAtUtc\", @kind, @status, TRUE, @role FROM \"Complaints\" WHERE \"Id\" >= @first ORDER BY \"ReceivedAtUtc\", \"Id\"";
                    receipts.Parameters.AddWithValue("kind", (int)UpdateKind.Received);
                    receipts.Parameters.AddWithValue("status", (int)ComplaintStatus.Received);
                    receipts.Parameters.AddWithValue("role", ComplaintWorkflow.CitizenRole);
                    receipts.Parameters.AddWithValue("first", firstId);
                    receipts.CommandTimeout = 600;
                    await receipts.ExecuteNonQueryAsync();
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{from + n} reports ({clock.Elapsed.TotalSeconds:F0} s)"));
            }

            db.AddBulkAudit(nameof(Complaint), $"{{\"seeded\":{count},\"by\":\"bench complaints\"}}");
            await db.SaveChangesAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE \"Complaints\"; ANALYZE \"ComplaintUpdates\"";
            await analyze.ExecuteNonQueryAsync();
        }

        var appended = await AppendReceiptsAsync(services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} reports, {appended} log entries in {clock.Elapsed.TotalSeconds:F0} s"));
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, DateTime? value)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

    private static async Task<long> NextIdAsync(NpgsqlConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Complaints\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every receipt still without a log index, in id order, a sequencer batch at a time.</summary>
    private static async Task<long> AppendReceiptsAsync(IServiceProvider services)
    {
        var sequencer = services.GetRequiredService<LedgerSequencer>();
        long after = 0, total = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
            var batch = await db.ComplaintUpdates.AsNoTracking()
                .Where(u => u.Id > after && u.LedgerIndex == null && u.IsPublic && u.Kind == UpdateKind.Received)
                .OrderBy(u => u.Id).Take(LedgerSequencer.MaxBatchEntries)
                .Select(u => new { Update = u, u.Complaint!.TrackingNumber, u.Complaint.Category!.Code })
                .ToListAsync();
            if (batch.Count == 0)
            {
                return total;
            }

            var indices = await sequencer.AppendAsync([.. batch.Select(b => ComplaintLedger.EntryFor(b.Update, b.TrackingNumber, b.Code).ToBytes())]);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE \"ComplaintUpdates\" u SET \"LedgerIndex\" = x.i FROM unnest(@ids, @indices) AS x(id, i) WHERE u.\"Id\" = x.id";
            update.Parameters.AddWithValue("ids", batch.Select(b => b.Update.Id).ToArray());
            update.Parameters.AddWithValue("indices", indices.ToArray());
            await update.ExecuteNonQueryAsync();
            after = batch[^1].Update.Id;
            total += batch.Count;
            if (total % (LedgerSequencer.MaxBatchEntries * 25) < LedgerSequencer.MaxBatchEntries)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} log entries"));
            }
        }
    }
}
