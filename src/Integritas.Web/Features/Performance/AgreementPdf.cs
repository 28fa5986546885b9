using System.Globalization;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Documents;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The Perjanjian Kinerja as a printable PDF: the agreement text, targets and budgets, each party's electronic
/// signature with its validity as checked now, the document hash, and a QR code to the page where anyone can check it
/// again. The PDF is a rendering; what is signed is the canonical JSON document, whose hash the PDF prints.
/// </summary>
public static class AgreementPdf
{
    public static byte[] Render(Agreements.Standing standing, string verifyUrl, Ui ui)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(ui);
        var a = standing.Agreement;
        var d = standing.Document;
        using var pdf = new PdfComposer(
            ui.T($"Perjanjian Kinerja {a.Year} — {a.Opd!.Name}", $"Performance Agreement {a.Year} — {a.Opd!.Name}"),
            $"Integritas · {ui.T("Perjanjian Kinerja", "Performance Agreement")} {a.Opd.Code} {a.Year} r{a.Revision} · SHA-256 {a.Sha256[..16]}…");
        pdf.Title(ui.T("PERJANJIAN KINERJA TAHUN ", "PERFORMANCE AGREEMENT ") + a.Year.ToString(CultureInfo.InvariantCulture));
        pdf.Title(a.Opd.Name.ToUpper(CultureInfo.InvariantCulture));
        if (d is null)
        {
            pdf.Paragraph(ui.T("Dokumen tersimpan tidak dapat dibaca.", "The stored document cannot be read."), bold: true);
            return pdf.ToBytes();
        }

        pdf.Paragraph(ui.T(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            "To bring about effective, transparent, accountable and results-oriented government, we the undersigned:"));
        pdf.Pairs([
            (ui.T("Pihak pertama", "First party"), $"{d.FirstParty.Name}{(d.FirstParty.Nip is { } n1 ? $", NIP {n1}" : "")} — {d.FirstParty.Position}"),
            (ui.T("Pihak kedua", "Second party"), $"{d.SecondParty.Name}{(d.SecondParty.Nip is { } n2 ? $", NIP {n2}" : "")} — {d.SecondParty.Position}, {d.Regency}"),
        ]);
        pdf.Paragraph(ui.T(
            $"Pihak pertama berjanji akan mewujudkan target kinerja tahun {d.Year} sebagaimana tercantum di bawah ini. Pihak kedua akan melakukan supervisi yang diperlukan serta evaluasi terhadap capaian kinerja dari perjanjian ini.",
            $"The first party commits to achieving the {d.Year} performance targets below. The second party will provide the necessary supervision and evaluate the achievement of this agreement."));

        pdf.Heading(ui.T("Sasaran, indikator kinerja dan target", "Targets, performance indicators and targets"));
        pdf.Table(
            [ui.T("Sasaran / program", "Target / programme"), ui.T("Indikator kinerja", "Performance indicator"), ui.T("Satuan", "Unit"), "Target"],
            [3, 4, 1.4, 1.4],
            d.Targets.Select(t => (IReadOnlyList<string>)[$"{t.ElementCode} {t.ElementName}", $"{t.IndicatorCode} {t.IndicatorName} ({ui.PolarityKey(t.Polarity)})", t.Unit, ui.Target(t)]),
            new HashSet<int> { 3 });
        if (d.Budget.Count > 0)
        {
            pdf.Heading(ui.T("Anggaran program", "Programme budget"));
            pdf.Table(
                ["Program", ui.T("Pagu", "Ceiling")],
                [5, 2],
                [.. d.Budget.Select(b => (IReadOnlyList<string>)[$"{b.ProgramCode} {b.ProgramName}", ui.Money(decimal.Parse(b.Pagu, CultureInfo.InvariantCulture))]),
                    [ui.T("Jumlah", "Total"), ui.Money(d.Budget.Sum(b => decimal.Parse(b.Pagu, CultureInfo.InvariantCulture)))]],
                new HashSet<int> { 1 });
        }

        pdf.Heading(ui.T("Tanda tangan elektronik", "Electronic signatures"));
        foreach (var side in new[] { AgreementSide.First, AgreementSide.Second })
        {
            var party = side == AgreementSide.First ? d.FirstParty : d.SecondParty;
            var line = standing.Signatures.TryGetValue(side, out var check)
                ? $"{check.Signature.SignerName} — {ui.DateTime(check.Signature.SignedAtUtc.UtcDateTime)} — "
                    + (check.Valid ? ui.T("tanda tangan sah", "valid signature") : ui.T("tanda tangan TIDAK sah untuk dokumen ini", "signature NOT valid for this document"))
                    + $" · {ui.T("sidik kunci", "key fingerprint")} {check.Fingerprint}"
                : $"{party.Name} — {ui.T("belum ditandatangani", "not signed yet")}";
            pdf.Pairs([(ui.Side(side), line)], labelWidth: 190);
        }

        if (!standing.Intact)
        {
            pdf.Paragraph(ui.T("PERINGATAN: dokumen tersimpan tidak cocok dengan sidik yang ditandatangani.", "WARNING: the stored document does not match the signed hash."), bold: true);
        }
        else if (!standing.Current)
        {
            pdf.Paragraph(ui.T("PERHATIAN: rencana kinerja telah berubah sejak dokumen ini disusun; dokumen ini tidak lagi sesuai dengan rencana saat ini.",
                "NOTE: the performance plan has changed since this document was prepared; it no longer matches the current plan."), bold: true);
            foreach (var change in standing.Changes)
            {
                pdf.Paragraph("• " + change, small: true);
            }
        }

        pdf.Paragraph($"SHA-256: {a.Sha256}", small: true);
        pdf.Paragraph(ui.T($"Periksa keaslian dokumen dan tanda tangan: {verifyUrl}", $"Check the document and signatures: {verifyUrl}"), small: true);
        pdf.QrCode(verifyUrl, 90);
        return pdf.ToBytes();
    }
}
