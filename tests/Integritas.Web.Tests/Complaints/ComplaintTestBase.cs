using Integritas.Core.Complaints;
using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integritas.Web.Tests.Complaints;

/// <summary>The complaint services of one scope, on a clock the test moves.</summary>
public sealed class ComplaintHarness : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    public ComplaintHarness(IServiceProvider services, FakeTimeProvider time, ComplaintCreateBatcher? creates = null)
    {
        scope = services.CreateAsyncScope();
        Time = time;
        var sp = scope.ServiceProvider;
        Db = sp.GetRequiredService<IntegritasDbContext>();
        var options = sp.GetRequiredService<IOptions<ComplaintOptions>>();
        var ui = sp.GetRequiredService<Ui>();
        Clock = new ComplaintClock(Db, time, options);
        var photos = new ComplaintPhotos(sp.GetRequiredService<IBlobStore>(), options, ui);
        Ledger = sp.GetRequiredService<ComplaintLedger>();
        Intake = new ComplaintIntake(Db, Clock, photos, Ledger, sp.GetRequiredService<Hosting.Geo.VillageLocator>(), ui, creates: creates);
        Points = new Features.Rewards.PointsLedger(Db, time);
        Workflow = new ComplaintWorkflow(Db, Clock, photos, Ledger, Intake, ui, points: Points);
        Blobs = sp.GetRequiredService<IBlobStore>();
    }

    public FakeTimeProvider Time { get; }

    public IntegritasDbContext Db { get; }

    public ComplaintClock Clock { get; }

    public ComplaintLedger Ledger { get; }

    public ComplaintIntake Intake { get; }

    public ComplaintWorkflow Workflow { get; }

    public Features.Rewards.PointsLedger Points { get; }

    public IBlobStore Blobs { get; }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public abstract class ComplaintTestBase(IntegritasFactory factory) : FactoryTest(factory)
{
    /// <summary>A WIB wall-clock time.</summary>
    protected static DateTimeOffset Wib(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    protected ComplaintHarness Harness(DateTimeOffset now) => new(F.Services, new FakeTimeProvider(now));

    protected static ComplaintSubmission Valid(string category = "lampu-jalan") => new()
    {
        CategoryCode = category,
        Description = "Lampu jalan di depan pasar mati sejak tiga hari.",
        Latitude = "3.7551",
        Longitude = "98.4551",
        Address = "Jl. Pasar, Stabat",
        Phone = "0812-3456-7890",
        Name = "Siti Aminah",
    };

    protected static PhotoUpload Photo(int seed = 1, GeoPoint? at = null)
    {
        var bytes = DemoPhotos.Photo("Uji", DateTimeOffset.UtcNow.AddHours(-1), at ?? new GeoPoint(3.7551, 98.4551), seed);
        return new PhotoUpload(new MemoryStream(bytes), bytes.Length);
    }

    protected async Task<Complaint> SubmitAsync(ComplaintHarness h, ComplaintSubmission? submission = null)
    {
        var result = await h.Intake.SubmitAsync(submission ?? Valid(), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return (await h.Workflow.LoadAsync(result.Complaint!.TrackingNumber, Ct))!;
    }

    protected static async Task DecideAsync(ComplaintHarness h, Complaint c, StaffDecision decision, bool coordinator = true)
    {
        var result = await h.Workflow.DecideAsync(c, decision, new StaffActor(null, coordinator ? "Verifier" : "OpdOperator"), coordinator, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    protected Task<List<ComplaintUpdate>> UpdatesAsync(long complaintId) =>
        F.WithDbAsync(db => db.ComplaintUpdates.AsNoTracking().Where(u => u.ComplaintId == complaintId).OrderBy(u => u.Id).ToListAsync(Ct));

    protected Task<int> CountAsync() => F.WithDbAsync(db => db.Complaints.CountAsync(Ct));
}
