using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

public class LkeCriteriaTests
{
    private static Dictionary<string, string> Sheet(params (string Sub, string Answers)[] rows)
    {
        var sheet = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (sub, answers) in rows)
        {
            var criteria = LkeCriteria.All.Where(c => c.SubComponentCode == sub).ToList();
            Assert.Equal(criteria.Count, answers.Length);
            foreach (var (criterion, answer) in criteria.Zip(answers))
            {
                sheet[criterion.Code] = answer.ToString();
            }
        }

        return sheet;
    }

    [Fact]
    public void Every_sub_component_has_criteria_with_unique_codes_existence_answered_yes_no()
    {
        var subs = SakipEvaluation.Components.SelectMany(c => c.SubComponents).Select(s => s.Code).ToList();
        Assert.Equal(subs, LkeCriteria.All.Select(c => c.SubComponentCode).Distinct());
        Assert.All(subs, s => Assert.InRange(LkeCriteria.All.Count(c => c.SubComponentCode == s), 2, 6));
        Assert.Equal(LkeCriteria.All.Count, LkeCriteria.All.Select(c => c.Code).Distinct().Count());
        Assert.All(LkeCriteria.All, c => Assert.Equal(c.SubComponentCode.EndsWith(".a", StringComparison.Ordinal) ? LkeAnswerKind.YesNo : LkeAnswerKind.Scale, c.Kind));
        Assert.All(LkeCriteria.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Text) || string.IsNullOrWhiteSpace(c.TextEn)));
    }

    [Fact]
    public void Full_marks_score_100_and_AA_and_nothing_scores_0_and_D()
    {
        var best = LkeCriteria.All.ToDictionary(c => c.Code, c => c.Kind == LkeAnswerKind.YesNo ? "Y" : "a");
        var score = LkeCriteria.Score(best);
        Assert.Equal(100m, score.Rounded);
        Assert.Equal("AA", score.Grade.Grade);
        Assert.True(score.Complete);

        var worst = LkeCriteria.Score(LkeCriteria.All.ToDictionary(c => c.Code, c => c.Kind == LkeAnswerKind.YesNo ? "T" : "E"));
        Assert.Equal(0m, worst.Total);
        Assert.Equal(("D", "Sangat Kurang"), worst.Grade);
    }

    [Fact]
    public void A_hand_computed_mixed_worksheet()
    {
        // 1.a Y,Y,Y,T 0.75×6 = 4.5; 1.b A,B,C,D 0.625×9 = 5.625; 1.c A,A,B (2.75/3)×15 = 13.75 → 23.875.
        // 2.a all Y 6; 2.b B,B,C (2/3)×9 = 6; 2.c C,C,C 0.5×15 = 7.5 → 19.5.
        // 3.a Y,Y,T (2/3)×3 = 2; 3.b A,B,B (2.5/3)×4.5 = 3.75; 3.c B,C 0.625×7.5 = 4.6875 → 10.4375.
        // 4.a Y,T,T (1/3)×5; 4.b C,D,E 0.25×7.5 = 1.875; 4.c D,D,E (0.5/3)×12.5 → 5/3 + 1.875 + 25/12 = 5.625.
        // Total 59.4375 → 59.44 → CC (Cukup).
        var score = LkeCriteria.Score(Sheet(
            ("1.a", "YYYT"), ("1.b", "ABCD"), ("1.c", "AAB"),
            ("2.a", "YYY"), ("2.b", "BBC"), ("2.c", "CCC"),
            ("3.a", "YYT"), ("3.b", "ABB"), ("3.c", "BC"),
            ("4.a", "YTT"), ("4.b", "CDE"), ("4.c", "DDE")));
        Assert.Equal(4.5m, score.BySubComponent["1.a"]);
        Assert.Equal(5.625m, score.BySubComponent["1.b"]);
        Assert.Equal(13.75m, Math.Round(score.BySubComponent["1.c"], 10));
        Assert.Equal(4.6875m, score.BySubComponent["3.c"]);
        Assert.Equal([23.875m, 19.5m, 10.4375m, 5.625m], new[] { "1", "2", "3", "4" }.Select(c => Math.Round(score.ByComponent[c], 10)));
        Assert.Equal(59.4375m, Math.Round(score.Total, 10));
        Assert.Equal(59.44m, score.Rounded);
        Assert.Equal(("CC", "Cukup"), score.Grade);
        Assert.True(score.Complete);
    }

    [Fact]
    public void Unanswered_criteria_count_zero_so_a_partial_sheet_never_scores_more()
    {
        // Only 1.a.1 and 1.a.2 answered Y: 1.a's mean is 2/4, so 3 of its 6.
        var score = LkeCriteria.Score(new Dictionary<string, string> { ["1.a.1"] = "Y", ["1.a.2"] = "y" });
        Assert.Equal(3m, score.Total);
        Assert.Equal(2, score.Answered);
        Assert.False(score.Complete);
    }

    [Theory]
    [InlineData("1.a.1", "A")]
    [InlineData("1.b.1", "Y")]
    [InlineData("1.b.1", "F")]
    [InlineData("1.b.1", "")]
    [InlineData("1.b.1", "AB")]
    public void Answers_that_do_not_fit_their_criterion_are_refused(string code, string answer)
    {
        Assert.False(LkeCriteria.TryValue(LkeCriteria.Find(code)!, answer, out _));
        Assert.Throws<ArgumentException>(() => LkeCriteria.Score(new Dictionary<string, string> { [code] = answer }));
    }

    [Fact]
    public void Unknown_criteria_are_refused()
    {
        Assert.Null(LkeCriteria.Find("9.z.1"));
        Assert.Null(LkeCriteria.Find(null));
        Assert.Throws<ArgumentException>(() => LkeCriteria.Score(new Dictionary<string, string> { ["9.z.1"] = "A" }));
    }

    // The grade is read from the two-decimal total: AA > 90 · A > 80 · BB > 70 · B > 60 · CC > 50 · C > 30 · D.
    [Theory]
    [InlineData(90.005, 90.01, "AA")]
    [InlineData(90.004, 90.00, "A")]
    [InlineData(80.004, 80.00, "BB")]
    [InlineData(80.005, 80.01, "A")]
    [InlineData(70, 70, "B")]
    [InlineData(70.01, 70.01, "BB")]
    [InlineData(60, 60, "CC")]
    [InlineData(60.01, 60.01, "B")]
    [InlineData(50, 50, "C")]
    [InlineData(50.01, 50.01, "CC")]
    [InlineData(30, 30, "D")]
    [InlineData(30.01, 30.01, "C")]
    public void Band_edges_on_the_published_figure(double total, double rounded, string grade)
    {
        var score = new LkeSheetScore((decimal)total, new Dictionary<string, decimal>(), new Dictionary<string, decimal>(), 0);
        Assert.Equal((decimal)rounded, score.Rounded);
        Assert.Equal(grade, score.Grade.Grade);
    }
}
