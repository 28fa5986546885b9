using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

public class PredicateTests
{
    // sakip.md: ≥ 91 sangat tinggi · 76–90 tinggi · 66–75 sedang · 51–65 rendah · ≤ 50 sangat rendah.
    [Theory]
    [InlineData(120, "Sangat tinggi")]
    [InlineData(91, "Sangat tinggi")]
    [InlineData(90.99, "Tinggi")]
    [InlineData(90, "Tinggi")]
    [InlineData(76, "Tinggi")]
    [InlineData(75, "Sedang")]
    [InlineData(66, "Sedang")]
    [InlineData(65, "Rendah")]
    [InlineData(51, "Rendah")]
    [InlineData(50.5, "Sangat rendah")]
    [InlineData(50, "Sangat rendah")]
    [InlineData(0, "Sangat rendah")]
    [InlineData(-10, "Sangat rendah")]
    public void Default_bands(double capaian, string expected) => Assert.Equal(expected, Predicates.Default.Of((decimal)capaian)!.Name);

    [Fact]
    public void Bands_are_configurable_and_no_capaian_has_no_predicate()
    {
        var custom = new Predicates([new(50m, "Baik", "Good"), new(0m, "Kurang", "Poor")]);
        Assert.Equal("Baik", custom.Of(50m)!.Name);
        Assert.Equal("Kurang", custom.Of(10m)!.Name);
        Assert.Equal("Kurang", custom.Of(-1m)!.Name);
        Assert.Null(Predicates.Default.Of(null));
    }
}

public class SakipEvaluationTests
{
    [Fact]
    public void Components_and_weights_are_those_of_PermenPANRB_88_2021()
    {
        Assert.Equal([30m, 30m, 15m, 25m], SakipEvaluation.Components.Select(c => c.Weight));
        Assert.Equal([6m, 9m, 15m, 6m, 9m, 15m, 3m, 4.5m, 7.5m, 5m, 7.5m, 12.5m], SakipEvaluation.Components.SelectMany(c => c.SubComponents).Select(s => s.Weight));
        Assert.All(SakipEvaluation.Components, c => Assert.Equal(c.Weight, c.SubComponents.Sum(s => s.Weight)));
        Assert.Equal(100m, SakipEvaluation.Components.Sum(c => c.Weight));
    }

    [Fact]
    public void Full_marks_score_100_and_a_worked_mixed_sheet()
    {
        var all = SakipEvaluation.Components.SelectMany(c => c.SubComponents).Select(s => new LkeAnswer(s.Code, 1m));
        Assert.Equal(100m, SakipEvaluation.Score(all).Total);

        // Perencanaan: keberadaan A,A (1) → 6; kualitas A,B,C (0.75) → 6.75; pemanfaatan B,C (0.625) → 9.375: 22.125.
        // Pengukuran: all B → 22.5. Pelaporan: all A → 15. Evaluasi internal: C everywhere → 12.5. Total 72.125 → BB.
        var answers = new List<LkeAnswer>
        {
            new("1.a", SakipEvaluation.Scale('A')), new("1.a", SakipEvaluation.Scale('A')),
            new("1.b", SakipEvaluation.Scale('A')), new("1.b", SakipEvaluation.Scale('B')), new("1.b", SakipEvaluation.Scale('C')),
            new("1.c", SakipEvaluation.Scale('B')), new("1.c", SakipEvaluation.Scale('C')),
            new("2.a", 0.75m), new("2.b", 0.75m), new("2.c", 0.75m),
            new("3.a", 1m), new("3.b", 1m), new("3.c", 1m),
            new("4.a", 0.5m), new("4.b", 0.5m), new("4.c", 0.5m),
        };
        var (total, byComponent, bySub) = SakipEvaluation.Score(answers);
        Assert.Equal(6.75m, bySub["1.b"]);
        Assert.Equal(9.375m, bySub["1.c"]);
        Assert.Equal([22.125m, 22.5m, 15m, 12.5m], new[] { "1", "2", "3", "4" }.Select(c => byComponent[c]));
        Assert.Equal(72.125m, total);
        Assert.Equal(("BB", "Sangat Baik"), SakipEvaluation.Grade(total));
    }

    [Fact]
    public void Unanswered_sub_components_score_zero_and_bad_answers_are_refused()
    {
        Assert.Equal(6m, SakipEvaluation.Score([new LkeAnswer("1.a", 1m)]).Total);
        Assert.Throws<ArgumentException>(() => SakipEvaluation.Score([new LkeAnswer("9.z", 1m)]));
        Assert.Throws<ArgumentException>(() => SakipEvaluation.Score([new LkeAnswer("1.a", 1.5m)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SakipEvaluation.Scale('F'));
    }

    // AA > 90 · A > 80–90 · BB > 70–80 · B > 60–70 · CC > 50–60 · C > 30–50 · D 0–30.
    [Theory]
    [InlineData(100, "AA")]
    [InlineData(90.01, "AA")]
    [InlineData(90, "A")]
    [InlineData(80.01, "A")]
    [InlineData(80, "BB")]
    [InlineData(70.5, "BB")]
    [InlineData(70, "B")]
    [InlineData(60, "CC")]
    [InlineData(50.01, "CC")]
    [InlineData(50, "C")]
    [InlineData(30.01, "C")]
    [InlineData(30, "D")]
    [InlineData(0, "D")]
    public void Grades(double score, string grade) => Assert.Equal(grade, SakipEvaluation.Grade((decimal)score).Grade);

    [Fact]
    public void A_score_outside_0_to_100_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => SakipEvaluation.Grade(100.5m));
}

public class SkpRatingTests
{
    [Theory]
    [InlineData(Expectation.Above, Expectation.Above, "Sangat Baik")]
    [InlineData(Expectation.Above, Expectation.Meets, "Baik")]
    [InlineData(Expectation.Above, Expectation.Below, "Kurang/Misconduct")]
    [InlineData(Expectation.Meets, Expectation.Above, "Baik")]
    [InlineData(Expectation.Meets, Expectation.Meets, "Baik")]
    [InlineData(Expectation.Meets, Expectation.Below, "Kurang/Misconduct")]
    [InlineData(Expectation.Below, Expectation.Above, "Butuh Perbaikan")]
    [InlineData(Expectation.Below, Expectation.Meets, "Butuh Perbaikan")]
    [InlineData(Expectation.Below, Expectation.Below, "Sangat Kurang")]
    public void The_PermenPANRB_6_2022_matrix(Expectation results, Expectation behaviour, string rating) => Assert.Equal(rating, SkpRating.Of(results, behaviour));
}

public class BudgetCodeTests
{
    [Theory]
    [InlineData("1.02.01.2.01.0001", BudgetLevel.SubKegiatan)] // sakip.md's example
    [InlineData("1.02.01.2.01", BudgetLevel.Kegiatan)]
    [InlineData("1.02.01", BudgetLevel.Program)]
    [InlineData("1.02", BudgetLevel.Bidang)]
    [InlineData("1", BudgetLevel.Urusan)]
    [InlineData("X.XX.01.2.02.0001", BudgetLevel.SubKegiatan)] // a supporting programme of every urusan
    [InlineData("3.27.03.2.01.0012", BudgetLevel.SubKegiatan)]
    public void Programme_codes_and_their_levels(string code, BudgetLevel level) => Assert.Equal(level, BudgetCode.LevelOf(code));

    [Theory]
    [InlineData("1.2.01.2.01.0001")] // bidang has two digits
    [InlineData("1.02.01.2.1.0001")]
    [InlineData("1.02.01.2.01.001")]
    [InlineData("1.02.01.0.01.0001")] // kegiatan's first digit is 1–9
    [InlineData("9.02.01.2.01.0001")] // no urusan 9
    [InlineData("X.02.01")] // X goes with XX
    [InlineData("1.XX.01")]
    [InlineData("1.02.01.2.01.0001.")]
    [InlineData(" 1.02.01")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_programme_codes(string? code) => Assert.Null(BudgetCode.LevelOf(code));

    [Fact]
    public void Parents()
    {
        Assert.Equal("1.02.01.2.01", BudgetCode.ParentOf("1.02.01.2.01.0001"));
        Assert.Equal("1.02.01", BudgetCode.ParentOf("1.02.01.2.01"));
        Assert.Equal("1.02", BudgetCode.ParentOf("1.02.01"));
        Assert.Equal("1", BudgetCode.ParentOf("1.02"));
        Assert.Null(BudgetCode.ParentOf("1"));
    }

    [Theory]
    [InlineData("5.1.02.01.01.0024", true, true)] // Belanja Alat Tulis Kantor, sakip.md's example
    [InlineData("5.2.02.05.01.0001", true, true)] // capital spending
    [InlineData("4.1.01.01.01.0001", true, false)] // revenue: an account, not spending
    [InlineData("5.1.02.01.01.024", false, false)]
    [InlineData("5.1.2.01.01.0024", false, false)]
    [InlineData("7.1.02.01.01.0024", false, false)]
    public void Account_codes(string code, bool account, bool spending)
    {
        Assert.Equal(account, BudgetCode.IsAccount(code));
        Assert.Equal(spending, BudgetCode.IsAccount(code, spending: true));
    }
}
