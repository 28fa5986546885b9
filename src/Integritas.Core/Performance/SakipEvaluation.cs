namespace Integritas.Core.Performance;

/// <summary>A component of the SAKIP evaluation worksheet (LKE) with its weight and its three sub-components' weights.</summary>
public sealed record LkeComponent(string Code, string Name, decimal Weight, IReadOnlyList<LkeSubComponent> SubComponents);

public sealed record LkeSubComponent(string Code, string Name, decimal Weight);

/// <summary>An evaluator's answer to one criterion, worth 0–1 of its share (e.g. Y/T as 1/0, or A–E as 1, .75, .5, .25, 0).</summary>
public sealed record LkeAnswer(string SubComponentCode, decimal Value);

/// <summary>
/// The SAKIP evaluation score (LHE) of PermenPAN-RB 88/2021 (<c>sakip.md</c>): four components — Perencanaan Kinerja
/// 30 (6 / 9 / 15), Pengukuran Kinerja 30 (6 / 9 / 15), Pelaporan Kinerja 15 (3 / 4.5 / 7.5), Evaluasi Akuntabilitas
/// Kinerja Internal 25 (5 / 7.5 / 12.5); each sub-component's score is its weight × the mean of its criteria's
/// values; the total is the sum, out of 100, graded AA … D.
/// </summary>
public static class SakipEvaluation
{
    public static readonly IReadOnlyList<LkeComponent> Components =
    [
        new("1", "Perencanaan Kinerja", 30m, [new("1.a", "Keberadaan", 6m), new("1.b", "Kualitas", 9m), new("1.c", "Pemanfaatan", 15m)]),
        new("2", "Pengukuran Kinerja", 30m, [new("2.a", "Keberadaan", 6m), new("2.b", "Kualitas", 9m), new("2.c", "Pemanfaatan", 15m)]),
        new("3", "Pelaporan Kinerja", 15m, [new("3.a", "Keberadaan", 3m), new("3.b", "Kualitas", 4.5m), new("3.c", "Pemanfaatan", 7.5m)]),
        new("4", "Evaluasi Akuntabilitas Kinerja Internal", 25m, [new("4.a", "Keberadaan", 5m), new("4.b", "Kualitas", 7.5m), new("4.c", "Pemanfaatan", 12.5m)]),
    ];

    /// <summary>The value of an A–E answer: A 1, B 0.75, C 0.5, D 0.25, E 0.</summary>
    public static decimal Scale(char answer) => char.ToUpperInvariant(answer) switch
    {
        'A' => 1m,
        'B' => 0.75m,
        'C' => 0.5m,
        'D' => 0.25m,
        'E' => 0m,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "An answer is A, B, C, D or E."),
    };

    /// <summary>Scores per sub-component, per component and in total. A sub-component without answers scores 0.</summary>
    public static (decimal Total, IReadOnlyDictionary<string, decimal> ByComponent, IReadOnlyDictionary<string, decimal> BySubComponent) Score(IEnumerable<LkeAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var grouped = answers.GroupBy(a => a.SubComponentCode).ToDictionary(g => g.Key, g => g.Select(a => a.Value).ToList(), StringComparer.Ordinal);
        foreach (var (code, values) in grouped)
        {
            if (!Components.Any(c => c.SubComponents.Any(s => s.Code == code)))
            {
                throw new ArgumentException($"Unknown sub-component '{code}'.", nameof(answers));
            }

            if (values.Any(v => v is < 0 or > 1))
            {
                throw new ArgumentException($"Answers to '{code}' must be between 0 and 1.", nameof(answers));
            }
        }

        var bySub = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var byComponent = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var component in Components)
        {
            var sum = 0m;
            foreach (var sub in component.SubComponents)
            {
                var score = grouped.TryGetValue(sub.Code, out var values) && values.Count > 0 ? sub.Weight * values.Average() : 0m;
                bySub[sub.Code] = score;
                sum += score;
            }

            byComponent[component.Code] = sum;
        }

        return (byComponent.Values.Sum(), byComponent, bySub);
    }

    /// <summary>
    /// The grade: AA &gt; 90 (Sangat Memuaskan) · A &gt; 80–90 (Memuaskan) · BB &gt; 70–80 (Sangat Baik) · B &gt; 60–70
    /// (Baik) · CC &gt; 50–60 (Cukup) · C &gt; 30–50 (Kurang) · D 0–30 (Sangat Kurang). A band's upper bound belongs to
    /// it: exactly 90 is A, exactly 30 is D.
    /// </summary>
    public static (string Grade, string Meaning) Grade(decimal score) => score switch
    {
        < 0 or > 100 => throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 0–100."),
        > 90 => ("AA", "Sangat Memuaskan"),
        > 80 => ("A", "Memuaskan"),
        > 70 => ("BB", "Sangat Baik"),
        > 60 => ("B", "Baik"),
        > 50 => ("CC", "Cukup"),
        > 30 => ("C", "Kurang"),
        _ => ("D", "Sangat Kurang"),
    };
}
