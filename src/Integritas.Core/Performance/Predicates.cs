namespace Integritas.Core.Performance;

/// <summary>A predicate band: capaian at or above <see cref="From"/> (and below the next band) gets <see cref="Name"/>.</summary>
public sealed record PredicateBand(decimal From, string Name, string NameEn);

/// <summary>
/// The LKjIP predicate bands for an agency's capaian (<c>sakip.md</c>: ≥ 91 sangat tinggi · 76–90 tinggi · 66–75
/// sedang · 51–65 rendah · ≤ 50 sangat rendah). The printed bands are whole numbers; a value between them (90.5, 50.5)
/// belongs to the lower band, i.e. each band starts at its printed lower bound. Configurable: any bands, highest first.
/// </summary>
public sealed class Predicates(IReadOnlyList<PredicateBand> bands)
{
    public static readonly Predicates Default = new(
    [
        new(91m, "Sangat tinggi", "Very high"),
        new(76m, "Tinggi", "High"),
        new(66m, "Sedang", "Medium"),
        new(51m, "Rendah", "Low"),
        new(decimal.MinValue, "Sangat rendah", "Very low"),
    ]);

    public IReadOnlyList<PredicateBand> Bands { get; } = bands.OrderByDescending(b => b.From).ToList() is { Count: > 0 } sorted
        ? sorted
        : throw new ArgumentException("At least one band is needed.", nameof(bands));

    /// <summary>The band of a capaian, or null when there is no capaian.</summary>
    public PredicateBand? Of(decimal? capaian) => capaian is { } c ? Bands.FirstOrDefault(b => c >= b.From) ?? Bands[^1] : null;
}
