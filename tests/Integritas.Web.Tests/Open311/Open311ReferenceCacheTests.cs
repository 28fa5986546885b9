using System.Net;
using Integritas.Data.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Open311;

/// <summary>
/// The intake keeps categories, holidays, desa and API keys in memory; a change made through the portal is seen by
/// the very next report.
/// </summary>
public abstract class Open311ReferenceCacheTests(IntegritasFactory factory) : Open311TestBase(factory)
{
    [Fact]
    public async Task A_deactivated_category_a_new_holiday_and_a_revoked_key_take_effect_at_the_next_report()
    {
        var key = await NewKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", Valid(key))).Status);

        await SetActiveAsync("jalan-rusak", false);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("json", Valid(key))).Status);
        }
        finally
        {
            await SetActiveAsync("jalan-rusak", true);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", Valid(key))).Status);

        // Every working day of the next four weeks made a holiday: the next report's resolution is due later.
        var before = await LastResolutionDueAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var added = Enumerable.Range(0, 28).Select(today.AddDays).ToList();
        await F.WithDbAsync(async db =>
        {
            var existing = await db.Holidays.Where(h => added.Contains(h.Date)).Select(h => h.Date).ToListAsync(Ct);
            db.Holidays.AddRange(added.Except(existing).Select(d => new Holiday { Date = d, Name = "Uji" }));
            return await db.SaveChangesAsync(Ct);
        });
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", Valid(key))).Status);
            Assert.True(await LastResolutionDueAsync() > before.AddDays(14));
        }
        finally
        {
            await F.WithDbAsync(db => db.Holidays.Where(h => h.Name == "Uji").ExecuteDeleteAsync(Ct));
        }

        await F.WithDbAsync(async db =>
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.KeyHash == Features.Open311.ApiKeys.Hash(key), Ct);
            stored.RevokedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("json", Valid(key))).Status);
    }

    private Task<int> SetActiveAsync(string code, bool active) => F.WithDbAsync(async db =>
    {
        (await db.ComplaintCategories.SingleAsync(c => c.Code == code, Ct)).IsActive = active;
        return await db.SaveChangesAsync(Ct);
    });

    private Task<DateTime> LastResolutionDueAsync() =>
        F.WithDbAsync(db => db.Complaints.OrderByDescending(c => c.Id).Select(c => c.ResolutionDueUtc!.Value).FirstAsync(Ct));
}

public sealed class SqliteOpen311ReferenceCacheTests(SqliteFactory factory) : Open311ReferenceCacheTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpen311ReferenceCacheTests(PostgresFactory factory) : Open311ReferenceCacheTests(factory), IClassFixture<PostgresFactory>;
