using System.Net;
using Integritas.Core.Performance;
using Integritas.Data.Identity;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// Issue 5 item 1, changing a plan over HTTP: elements are renamed or removed while nothing hangs under them; an
/// indicator's description changes, but once reported its meaning (code, unit, polarity, quarterly mode) stays and it
/// is not removed; another OPD's operator changes nothing.
/// </summary>
public abstract class PlanChangeTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Distan = PerformanceDemo.Distan;

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Reported_indicators_keep_their_meaning_and_unreported_ones_come_and_go()
    {
        var opdId = await F.OpdIdAsync(Distan);
        var year = await F.WithDbAsync(db => db.PlanPeriods.Select(p => p.EndYear).SingleAsync(Ct));
        var url = $"/admin/kinerja/rencana?opd={opdId}&tahun={year}";
        var reported = await F.WithDbAsync(db => db.Indicators.AsNoTracking().FirstAsync(i => i.PlanNode!.OpdId == opdId && db.IndicatorRealisations.Any(r => r.IndicatorId == i.Id), Ct));
        var client = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Distan));

        Dictionary<string, string> Fields(long nodeId, string code, string name, string unit, long? editing = null)
        {
            var fields = new Dictionary<string, string>
            {
                ["IndicatorNodeId"] = $"{nodeId}",
                ["IndicatorCode"] = code,
                ["IndicatorName"] = name,
                ["IndicatorKind"] = "Output",
                ["IndicatorUnit"] = unit,
                ["IndicatorPolarity"] = "Higher",
                ["IndicatorRangeDirection"] = "Higher",
                ["IndicatorQuarterMode"] = reported.QuarterMode.ToString(),
            };
            if (editing is { } id)
            {
                fields["ubah"] = $"{id}";
            }

            return fields;
        }

        // The edit form comes filled in; a reported indicator's name changes, its unit does not.
        var editPage = Text(await client.GetStringAsync(url + $"&ubah={reported.Id}", Ct));
        Assert.Contains($"Ubah indikator {reported.Code}", editPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reported.Unit}\"", editPage, StringComparison.Ordinal);
        var polarity = reported.Polarity.ToString();
        var renamed = Fields(reported.PlanNodeId, reported.Code, reported.Name + " (direvisi)", reported.Unit, reported.Id);
        renamed["IndicatorPolarity"] = polarity;
        renamed["IndicatorRangeDirection"] = reported.RangeDirection.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=Indicator", renamed, url)).StatusCode);
        Assert.Equal(reported.Name + " (direvisi)", await F.WithDbAsync(db => db.Indicators.Where(i => i.Id == reported.Id).Select(i => i.Name).SingleAsync(Ct)));

        var newUnit = new Dictionary<string, string>(renamed) { ["IndicatorUnit"] = reported.Unit + "x" };
        var refused = await IntegritasFactory.PostFormAsync(client, url + "&handler=Indicator", newUnit, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("sudah dilaporkan", Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(reported.Unit, await F.WithDbAsync(db => db.Indicators.Where(i => i.Id == reported.Id).Select(i => i.Unit).SingleAsync(Ct)));

        var removeReported = await IntegritasFactory.PostFormAsync(client, url + "&handler=DeleteIndicator", new() { ["RemoveIndicatorId"] = $"{reported.Id}" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removeReported.StatusCode);
        Assert.True(await F.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == reported.Id, Ct)));

        // A new indicator can be changed in every field and removed with its targets.
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=Indicator", Fields(reported.PlanNodeId, "BARU-1", "Indikator baru", "unit"), url)).StatusCode);
        var fresh = await F.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.PlanNodeId == reported.PlanNodeId && i.Code == "BARU-1", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=Indicator", Fields(reported.PlanNodeId, "BARU-2", "Indikator baru", "ton", fresh.Id), url)).StatusCode);
        var changed = await F.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == fresh.Id, Ct));
        Assert.Equal(("BARU-2", "ton"), (changed.Code, changed.Unit));
        var taken = await IntegritasFactory.PostFormAsync(client, url + "&handler=Indicator", Fields(reported.PlanNodeId, reported.Code, "Kode kembar", "ton", fresh.Id), url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        await F.WithDbAsync(async db =>
        {
            db.IndicatorTargets.Add(new Data.Performance.IndicatorTarget { IndicatorId = fresh.Id, Year = year, Period = Data.Performance.ReportPeriod.Year, Value = 10 });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=DeleteIndicator", new() { ["RemoveIndicatorId"] = $"{fresh.Id}" }, url)).StatusCode);
        Assert.False(await F.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == fresh.Id, Ct)));
        Assert.False(await F.WithDbAsync(db => db.IndicatorTargets.AnyAsync(t => t.IndicatorId == fresh.Id, Ct)));
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Indicator" && e.EntityId == $"{fresh.Id}" && e.Action == Data.Audit.AuditAction.Deleted, Ct)));
    }

    [Fact]
    public async Task Elements_are_renamed_and_removed_only_when_nothing_hangs_under_them()
    {
        var opdId = await F.OpdIdAsync(Distan);
        var year = await F.WithDbAsync(db => db.PlanPeriods.Select(p => p.EndYear).SingleAsync(Ct));
        var url = $"/admin/kinerja/rencana?opd={opdId}&tahun={year}";
        var client = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Distan));
        var sasaran = await F.WithDbAsync(db => db.PlanNodes.AsNoTracking().FirstAsync(n => n.OpdId == opdId && n.Level == PlanLevel.Sasaran, Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=RenameNode", new() { ["ChangeNodeId"] = $"{sasaran.Id}", ["ChangeNodeName"] = "Meningkatnya produksi pangan (revisi)" }, url)).StatusCode);
        Assert.Equal("Meningkatnya produksi pangan (revisi)", await F.WithDbAsync(db => db.PlanNodes.Where(n => n.Id == sasaran.Id).Select(n => n.Name).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await IntegritasFactory.PostFormAsync(client, url + "&handler=RenameNode", new() { ["ChangeNodeId"] = $"{sasaran.Id}", ["ChangeNodeName"] = " " }, url)).StatusCode);

        var busy = await IntegritasFactory.PostFormAsync(client, url + "&handler=DeleteNode", new() { ["ChangeNodeId"] = $"{sasaran.Id}" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, busy.StatusCode);
        Assert.Contains("masih mempunyai", Text(await busy.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=Node",
            new() { ["NodeLevel"] = "Sasaran", ["NodeParentId"] = $"{sasaran.ParentId}", ["NodeCode"] = "S9", ["NodeName"] = "Sasaran sementara" }, url)).StatusCode);
        var added = await F.WithDbAsync(db => db.PlanNodes.AsNoTracking().SingleAsync(n => n.OpdId == opdId && n.Code == "S9", Ct));

        // Another OPD's operator cannot remove it; the OPD's own can.
        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.11.0.00.0.00.01.0000"));
        var otherUrl = "/admin/kinerja/rencana";
        await IntegritasFactory.PostFormAsync(other, otherUrl + "?handler=DeleteNode", new() { ["ChangeNodeId"] = $"{added.Id}" }, otherUrl);
        Assert.True(await F.WithDbAsync(db => db.PlanNodes.AnyAsync(n => n.Id == added.Id, Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url + "&handler=DeleteNode", new() { ["ChangeNodeId"] = $"{added.Id}" }, url)).StatusCode);
        Assert.False(await F.WithDbAsync(db => db.PlanNodes.AnyAsync(n => n.Id == added.Id, Ct)));
    }
}

public sealed class SqlitePlanChangeTests(SqlitePerformanceDemoFactory factory) : PlanChangeTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresPlanChangeTests(PostgresPerformanceDemoFactory factory) : PlanChangeTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
