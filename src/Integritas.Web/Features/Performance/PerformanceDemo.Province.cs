using Integritas.Core.Performance;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

public static partial class PerformanceDemo
{
    /// <summary>Indicators in a province-scale OPD plan (issue 5: about 60,000 for the 1,200 OPD of <c>seed --scale 30</c>).</summary>
    public const int ProvinceIndicatorsPerOpd = 50;

    /// <summary>
    /// Province-scale performance data for <c>seed --scale N</c>: every OPD of the loaded regencies other than the home
    /// regency (whose richer demo <see cref="LoadAsync"/> writes) gets a plan of <see cref="ProvinceIndicatorsPerOpd"/>
    /// indicators in the same plan period, its targets and ceilings, and its quarterly reports with the published
    /// figures and files computed as publication computes them. OPDs that already have a plan are left alone, so a larger
    /// scale seeded on top adds only the new regencies. The reports are not appended to the transparency log here (a
    /// million appends would dominate the seed): their LedgerIndex stays null and the pending-report retry appends them
    /// in batches of 500 in the background. Agreements and LKE worksheets are the home regency's demo only.
    /// Returns the number of quarterly reports written.
    /// </summary>
    public static async Task<int> LoadProvinceAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        var options = services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        var today = HolidayCalendar.WibDate(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var period = await Scorecards.PeriodForAsync(db, today.Year, ct);
        if (period is null || !options.SeedDemoPerformance)
        {
            return 0;
        }

        var opds = await db.Opds.AsNoTracking()
            .Where(o => o.IsActive && o.Region!.Code != DemoRegencyGenerator.HomeRegencyCode && !db.PlanNodes.Any(n => n.OpdId == o.Id))
            .OrderBy(o => o.RegionId).ThenBy(o => o.Code).ToListAsync(ct);
        var count = 0;
        var done = 0;
        foreach (var opd in opds)
        {
            // Seeded by the OPD so each one's spread is fixed whichever regencies were loaded before it.
            var random = new Random(opd.Id);
            var skill = 0.78 + random.NextDouble() * 0.3;
            var lateness = random.NextDouble() * 0.35;
            var (indicators, subs) = await PlanAsync(db, period, opd, ProvincePlan(opd), ct);
            count += await ReportsAsync(services, db, opd, period, indicators, subs, skill, lateness, random, today, options, ct);
            if (++done % 100 == 0)
            {
                progress?.Report($"{done} of {opds.Count} OPD, {count} quarterly reports");
            }
        }

        return count;
    }

    /// <summary>
    /// A generic OPD plan of <see cref="ProvinceIndicatorsPerOpd"/> indicators: two tujuan indicators, two sasaran with
    /// three IKU each, two programmes per sasaran, two kegiatan per programme and three sub kegiatan per kegiatan with
    /// output indicators, mixing cumulative and per-quarter, higher- and lower-is-better and range indicators.
    /// </summary>
    private static NodePlan ProvincePlan(Opd opd)
    {
        var parts = opd.Code.Split('.');
        var ub = $"{parts[0]}.{parts[1]}";
        var name = opd.ShortName ?? opd.Name;
        var outputs = ProvinceIndicatorsPerOpd - 2 - 2 * 3 - 4 * 2 - 8;
        var output = 0;
        var sasaran = Enumerable.Range(1, 2).Select(s => new NodePlan(PlanLevel.Sasaran, $"S{s}", $"Sasaran strategis {s} {name}",
            [.. Enumerable.Range(1, 3).Select(i => i switch
            {
                1 => new IndicatorPlan($"IKU-{s}.{i}", $"Indeks kepuasan layanan {s}.{i} {name}", IndicatorKind.Outcome, true, "indeks", Polarity.Higher,
                    QuarterMode.Cumulative, 74, 76, 85, QuarterTargets: false, Source: "Survei IKM", Lag: 0.97m),
                2 => new IndicatorPlan($"IKU-{s}.{i}", $"Persentase masalah layanan {s}.{i} yang belum tertangani", IndicatorKind.Outcome, true, "%", Polarity.Lower,
                    QuarterMode.Cumulative, 18, 16, 8, Lag: 0.95m),
                _ => new IndicatorPlan($"IKU-{s}.{i}", $"Cakupan layanan {s}.{i} {name}", IndicatorKind.Outcome, true, "%", Polarity.Higher,
                    QuarterMode.Cumulative, 70, 72, 90, Lag: 0.96m),
            })],
            [.. Enumerable.Range(1, 2).Select(p =>
            {
                var programme = $"{ub}.{s * 2 + p - 2:00}";
                return new NodePlan(PlanLevel.Program, programme, $"Program {s}.{p} {name}",
                    [
                        new IndicatorPlan("OC-1", $"Capaian standar pelayanan minimal program {s}.{p}", IndicatorKind.Outcome, false, "%", Polarity.Higher,
                            QuarterMode.Cumulative, 80, 82, 95, Lag: 0.98m),
                        new IndicatorPlan("OC-2", $"Tingkat pemanfaatan sarana program {s}.{p}", IndicatorKind.Outcome, false, "%", Polarity.Higher,
                            QuarterMode.Cumulative, 60, 60, 60, RangeMax: 85),
                    ],
                    [.. Enumerable.Range(1, 2).Select(k =>
                    {
                        var kegiatan = $"{programme}.2.{k:00}";
                        return new NodePlan(PlanLevel.Kegiatan, kegiatan, $"Kegiatan {s}.{p}.{k} {name}",
                            [new IndicatorPlan("OUT-K", $"Dokumen kegiatan {s}.{p}.{k} yang diselesaikan", IndicatorKind.Output, false, "dokumen", Polarity.Higher,
                                QuarterMode.Cumulative, 4, 4, 6)],
                            [.. Enumerable.Range(1, 3).Select(u =>
                            {
                                var count = output++ < outputs - 24 ? 2 : 1;
                                return new NodePlan(PlanLevel.SubKegiatan, $"{kegiatan}.{u:0000}", $"Sub kegiatan {s}.{p}.{k}.{u} {name}",
                                    [.. Enumerable.Range(1, count).Select(o => o == 1
                                        ? new IndicatorPlan($"OUT-{o}", $"Layanan {s}.{p}.{k}.{u} yang diberikan", IndicatorKind.Output, false, "layanan", Polarity.Higher,
                                            QuarterMode.PerQuarter, 1000, 1100, 1500)
                                        : new IndicatorPlan($"OUT-{o}", $"Sarana {s}.{p}.{k}.{u} yang dibangun", IndicatorKind.Output, false, "unit", Polarity.Higher,
                                            QuarterMode.Cumulative, 20, 24, 40))],
                                    [], 250_000_000 + 50_000_000 * u);
                            })]);
                    })]);
            })])).ToArray();
        return new NodePlan(PlanLevel.Tujuan, "T1", $"Meningkatnya kinerja {opd.Name}",
            [
                new IndicatorPlan("IKT-1", $"Indeks reformasi birokrasi {name}", IndicatorKind.Outcome, false, "indeks", Polarity.Higher,
                    QuarterMode.Cumulative, 60, 62, 75, QuarterTargets: false, Lag: 0.96m),
                new IndicatorPlan("IKT-2", $"Nilai SAKIP {name}", IndicatorKind.Outcome, false, "nilai", Polarity.Higher,
                    QuarterMode.Cumulative, 62, 65, 75, QuarterTargets: false, Lag: 0.96m),
            ],
            sasaran);
    }
}
