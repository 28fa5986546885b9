using Integritas.Core.Performance;
using Integritas.Core.Sla;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Demo performance data (issue 5 item 10): a five-year plan period ending this year for every OPD of the home
/// regency, with yearly and quarterly targets, budget ceilings, and quarterly reports for every quarter already due,
/// published with their files in the transparency log. Dinas Kesehatan and Dinas Pertanian have full plans (stunting,
/// maternal health; fertiliser handed out and the yield of the farmers who got it); the others a standard one. The
/// spread is realistic and fixed (seeded): some OPDs under-achieve, some reports went in late, outcome indicators lag
/// their outputs, the last due quarter still has missing and unverified reports, and this quarter is a draft.
/// </summary>
public static partial class PerformanceDemo
{
    public const string Dinkes = "1.02.0.00.0.00.01.0000";
    public const string Distan = "3.27.0.00.0.00.01.0000";

    private sealed record IndicatorPlan(string Code, string Name, IndicatorKind Kind, bool Iku, string Unit, Polarity Polarity, QuarterMode Mode,
        decimal Baseline, decimal FirstYear, decimal LastYear, decimal? RangeMax = null, bool QuarterTargets = true, string? Formula = null, string? Source = null,
        decimal Lag = 1m);

    private sealed record NodePlan(PlanLevel Level, string Code, string Name, IndicatorPlan[] Indicators, NodePlan[] Children, decimal Pagu = 0);

    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        var options = services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var regency = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct);
        if (regency is null || !options.SeedDemoPerformance || await db.PlanPeriods.AnyAsync(ct))
        {
            return 0;
        }

        var now = time.GetUtcNow().ToUniversalTime();
        var today = HolidayCalendar.WibDate(now.UtcDateTime);
        var lastYear = today.Year;
        var period = new PlanPeriod { Name = $"Renstra {lastYear - 4}–{lastYear}", StartYear = lastYear - 4, EndYear = lastYear };
        db.PlanPeriods.Add(period);
        await db.SaveChangesAsync(ct);

        var opds = await db.Opds.AsNoTracking().Where(o => o.RegionId == regency.Id && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct);
        var random = new Random(2026);
        var count = 0;
        foreach (var opd in opds)
        {
            var plan = opd.Code switch
            {
                Dinkes => HealthPlan(),
                Distan => AgriculturePlan(),
                _ => StandardPlan(opd),
            };

            // How well this OPD does (capaian around this share of its targets), and how punctual it is.
            var skill = opd.Code switch { Dinkes => 0.97, Distan => 1.0, _ => 0.78 + random.NextDouble() * 0.3 };
            var lateness = random.NextDouble() * 0.35;
            var (indicators, subs) = await PlanAsync(db, period, opd, plan, ct);
            count += await ReportsAsync(services, db, opd, period, indicators, subs, skill, lateness, random, today, options, ct);
        }

        // Every published report's file goes into the transparency log, in one batch.
        var reporting = services.GetRequiredService<Reporting>();
        while (await reporting.RecordPendingAsync(ct) > 0)
        {
        }

        // This year's Perjanjian Kinerja of every OPD, prepared and waiting for the heads' signatures: signing needs
        // the heads' own accounts and passphrases, which a demo cannot have.
        var agreements = services.GetRequiredService<Agreements>();
        var demoAccess = new PlanAccess(IsAdmin: true, []);
        foreach (var opd in opds)
        {
            await agreements.GenerateAsync(demoAccess, opd.Id, lastYear, "demo", ct);
        }
        await LkeDemo.LoadAsync(db, opds, lastYear, now, ct);

        return count;
    }

    /// <summary>Writes an OPD's plan tree with its yearly and quarterly targets and ceilings for every year of the period.</summary>
    private static async Task<(List<(Indicator Indicator, IndicatorPlan Plan)> Indicators, List<(PlanNode Node, decimal Pagu)> Subs)> PlanAsync(
        IntegritasDbContext db, PlanPeriod period, Opd opd, NodePlan plan, CancellationToken ct)
    {
        var indicators = new List<(Indicator Indicator, IndicatorPlan Plan)>();
        var subs = new List<(PlanNode Node, decimal Pagu)>();
        var order = 0;
        void Add(NodePlan n, PlanNode? parent)
        {
            var node = new PlanNode { PeriodId = period.Id, OpdId = opd.Id, Parent = parent, Level = n.Level, Code = n.Code, Name = n.Name, SortOrder = order++ };
            db.PlanNodes.Add(node);
            foreach (var (ip, i) in n.Indicators.Select((x, i) => (x, i)))
            {
                var indicator = new Indicator
                {
                    PlanNode = node,
                    Code = ip.Code,
                    Name = ip.Name,
                    Kind = ip.Kind,
                    IsIku = ip.Iku,
                    Unit = ip.Unit,
                    Polarity = ip.RangeMax is null ? ip.Polarity : Polarity.Range,
                    RangeDirection = ip.RangeMax is null ? Polarity.Higher : ip.Polarity,
                    Baseline = ip.Baseline,
                    QuarterMode = ip.Mode,
                    Formula = ip.Formula,
                    DataSource = ip.Source,
                    SortOrder = i,
                };
                db.Indicators.Add(indicator);
                indicators.Add((indicator, ip));
            }

            if (n.Level == PlanLevel.SubKegiatan)
            {
                subs.Add((node, n.Pagu));
            }

            foreach (var child in n.Children)
            {
                Add(child, node);
            }
        }

        Add(plan, null);
        await db.SaveChangesAsync(ct);

        for (var year = period.StartYear; year <= period.EndYear; year++)
        {
            var step = (year - period.StartYear) / 4m;
            foreach (var (indicator, ip) in indicators)
            {
                var yearly = Math.Round(ip.FirstYear + (ip.LastYear - ip.FirstYear) * step, 2);
                db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = indicator.Id, Year = year, Period = ReportPeriod.Year, Value = yearly, Max = ip.RangeMax });
                if (!ip.QuarterTargets)
                {
                    continue;
                }

                for (var q = 1; q <= 4; q++)
                {
                    db.IndicatorTargets.Add(new IndicatorTarget
                    {
                        IndicatorId = indicator.Id,
                        Year = year,
                        Period = (ReportPeriod)q,
                        Value = QuarterTarget(ip, yearly, q),
                        Max = ip.RangeMax,
                    });
                }
            }

            foreach (var (node, pagu) in subs)
            {
                db.BudgetCeilings.Add(new BudgetCeiling { PlanNodeId = node.Id, Year = year, Pagu = Thousands(pagu * (1 + 0.05m * (year - period.StartYear))) });
            }
        }

        await db.SaveChangesAsync(ct);
        return (indicators, subs);
    }

    private static decimal Thousands(decimal rupiah) => Math.Round(rupiah / 1000) * 1000;

    private static decimal QuarterTarget(IndicatorPlan ip, decimal yearly, int q) => ip.Mode == QuarterMode.PerQuarter
        ? Math.Round(yearly / 4, 2)
        : ip.Polarity == Polarity.Lower || ip.RangeMax is not null || ip.Unit is "%" or "indeks" or "kuintal/ha"
            ? yearly // a rate or an index: the year's level applies in every quarter
            : Math.Round(yearly * q switch { 1 => 0.2m, 2 => 0.45m, 3 => 0.7m, _ => 1m }, 2);

    /// <summary>Realised value for a target, achieving about <paramref name="share"/> of it in the indicator's direction.</summary>
    private static decimal Realise(IndicatorPlan ip, decimal target, double share, Random random)
    {
        var noisy = (decimal)(share * (0.93 + random.NextDouble() * 0.12));
        if (ip.RangeMax is { } max)
        {
            // Mostly inside the range; a weak OPD slips outside it.
            var mid = (target + max) / 2;
            return Math.Round(noisy >= 0.95m ? mid + (max - target) * (decimal)(random.NextDouble() - 0.5) : (ip.Polarity == Polarity.Lower ? max * (2 - noisy) : target * noisy), 2);
        }

        return Math.Round(ip.Polarity == Polarity.Lower ? target * (2 - noisy) : target * noisy, 2);
    }

    private static async Task<int> ReportsAsync(IServiceProvider services, IntegritasDbContext db, Opd opd, PlanPeriod period,
        List<(Indicator Indicator, IndicatorPlan Plan)> indicators, List<(PlanNode Node, decimal Pagu)> subs, double skill, double lateness,
        Random random, DateOnly today, PerformanceOptions options, CancellationToken ct)
    {
        var count = 0;
        var indicatorIds = indicators.Select(i => i.Indicator.Id).ToList();
        var subIds = subs.Select(s => s.Node.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => indicatorIds.Contains(t.IndicatorId))
            .ToDictionaryAsync(t => (t.IndicatorId, t.Year, t.Period), ct);
        var pagu = await db.BudgetCeilings.AsNoTracking().Where(b => subIds.Contains(b.PlanNodeId))
            .ToDictionaryAsync(b => (b.PlanNodeId, b.Year), b => b.Pagu, ct);
        var lastDue = Enumerable.Range(period.StartYear, period.EndYear - period.StartYear + 1)
            .SelectMany(y => Enumerable.Range(1, 4).Select(q => (Year: y, Quarter: q)))
            .LastOrDefault(x => options.DueDate(x.Year, x.Quarter) < today);
        for (var year = period.StartYear; year <= period.EndYear; year++)
        {
            var published = new List<QuarterReport>();
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var due = options.DueDate(year, quarter);
                var quarterEnd = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
                var isLastDue = (year, quarter) == lastDue;
                var isCurrent = quarterEnd >= today && quarterEnd.AddMonths(-3) < today;
                if (due >= today && !isCurrent)
                {
                    continue; // not started
                }

                // The last due quarter: a few OPDs have not reported at all, a few wait for verification.
                var fate = random.NextDouble();
                if (isLastDue && fate < 0.08)
                {
                    continue;
                }

                var late = !isCurrent && random.NextDouble() < lateness;
                var submittedOn = late ? due.AddDays(random.Next(1, 21)) : due.AddDays(-random.Next(0, 9));
                var report = new QuarterReport
                {
                    OpdId = opd.Id,
                    Year = year,
                    Quarter = quarter,
                    DueDate = due,
                    Status = isCurrent ? ReportStatus.Draft : isLastDue && fate < 0.2 ? ReportStatus.Submitted : ReportStatus.Published,
                };
                var share = skill * (year == period.StartYear ? 0.95 : 1) * (quarter == 1 ? 0.97 : 1);
                foreach (var (indicator, ip) in indicators)
                {
                    if (isCurrent && random.NextDouble() < 0.5)
                    {
                        continue; // the draft is half filled in
                    }

                    // Outcomes lag their outputs (the seed: fertiliser goes out on time, yields rise later).
                    var achieved = share * (double)ip.Lag;
                    var weak = achieved < 0.85;
                    void Put(ReportPeriod p, decimal value) => report.Realisations.Add(new IndicatorRealisation
                    {
                        IndicatorId = indicator.Id,
                        Period = p,
                        Value = value,
                        Problems = weak && p != ReportPeriod.Year ? "Realisasi di bawah target: keterbatasan anggaran dan tenaga lapangan." : null,
                        Actions = weak && p != ReportPeriod.Year ? "Percepatan kegiatan di triwulan berikutnya dan koordinasi dengan kecamatan." : null,
                    });

                    var quarterTarget = targets.GetValueOrDefault((indicator.Id, year, (ReportPeriod)quarter));
                    var yearTarget = targets.GetValueOrDefault((indicator.Id, year, ReportPeriod.Year));
                    if (quarter == 4 && ip.Mode == QuarterMode.Cumulative && yearTarget is not null)
                    {
                        // A cumulative indicator's fourth quarter is its year (as the form stores it).
                        var value = Realise(ip, yearTarget.Value, achieved, random);
                        Put(ReportPeriod.Q4, value);
                        Put(ReportPeriod.Year, value);
                        continue;
                    }

                    if (quarterTarget is not null)
                    {
                        Put((ReportPeriod)quarter, Realise(ip, quarterTarget.Value, achieved, random));
                    }

                    if (quarter == 4 && yearTarget is not null)
                    {
                        Put(ReportPeriod.Year, Realise(ip, yearTarget.Value, achieved, random));
                    }
                }

                foreach (var (node, _) in subs)
                {
                    var ceiling = pagu.GetValueOrDefault((node.Id, year));
                    var absorbed = quarter switch { 1 => 0.14, 2 => 0.38, 3 => 0.63, _ => 0.9 } * (0.85 + random.NextDouble() * 0.2);
                    report.Budget.Add(new BudgetRealisation { PlanNodeId = node.Id, Spent = Thousands(ceiling * (decimal)Math.Min(absorbed, 1)) });
                }

                var opened = new DateTimeOffset(quarterEnd.AddDays(1).ToDateTime(new TimeOnly(9, 0)), Wib.Offset).ToUniversalTime();
                report.Events.Add(new QuarterReportEvent { AtUtc = opened, Status = ReportStatus.Draft, Actor = "operator.demo" });
                if (report.Status != ReportStatus.Draft)
                {
                    var sent = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(14, 30)), Wib.Offset).ToUniversalTime();
                    report.SubmittedAtUtc = sent;
                    report.SubmittedBy = "operator.demo";
                    report.IsLate = late;
                    report.LateReason = late ? "Data dari UPT/puskesmas terlambat masuk; sudah dikonsolidasikan." : null;
                    report.Events.Add(new QuarterReportEvent { AtUtc = sent, Status = ReportStatus.Submitted, Actor = "operator.demo", Comment = report.LateReason });
                    if (report.Status == ReportStatus.Published)
                    {
                        report.VerifiedAtUtc = sent.AddDays(2);
                        report.VerifiedBy = "verifikator.demo";
                        report.PublishedAtUtc = sent.AddDays(3);
                        report.Events.Add(new QuarterReportEvent { AtUtc = sent.AddDays(2), Status = ReportStatus.Verified, Actor = "verifikator.demo" });
                        report.Events.Add(new QuarterReportEvent { AtUtc = sent.AddDays(3), Status = ReportStatus.Published, Actor = "verifikator.demo" });
                        published.Add(report);
                    }
                }

                report.Version = report.Events.Count - 1;
                db.QuarterReports.Add(report);
                count++;
            }

            await db.SaveChangesAsync(ct);
            if (published.Count > 0)
            {
                // The published figures and files, computed as publication computes them.
                var scorecard = await services.GetRequiredService<Scorecards>().ForAsync(opd, year, publishedOnly: false, ct);
                var rows = await services.GetRequiredService<IndicatorData>().RowsAsync(year, opd.Id, ct, publishedOnly: false);
                foreach (var report in published)
                {
                    await Reporting.ApplyPublicationAsync(report, scorecard, rows, ct);
                }

                await db.SaveChangesAsync(ct);
            }

            db.ChangeTracker.Clear();
        }

        return count;
    }

    private static NodePlan StandardPlan(Opd opd)
    {
        var parts = opd.Code.Split('.');
        var ub = $"{parts[0]}.{parts[1]}";
        var name = opd.ShortName ?? opd.Name;
        return new NodePlan(PlanLevel.Tujuan, "T1", $"Meningkatnya kualitas layanan dan akuntabilitas {opd.Name}", [],
        [
            new NodePlan(PlanLevel.Sasaran, "S1", $"Meningkatnya kepuasan masyarakat terhadap layanan {name}",
                [new IndicatorPlan("IKU-1", $"Indeks kepuasan masyarakat terhadap layanan {name}", IndicatorKind.Outcome, true, "indeks", Polarity.Higher,
                    QuarterMode.Cumulative, 76, 78, 86, QuarterTargets: false, Formula: "Survei kepuasan masyarakat (PermenPAN-RB 14/2017)", Source: "Survei IKM", Lag: 0.97m)],
            [
                new NodePlan(PlanLevel.Program, $"{ub}.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                    [new IndicatorPlan("OC-1", "Nilai evaluasi SAKIP perangkat daerah", IndicatorKind.Outcome, true, "nilai", Polarity.Higher,
                        QuarterMode.Cumulative, 62, 65, 75, QuarterTargets: false, Source: "LHE Inspektorat", Lag: 0.96m)],
                [
                    new NodePlan(PlanLevel.Kegiatan, $"{ub}.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [],
                    [
                        new NodePlan(PlanLevel.SubKegiatan, $"{ub}.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                            [new IndicatorPlan("OUT-1", "Dokumen perencanaan yang disusun", IndicatorKind.Output, false, "dokumen", Polarity.Higher,
                                QuarterMode.Cumulative, 4, 5, 5)], [], 150_000_000),
                        new NodePlan(PlanLevel.SubKegiatan, $"{ub}.01.2.01.0007", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                            [new IndicatorPlan("OUT-2", "Laporan kinerja yang disusun tepat waktu", IndicatorKind.Output, false, "laporan", Polarity.Higher,
                                QuarterMode.PerQuarter, 4, 4, 4)], [], 90_000_000),
                    ]),
                    new NodePlan(PlanLevel.Kegiatan, $"{ub}.01.2.02", "Administrasi Keuangan Perangkat Daerah", [],
                    [
                        new NodePlan(PlanLevel.SubKegiatan, $"{ub}.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
                            [new IndicatorPlan("OUT-3", "Bulan gaji dan tunjangan ASN yang dibayarkan", IndicatorKind.Output, false, "bulan", Polarity.Higher,
                                QuarterMode.Cumulative, 12, 12, 12)], [], 6_500_000_000),
                    ]),
                ]),
            ]),
        ]);
    }

    private static NodePlan HealthPlan() =>
        new(PlanLevel.Tujuan, "T1", "Meningkatnya derajat kesehatan masyarakat", [],
        [
            new NodePlan(PlanLevel.Sasaran, "S1", "Menurunnya prevalensi stunting dan kematian ibu",
            [
                new IndicatorPlan("IKU-1", "Prevalensi stunting pada balita", IndicatorKind.Outcome, true, "%", Polarity.Lower, QuarterMode.Cumulative,
                    24.1m, 22m, 14m, Formula: "Balita stunting ÷ balita yang diukur × 100", Source: "e-PPGBM", Lag: 0.9m),
                new IndicatorPlan("IKU-2", "Angka kematian ibu per 100.000 kelahiran hidup", IndicatorKind.Outcome, true, "per 100.000 KH", Polarity.Lower,
                    QuarterMode.Cumulative, 118m, 110m, 90m, QuarterTargets: false, Formula: "Kematian ibu ÷ kelahiran hidup × 100.000", Source: "Laporan KIA puskesmas", Lag: 0.93m),
            ],
            [
                new NodePlan(PlanLevel.Program, "1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
                [
                    new IndicatorPlan("OC-1", "Tingkat hunian tempat tidur (BOR) puskesmas rawat inap", IndicatorKind.Outcome, false, "%", Polarity.Higher,
                        QuarterMode.Cumulative, 58m, 60m, 60m, RangeMax: 80m, Formula: "Hari rawat ÷ (tempat tidur × hari) × 100", Source: "SIMPUS"),
                ],
                [
                    new NodePlan(PlanLevel.Kegiatan, "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", [],
                    [
                        new NodePlan(PlanLevel.SubKegiatan, "1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                            [new IndicatorPlan("OUT-1", "Ibu hamil yang mendapat pelayanan K6", IndicatorKind.Output, false, "orang", Polarity.Higher,
                                QuarterMode.PerQuarter, 15200m, 15600m, 16400m, Source: "Kohort ibu puskesmas")], [], 2_150_000_000),
                        new NodePlan(PlanLevel.SubKegiatan, "1.02.02.2.02.0003", "Pengelolaan Pelayanan Kesehatan Balita",
                            [new IndicatorPlan("OUT-2", "Balita yang ditimbang dan diukur tinggi badannya", IndicatorKind.Output, false, "%", Polarity.Higher,
                                QuarterMode.Cumulative, 78m, 82m, 95m, Source: "e-PPGBM")], [], 1_480_000_000),
                        new NodePlan(PlanLevel.SubKegiatan, "1.02.02.2.02.0033", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                            [new IndicatorPlan("OUT-3", "Balita gizi kurang yang mendapat makanan tambahan", IndicatorKind.Output, false, "balita", Polarity.Higher,
                                QuarterMode.Cumulative, 2100m, 2400m, 3200m, Source: "Laporan gizi puskesmas")], [], 3_250_000_000),
                    ]),
                ]),
            ]),
        ]);

    private static NodePlan AgriculturePlan() =>
        new(PlanLevel.Tujuan, "T1", "Meningkatnya produksi dan kesejahteraan petani", [],
        [
            new NodePlan(PlanLevel.Sasaran, "S1", "Meningkatnya produktivitas tanaman pangan",
            [
                new IndicatorPlan("IKU-1", "Produktivitas padi", IndicatorKind.Outcome, true, "kuintal/ha", Polarity.Higher, QuarterMode.Cumulative,
                    52.4m, 53m, 57m, QuarterTargets: false, Formula: "Produksi gabah kering giling ÷ luas panen", Source: "BPS / Statistik Pertanian", Lag: 0.95m),
                new IndicatorPlan("IKU-2", "Kenaikan hasil panen petani penerima pupuk bersubsidi", IndicatorKind.Outcome, true, "%", Polarity.Higher, QuarterMode.Cumulative,
                    0m, 5m, 12m, QuarterTargets: false, Formula: "(Hasil panen musim ini − musim sebelumnya) ÷ musim sebelumnya × 100, petani penerima", Source: "Survei ubinan penyuluh", Lag: 0.7m),
            ],
            [
                new NodePlan(PlanLevel.Program, "3.27.03", "Program Penyediaan dan Pengembangan Sarana Pertanian",
                [
                    new IndicatorPlan("OC-1", "Petani yang menerima pupuk sesuai RDKK", IndicatorKind.Outcome, false, "%", Polarity.Higher, QuarterMode.Cumulative,
                        81m, 85m, 95m, Source: "e-RDKK", Lag: 0.98m),
                ],
                [
                    new NodePlan(PlanLevel.Kegiatan, "3.27.03.2.01", "Pengawasan Penggunaan Sarana Pendukung Pertanian", [],
                    [
                        new NodePlan(PlanLevel.SubKegiatan, "3.27.03.2.01.0001", "Pengawasan Penyediaan dan Penyaluran Pupuk",
                            [new IndicatorPlan("OUT-1", "Pupuk bersubsidi yang tersalur ke petani", IndicatorKind.Output, false, "ton", Polarity.Higher,
                                QuarterMode.Cumulative, 21500m, 22000m, 26000m, Source: "Laporan kios pupuk lengkap")], [], 850_000_000),
                    ]),
                    new NodePlan(PlanLevel.Kegiatan, "3.27.03.2.02", "Pengelolaan Sumber Daya Genetik Tanaman dan Hewan", [],
                    [
                        new NodePlan(PlanLevel.SubKegiatan, "3.27.03.2.02.0001", "Penyediaan Benih Unggul Tanaman Pangan",
                            [new IndicatorPlan("OUT-2", "Benih padi unggul yang dibagikan", IndicatorKind.Output, false, "ton", Polarity.Higher,
                                QuarterMode.Cumulative, 180m, 200m, 300m, Source: "Berita acara serah terima")], [], 1_200_000_000),
                    ]),
                ]),
            ]),
        ]);
}
