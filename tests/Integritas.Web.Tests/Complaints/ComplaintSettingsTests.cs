using System.Net;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Complaints;

public abstract class ComplaintSettingsTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    [Fact]
    public async Task Coordinators_add_and_remove_holidays_and_routing_rules_and_bad_input_changes_nothing()
    {
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var page = await verifier.GetStringAsync("/admin/aduan/pengaturan?tahun=2026", Ct);
        Assert.Contains("Hari Raya Natal", page, StringComparison.Ordinal);

        var added = await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Holiday",
            new() { ["HolidayDate"] = "2026-12-24", ["HolidayName"] = "Cuti bersama Natal" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var holiday = await F.WithDbAsync(db => db.Holidays.SingleAsync(h => h.Date == new DateOnly(2026, 12, 24), Ct));
        Assert.Equal("Cuti bersama Natal", holiday.Name);

        // Working-day clocks of new reports now skip it: Monday 21 December 09:00 + 5 working days with 24 and 25 December off.
        await using (var h = Harness(Wib(2026, 12, 21, 9)))
        {
            var c = await SubmitAsync(h);
            Assert.Equal(Wib(2026, 12, 30, 9).UtcDateTime, c.ResolutionDueUtc);
        }

        var duplicate = await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Holiday",
            new() { ["HolidayDate"] = "2026-12-24", ["HolidayName"] = "Lagi" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("sudah ada di kalender", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noName = await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Holiday",
            new() { ["HolidayDate"] = "2026-12-31", ["HolidayName"] = " " }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noName.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == new DateOnly(2026, 12, 31), Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, $"/admin/aduan/pengaturan?handler=DeleteHoliday&id={holiday.Id}", [], "/admin/aduan/pengaturan")).StatusCode);
        Assert.False(await F.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == holiday.Id, Ct)));

        var dlh = await F.OpdIdAsync("2.11.0.00.0.00.01.0000");
        var rule = await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Rule",
            new() { ["RuleOpdId"] = dlh.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RulePriority"] = "5" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.Redirect, rule.StatusCode);
        var stored = await F.WithDbAsync(db => db.RoutingRules.SingleAsync(r => r.OpdId == dlh && r.Priority == 5, Ct));
        var badRule = await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Rule",
            new() { ["RuleOpdId"] = "999999", ["RulePriority"] = "0" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRule.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, $"/admin/aduan/pengaturan?handler=DeleteRule&id={stored.Id}", [], "/admin/aduan/pengaturan")).StatusCode);
        Assert.False(await F.WithDbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == stored.Id, Ct)));

        // Each change is in the audit trail.
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Holiday" && a.EntityId == holiday.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));
    }

    [Fact]
    public async Task Coordinators_set_a_categorys_targets_and_points_and_bad_values_change_nothing()
    {
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var sampah = await F.WithDbAsync(db => db.ComplaintCategories.AsNoTracking().SingleAsync(c => c.Code == "sampah", Ct));
        var url = $"/admin/aduan/pengaturan?handler=Category&id={sampah.Id}";

        var bad = await IntegritasFactory.PostFormAsync(verifier, url,
            new() { ["ResponseHours"] = "0", ["ResolutionWorkingDays"] = "400", ["RewardPoints"] = "-1", ["IsActive"] = "true" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Target tanggapan 1–720 jam.", html, StringComparison.Ordinal);
        Assert.Contains("Target penyelesaian 1–365 hari kerja.", html, StringComparison.Ordinal);
        Assert.Contains("Poin 0–10.000.", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"cat-{sampah.Id}-points\"", html, StringComparison.Ordinal);
        var unchanged = await F.WithDbAsync(db => db.ComplaintCategories.AsNoTracking().SingleAsync(c => c.Id == sampah.Id, Ct));
        Assert.Equal((sampah.ResponseHours, sampah.ResolutionWorkingDays, sampah.RewardPoints), (unchanged.ResponseHours, unchanged.ResolutionWorkingDays, unchanged.RewardPoints));

        var saved = await IntegritasFactory.PostFormAsync(verifier, url,
            new() { ["ResponseHours"] = "12", ["ResolutionWorkingDays"] = "2", ["RewardPoints"] = "25", ["IsActive"] = "true" }, "/admin/aduan/pengaturan");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await F.WithDbAsync(db => db.ComplaintCategories.AsNoTracking().SingleAsync(c => c.Id == sampah.Id, Ct));
        Assert.Equal((12, 2, 25, true), (stored.ResponseHours, stored.ResolutionWorkingDays, stored.RewardPoints, stored.IsActive));
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ComplaintCategory" && a.EntityId == sampah.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));

        // New reports of the category run on the new targets: 12 calendar hours to answer.
        await using (var h = Harness(Wib(2026, 12, 21, 9)))
        {
            var c = await SubmitAsync(h, Valid("sampah"));
            Assert.Equal(Wib(2026, 12, 21, 21).UtcDateTime, c.ResponseDueUtc);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await IntegritasFactory.PostFormAsync(verifier, "/admin/aduan/pengaturan?handler=Category&id=999999",
            new() { ["ResponseHours"] = "12", ["ResolutionWorkingDays"] = "2", ["RewardPoints"] = "25" }, "/admin/aduan/pengaturan")).StatusCode);
    }

    [Fact]
    public async Task Operators_and_leadership_cannot_change_the_settings()
    {
        foreach (var role in new[] { Roles.OpdOperator, Roles.Leadership, Roles.Contractor })
        {
            var client = await F.SignedInClientAsync(await F.CreateUserAsync(role, role == Roles.OpdOperator ? ["2.11.0.00.0.00.01.0000"] : []));
            var response = await client.GetAsync("/admin/aduan/pengaturan", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/akun/ditolak", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteComplaintSettingsTests(SqliteFactory factory) : ComplaintSettingsTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintSettingsTests(PostgresFactory factory) : ComplaintSettingsTests(factory), IClassFixture<PostgresFactory>;
