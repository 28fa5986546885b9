using Integritas.Data.Audit;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Complaints;

/// <summary>
/// Group commit of new reports: reports handed over while the batcher is busy are saved together, each one durable
/// and distinct with its receipt, its audit row and its log entry; one bad report in a batch (a racing retry's
/// idempotency key) fails alone, and that retry is answered with the report that won.
/// </summary>
public abstract class ComplaintCreateBatcherTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    private ComplaintCreateBatcher Batcher => F.Services.GetRequiredService<ComplaintCreateBatcher>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tracking_number_already_given_is_replaced_and_the_report_saved(bool batched)
    {
        await using var first = new ComplaintHarness(F.Services, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        var taken = (await first.Intake.SubmitAsync(Valid() with { Description = "Laporan pertama dengan nomor ini." }, Ct)).Complaint!.TrackingNumber;

        // The portal's own intake (reference cache, notices), batched or not.
        await using var scope = F.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var intake = new ComplaintIntake(sp.GetRequiredService<Data.IntegritasDbContext>(), sp.GetRequiredService<ComplaintClock>(), sp.GetRequiredService<ComplaintPhotos>(),
            sp.GetRequiredService<ComplaintLedger>(), sp.GetRequiredService<Hosting.Geo.VillageLocator>(), sp.GetRequiredService<Hosting.Ui>(),
            sp.GetRequiredService<Features.Notifications.ComplaintNotices>(), sp.GetRequiredService<ComplaintReferenceCache>(), batched ? Batcher : null);
        var numbers = new Queue<string>([taken]);
        intake.NewTrackingNumber = () => numbers.TryDequeue(out var n) ? n : Core.Complaints.TrackingNumber.New();
        var before = await CountAsync();
        var result = await intake.SubmitAsync(Valid() with { Description = "Laporan kedua, nomornya bertabrakan.", Phone = "0812 7000 1234" }, Ct);

        Assert.True(result.Succeeded);
        var fresh = result.Complaint!.TrackingNumber;
        Assert.NotEqual(taken, fresh);
        Assert.Equal(before + 1, await CountAsync());
        var stored = await F.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Updates).SingleAsync(c => c.TrackingNumber == fresh, Ct));
        Assert.Equal("Laporan kedua, nomornya bertabrakan.", stored.Description);
        Assert.Single(stored.Updates);
        Assert.Equal("Laporan pertama dengan nomor ini.", await F.WithDbAsync(db => db.Complaints.Where(c => c.TrackingNumber == taken).Select(c => c.Description).SingleAsync(Ct)));
        // The receipt message names the number the report got.
        var texts = await F.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Recipient.Contains("7000")).Select(n => n.Body).ToListAsync(Ct));
        Assert.Contains(texts, t => t != null && t.Contains(fresh, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t != null && t.Contains(taken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_handed_over_together_are_all_stored_distinct_with_receipt_audit_and_log_entry()
    {
        const int count = 20;
        var before = await CountAsync();
        var harnesses = Enumerable.Range(0, count).Select(_ => new ComplaintHarness(F.Services, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow), Batcher)).ToList();
        try
        {
            var submissions = await SubmitTogetherAsync(harnesses, harnesses.Select((_, i) => Valid() with { Description = $"Laporan serentak nomor {i}." }).ToList());

            Assert.All(submissions, r => Assert.True(r.Succeeded));
            Assert.All(submissions, r => Assert.False(r.Replayed));
            Assert.Equal(before + count, await CountAsync());
            var ids = submissions.Select(r => r.Complaint!.Id).ToList();
            Assert.Equal(count, ids.Distinct().Count());
            Assert.DoesNotContain(0L, ids);
            Assert.Equal(count, submissions.Select(r => r.Complaint!.TrackingNumber).Distinct().Count());

            for (var i = 0; i < count; i++)
            {
                var id = ids[i];
                var stored = await F.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Updates).SingleAsync(c => c.Id == id, Ct));
                Assert.Equal($"Laporan serentak nomor {i}.", stored.Description);
                var receipt = Assert.Single(stored.Updates);
                Assert.Equal(UpdateKind.Received, receipt.Kind);
                Assert.NotNull(receipt.LedgerIndex);
                var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var audit = await F.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Complaint) && a.EntityId == key).ToListAsync(Ct));
                Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);
            }

            // Each receipt has a log entry of its own.
            var indices = await F.WithDbAsync(db => db.ComplaintUpdates.Where(u => ids.Contains(u.ComplaintId)).Select(u => u.LedgerIndex).ToListAsync(Ct));
            Assert.Equal(count, indices.Distinct().Count());
        }
        finally
        {
            foreach (var h in harnesses)
            {
                await h.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_racing_retry_in_a_batch_fails_alone_and_is_answered_with_the_report_that_won()
    {
        var key = "race-" + Guid.NewGuid().ToString("N");
        var before = await CountAsync();
        var harnesses = Enumerable.Range(0, 6).Select(_ => new ComplaintHarness(F.Services, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow), Batcher)).ToList();
        try
        {
            // Two copies of one submission (same key) among four others, all in one batch: the key is free when each checks it.
            var submissions = await SubmitTogetherAsync(harnesses,
            [
                Valid() with { Description = "Pertama." },
                Valid() with { IdempotencyKey = key, Description = "Dikirim." },
                Valid() with { Description = "Kedua." },
                Valid() with { IdempotencyKey = key, Description = "Dikirim ulang." },
                Valid() with { Description = "Ketiga." },
                Valid() with { Description = "Keempat." },
            ]);

            Assert.All(submissions, r => Assert.True(r.Succeeded));
            Assert.Equal(before + 5, await CountAsync());
            var copies = new[] { submissions[1], submissions[3] };
            Assert.Single(copies, r => r.Replayed);
            Assert.Equal(copies[0].Complaint!.TrackingNumber, copies[1].Complaint!.TrackingNumber);
            Assert.Equal(1, await F.WithDbAsync(db => db.Complaints.CountAsync(c => c.IdempotencyKey == key, Ct)));

            // The others are stored as submitted, with their receipts logged.
            foreach (var r in submissions.Where((_, i) => i is not (1 or 3)))
            {
                var id = r.Complaint!.Id;
                var stored = await F.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Updates).SingleAsync(c => c.Id == id, Ct));
                Assert.Equal(r.Complaint.Description, stored.Description);
                Assert.Equal(r.Complaint.TrackingNumber, stored.TrackingNumber);
                Assert.NotNull(Assert.Single(stored.Updates).LedgerIndex);
            }
        }
        finally
        {
            foreach (var h in harnesses)
            {
                await h.DisposeAsync();
            }
        }
    }

    /// <summary>Submits one report per harness while the batcher is held, so that all of them are saved in one batch.</summary>
    private async Task<SubmitResult[]> SubmitTogetherAsync(IReadOnlyList<ComplaintHarness> harnesses, IReadOnlyList<ComplaintSubmission> submissions)
    {
        List<Task<SubmitResult>> tasks;
        using (await Batcher.HoldAsync())
        {
            tasks = [.. harnesses.Select((h, i) => Task.Run(() => h.Intake.SubmitAsync(submissions[i], Ct), Ct))];
            while (Batcher.Queued < harnesses.Count)
            {
                Assert.DoesNotContain(tasks, t => t.IsCompleted);
                await Task.Delay(10, Ct);
            }
        }

        return await Task.WhenAll(tasks);
    }
}

public sealed class SqliteComplaintCreateBatcherTests(SqliteFactory factory) : ComplaintCreateBatcherTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintCreateBatcherTests(PostgresFactory factory) : ComplaintCreateBatcherTests(factory), IClassFixture<PostgresFactory>;
