using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The LKjIP (Laporan Kinerja Instansi Pemerintah, issue 5 item 7): an OPD's annual performance accountability report
/// assembled from its published data, in the usual chapters — I introduction, II planning and the Perjanjian Kinerja,
/// III achievements per sasaran with the OPD's own explanations and last year's figures beside them, IV budget, V
/// closing — written once through <see cref="IDocumentComposer"/> as a PDF and as an editable DOCX draft. Only
/// published figures are used, so the report says what the public can check.
/// </summary>
public sealed class Lkjip(IntegritasDbContext db, Scorecards scorecards, Agreements agreements, IOptions<PerformanceOptions> options, Ui ui)
{
    public enum Format
    {
        Pdf,
        Docx,
    }

    public async Task<IResult> DownloadAsync(int id, int year, Format format, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null || year is < 2000 or > 2999)
        {
            return Results.NotFound();
        }

        var card = await scorecards.ForAsync(opd, year, publishedOnly: true, ct);
        if (card.Period is null || card.Indicators.Count == 0)
        {
            return Results.NotFound();
        }

        var previous = await scorecards.ForAsync(opd, year - 1, publishedOnly: true, ct);
        var agreement = (await agreements.RevisionsAsync(id, year, ct)).FirstOrDefault();
        var standing = agreement is null ? null : await agreements.StandingAsync(agreement, ct);
        var (head, _) = await agreements.PartiesAsync(id, ct);
        var title = ui.T($"Laporan Kinerja (LKjIP) {year} — {opd.Name}", $"Performance Accountability Report (LKjIP) {year} — {opd.Name}");
        using IDocumentComposer composer = format == Format.Pdf
            ? new PdfComposer(title, $"Integritas · LKjIP {opd.Code} {year}")
            : new DocxComposer(title);
        Write(composer, card, previous, standing, head);
        var name = $"lkjip-{opd.Code}-{year}";
        return format == Format.Pdf
            ? Results.File(composer.ToBytes(), "application/pdf", name + ".pdf")
            : Results.File(composer.ToBytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    private void Write(IDocumentComposer doc, OpdScorecard card, OpdScorecard previous, Agreements.Standing? agreement, Agreements.Signatory? head)
    {
        var opd = card.Opd;
        var year = card.Year;
        var predicates = options.Value.Predicates;
        var overall = card.MeanOf(null, ReportPeriod.Year);
        var band = predicates.Of(overall.Mean.Percent);
        var reported = card.Reports.Keys.OrderBy(q => q).ToList();

        doc.Title(ui.T($"LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN {year}", $"GOVERNMENT PERFORMANCE ACCOUNTABILITY REPORT {year}"));
        doc.Title(opd.Name.ToUpperInvariant());

        doc.Heading(ui.T("BAB I PENDAHULUAN", "CHAPTER I INTRODUCTION"));
        doc.Paragraph(ui.T(
            $"Laporan Kinerja ini menyajikan capaian kinerja {opd.Name} tahun {year} sebagai wujud pertanggungjawaban atas pelaksanaan Rencana Strategis {card.Period!.Name} dan Perjanjian Kinerja tahun {year}, sesuai Perpres 29/2014 tentang SAKIP dan PermenPAN-RB 53/2014. Seluruh angka diambil dari laporan triwulan yang telah diverifikasi dan diterbitkan di portal Integritas.",
            $"This report presents the performance of {opd.Name} in {year}, accounting for the Strategic Plan {card.Period!.Name} and the {year} Performance Agreement under Presidential Regulation 29/2014 (SAKIP) and PermenPAN-RB 53/2014. Every figure comes from quarterly reports verified and published on the Integritas portal."));
        doc.Pairs([
            ("OPD", $"{opd.Code} {opd.Name}"),
            (ui.T("Kepala", "Head"), head is null ? "—" : $"{head.Name}{(head.Nip is { } nip ? $", NIP {nip}" : "")} — {head.Position}"),
            (ui.T("Alamat", "Address"), opd.Address ?? "—"),
            (ui.T("Laporan triwulan terbit", "Quarterly reports published"), reported.Count == 0 ? "—" : string.Join(", ", reported.Select(q => $"TW {q}"))),
        ]);

        doc.Heading(ui.T("BAB II PERENCANAAN DAN PERJANJIAN KINERJA", "CHAPTER II PLANNING AND PERFORMANCE AGREEMENT"));
        doc.Paragraph(ui.T($"Rencana Strategis {card.Period.Name} ({card.Period.StartYear}–{card.Period.EndYear}) memuat tujuan dan sasaran berikut:",
            $"The Strategic Plan {card.Period.Name} ({card.Period.StartYear}–{card.Period.EndYear}) sets these goals and targets:"));
        doc.Table([ui.T("Tingkat", "Level"), ui.T("Kode", "Code"), ui.T("Uraian", "Description"), ui.T("Indikator", "Indicators")], [1.2, 1.4, 5, 1],
            card.Nodes.Where(n => n.Level is PlanLevel.Tujuan or PlanLevel.Sasaran or PlanLevel.Program)
                .Select(n => (IReadOnlyList<string>)[ui.Level(n.Level), n.Code, n.Name, card.Indicators.Count(i => i.PlanNodeId == n.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            new HashSet<int> { 3 });
        if (agreement is null)
        {
            doc.Paragraph(ui.T($"Perjanjian Kinerja tahun {year} belum disusun di portal.", $"No {year} Performance Agreement has been prepared on the portal."));
        }
        else
        {
            var a = agreement.Agreement;
            var signed = agreement.Signatures.Values.Where(s => s.Valid).Select(s => $"{s.Signature.SignerName} ({ui.DateTime(s.Signature.SignedAtUtc.UtcDateTime)})").ToList();
            doc.Paragraph(ui.T(
                $"Perjanjian Kinerja tahun {year} revisi {a.Revision} (SHA-256 {a.Sha256}) " + (agreement.InForce ? "berlaku, ditandatangani secara elektronik oleh " + string.Join(" dan ", signed) + "." : signed.Count > 0 ? "ditandatangani oleh " + string.Join(" dan ", signed) + (agreement.Current ? ", menunggu tanda tangan lainnya." : ", namun rencana telah berubah sesudahnya.") : "belum ditandatangani."),
                $"The {year} Performance Agreement revision {a.Revision} (SHA-256 {a.Sha256}) " + (agreement.InForce ? "is in force, signed electronically by " + string.Join(" and ", signed) + "." : signed.Count > 0 ? "is signed by " + string.Join(" and ", signed) + (agreement.Current ? ", waiting for the other signature." : ", but the plan has changed since.") : "is not signed yet.")));
            if (agreement.Document is { } pk)
            {
                doc.Table([ui.T("Sasaran / program", "Target / programme"), ui.T("Indikator", "Indicator"), "Target"], [4, 4, 1.5],
                    pk.Targets.Select(t => (IReadOnlyList<string>)[$"{t.ElementCode} {t.ElementName}", $"{t.IndicatorCode} {t.IndicatorName} ({t.Unit})", ui.Target(t)]),
                    new HashSet<int> { 2 });
            }
        }

        doc.Heading(ui.T("BAB III AKUNTABILITAS KINERJA", "CHAPTER III PERFORMANCE ACCOUNTABILITY"));
        doc.Paragraph(ui.T(
            $"Capaian kinerja dihitung per indikator menurut polaritasnya (makin tinggi makin baik: realisasi ÷ target × 100; makin rendah makin baik: (2 − realisasi ÷ target) × 100; rentang: 100 bila di dalam rentang). Capaian sasaran adalah rata-rata hitung capaian indikator di bawahnya yang dapat dihitung. Rata-rata capaian tahunan OPD: {ui.Capaian(overall.Mean)} ({overall.Counted} indikator){(band is null ? "" : ", predikat " + band.Name)}.",
            $"Each indicator's achievement follows its polarity (higher is better: realised ÷ target × 100; lower is better: (2 − realised ÷ target) × 100; range: 100 inside the range). A target's achievement is the plain mean of the computable achievements of the indicators under it. The agency's mean annual achievement: {ui.Capaian(overall.Mean)} ({overall.Counted} indicators){(band is null ? "" : ", rated " + band.NameEn)}."));
        var ordinal = 0;
        foreach (var sasaran in card.Nodes.Where(n => n.Level == PlanLevel.Sasaran))
        {
            ordinal++;
            var mean = card.MeanOf(sasaran.Id, ReportPeriod.Year);
            doc.Paragraph(ui.T($"Sasaran {ordinal}: {sasaran.Name} — capaian {ui.Capaian(mean.Mean)}", $"Target {ordinal}: {sasaran.Name} — achievement {ui.Capaian(mean.Mean)}"), bold: true);
            var indicators = card.IndicatorsUnder(sasaran.Id).ToList();
            doc.Table(
                [ui.T("Indikator", "Indicator"), "Target", ui.T("Realisasi", "Realised"), ui.T("Capaian", "Achievement"), ui.T($"Capaian {card.Year - 1}", $"{card.Year - 1} achievement")],
                [4.5, 1.3, 1.3, 1.3, 1.3],
                indicators.Select(i => (IReadOnlyList<string>)[$"{i.Code} {i.Name} ({i.Unit}, {i.Kind.ToString().ToLowerInvariant()})", ui.Target(card.TargetOf(i.Id, ReportPeriod.Year)),
                    ui.Value(card.RealisationOf(i.Id, ReportPeriod.Year)), ui.Capaian(card.CapaianOf(i, ReportPeriod.Year)),
                    previous.Indicators.FirstOrDefault(p => p.Id == i.Id) is { } last ? ui.Capaian(previous.CapaianOf(last, ReportPeriod.Year)) : "—"]),
                new HashSet<int> { 1, 2, 3, 4 });
            foreach (var i in indicators)
            {
                var explanation = Explanation(card, i.Id);
                var capaian = card.CapaianOf(i, ReportPeriod.Year);
                var lagging = capaian.Percent is < 100m;
                if (explanation is not null || lagging)
                {
                    doc.Paragraph($"{i.Code}: " + (explanation ?? ui.T("Capaian di bawah target; OPD belum menyampaikan penjelasan.", "Below target; the agency gave no explanation.")), small: true);
                }
            }
        }

        doc.Heading(ui.T("BAB IV AKUNTABILITAS KEUANGAN", "CHAPTER IV BUDGET ACCOUNTABILITY"));
        var lastQuarter = reported.Count == 0 ? 0 : reported[^1];
        doc.Paragraph(ui.T(
            $"Pagu seluruh sub kegiatan tahun {year}: {ui.Money(card.TotalPagu)}; realisasi sampai TW {lastQuarter}: {ui.Money(card.SpentBy(lastQuarter))}; serapan {ui.Capaian(card.AbsorptionBy(lastQuarter))}. Efisiensi membandingkan progres fisik keluaran dengan serapan anggaran (di atas 100: keluaran lebih cepat daripada belanja).",
            $"Ceilings of all sub-activities in {year}: {ui.Money(card.TotalPagu)}; spent by Q{lastQuarter}: {ui.Money(card.SpentBy(lastQuarter))}; absorption {ui.Capaian(card.AbsorptionBy(lastQuarter))}. Efficiency compares physical output progress with budget absorption (above 100: output ahead of spending)."));
        doc.Table([ui.T("Sub kegiatan", "Sub-activity"), "Pagu", ui.T("Realisasi", "Spent"), ui.T("Serapan", "Absorption"), ui.T("Efisiensi", "Efficiency")], [4.5, 2, 2, 1.2, 1.2],
            card.Nodes.Where(n => n.Level == PlanLevel.SubKegiatan).Select(n =>
            {
                var pagu = card.Pagu.GetValueOrDefault(n.Id);
                var spent = card.Spent.GetValueOrDefault((lastQuarter, n.Id));
                return (IReadOnlyList<string>)[$"{n.Code} {n.Name}", ui.Money(pagu), ui.Money(spent), ui.Capaian(Capaian.Absorption(pagu, spent)),
                    lastQuarter == 0 ? "n/a" : ui.Capaian(card.EfficiencyOf(n.Id, lastQuarter))];
            }),
            new HashSet<int> { 1, 2, 3, 4 });

        doc.Heading(ui.T("BAB V PENUTUP", "CHAPTER V CLOSING"));
        var results = card.Indicators.Select(i => card.CapaianOf(i, ReportPeriod.Year)).ToList();
        var met = results.Count(r => r.Percent >= 100m);
        var below = results.Count(r => r.Percent < 100m);
        doc.Paragraph(ui.T(
            $"Dari {card.Indicators.Count} indikator, {met} mencapai atau melampaui target tahunan, {below} di bawah target, dan {results.Count - met - below} belum dapat dihitung. Kendala yang disampaikan dan upaya tindak lanjutnya tercantum pada Bab III dan menjadi bahan perbaikan perencanaan tahun berikutnya.",
            $"Of {card.Indicators.Count} indicators, {met} met or exceeded the year's target, {below} fell short, and {results.Count - met - below} cannot be computed yet. The problems reported and the follow-up actions are listed in Chapter III and feed next year's planning."));
        doc.Paragraph(ui.T("Dokumen ini disusun otomatis dari data portal; OPD dapat melengkapi naskah (versi DOCX) sebelum ditandatangani.",
            "This document is assembled from the portal's data; the agency may complete the text (DOCX version) before it is signed."), small: true);
    }

    /// <summary>The OPD's own explanation of an indicator for the year: the fourth quarter's narrative, else the latest quarter's.</summary>
    private static string? Explanation(OpdScorecard card, long indicatorId)
    {
        foreach (var period in new[] { ReportPeriod.Year, ReportPeriod.Q4, ReportPeriod.Q3, ReportPeriod.Q2, ReportPeriod.Q1 })
        {
            if (card.Realisations.GetValueOrDefault((indicatorId, period)) is { } r && (r.Problems is not null || r.Actions is not null))
            {
                return string.Join(" ", new[] { r.Problems is { } p ? "Kendala: " + p : null, r.Actions is { } a ? "Upaya: " + a : null }.OfType<string>());
            }
        }

        return null;
    }
}
