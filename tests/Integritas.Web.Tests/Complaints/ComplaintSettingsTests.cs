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
