namespace Integritas.Core.Performance;

/// <summary>Where a result or behaviour stands against expectation (PermenPAN-RB 6/2022).</summary>
public enum Expectation
{
    Above = 1,
    Meets = 2,
    Below = 3,
}

/// <summary>The employee performance rating (SKP) of PermenPAN-RB 6/2022: the matrix of work results × work behaviour.</summary>
public static class SkpRating
{
    public static string Of(Expectation results, Expectation behaviour) => (results, behaviour) switch
    {
        (Expectation.Above, Expectation.Above) => "Sangat Baik",
        (Expectation.Above or Expectation.Meets, Expectation.Above or Expectation.Meets) => "Baik",
        (Expectation.Above or Expectation.Meets, Expectation.Below) => "Kurang/Misconduct",
        (Expectation.Below, Expectation.Above or Expectation.Meets) => "Butuh Perbaikan",
        (Expectation.Below, Expectation.Below) => "Sangat Kurang",
        _ => throw new ArgumentOutOfRangeException(nameof(results)),
    };
}
