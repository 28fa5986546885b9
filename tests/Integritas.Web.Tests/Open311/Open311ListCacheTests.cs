using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Open311;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Open311;

/// <summary>
/// The cached <c>GET requests</c> list never shows stale data: a report made, a report changed by staff, a category
/// renamed — each shows in the very next list; an unchanged list is served again byte for byte.
/// </summary>
public abstract class Open311ListCacheTests(IntegritasFactory factory) : Open311TestBase(factory)
{
    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_list_changes_with_the_very_next_create_update_or_rename(string format)
    {
        var first = await GetAsync($"/requests.{format}");
        Assert.Equal(first.Body, (await GetAsync($"/requests.{format}")).Body);

        // A new report is in the next list.
        var id = Requests(await PostAsync(format, Valid(await NewKeyAsync())), format).Single()["service_request_id"]!;
        var afterCreate = Requests(await GetAsync($"/requests.{format}"), format);
        Assert.Equal(id, afterCreate[0]["service_request_id"]);
        Assert.Equal(Requests(first, format).Count + 1, afterCreate.Count);

        // A change made by staff (through the workflow) is in the next list.
        await using (var scope = F.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();
            var complaint = (await workflow.LoadAsync(id, Ct))!;
            var decided = await workflow.DecideAsync(complaint, new StaffDecision { To = Core.Complaints.ComplaintStatus.Verified, Text = "Sudah dicek petugas." },
                new StaffActor(null, "Verifier"), isCoordinator: true, Ct);
            Assert.True(decided.Succeeded, string.Join("; ", decided.Errors.SelectMany(e => e.Value)));
        }

        var verified = Requests(await GetAsync($"/requests.{format}"), format).Single(r => r["service_request_id"] == id);
        Assert.Equal("verified", verified["detailed_status"]);

        // A renamed category shows under its new name.
        await F.WithDbAsync(async db =>
        {
            var category = await db.ComplaintCategories.SingleAsync(c => c.Code == "jalan-rusak", Ct);
            category.NameId = "Jalan rusak (nama baru)";
            return await db.SaveChangesAsync(Ct);
        });
        var renamed = Requests(await GetAsync($"/requests.{format}"), format).Single(r => r["service_request_id"] == id);
        Assert.Equal("Jalan rusak (nama baru)", renamed["service_name"]);
        await F.WithDbAsync(async db =>
        {
            var category = await db.ComplaintCategories.SingleAsync(c => c.Code == "jalan-rusak", Ct);
            category.NameId = "Jalan rusak atau berlubang";
            return await db.SaveChangesAsync(Ct);
        });
    }

    [Fact]
    public void An_entry_is_served_only_while_its_version_and_window_hold()
    {
        var versions = new DataVersions();
        var cache = new Open311ListCache(versions, new ConfigurationBuilder().Build());
        var now = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
        cache.Store("k", new Open311ListCache.Entry([1, 2, 3], cache.Version, now, now.AddDays(1)));
        Assert.NotNull(cache.Find("k", now));
        Assert.NotNull(cache.Find("k", now.AddHours(23)));
        Assert.Null(cache.Find("k", now.AddDays(1)));
        Assert.Null(cache.Find("k", now.AddSeconds(-1)));

        versions.Bump([typeof(ComplaintUpdate)]);
        Assert.Null(cache.Find("k", now));

        var off = new Open311ListCache(versions, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Integritas:Open311:ListCacheMegabytes"] = "0" }).Build());
        off.Store("k", new Open311ListCache.Entry([1], off.Version, now, DateTime.MaxValue));
        Assert.Null(off.Find("k", now));
    }
}

public sealed class SqliteOpen311ListCacheTests(SqliteFactory factory) : Open311ListCacheTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpen311ListCacheTests(PostgresFactory factory) : Open311ListCacheTests(factory), IClassFixture<PostgresFactory>;
