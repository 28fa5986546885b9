using System.Net;
using System.Text;
using Integritas.Core.Performance;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// Issue 5 item 9: indicators, targets and realisations imported from the CSV and XLSX templates; every problem named
/// by row and column, nothing written on any; the same file imported twice changes nothing; operators only for their
/// own OPD.
/// </summary>
public abstract class PlanImportTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Dlh = "2.11.0.00.0.00.01.0000";

    private static readonly PlanAccess Admin = new(true, []);

    private sealed record Plan(int Year, int PeriodId, int OpdId, long Stunting, long Visits, long Range, long Sub, long DlhIndicator);

    private async Task<int> PeriodAsync(int start) => await F.WithDbAsync(async db =>
    {
        var period = new PlanPeriod { Name = $"Renstra {start}", StartYear = start, EndYear = start + 4 };
        db.PlanPeriods.Add(period);
        await db.SaveChangesAsync(Ct);
        return period.Id;
    });

    /// <summary>Dinkes: a lower-is-better IKU on a sasaran, a per-quarter output and a range on a sub kegiatan; DLH: one indicator DLH-1.</summary>
    private async Task<Plan> PlanAsync(int start)
    {
        var period = await PeriodAsync(start);
        var dinkes = await F.OpdIdAsync(Dinkes);
        var dlh = await F.OpdIdAsync(Dlh);
        await using var scope = F.Services.CreateAsyncScope();
        var planning = scope.ServiceProvider.GetRequiredService<Planning>();

        async Task<long> Node(int opd, long? parent, PlanLevel level, string code)
        {
            var r = await planning.AddNodeAsync(Admin, new(period, opd, parent, level, code, $"{level} {code}"), Ct);
            Assert.True(r.Succeeded, string.Join("; ", r.Errors.SelectMany(e => e.Value)));
            return r.Value!.Id;
        }

        async Task<long> Indicator(long node, string code, Polarity polarity, QuarterMode mode)
        {
            var r = await planning.AddIndicatorAsync(Admin, new(node, code, $"Indikator {code}", IndicatorKind.Output, false, "%", polarity, Polarity.Lower, null, mode, null, null), Ct);
            Assert.True(r.Succeeded, string.Join("; ", r.Errors.SelectMany(e => e.Value)));
            return r.Value!.Id;
        }

        var sasaran = await Node(dinkes, await Node(dinkes, null, PlanLevel.Tujuan, "T1"), PlanLevel.Sasaran, "S1");
        var sub = await Node(dinkes, await Node(dinkes, await Node(dinkes, sasaran, PlanLevel.Program, "1.02.02"), PlanLevel.Kegiatan, "1.02.02.2.02"), PlanLevel.SubKegiatan, "1.02.02.2.02.0001");
        var dlhSub = await Node(dlh, await Node(dlh, await Node(dlh, await Node(dlh, await Node(dlh, null, PlanLevel.Tujuan, "T1"), PlanLevel.Sasaran, "S1"), PlanLevel.Program, "2.11.02"), PlanLevel.Kegiatan, "2.11.02.2.01"), PlanLevel.SubKegiatan, "2.11.02.2.01.0001");
        return new Plan(start, period, dinkes, await Indicator(sasaran, "IKU-1", Polarity.Lower, QuarterMode.Cumulative), await Indicator(sub, "OUT-1", Polarity.Higher, QuarterMode.PerQuarter),
            await Indicator(sub, "R-1", Polarity.Range, QuarterMode.Cumulative), sub, await Indicator(dlhSub, "DLH-1", Polarity.Higher, QuarterMode.Cumulative));
    }

    private static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());

    private async Task<PlanImportResult> ImportAsync(PlanImportKind kind, int opdId, int year, byte[] file, FakeTimeProvider? time = null, bool late = false, string? reason = null, PlanAccess? access = null)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var reporting = ActivatorUtilities.CreateInstance<Reporting>(scope.ServiceProvider, (TimeProvider)(time ?? At(year, 1, 2)));
        var import = ActivatorUtilities.CreateInstance<PlanImport>(scope.ServiceProvider, reporting);
        using var stream = new MemoryStream(file);
        return await import.ImportAsync(access ?? Admin, new PlanImportRequest(kind, opdId, year, late, reason), stream, Ct);
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));

    private static byte[] Xlsx(string[] columns, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i < r.Length ? r[x.i] : null)).ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static void Ok(PlanImportResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row}/{e.Column}: {e.Message}")));

    private static void HasError(PlanImportResult result, int row, string column, string? fragment = null) =>
        Assert.True(result.Errors.Any(e => e.Row == row && e.Column == column && (fragment is null || e.Message.Contains(fragment, StringComparison.Ordinal))),
            $"No error at row {row}, column {column}{(fragment is null ? "" : $" saying '{fragment}'")}. Errors: " + string.Join("; ", result.Errors.Select(e => $"{e.Row}/{e.Column}: {e.Message}")));

    private Task<int> AuditCountAsync() => F.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));

    [Fact]
    public async Task Indicators_from_CSV_create_their_plan_elements_and_importing_the_same_file_again_changes_nothing()
    {
        const int year = 2601;
        var period = await PeriodAsync(year);
        var opd = await F.OpdIdAsync(Dinkes);
        var file = Csv($"""
            opd_code,level,element_code,element_name,parent_code,indicator_code,indicator_name,kind,iku,unit,polarity,range_direction,baseline,quarter_mode,formula,data_source
            {Dinkes},tujuan,T1,Meningkatkan derajat kesehatan masyarakat,,,,,,,,,,,,
            {Dinkes},sasaran,S1.1,Menurunnya angka stunting,T1,IKU-1,Prevalensi stunting balita,outcome,ya,%,range,lower,"21,4",cumulative,Balita stunting / balita diukur × 100,e-PPGBM
            {Dinkes},program,1.02.02,Program Pemenuhan Upaya Kesehatan,S1.1,,,,,,,,,,,
            {Dinkes},kegiatan,1.02.02.2.02,Penyediaan Layanan Kesehatan,1.02.02,,,,,,,,,,,
            {Dinkes},sub_kegiatan,1.02.02.2.02.0001,Pengelolaan Pelayanan Kesehatan Ibu Hamil,1.02.02.2.02,OUT-1,Ibu hamil mendapat pelayanan K6,output,tidak,orang,higher,,1150,per_quarter,,SIMPUS
            {Dinkes},sub_kegiatan,1.02.02.2.02.0001,Pengelolaan Pelayanan Kesehatan Ibu Hamil,1.02.02.2.02,OUT-2,Bayi diimunisasi lengkap,output,0,bayi,higher,,,,,
            """);

        var first = await ImportAsync(PlanImportKind.Indicators, opd, year, file);
        Ok(first);
        Assert.Equal((8, 0, 0), (first.Created, first.Updated, first.Unchanged)); // five elements, three indicators
        var nodes = await F.WithDbAsync(db => db.PlanNodes.AsNoTracking().Where(n => n.PeriodId == period).ToListAsync(Ct));
        Assert.Equal(5, nodes.Count);
        var sub = nodes.Single(n => n.Code == "1.02.02.2.02.0001");
        Assert.Equal(nodes.Single(n => n.Code == "1.02.02.2.02").Id, sub.ParentId);
        var stunting = await F.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "IKU-1" && i.PlanNode!.PeriodId == period, Ct));
        Assert.Equal((IndicatorKind.Outcome, true, Polarity.Range, Polarity.Lower, 21.4m, QuarterMode.Cumulative, "e-PPGBM"),
            (stunting.Kind, stunting.IsIku, stunting.Polarity, stunting.RangeDirection, stunting.Baseline, stunting.QuarterMode, stunting.DataSource));
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Indicator) && a.EntityId == stunting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));

        var audit = await AuditCountAsync();
        var again = await ImportAsync(PlanImportKind.Indicators, opd, year, file);
        Ok(again);
        Assert.Equal((0, 0, 8), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(audit, await AuditCountAsync());

        // One changed cell is one update.
        var edited = await ImportAsync(PlanImportKind.Indicators, opd, year, Csv(Encoding.UTF8.GetString(file).Replace("Bayi diimunisasi lengkap", "Bayi diimunisasi dasar lengkap", StringComparison.Ordinal)));
        Ok(edited);
        Assert.Equal((0, 1, 7), (edited.Created, edited.Updated, edited.Unchanged));
    }

    [Fact]
    public async Task Indicator_rows_with_bad_codes_values_or_duplicates_are_reported_by_row_and_column_and_nothing_is_written()
    {
        const int year = 2611;
        var period = await PeriodAsync(year);
        var opd = await F.OpdIdAsync(Dinkes);
        string[] columns = ["opd_code", "level", "element_code", "element_name", "parent_code", "indicator_code", "indicator_name", "kind", "iku", "unit", "polarity", "baseline"];
        var bad = Xlsx(columns,
            [Dinkes, "tujuan", "T1", "Tujuan", null, null, null, null, null, null, null, null],
            [Dinkes, "sasaran", "S1", "Sasaran", "T1", "IKU-1", "Stunting", "outcome", "ya", "%", "lower", "dua puluh"],
            [Dinkes, "program", "1.2.3", "Program salah kode", "S1", null, null, null, null, null, null, null],
            [Dinkes, "program", "1.02.02", "Program", "S1", null, null, null, null, null, null, null],
            [Dinkes, "kegiatan", "1.03.02.2.01", "Kegiatan induk lain", "1.02.02", null, null, null, null, null, null, null],
            [Dinkes, "sasaran", "S1", "Sasaran", "T1", "IKU-1", "Stunting lagi", "outcome", "ya", "%", "lower", "20"],
            [Dinkes, "sasaran", "S1", "Sasaran", "T1", "IKU-2", "Tanpa satuan", "impact", "mungkin", null, "sideways", null],
            [Dlh, "tujuan", "T2", "Tujuan OPD lain", null, null, null, null, null, null, null, null],
            [Dinkes, "bidang", "X1", "Tingkat asing", null, null, null, null, null, null, null, null],
            [Dinkes, "sasaran", "S2", "Sasaran di bawah program", "1.02.02", null, null, null, null, null, null, null],
            [Dinkes, "kegiatan", "1.02.02.2.02", "Induk belum ada", "1.02.99", null, null, null, null, null, null, null]);
        var audit = await AuditCountAsync();

        var result = await ImportAsync(PlanImportKind.Indicators, opd, year, bad);
        Assert.False(result.Succeeded);
        HasError(result, 3, "baseline", "bukan angka");
        HasError(result, 4, "element_code", "Permendagri 90/2019");
        HasError(result, 6, "element_code", "1.02.02");
        HasError(result, 7, "indicator_code", "baris 3");
        HasError(result, 8, "kind");
        HasError(result, 8, "iku");
        HasError(result, 8, "unit");
        HasError(result, 8, "polarity");
        HasError(result, 9, "opd_code");
        HasError(result, 10, "level");
        HasError(result, 11, "parent_code", "harus berada di bawah tujuan");
        HasError(result, 12, "parent_code", "tidak ada di rencana");
        Assert.Equal(0, await F.WithDbAsync(db => db.PlanNodes.CountAsync(n => n.PeriodId == period, Ct)));
        Assert.Equal(audit, await AuditCountAsync());

        // The same rows, corrected, go in whole.
        var good = Xlsx(columns,
            [Dinkes, "tujuan", "T1", "Tujuan", null, null, null, null, null, null, null, null],
            [Dinkes, "sasaran", "S1", "Sasaran", "T1", "IKU-1", "Stunting", "outcome", "ya", "%", "lower", 21.4],
            [Dinkes, "program", "1.02.02", "Program", "S1", null, null, null, null, null, null, null]);
        var done = await ImportAsync(PlanImportKind.Indicators, opd, year, good);
        Ok(done);
        Assert.Equal(4, done.Created);
        Assert.Equal(21.4m, await F.WithDbAsync(db => db.Indicators.Where(i => i.PlanNode!.PeriodId == period).Select(i => i.Baseline).SingleAsync(Ct)));
        Assert.Equal(0, (await ImportAsync(PlanImportKind.Indicators, opd, year, good)).Created);

        // An existing element cannot be moved or change level by import.
        var moved = await ImportAsync(PlanImportKind.Indicators, opd, year, Xlsx(columns,
            [Dinkes, "tujuan", "T9", "Tujuan lain", null, null, null, null, null, null, null, null],
            [Dinkes, "sasaran", "S1", "Sasaran", "T9", null, null, null, null, null, null, null]));
        HasError(moved, 3, "parent_code");
        Assert.Equal(3, await F.WithDbAsync(db => db.PlanNodes.CountAsync(n => n.PeriodId == period, Ct)));
    }

    [Fact]
    public async Task Targets_from_CSV_and_XLSX_are_upserted_and_bad_ones_store_nothing()
    {
        var plan = await PlanAsync(2621);
        var y = plan.Year;
        var file = Csv($"""
            opd_code,element_code,indicator_code,year,period,target,target_max
            {Dinkes},,IKU-1,{y},Y,8,
            {Dinkes},,OUT-1,{y},Q1,"80,5",
            {Dinkes},1.02.02.2.02.0001,R-1,{y},Q1,7,8
            """);
        // Another OPD's operator is refused before the file is read.
        HasError(await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, file, access: new PlanAccess(false, [await F.OpdIdAsync(Dlh)])), 0, "opd_code");
        Assert.False(await F.WithDbAsync(db => db.IndicatorTargets.AnyAsync(t => t.Indicator!.PlanNode!.PeriodId == plan.PeriodId, Ct)));
        var first = await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, file);
        Ok(first);
        Assert.Equal(3, first.Created);
        Assert.Equal(80.5m, await F.WithDbAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == plan.Visits).Select(t => t.Value).SingleAsync(Ct)));
        var audit = await AuditCountAsync();
        var again = await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, file);
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(audit, await AuditCountAsync());

        var xlsx = await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, Xlsx(["opd_code", "indicator_code", "year", "period", "target", "target_max"],
            [Dinkes, "OUT-1", y, "Q1", 81, null], [Dinkes, "OUT-1", y, "Q2", 90.25, null]));
        Ok(xlsx);
        HasError(await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, Xlsx(["opd_code", "indicator_code", "year", "period", "target"], [Dinkes, "OUT-1", y, "Q3", 100.0 / 3])),
            2, "target", "4 angka");
        Assert.Equal((1, 1), (xlsx.Created, xlsx.Updated));

        // A spreadsheet set to Indonesian saves CSV with semicolons and decimal commas.
        var semicolons = await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, Csv($"opd_code;indicator_code;year;period;target\n{Dinkes};OUT-1;{y};Q3;80,75\n"));
        Ok(semicolons);
        Assert.Equal(80.75m, await F.WithDbAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == plan.Visits && t.Period == ReportPeriod.Q3).Select(t => t.Value).SingleAsync(Ct)));

        var targets = await F.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.Indicator!.PlanNode!.PeriodId == plan.PeriodId, Ct));
        var bad = await ImportAsync(PlanImportKind.Targets, plan.OpdId, y, Csv($"""
            opd_code,indicator_code,year,period,target,target_max
            {Dinkes},OUT-1,{y},Q3,sembilan puluh,
            {Dinkes},R-1,{y},Q2,7,
            {Dinkes},OUT-1,{y},Q4,90,100
            {Dinkes},OUT-1,{y + 5},Y,300,
            {Dinkes},DLH-1,{y},Y,10,
            {Dinkes},IKU-1,{y},Q2,8,
            {Dinkes},IKU-1,{y},Q2,7,
            {Dinkes},IKU-1,{y},Q5,7,
            {Dinkes},TIDAK-ADA,{y},Q1,1,
            """));
        Assert.False(bad.Succeeded);
        HasError(bad, 2, "target", "bukan angka");
        HasError(bad, 3, "target_max");
        HasError(bad, 4, "target_max");
        HasError(bad, 5, "indicator_code");
        HasError(bad, 6, "indicator_code", "OPD lain");
        HasError(bad, 8, "indicator_code", "baris 7");
        HasError(bad, 9, "period");
        HasError(bad, 10, "indicator_code", "tidak ada");
        Assert.Equal(targets, await F.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.Indicator!.PlanNode!.PeriodId == plan.PeriodId, Ct)));
    }

    [Fact]
    public async Task Realisations_go_into_the_quarters_draft_as_the_report_page_stores_them_and_again_change_nothing()
    {
        var plan = await PlanAsync(2631);
        var y = plan.Year;
        var time = At(y, 4, 5);
        var file = Csv($"""
            opd_code,year,quarter,element_code,indicator_code,value,year_value,problems,actions,sub_kegiatan_code,spent
            {Dinkes},{y},1,,IKU-1,"6,5",,Data e-PPGBM terlambat,Validasi lapangan,,
            {Dinkes},{y},1,,OUT-1,92,,,,,
            {Dinkes},{y},1,,R-1,7.5,,,,,
            {Dinkes},{y},1,,,,,,,1.02.02.2.02.0001,Rp 250.000.000
            """);
        var first = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, file, time);
        Ok(first);
        Assert.Equal(4, first.Created);
        var report = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().Include(r => r.Realisations).Include(r => r.Budget).Include(r => r.Events)
            .SingleAsync(r => r.OpdId == plan.OpdId && r.Year == y && r.Quarter == 1, Ct));
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(new DateOnly(y, 4, 10), report.DueDate);
        Assert.Single(report.Events);
        Assert.Equal(6.5m, report.Realisations.Single(r => r.IndicatorId == plan.Stunting).Value);
        Assert.Equal("Data e-PPGBM terlambat", report.Realisations.Single(r => r.IndicatorId == plan.Stunting).Problems);
        Assert.Equal(250_000_000m, Assert.Single(report.Budget).Spent);

        var audit = await AuditCountAsync();
        var again = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, file, time);
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(audit, await AuditCountAsync());
        Assert.Equal(report.Version, await F.WithDbAsync(db => db.QuarterReports.Where(r => r.Id == report.Id).Select(r => r.Version).SingleAsync(Ct)));

        // The report page's save sees the import (the import moved the version on like a save does).
        await using (var scope = F.Services.CreateAsyncScope())
        {
            var reporting = ActivatorUtilities.CreateInstance<Reporting>(scope.ServiceProvider, (TimeProvider)time);
            var saved = await reporting.SaveAsync(new PlanAccess(false, [plan.OpdId]), report.Id, report.Version, [new(plan.Visits, "93", null, null, null)], [], Ct);
            Assert.True(saved.Succeeded);
        }

        var rows = await F.WithDbAsync(db => db.IndicatorRealisations.CountAsync(r => r.QuarterReportId == report.Id, Ct));
        var bad = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, Csv($"""
            opd_code,year,quarter,indicator_code,value,year_value,sub_kegiatan_code,spent
            {Dinkes},{y},1,DLH-1,5,,,
            {Dinkes},{y},1,OUT-1,sembilan puluh,,,
            {Dinkes},{y},1,IKU-1,7,,,
            {Dinkes},{y},1,IKU-1,7.1,,,
            {Dinkes},{y},1,R-1,7,8,,
            {Dinkes},{y},1,,,,2.11.02.2.01.0001,1000
            {Dinkes},{y},1,,,,1.02.02.2.02.0001,banyak
            {Dinkes},{y},7,R-1,7,,,
            """), time);
        Assert.False(bad.Succeeded);
        HasError(bad, 2, "indicator_code", "OPD lain");
        HasError(bad, 3, "value", "bukan angka");
        HasError(bad, 5, "indicator_code", "baris 4");
        HasError(bad, 6, "year_value");
        HasError(bad, 7, "sub_kegiatan_code", "OPD lain");
        HasError(bad, 8, "spent");
        HasError(bad, 9, "quarter");
        Assert.Equal(rows, await F.WithDbAsync(db => db.IndicatorRealisations.CountAsync(r => r.QuarterReportId == report.Id, Ct)));
        Assert.Equal(93m, await F.WithDbAsync(db => db.IndicatorRealisations.Where(r => r.QuarterReportId == report.Id && r.IndicatorId == plan.Visits).Select(r => r.Value).SingleAsync(Ct)));
    }

    [Fact]
    public async Task After_the_deadline_realisations_need_the_late_flag_and_a_reason_and_a_submitted_report_takes_none()
    {
        var plan = await PlanAsync(2641);
        var y = plan.Year;
        var file = Xlsx(["opd_code", "year", "quarter", "indicator_code", "value", "year_value"],
            [Dinkes, y, 4, "IKU-1", 7.2, null], [Dinkes, y, 4, "OUT-1", 85, 331]);
        var late = At(y + 1, 1, 11); // Q4 is due on 10 January
        var refused = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, file, late);
        HasError(refused, 2, "quarter", "terlambat");
        HasError(await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, file, late, late: true, reason: "lupa"), 0, "late_reason");
        Assert.False(await F.WithDbAsync(db => db.QuarterReports.AnyAsync(r => r.OpdId == plan.OpdId && r.Year == y, Ct)));

        var audit = await AuditCountAsync();
        var accepted = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, file, late, late: true, reason: "Server e-PPGBM tidak dapat diakses minggu lalu");
        Ok(accepted);
        Assert.Equal(2, accepted.Created);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Data.Audit.AuditAction.Bulk && a.Changes.Contains("Server e-PPGBM"), Ct)));
        Assert.True(await AuditCountAsync() > audit);
        var year = await F.WithDbAsync(db => db.IndicatorRealisations.AsNoTracking()
            .Where(r => r.Report!.OpdId == plan.OpdId && r.Report.Year == y && r.Period == ReportPeriod.Year).ToDictionaryAsync(r => r.IndicatorId, r => r.Value, Ct));
        Assert.Equal(7.2m, year[plan.Stunting]); // cumulative: the year is Q4
        Assert.Equal(331m, year[plan.Visits]); // per quarter: as given

        await F.WithDbAsync(db => db.QuarterReports.Where(r => r.OpdId == plan.OpdId && r.Year == y).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReportStatus.Submitted), Ct));
        var submitted = await ImportAsync(PlanImportKind.Realisations, plan.OpdId, y, Xlsx(["opd_code", "year", "quarter", "indicator_code", "value"], [Dinkes, y, 4, "OUT-1", 86]),
            late, late: true, reason: "Server e-PPGBM tidak dapat diakses minggu lalu");
        HasError(submitted, 2, "quarter", "dikirim");
    }

    [Fact]
    public async Task Unreadable_oversized_or_headerless_files_are_refused_with_a_message()
    {
        var opd = await F.OpdIdAsync(Dinkes);
        await PeriodAsync(2651);
        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]), 0, "", "XLSX");
        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, [0x25, 0x50, 0x44, 0x46, 0, 0, 1]), 0, "", "bukan CSV");
        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, Csv("kode,nama\n1,2\n")), 1, "opd_code, indicator_code, year, period, target");
        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, Csv("opd_code,indicator_code,year,period,target\n")), 0, "", "tidak berisi");
        var big = new byte[PlanImportFile.MaxBytes + 1];
        Array.Fill(big, (byte)'a');
        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, big), 0, "", "5 MB");
        var rows = new StringBuilder("opd_code,indicator_code,year,period,target\n");
        for (var i = 0; i <= PlanImportFile.MaxRows; i++)
        {
            rows.Append(Dinkes).Append(",X,2651,Q1,1\n");
        }

        HasError(await ImportAsync(PlanImportKind.Targets, opd, 2651, Csv(rows.ToString())), 0, "", $"{PlanImportFile.MaxRows}");
    }

    [Fact]
    public async Task Over_HTTP_an_operator_imports_for_their_own_OPD_only_downloads_templates_and_gets_a_4xx_page_for_a_broken_file()
    {
        const int year = 2661;
        var period = await PeriodAsync(year);
        var dinkes = await F.OpdIdAsync(Dinkes);
        var own = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dlh));
        var url = $"/admin/kinerja/impor?opd={dinkes}&tahun={year}";
        var file = Encoding.UTF8.GetBytes($"opd_code,level,element_code,element_name,parent_code,indicator_code\n{Dinkes},tujuan,T1,Tujuan dari impor,,\n");

        async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string name)
        {
            // The token comes from the user's own upload form (another OPD's page has none).
            var token = IntegritasFactory.AntiforgeryToken(await client.GetStringAsync("/admin/kinerja/impor", Ct));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(dinkes.ToString(System.Globalization.CultureInfo.InvariantCulture)), "opd" },
                { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "tahun" },
                { new StringContent(nameof(PlanImportKind.Indicators)), "jenis" },
                { new ByteArrayContent(bytes), "Upload", name },
            };
            return await client.PostAsync("/admin/kinerja/impor", form, Ct);
        }

        var refused = await PostAsync(other, file, "rencana.csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("OPD Anda sendiri", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await F.WithDbAsync(db => db.PlanNodes.CountAsync(n => n.PeriodId == period, Ct)));

        var broken = await PostAsync(own, [0x50, 0x4B, 0x03, 0x04, 9, 9, 9], "rencana.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("tidak dapat dibaca", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var big = new byte[PlanImportFile.MaxBytes + 1024];
        Array.Fill(big, (byte)'a');
        var tooBig = await PostAsync(own, big, "rencana.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        Assert.Contains("Berkas lebih dari 5 MB", await tooBig.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var huge = new byte[3 * PlanImportFile.MaxBytes];
        var hugeResponse = await PostAsync(own, huge, "rencana.csv"); // beyond the request limit: refused before the page runs
        Assert.InRange((int)hugeResponse.StatusCode, 400, 499);

        var done = await PostAsync(own, file, "rencana.csv");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("1 baru, 0 diperbarui", await done.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Tujuan dari impor", await F.WithDbAsync(db => db.PlanNodes.Where(n => n.PeriodId == period).Select(n => n.Name).SingleAsync(Ct)));

        // Templates and the current data, in both formats; the export imports again unchanged.
        var template = await own.GetStringAsync($"{url}&jenis=Targets&handler=Template&format=csv", Ct);
        Assert.StartsWith("opd_code,element_code,indicator_code,year,period,target,target_max", template.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var workbook = await own.GetByteArrayAsync($"{url}&jenis=Realisations&handler=Template&format=xlsx", Ct);
        using (var stream = new MemoryStream(workbook))
        {
            Assert.Equal(PlanImportFile.Columns[PlanImportKind.Realisations], MiniExcel.GetColumns(stream, useHeaderRow: true).ToArray());
        }

        var export = await own.GetByteArrayAsync($"{url}&jenis=Indicators&handler=Export&format=xlsx", Ct);
        var reimport = await PostAsync(own, export, "ekspor.xlsx");
        Assert.Contains("0 baru, 0 diperbarui, 1 tidak berubah", await reimport.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{url}&jenis=Indicators&handler=Export&format=csv", Ct)).StatusCode);
        Assert.Contains("/admin/kinerja/impor", await own.GetStringAsync("/admin/kinerja", Ct), StringComparison.Ordinal);
        Assert.Contains("Import performance data", await own.GetStringAsync($"{url}&culture=en-US&ui-culture=en-US", Ct), StringComparison.Ordinal);
    }
}

public sealed class SqlitePlanImportTests(SqliteFactory factory) : PlanImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPlanImportTests(PostgresFactory factory) : PlanImportTests(factory), IClassFixture<PostgresFactory>;
