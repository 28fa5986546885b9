using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Documents;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// A published quarterly report as a printable PDF (issue 5 item 5): the summary figures, every indicator's target,
/// realisation, capaian and narrative, the budget per sub kegiatan with physical progress and efficiency, the
/// timeline, and the published CSV's SHA-256 with its transparency-log entry and a QR code to the report's page.
/// </summary>
public static class ReportPdf
{
    public static async Task<IResult> PdfAsync(long id, HttpRequest request, IntegritasDbContext db, Scorecards scorecards, Ui ui, CancellationToken ct)
    {
        var report = await db.QuarterReports.AsNoTracking().Include(r => r.Opd).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == id && r.Status == ReportStatus.Published, ct);
        if (report is null)
        {
            return Results.NotFound();
        }

        var card = await scorecards.ForAsync(report.Opd!, report.Year, publishedOnly: true, ct);
        return Results.File(Render(report, card, $"{request.Scheme}://{request.Host}/kinerja/laporan/{id}", ui), "application/pdf",
            $"kinerja-{report.Opd!.Code}-{report.Year}-tw{report.Quarter}.pdf");
    }

    public static byte[] Render(QuarterReport r, OpdScorecard card, string pageUrl, Ui ui)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ui);
        using var pdf = new PdfComposer(
            ui.T($"Laporan kinerja TW {r.Quarter} {r.Year} — {r.Opd!.Name}", $"Performance report Q{r.Quarter} {r.Year} — {r.Opd!.Name}"),
            $"Integritas · {r.Opd.Code} · TW {r.Quarter} {r.Year} · SHA-256 {r.PublishedSha256?[..16]}…");
        pdf.Title(ui.T($"LAPORAN KINERJA TRIWULAN {r.Quarter} TAHUN {r.Year}", $"PERFORMANCE REPORT, QUARTER {r.Quarter} {r.Year}"));
        pdf.Title(r.Opd.Name.ToUpperInvariant());
        pdf.Pairs([
            (ui.T("Batas waktu", "Due"), ui.Date(r.DueDate)),
            (ui.T("Dikirim", "Submitted"), r.SubmittedAtUtc is { } s ? ui.DateTime(s.UtcDateTime) + (r.IsLate ? ui.T(" (terlambat: ", " (late: ") + r.LateReason + ")" : "") : "—"),
            (ui.T("Terbit", "Published"), r.PublishedAtUtc is { } p ? ui.DateTime(p.UtcDateTime) : "—"),
            (ui.T("Capaian rata-rata", "Mean achievement"), (r.CapaianMean is { } mean ? ui.Number(mean) + " %" : "—") + $" ({r.IndicatorsCounted} {ui.T("indikator", "indicators")})"),
            (ui.T("Capaian IKU", "Key indicators"), r.IkuCapaianMean is { } iku ? ui.Number(iku) + " %" : "—"),
            (ui.T("Serapan anggaran", "Budget absorption"), $"{ui.Capaian(Scorecards.AbsorptionOf(r))} ({ui.Money(r.Spent ?? 0)} / {ui.Money(r.Pagu ?? 0)})"),
        ]);

        pdf.Heading(ui.T("Capaian indikator", "Indicator achievement"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var indicator in card.Indicators)
        {
            foreach (var period in Reporting.PeriodsOf(r.Quarter))
            {
                var target = card.TargetOf(indicator.Id, period);
                var row = card.Realisations.GetValueOrDefault((indicator.Id, period));
                if (target is null && row is null)
                {
                    continue;
                }

                var capaian = card.CapaianOf(indicator, period);
                var narrative = string.Join(" ", new[] { row?.Problems is { } pr ? ui.T("Kendala: ", "Problems: ") + pr : null, row?.Actions is { } ac ? ui.T("Upaya: ", "Actions: ") + ac : null }.OfType<string>());
                rows.Add([$"{indicator.Code} {indicator.Name} ({indicator.Unit}, {ui.Polarity(indicator)})", ui.Period(period), ui.Target(target), ui.Value(row?.Value),
                    ui.Capaian(capaian) + (ui.Reason(capaian) is { } why ? $" ({why})" : ""), narrative]);
            }
        }

        pdf.Table([ui.T("Indikator", "Indicator"), ui.T("Periode", "Period"), "Target", ui.T("Realisasi", "Realised"), ui.T("Capaian", "Achievement"), ui.T("Kendala dan upaya", "Problems and actions")],
            [4, 1, 1.3, 1.3, 1.4, 3.5], rows, new HashSet<int> { 2, 3, 4 });

        pdf.Heading(ui.T("Anggaran per sub kegiatan", "Budget per sub-activity"));
        pdf.Table([ui.T("Sub kegiatan", "Sub-activity"), "Pagu", ui.T("Realisasi", "Spent"), ui.T("Serapan", "Absorption"), ui.T("Progres fisik", "Physical progress"), ui.T("Efisiensi", "Efficiency")],
            [4, 2, 2, 1.3, 1.3, 1.3],
            card.Nodes.Where(n => n.Level == Core.Performance.PlanLevel.SubKegiatan).Select(n =>
            {
                var pagu = card.Pagu.GetValueOrDefault(n.Id);
                var spent = card.Spent.GetValueOrDefault((r.Quarter, n.Id));
                return (IReadOnlyList<string>)[$"{n.Code} {n.Name}", ui.Money(pagu), ui.Money(spent), ui.Capaian(Core.Performance.Capaian.Absorption(pagu, spent)),
                    ui.Capaian(card.ProgressOf(n.Id, r.Quarter)), ui.Capaian(card.EfficiencyOf(n.Id, r.Quarter))];
            }),
            new HashSet<int> { 1, 2, 3, 4, 5 });
        pdf.Paragraph(ui.T("Efisiensi = progres fisik keluaran ÷ serapan anggaran × 100.", "Efficiency = physical output progress ÷ budget absorption × 100."), small: true);

        pdf.Heading(ui.T("Riwayat", "Timeline"));
        foreach (var e in r.Events.OrderBy(e => e.AtUtc.UtcDateTime).ThenBy(e => e.Id))
        {
            pdf.Paragraph($"{ui.DateTime(e.AtUtc.UtcDateTime)}: {ui.Status(e.Status)}{(e.Comment is { } c ? " — " + c : "")}", small: true);
        }

        pdf.Heading(ui.T("Keaslian", "Authenticity"));
        pdf.Paragraph(ui.T($"SHA-256 berkas laporan (CSV) yang terbit: {r.PublishedSha256}", $"SHA-256 of the published report file (CSV): {r.PublishedSha256}")
            + (r.LedgerIndex is { } index ? ui.T($" · log transparansi entri #{index}", $" · transparency log entry #{index}") : ""), small: true);
        pdf.Paragraph(pageUrl, small: true);
        pdf.QrCode(pageUrl, 80);
        return pdf.ToBytes();
    }
}
