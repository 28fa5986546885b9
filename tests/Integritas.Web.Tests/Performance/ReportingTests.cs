using Integritas.Core.Performance;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// Issue 5 items 3, 4 and 6: the quarterly workflow (draft → submitted → verified or returned → published), deadlines
/// and the late flag, computation of the published figures, the published file in the transparency log, and bad input
/// that stores nothing.
/// </summary>
public abstract class ReportingTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Dlh = "2.11.0.00.0.00.01.0000";

    private static readonly PlanAccess Admin = new(true, []);
    private static readonly PlanAccess Verifier = new(false, [], IsVerifier: true);

    private sealed record Plan(int Year, int OpdId, long Stunting, long Visits, long Immunised, long Range, long Sub, long OtherOpdIndicator, long OtherOpdSub);

    /// <summary>
    /// A plan of Dinkes for a five-year period starting at <paramref name="start"/>: a lower-is-better IKU (stunting,
    /// cumulative), a per-quarter output (K6 visits), a cumulative output, a range indicator, one sub kegiatan with a
    /// ceiling; and an indicator and sub kegiatan of DLH.
    /// </summary>
    private async Task<Plan> PlanAsync(int start)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var planning = scope.ServiceProvider.GetRequiredService<Planning>();
        var db = scope.ServiceProvider.GetRequiredService<Data.IntegritasDbContext>();
        var period = new PlanPeriod { Name = $"Renstra {start}", StartYear = start, EndYear = start + 4 };
        db.PlanPeriods.Add(period);
        await db.SaveChangesAsync(Ct);
        var dinkes = await F.OpdIdAsync(Dinkes);
        var dlh = await F.OpdIdAsync(Dlh);

        async Task<long> Node(int opd, long? parent, PlanLevel level, string code)
        {
            var r = await planning.AddNodeAsync(Admin, new(period.Id, opd, parent, level, code, $"{level} {code}"), Ct);
            Assert.True(r.Succeeded, string.Join("; ", r.Errors.SelectMany(e => e.Value)));
            return r.Value!.Id;
        }

        async Task<long> Indicator(long node, string code, IndicatorKind kind, bool iku, Polarity polarity, QuarterMode mode, Polarity direction = Polarity.Higher)
        {
            var r = await planning.AddIndicatorAsync(Admin, new(node, code, $"Indikator {code}", kind, iku, "%", polarity, direction, null, mode, null, null), Ct);
            Assert.True(r.Succeeded, string.Join("; ", r.Errors.SelectMany(e => e.Value)));
            return r.Value!.Id;
        }

        async Task Target(long indicator, ReportPeriod p, decimal value, decimal? max = null) =>
            Assert.True((await planning.SetTargetAsync(Admin, indicator, start, p, value, max, Ct)).Succeeded);

        var sasaran = await Node(dinkes, await Node(dinkes, null, PlanLevel.Tujuan, "T1"), PlanLevel.Sasaran, "S1");
        var program = await Node(dinkes, sasaran, PlanLevel.Program, "1.02.02");
        var sub = await Node(dinkes, await Node(dinkes, program, PlanLevel.Kegiatan, "1.02.02.2.02"), PlanLevel.SubKegiatan, "1.02.02.2.02.0001");
        var stunting = await Indicator(sasaran, "IKU-1", IndicatorKind.Outcome, true, Polarity.Lower, QuarterMode.Cumulative);
        var visits = await Indicator(sub, "OUT-1", IndicatorKind.Output, false, Polarity.Higher, QuarterMode.PerQuarter);
        var immunised = await Indicator(sub, "OUT-2", IndicatorKind.Output, false, Polarity.Higher, QuarterMode.Cumulative);
        var range = await Indicator(program, "OUT-3", IndicatorKind.Outcome, false, Polarity.Range, QuarterMode.Cumulative, Polarity.Lower);
        await Target(stunting, ReportPeriod.Q1, 8m);
        await Target(stunting, ReportPeriod.Year, 8m);
        await Target(visits, ReportPeriod.Q1, 80m);
        await Target(immunised, ReportPeriod.Q1, 25m);
        await Target(range, ReportPeriod.Q1, 7m, 8m);
        Assert.True((await planning.SetPaguAsync(Admin, sub, start, 1_000_000_000m, Ct)).Succeeded);

        var dlhSub = await Node(dlh, await Node(dlh, await Node(dlh, await Node(dlh, await Node(dlh, null, PlanLevel.Tujuan, "T1"), PlanLevel.Sasaran, "S1"), PlanLevel.Program, "2.11.02"), PlanLevel.Kegiatan, "2.11.02.2.01"), PlanLevel.SubKegiatan, "2.11.02.2.01.0001");
        var dlhIndicator = await Indicator(dlhSub, "DLH-1", IndicatorKind.Output, false, Polarity.Higher, QuarterMode.Cumulative);
        return new Plan(start, dinkes, stunting, visits, immunised, range, sub, dlhIndicator, dlhSub);
    }

    private (Reporting Reporting, AsyncServiceScope Scope) ReportingAt(FakeTimeProvider time)
    {
        var scope = F.Services.CreateAsyncScope();
        return (ActivatorUtilities.CreateInstance<Reporting>(scope.ServiceProvider, time), scope);
    }

    /// <summary>WIB noon on a day.</summary>
    private static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());

    private static void Ok(PlanResult<QuarterReport> result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    [Fact]
    public async Task A_quarter_goes_from_draft_to_published_with_the_official_figures_and_its_file_in_the_log()
    {
        var plan = await PlanAsync(2401);
        var operatorAccess = new PlanAccess(false, [plan.OpdId]);
        var time = At(plan.Year, 4, 5);
        var (reporting, scope) = ReportingAt(time);
        await using (scope)
        {
            var opened = await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 1, "operator", Ct);
            Ok(opened);
            var report = opened.Value!;
            Assert.Equal(new DateOnly(plan.Year, 4, 10), report.DueDate); // 10 days after 31 March
            Assert.Equal(report.Id, (await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 1, "operator", Ct)).Value!.Id);

            // sakip.md worked examples: lower is better, target 8 months, realisasi 6.5 → 118.75 %; range 7–8 (lower is
            // better), realisasi 6.5 → (2 − 6.5/7) = 107.142857…; higher is better 92 / 80 → 115; 25 / 25 → 100.
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 0,
                [
                    new(plan.Stunting, "6,5", null, "Data e-PPGBM terlambat", "Validasi lapangan"),
                    new(plan.Visits, "92", null, null, null),
                    new(plan.Immunised, "25", null, null, null),
                    new(plan.Range, "6.5", null, null, null),
                ],
                [new(plan.Sub, "Rp 250.000.000")], Ct));
            Ok(await reporting.SubmitAsync(operatorAccess, report.Id, 1, late: false, null, "operator", Ct));

            // Nothing is public before publication.
            var data = scope.ServiceProvider.GetRequiredService<IndicatorData>();
            Assert.All(await data.RowsAsync(plan.Year, plan.OpdId, Ct), r => Assert.Null(r.Realisation));

            Assert.Contains("Status", (await reporting.VerifyAsync(operatorAccess, report.Id, 2, null, "operator", Ct)).Errors.Keys);
            Ok(await reporting.VerifyAsync(Verifier, report.Id, 2, "Sesuai bukti", "verifier", Ct));
            var published = await reporting.PublishAsync(Verifier, report.Id, 3, "verifier", Ct);
            Ok(published);
        }

        var stored = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.OpdId == plan.OpdId && r.Year == plan.Year && r.Quarter == 1, Ct));
        Assert.Equal(ReportStatus.Published, stored.Status);
        Assert.False(stored.IsLate);
        Assert.Equal([ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Verified, ReportStatus.Published], stored.Events.OrderBy(e => e.Id).Select(e => e.Status));
        // OPD mean: (118.75 + 115 + 100 + 107.142857…) / 4 = 110.2232142857…; IKU only: 118.75.
        Assert.Equal(110.22m, Math.Round(stored.CapaianMean!.Value, 2));
        Assert.Equal(4, stored.IndicatorsCounted);
        Assert.Equal(118.75m, stored.IkuCapaianMean);
        Assert.Equal(1_000_000_000m, stored.Pagu);
        Assert.Equal(250_000_000m, stored.Spent);

        // The published file is the contract's CSV of this quarter; its hash is in the transparency log.
        var lines = stored.PublishedCsv!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', IndicatorData.Columns), lines[0]);
        Assert.Contains($"{Dinkes},IKU-1,Indikator IKU-1,sasaran,outcome,lower,%,{plan.Year},Q1,8,,6.5,118.75", lines);
        Assert.Contains($"{Dinkes},OUT-3,Indikator OUT-3,program,outcome,range,%,{plan.Year},Q1,7,8,6.5,107.14", lines);
        Assert.Equal(IndicatorData.Sha256(stored.PublishedCsv), stored.PublishedSha256);
        Assert.NotNull(stored.LedgerIndex);
        var entry = await F.WithDbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Index == stored.LedgerIndex, Ct));
        Assert.Contains($"sha256:{stored.PublishedSha256}", System.Text.Encoding.UTF8.GetString(entry.Data), StringComparison.Ordinal);

        // Now the public rows carry the realisation.
        await using var read = F.Services.CreateAsyncScope();
        var rows = await read.ServiceProvider.GetRequiredService<IndicatorData>().RowsAsync(plan.Year, plan.OpdId, Ct);
        Assert.Equal(4 * 5, rows.Count); // four indicators × Q1–Q4 and Y
        var stuntingQ1 = rows.Single(r => r.IndicatorCode == "IKU-1" && r.Period == ReportPeriod.Q1);
        Assert.Equal((8m, 6.5m, 118.75m), (stuntingQ1.Target!.Value, stuntingQ1.Realisation!.Value, stuntingQ1.CapaianPct!.Value));
        Assert.Null(rows.Single(r => r.IndicatorCode == "IKU-1" && r.Period == ReportPeriod.Q2).CapaianPct);
    }

    [Fact]
    public async Task Bad_figures_foreign_indicators_and_other_OPDs_store_nothing()
    {
        var plan = await PlanAsync(2411);
        var operatorAccess = new PlanAccess(false, [plan.OpdId]);
        var (reporting, scope) = ReportingAt(At(plan.Year, 4, 5));
        await using (scope)
        {
            var report = (await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 1, "operator", Ct)).Value!;
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 0, [new(plan.Visits, "10", null, null, null)], [], Ct));

            var bad = await reporting.SaveAsync(operatorAccess, report.Id, 1,
                [new(plan.Visits, "sembilan puluh", null, null, null), new(plan.OtherOpdIndicator, "5", null, null, null), new(plan.Stunting, "7", "7", null, null)],
                [new(plan.OtherOpdSub, "1000"), new(plan.Sub, "-5")], Ct);
            Assert.False(bad.Succeeded);
            Assert.Contains(Reporting.ValueField(plan.Visits), bad.Errors.Keys);
            Assert.Contains(Reporting.ValueField(plan.OtherOpdIndicator), bad.Errors.Keys);
            Assert.Contains(Reporting.YearValueField(plan.Stunting), bad.Errors.Keys); // the annual value belongs in Q4
            Assert.Contains(Reporting.SpentField(plan.OtherOpdSub), bad.Errors.Keys);
            Assert.Contains(Reporting.SpentField(plan.Sub), bad.Errors.Keys);

            // Another OPD's operator can neither open, read nor write Dinkes's report; no role writes nothing.
            var dlhOperator = new PlanAccess(false, [await F.OpdIdAsync(Dlh)]);
            Assert.Contains("OpdId", (await reporting.OpenAsync(dlhOperator, plan.OpdId, plan.Year, 2, "dlh", Ct)).Errors.Keys);
            Assert.Null(await reporting.FindAsync(dlhOperator, report.Id, Ct));
            Assert.NotNull(await reporting.FindAsync(operatorAccess, report.Id, Ct));
            Assert.False((await reporting.SaveAsync(dlhOperator, report.Id, 1, [new(plan.Visits, "99", null, null, null)], [], Ct)).Succeeded);
            Assert.False((await reporting.SubmitAsync(PlanAccess.Nobody, report.Id, 1, false, null, "x", Ct)).Succeeded);

            // A stale form (someone saved meanwhile) is refused rather than overwriting.
            Assert.Contains("Version", (await reporting.SaveAsync(operatorAccess, report.Id, 0, [new(plan.Visits, "11", null, null, null)], [], Ct)).Errors.Keys);

            // Submitting an incomplete report names what is missing.
            var incomplete = await reporting.SubmitAsync(operatorAccess, report.Id, 1, false, null, "operator", Ct);
            Assert.Contains(Reporting.ValueField(plan.Stunting), incomplete.Errors.Keys);
            Assert.Contains(Reporting.SpentField(plan.Sub), incomplete.Errors.Keys);
            Assert.Contains("Quarter", (await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 5, "operator", Ct)).Errors.Keys);
            Assert.Contains("Year", (await reporting.OpenAsync(operatorAccess, plan.OpdId, 1999, 1, "operator", Ct)).Errors.Keys);
        }

        var rows = await F.WithDbAsync(db => db.IndicatorRealisations.AsNoTracking().Where(r => r.Report!.OpdId == plan.OpdId && r.Report.Year == plan.Year).ToListAsync(Ct));
        Assert.Equal(10m, Assert.Single(rows).Value);
        Assert.False(await F.WithDbAsync(db => db.BudgetRealisations.AnyAsync(b => b.Report!.Year == plan.Year, Ct)));
        Assert.Equal(ReportStatus.Draft, await F.WithDbAsync(db => db.QuarterReports.Where(r => r.OpdId == plan.OpdId && r.Year == plan.Year).Select(r => r.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task After_the_deadline_a_report_goes_in_only_flagged_late_with_a_reason_and_a_returned_one_can_be_corrected()
    {
        var plan = await PlanAsync(2421);
        var operatorAccess = new PlanAccess(false, [plan.OpdId]);
        var time = At(plan.Year, 4, 10); // the due day itself still counts
        var (reporting, scope) = ReportingAt(time);
        await using (scope)
        {
            var report = (await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 1, "operator", Ct)).Value!;
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 0,
                [new(plan.Stunting, "8", null, null, null), new(plan.Visits, "80", null, null, null), new(plan.Immunised, "20", null, null, null), new(plan.Range, "7.5", null, null, null)],
                [new(plan.Sub, "0")], Ct));

            time.Advance(TimeSpan.FromDays(1)); // 11 April: late
            Assert.Contains("Late", (await reporting.SubmitAsync(operatorAccess, report.Id, 1, false, null, "operator", Ct)).Errors.Keys);
            Assert.Contains("LateReason", (await reporting.SubmitAsync(operatorAccess, report.Id, 1, true, "lupa", "operator", Ct)).Errors.Keys);
            Ok(await reporting.SubmitAsync(operatorAccess, report.Id, 1, true, "Server e-PPGBM tidak dapat diakses minggu lalu", "operator", Ct));
            Assert.Contains("Status", (await reporting.SaveAsync(operatorAccess, report.Id, 2, [new(plan.Visits, "81", null, null, null)], [], Ct)).Errors.Keys);

            Assert.Contains("Comment", (await reporting.ReturnAsync(Verifier, report.Id, 2, " ", "verifier", Ct)).Errors.Keys);
            Ok(await reporting.ReturnAsync(Verifier, report.Id, 2, "Bukti kunjungan K6 belum diunggah", "verifier", Ct));
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 3, [new(plan.Visits, "81", null, null, null)], [], Ct));
            Ok(await reporting.SubmitAsync(operatorAccess, report.Id, 4, true, "Server e-PPGBM tidak dapat diakses minggu lalu", "operator", Ct));
            Assert.Contains("Status", (await reporting.PublishAsync(Verifier, report.Id, 5, "verifier", Ct)).Errors.Keys); // not verified yet
        }

        var stored = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.OpdId == plan.OpdId && r.Year == plan.Year, Ct));
        Assert.True(stored.IsLate);
        Assert.Equal(ReportStatus.Submitted, stored.Status);
        Assert.Contains(stored.Events, e => e.Status == ReportStatus.Returned && e.Comment == "Bukti kunjungan K6 belum diunggah");
        Assert.Equal(81m, await F.WithDbAsync(db => db.IndicatorRealisations.Where(r => r.QuarterReportId == stored.Id && r.IndicatorId == plan.Visits).Select(r => r.Value).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_fourth_quarter_carries_the_year_cumulative_indicators_from_Q4_and_per_quarter_ones_as_given()
    {
        var plan = await PlanAsync(2431);
        var operatorAccess = new PlanAccess(false, [plan.OpdId]);
        await using (var setup = F.Services.CreateAsyncScope())
        {
            var planning = setup.ServiceProvider.GetRequiredService<Planning>();
            Assert.True((await planning.SetTargetAsync(Admin, plan.Visits, plan.Year, ReportPeriod.Year, 320m, null, Ct)).Succeeded);
        }

        var (reporting, scope) = ReportingAt(At(plan.Year + 1, 1, 8));
        await using (scope)
        {
            var report = (await reporting.OpenAsync(operatorAccess, plan.OpdId, plan.Year, 4, "operator", Ct)).Value!;
            Assert.Equal(new DateOnly(plan.Year + 1, 1, 10), report.DueDate);
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 0, [new(plan.Stunting, "7.2", null, null, null), new(plan.Visits, "85", null, null, null)], [new(plan.Sub, "900.000.000")], Ct));
            // The per-quarter indicator has a year target but no annual value yet; the cumulative one took Q4's.
            var missing = await reporting.SubmitAsync(operatorAccess, report.Id, 1, false, null, "operator", Ct);
            Assert.Equal([Reporting.YearValueField(plan.Visits)], missing.Errors.Keys);
            Ok(await reporting.SaveAsync(operatorAccess, report.Id, 1, [new(plan.Visits, "85", "331", null, null)], [], Ct));
            Ok(await reporting.SubmitAsync(operatorAccess, report.Id, 2, false, null, "operator", Ct));
        }

        var year = await F.WithDbAsync(db => db.IndicatorRealisations.AsNoTracking()
            .Where(r => r.Report!.OpdId == plan.OpdId && r.Report.Year == plan.Year && r.Period == ReportPeriod.Year).ToDictionaryAsync(r => r.IndicatorId, r => r.Value, Ct));
        Assert.Equal(7.2m, year[plan.Stunting]);
        Assert.Equal(331m, year[plan.Visits]);
    }

    [Fact]
    public async Task Operators_are_reminded_before_the_deadline_once_and_those_still_missing_after_it_with_the_verifiers()
    {
        var plan = await PlanAsync(2441);
        var dinkesOperator = await F.CreateUserAsync(Data.Identity.Roles.OpdOperator, Dinkes);
        var dlhOperator = await F.CreateUserAsync(Data.Identity.Roles.OpdOperator, Dlh);
        var verifier = await F.CreateUserAsync(Data.Identity.Roles.Verifier);
        var time = At(plan.Year, 4, 8); // two days before the Q1 due date (10 April)

        async Task<List<Data.Notifications.Notification>> RunAsync()
        {
            await using var scope = F.Services.CreateAsyncScope();
            var reminders = ActivatorUtilities.CreateInstance<ReportReminders>(scope.ServiceProvider, time);
            var before = await F.WithDbAsync(db => db.Notifications.Select(n => n.Id).DefaultIfEmpty().MaxAsync(Ct));
            await reminders.RunAsync(Ct);
            return await F.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Id > before && n.Reference!.StartsWith("kinerja:")).ToListAsync(Ct));
        }

        var soon = await RunAsync();
        Assert.Contains(soon, n => n.Recipient == $"{dinkesOperator.UserName}@contoh.go.id" && n.EventType == ReportReminders.DueSoonEvent && n.Subject!.Contains($"TW 1 {plan.Year}", StringComparison.Ordinal));
        Assert.Contains(soon, n => n.Recipient == $"{dlhOperator.UserName}@contoh.go.id");
        Assert.DoesNotContain(soon, n => n.Recipient == $"{verifier.UserName}@contoh.go.id");
        Assert.Empty(await RunAsync()); // once

        // Dinkes submits on time; after the due date only DLH is chased, with the verifiers copied.
        var (reporting, scope) = ReportingAt(time);
        await using (scope)
        {
            var access = new PlanAccess(false, [plan.OpdId]);
            var report = (await reporting.OpenAsync(access, plan.OpdId, plan.Year, 1, "operator", Ct)).Value!;
            Ok(await reporting.SaveAsync(access, report.Id, 0,
                [new(plan.Stunting, "8", null, null, null), new(plan.Visits, "80", null, null, null), new(plan.Immunised, "20", null, null, null), new(plan.Range, "7.5", null, null, null)],
                [new(plan.Sub, "0")], Ct));
            Ok(await reporting.SubmitAsync(access, report.Id, 1, false, null, "operator", Ct));
        }

        time.Advance(TimeSpan.FromDays(3));
        var overdue = await RunAsync();
        Assert.All(overdue, n => Assert.Equal(ReportReminders.OverdueEvent, n.EventType));
        Assert.Contains(overdue, n => n.Recipient == $"{dlhOperator.UserName}@contoh.go.id");
        Assert.Contains(overdue, n => n.Recipient == $"{verifier.UserName}@contoh.go.id");
        Assert.DoesNotContain(overdue, n => n.Recipient == $"{dinkesOperator.UserName}@contoh.go.id");
        Assert.Empty(await RunAsync());
    }
}

public sealed class SqliteReportingTests(SqliteFactory factory) : ReportingTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresReportingTests(PostgresFactory factory) : ReportingTests(factory), IClassFixture<PostgresFactory>;
