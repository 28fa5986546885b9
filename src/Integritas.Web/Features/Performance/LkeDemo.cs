using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Demo SAKIP evaluations (issue 5 item 8), loaded with the demo performance data: the regency's own evaluation and
/// those of a dozen OPDs for the three years before this one, finalised with a spread of grades from C to AA that
/// mostly improves year on year; last year's sheets of two OPDs are still drafts. Fixed (seeded), so pages and tests
/// see the same figures every time.
/// </summary>
public static class LkeDemo
{
    private const string Evaluator = "inspektorat.demo";

    public static async Task<int> LoadAsync(IntegritasDbContext db, IReadOnlyList<Opd> opds, int thisYear, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opds);
        var random = new Random(882021);
        var subjects = new List<(int? OpdId, double Level)> { (null, 0.74) };
        subjects.AddRange(opds.Take(12).Select((o, i) => ((int?)o.Id, 0.3 + (0.65 * i / 11.0))));
        var count = 0;
        foreach (var (opdId, level) in subjects)
        {
            for (var year = thisYear - 3; year < thisYear; year++)
            {
                // Sheets improve a little each year, as evaluation recommendations are followed up.
                var yearLevel = Math.Min(1.0, level + (0.04 * (year - thisYear + 3)));
                var draft = year == thisYear - 1 && opdId is { } id && opds.Take(2).Any(o => o.Id == id);
                var evaluation = new LkeEvaluation
                {
                    OpdId = opdId,
                    Year = year,
                    StartedAtUtc = new DateTimeOffset(year + 1, 2, 3, 2, 0, 0, TimeSpan.Zero),
                    StartedBy = Evaluator,
                    Evaluator = Evaluator,
                    UpdatedAtUtc = new DateTimeOffset(year + 1, 3, 14, 7, 30, 0, TimeSpan.Zero),
                };
                foreach (var criterion in LkeCriteria.All)
                {
                    // A draft is answered for about two thirds of its criteria.
                    if (draft && random.NextDouble() < 0.35)
                    {
                        continue;
                    }

                    evaluation.Answers.Add(new LkeAnswerRecord
                    {
                        CriterionCode = criterion.Code,
                        Answer = Answer(criterion.Kind, yearLevel, random),
                        Notes = random.NextDouble() < 0.2 ? Note(criterion.Kind, random) : null,
                    });
                }

                if (!draft)
                {
                    var score = LkeCriteria.Score(evaluation.Answers.ToDictionary(a => a.CriterionCode, a => a.Answer!, StringComparer.Ordinal));
                    evaluation.Status = LkeStatus.Final;
                    evaluation.Total = score.Rounded;
                    evaluation.Grade = score.Grade.Grade;
                    var finalised = new DateTimeOffset(year + 1, 4, 28, 3, 0, 0, TimeSpan.Zero);
                    evaluation.FinalisedAtUtc = finalised < now ? finalised : now;
                    evaluation.FinalisedBy = Evaluator;
                }

                db.LkeEvaluations.Add(evaluation);
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static string Answer(LkeAnswerKind kind, double level, Random random)
    {
        if (kind == LkeAnswerKind.YesNo)
        {
            return random.NextDouble() < level + 0.15 ? "Y" : "T";
        }

        var index = (int)Math.Round(((1 - level) * 4) + (random.NextDouble() * 2) - 1);
        return "ABCDE"[Math.Clamp(index, 0, 4)].ToString();
    }

    private static string Note(LkeAnswerKind kind, Random random) => kind == LkeAnswerKind.YesNo
        ? random.Next(2) == 0 ? "Dokumen diperiksa pada saat desk evaluation." : "Bukti diunggah setelah permintaan evaluator."
        : random.Next(3) switch
        {
            0 => "Sebagian indikator belum memiliki definisi operasional.",
            1 => "Rekomendasi tahun lalu baru sebagian ditindaklanjuti.",
            _ => "Sudah baik; perlu dipertahankan dan didokumentasikan.",
        };
}
