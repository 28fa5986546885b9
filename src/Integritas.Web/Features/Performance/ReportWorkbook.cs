using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// A published quarterly report as an XLSX workbook (issue 5 item 5), made with MiniExcel: a summary sheet (with the
/// SHA-256 of the published CSV and its transparency-log entry), the indicators with targets, realisations, capaian
/// and the OPD's narrative, and the budget per sub kegiatan. Numbers are numbers, not text.
/// </summary>
public static class ReportWorkbook
{
    public static async Task<IResult> XlsxAsync(long id, IntegritasDbContext db, Scorecards scorecards, CancellationToken ct)
    {
        var report = await db.QuarterReports.AsNoTracking().Include(r => r.Opd)
            .SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportStatus.Published, ct);
        if (report is null)
        {
            return Results.NotFound();
        }

        var card = await scorecards.ForAsync(report.Opd!, report.Year, publishedOnly: true, ct);
        var stream = new MemoryStream();
        await stream.SaveAsAsync(Sheets(report, card), excelType: ExcelType.XLSX, cancellationToken: ct);
        stream.Position = 0;
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"kinerja-{report.Opd!.Code}-{report.Year}-tw{report.Quarter}.xlsx");
    }

    public static Dictionary<string, object> Sheets(QuarterReport report, OpdScorecard card)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(card);
        var summary = new List<Dictionary<string, object?>>
        {
            Pair("OPD", $"{report.Opd!.Code} {report.Opd.Name}"),
            Pair("Tahun / Year", report.Year),
            Pair("Triwulan / Quarter", report.Quarter),
            Pair("Batas waktu / Due", report.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Pair("Dikirim / Submitted (UTC)", report.SubmittedAtUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            Pair("Terlambat / Late", report.IsLate ? "ya / yes" : "tidak / no"),
            Pair("Alasan terlambat / Reason for delay", report.LateReason),
            Pair("Terbit / Published (UTC)", report.PublishedAtUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            Pair("Capaian rata-rata / Mean capaian (%)", Round(report.CapaianMean)),
            Pair("Indikator dihitung / Indicators counted", report.IndicatorsCounted),
            Pair("Capaian IKU / Key indicators (%)", Round(report.IkuCapaianMean)),
            Pair("Pagu (Rp)", report.Pagu),
            Pair("Realisasi anggaran / Spent (Rp)", report.Spent),
            Pair("Serapan / Absorption (%)", Scorecards.AbsorptionOf(report).Rounded()),
            Pair("SHA-256 berkas CSV / of the CSV file", report.PublishedSha256),
            Pair("Entri log transparansi / Transparency log entry", report.LedgerIndex),
        };

        var indicators = new List<Dictionary<string, object?>>();
        foreach (var indicator in card.Indicators)
        {
            var node = card.Nodes.First(n => n.Id == indicator.PlanNodeId);
            foreach (var period in Reporting.PeriodsOf(report.Quarter))
            {
                var target = card.TargetOf(indicator.Id, period);
                var row = card.Realisations.GetValueOrDefault((indicator.Id, period));
                if (target is null && row is null)
                {
                    continue;
                }

                var capaian = card.CapaianOf(indicator, period);
                indicators.Add(new()
                {
                    ["elemen"] = $"{node.Code} {node.Name}",
                    ["kode"] = indicator.Code,
                    ["indikator"] = indicator.Name,
                    ["iku"] = indicator.IsIku ? "IKU" : "",
                    ["jenis"] = IndicatorData.KindKey(indicator.Kind),
                    ["polaritas"] = IndicatorData.PolarityKey(indicator.Polarity),
                    ["satuan"] = indicator.Unit,
                    ["periode"] = IndicatorData.PeriodKey(period),
                    ["target"] = target?.Value,
                    ["target_maks"] = indicator.Polarity == Polarity.Range ? target?.Max : null,
                    ["realisasi"] = row?.Value,
                    ["capaian_pct"] = capaian.Rounded(),
                    ["keterangan"] = capaian.NotComputable,
                    ["kendala"] = row?.Problems,
                    ["upaya"] = row?.Actions,
                });
            }
        }

        var budget = card.Nodes.Where(n => n.Level == PlanLevel.SubKegiatan).Select(n =>
        {
            var pagu = card.Pagu.GetValueOrDefault(n.Id);
            var spent = card.Spent.GetValueOrDefault((report.Quarter, n.Id));
            return new Dictionary<string, object?>
            {
                ["kode"] = n.Code,
                ["sub_kegiatan"] = n.Name,
                ["pagu"] = pagu,
                ["realisasi"] = spent,
                ["serapan_pct"] = Capaian.Absorption(pagu, spent).Rounded(),
                ["progres_fisik_pct"] = card.ProgressOf(n.Id, report.Quarter).Rounded(),
                ["efisiensi_pct"] = card.EfficiencyOf(n.Id, report.Quarter).Rounded(),
            };
        }).ToList();

        return new Dictionary<string, object>
        {
            ["Ringkasan"] = summary,
            ["Indikator"] = indicators,
            ["Anggaran"] = budget,
        };
    }

    private static Dictionary<string, object?> Pair(string name, object? value) => new() { ["hal"] = name, ["nilai"] = value };

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
