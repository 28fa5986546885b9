namespace Integritas.Core.Performance;

/// <summary>How a criterion of the worksheet is answered.</summary>
public enum LkeAnswerKind
{
    /// <summary>Y (ya, 1) or T (tidak, 0): whether something exists.</summary>
    YesNo = 1,

    /// <summary>A–E on <see cref="SakipEvaluation.Scale"/>: how well something is done.</summary>
    Scale = 2,
}

/// <summary>One criterion of the LKE, e.g. <c>1.a.1</c> "Dokumen Renstra telah tersedia", in its sub-component (<c>1.a</c>).</summary>
public sealed record LkeCriterion(string Code, LkeAnswerKind Kind, string Text, string TextEn)
{
    public string SubComponentCode => Code[..Code.LastIndexOf('.')];
}

/// <summary>A worksheet's score: the exact figures of <see cref="SakipEvaluation.Score"/>, and the two-decimal total that is published and graded.</summary>
public sealed record LkeSheetScore(decimal Total, IReadOnlyDictionary<string, decimal> ByComponent, IReadOnlyDictionary<string, decimal> BySubComponent, int Answered)
{
    /// <summary>
    /// The total as an LHE states it, to two decimals. The grade is taken from this figure so that a published
    /// "90,00" is never graded AA on an unseen 90,004.
    /// </summary>
    public decimal Rounded => Math.Round(Total, 2, MidpointRounding.AwayFromZero);

    public (string Grade, string Meaning) Grade => SakipEvaluation.Grade(Rounded);

    public bool Complete => Answered == LkeCriteria.All.Count;
}

/// <summary>
/// The criteria of the SAKIP evaluation worksheet (LKE) per sub-component — Keberadaan, Kualitas and Pemanfaatan of
/// Perencanaan, Pengukuran, Pelaporan and Evaluasi Akuntabilitas Kinerja Internal — as PermenPAN-RB 88/2021 lays the
/// worksheet out. The official annex's wording was not available to us: these texts are modelled on its structure and
/// on published LKE practice, not quoted verbatim, and a regency replacing them with the annex's text keeps the codes.
/// Existence criteria are answered Y/T, quality and use criteria A–E. Weights and grades stay those of
/// <see cref="SakipEvaluation"/>.
/// </summary>
public static class LkeCriteria
{
    private const LkeAnswerKind YesNo = LkeAnswerKind.YesNo;
    private const LkeAnswerKind Scale = LkeAnswerKind.Scale;

    public static readonly IReadOnlyList<LkeCriterion> All =
    [
        new("1.a.1", YesNo, "Dokumen Renstra telah tersedia dan ditetapkan.", "The strategic plan (Renstra) is available and adopted."),
        new("1.a.2", YesNo, "Dokumen Rencana Kerja (Renja) tahunan telah tersedia.", "The annual work plan (Renja) is available."),
        new("1.a.3", YesNo, "Perjanjian Kinerja (PK) telah disusun dan ditandatangani tepat waktu.", "The performance agreement (PK) was drawn up and signed on time."),
        new("1.a.4", YesNo, "Rencana aksi atas target kinerja telah disusun.", "An action plan for the performance targets has been drawn up."),
        new("1.b.1", Scale, "Tujuan dan sasaran telah berorientasi hasil (outcome), bukan kegiatan.", "Goals and objectives are outcomes, not activities."),
        new("1.b.2", Scale, "Indikator kinerja telah memenuhi kriteria SMART.", "Performance indicators meet the SMART criteria."),
        new("1.b.3", Scale, "Target kinerja ditetapkan dengan dasar yang jelas dan menantang.", "Performance targets are well founded and challenging."),
        new("1.b.4", Scale, "Dokumen perencanaan telah selaras (cascading) dari RPJMD hingga sub kegiatan.", "Planning documents cascade from the regional mid-term plan down to sub-activities."),
        new("1.c.1", Scale, "Anggaran telah dialokasikan berdasarkan sasaran dan target kinerja.", "The budget is allocated by performance objectives and targets."),
        new("1.c.2", Scale, "Perjanjian Kinerja telah dimanfaatkan sebagai dasar penilaian kinerja pegawai.", "The performance agreement is the basis of staff appraisal."),
        new("1.c.3", Scale, "Pelaksanaan rencana aksi telah dipantau secara berkala.", "The action plan's progress is monitored regularly."),

        new("2.a.1", YesNo, "Terdapat pedoman teknis pengukuran dan pengumpulan data kinerja.", "There are technical guidelines for measuring performance and collecting its data."),
        new("2.a.2", YesNo, "Setiap indikator kinerja memiliki definisi operasional dan cara pengukuran.", "Every indicator has an operational definition and a method of measurement."),
        new("2.a.3", YesNo, "Pengukuran kinerja telah dilakukan secara berkala (triwulanan).", "Performance is measured periodically (quarterly)."),
        new("2.b.1", Scale, "Pengukuran kinerja telah didukung sistem informasi yang memadai.", "Measurement is supported by an adequate information system."),
        new("2.b.2", Scale, "Data kinerja andal: sumbernya jelas dan dapat diverifikasi dengan bukti.", "Performance data are reliable: clearly sourced and verifiable against evidence."),
        new("2.b.3", Scale, "Pengukuran kinerja telah sampai ke tingkat individu pegawai.", "Measurement reaches individual staff performance."),
        new("2.c.1", Scale, "Hasil pengukuran kinerja dimanfaatkan untuk memperbaiki pelaksanaan program.", "Measurement results are used to improve programme delivery."),
        new("2.c.2", Scale, "Hasil pengukuran kinerja menjadi dasar pemberian penghargaan dan sanksi.", "Measurement results are the basis of rewards and sanctions."),
        new("2.c.3", Scale, "Hasil pengukuran kinerja dimanfaatkan untuk menyesuaikan strategi dan target.", "Measurement results are used to adjust strategies and targets."),

        new("3.a.1", YesNo, "Laporan Kinerja Instansi Pemerintah (LKjIP) telah disusun.", "The performance accountability report (LKjIP) has been prepared."),
        new("3.a.2", YesNo, "Laporan kinerja telah disampaikan tepat waktu.", "The performance report was submitted on time."),
        new("3.a.3", YesNo, "Laporan kinerja telah dipublikasikan di laman resmi.", "The performance report is published on the official website."),
        new("3.b.1", Scale, "Laporan kinerja menyajikan capaian seluruh indikator sasaran beserta analisisnya.", "The report presents the achievement of every objective indicator with its analysis."),
        new("3.b.2", Scale, "Capaian dibandingkan dengan target, tahun sebelumnya dan target jangka menengah.", "Achievement is compared with the target, the previous year and the mid-term target."),
        new("3.b.3", Scale, "Laporan kinerja menyajikan efisiensi penggunaan sumber daya.", "The report presents the efficiency of resource use."),
        new("3.c.1", Scale, "Informasi laporan kinerja dimanfaatkan untuk perbaikan perencanaan.", "The report's information is used to improve planning."),
        new("3.c.2", Scale, "Informasi laporan kinerja dimanfaatkan pimpinan untuk menilai dan menindaklanjuti kinerja.", "Leadership uses the report's information to assess and act on performance."),

        new("4.a.1", YesNo, "Evaluasi akuntabilitas kinerja internal telah dilaksanakan.", "An internal performance accountability evaluation has been carried out."),
        new("4.a.2", YesNo, "Evaluasi atas program dan kegiatan telah dilaksanakan.", "Programmes and activities have been evaluated."),
        new("4.a.3", YesNo, "Terdapat pedoman pelaksanaan evaluasi internal.", "There are guidelines for internal evaluation."),
        new("4.b.1", Scale, "Evaluasi internal dilaksanakan oleh SDM yang kompeten dengan lingkup yang memadai.", "Internal evaluation is done by competent staff with an adequate scope."),
        new("4.b.2", Scale, "Evaluasi memberikan rekomendasi perbaikan yang dapat dilaksanakan.", "The evaluation gives actionable recommendations."),
        new("4.b.3", Scale, "Evaluasi internal telah memanfaatkan teknologi informasi.", "Internal evaluation makes use of information technology."),
        new("4.c.1", Scale, "Rekomendasi hasil evaluasi telah ditindaklanjuti.", "The evaluation's recommendations have been followed up."),
        new("4.c.2", Scale, "Hasil evaluasi dimanfaatkan untuk meningkatkan akuntabilitas kinerja.", "Evaluation results are used to improve performance accountability."),
        new("4.c.3", Scale, "Tindak lanjut rekomendasi telah menghasilkan perbaikan kinerja yang terukur.", "Following up the recommendations has measurably improved performance."),
    ];

    private static readonly Dictionary<string, LkeCriterion> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static LkeCriterion? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>The answers a criterion accepts, in the order a form offers them.</summary>
    public static IReadOnlyList<string> Choices(LkeAnswerKind kind) => kind == LkeAnswerKind.YesNo ? ["Y", "T"] : ["A", "B", "C", "D", "E"];

    /// <summary>The value of an answer (Y 1, T 0; A–E per <see cref="SakipEvaluation.Scale"/>), or false when it does not fit the criterion.</summary>
    public static bool TryValue(LkeCriterion criterion, string? answer, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        value = 0m;
        var a = answer?.Trim().ToUpperInvariant();
        if (a is null || !Choices(criterion.Kind).Contains(a))
        {
            return false;
        }

        value = criterion.Kind == LkeAnswerKind.YesNo ? (a == "Y" ? 1m : 0m) : SakipEvaluation.Scale(a[0]);
        return true;
    }

    /// <summary>
    /// Scores a worksheet from its answers by criterion code. An unanswered criterion counts 0 (not left out of its
    /// sub-component's mean): a half-filled sheet must not look better than a finished one.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown criterion, or an answer that does not fit its criterion.</exception>
    public static LkeSheetScore Score(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var code in answers.Keys.Where(k => !ByCode.ContainsKey(k)))
        {
            throw new ArgumentException($"Unknown criterion '{code}'.", nameof(answers));
        }

        var values = new List<LkeAnswer>(All.Count);
        var answered = 0;
        foreach (var criterion in All)
        {
            var value = 0m;
            if (answers.TryGetValue(criterion.Code, out var answer))
            {
                if (!TryValue(criterion, answer, out value))
                {
                    throw new ArgumentException($"'{answer}' is not an answer to '{criterion.Code}'.", nameof(answers));
                }

                answered++;
            }

            values.Add(new LkeAnswer(criterion.SubComponentCode, value));
        }

        var (total, byComponent, bySub) = SakipEvaluation.Score(values);
        return new LkeSheetScore(total, byComponent, bySub, answered);
    }
}
