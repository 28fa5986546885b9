namespace Integritas.Core.Performance;

/// <summary>Which way an indicator is better (<c>../shared/docs/standards/sakip.md</c>, "Capaian").</summary>
public enum Polarity
{
    /// <summary>Higher is better: capaian = realisasi / target × 100.</summary>
    Higher = 1,

    /// <summary>Lower is better: capaian = (2 − realisasi / target) × 100.</summary>
    Lower = 2,

    /// <summary>Within a target range [lo, hi]: 100 inside; outside, compared with the nearer bound by the range's direction.</summary>
    Range = 3,
}

/// <summary>An indicator's target: one value, or a range with the direction that decides outside it.</summary>
public sealed record Target(Polarity Polarity, decimal Value, decimal? Max = null, Polarity RangeDirection = Polarity.Higher)
{
    public static Target HigherIsBetter(decimal value) => new(Polarity.Higher, value);

    public static Target LowerIsBetter(decimal value) => new(Polarity.Lower, value);

    /// <summary>A range [lo, hi]; <paramref name="direction"/> (higher or lower is better) compares a value outside it with the nearer bound.</summary>
    public static Target Between(decimal lo, decimal hi, Polarity direction)
    {
        if (lo > hi)
        {
            throw new ArgumentException("The range's lower bound is above its upper bound.", nameof(lo));
        }

        if (direction == Polarity.Range)
        {
            throw new ArgumentException("A range's direction is higher or lower is better.", nameof(direction));
        }

        return new(Polarity.Range, lo, hi, direction);
    }
}

/// <summary>A capaian: the percentage, or why there is none.</summary>
public readonly record struct CapaianResult(decimal? Percent, string? NotComputable)
{
    public bool IsComputable => Percent is not null;

    public static CapaianResult Of(decimal percent) => new(percent, null);

    public static CapaianResult NotAvailable(string reason) => new(null, reason);

    /// <summary>The value used for scoring where a regency caps capaian (e.g. 120); the stored value is never capped.</summary>
    public decimal? Scored(decimal? cap) => Percent is { } p && cap is { } c && p > c ? c : Percent;

    /// <summary>Rounded for display: two decimals, half away from zero.</summary>
    public decimal? Rounded(int decimals = 2) => Percent is { } p ? Math.Round(p, decimals, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// Capaian (achievement) of an indicator by the rules in <c>sakip.md</c>: higher is better realisasi/target×100; lower
/// is better (2 − realisasi/target)×100; a range is 100 inside and compared with the nearer bound outside; a zero
/// target (or zero bound being compared with) is not computable, with the reason. Exact decimal arithmetic; nothing is
/// capped here.
/// </summary>
public static class Capaian
{
    public const string ZeroTarget = "Target nol: capaian tidak dapat dihitung (pembagian dengan nol) / Zero target: no capaian (division by zero)";
    public const string NoRealisation = "Belum ada realisasi / No realisation yet";
    public const string NegativeTarget = "Target negatif: rumus capaian tidak berlaku / Negative target: the capaian formula does not apply";

    public static CapaianResult Of(Target target, decimal? realisation)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (realisation is not { } r)
        {
            return CapaianResult.NotAvailable(NoRealisation);
        }

        return target.Polarity switch
        {
            Polarity.Higher => Directed(Polarity.Higher, target.Value, r),
            Polarity.Lower => Directed(Polarity.Lower, target.Value, r),
            Polarity.Range => RangeOf(target, r),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Polarity, "Unknown polarity."),
        };
    }

    private static CapaianResult RangeOf(Target target, decimal r)
    {
        var lo = target.Value;
        var hi = target.Max ?? throw new ArgumentException("A range target needs its upper bound.", nameof(target));
        if (r >= lo && r <= hi)
        {
            return CapaianResult.Of(100m);
        }

        return Directed(target.RangeDirection, r > hi ? hi : lo, r);
    }

    private static CapaianResult Directed(Polarity direction, decimal target, decimal r)
    {
        if (target == 0)
        {
            return CapaianResult.NotAvailable(ZeroTarget);
        }

        if (target < 0)
        {
            return CapaianResult.NotAvailable(NegativeTarget);
        }

        var ratio = r / target;
        return CapaianResult.Of(direction == Polarity.Lower ? (2 - ratio) * 100 : ratio * 100);
    }

    /// <summary>Budget absorption (serapan): realised spending / ceiling (pagu) × 100; not computable for a zero ceiling.</summary>
    public static CapaianResult Absorption(decimal pagu, decimal spent) =>
        pagu <= 0 ? CapaianResult.NotAvailable("Pagu nol: serapan tidak dapat dihitung / Zero ceiling: no absorption") : CapaianResult.Of(spent / pagu * 100);

    /// <summary>
    /// Efficiency: output capaian against budget absorption, as the ratio of the two × 100 (above 100: more achieved
    /// than the share of the budget spent). Not computable when either is missing or absorption is zero.
    /// </summary>
    public static CapaianResult Efficiency(CapaianResult output, CapaianResult absorption) =>
        output.Percent is not { } o ? CapaianResult.NotAvailable(output.NotComputable ?? NoRealisation)
        : absorption.Percent is not { } a ? CapaianResult.NotAvailable(absorption.NotComputable ?? NoRealisation)
        : a == 0 ? CapaianResult.NotAvailable("Serapan nol / No spending yet")
        : CapaianResult.Of(o / a * 100);

    /// <summary>
    /// The mean capaian of a group (sasaran, program, OPD): the plain average of its indicators' computable capaian,
    /// each capped first when a cap is set; indicators without a capaian are left out and counted.
    /// </summary>
    public static (CapaianResult Mean, int Counted, int Left) Mean(IEnumerable<CapaianResult> results, decimal? cap = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var values = new List<decimal>();
        var left = 0;
        foreach (var result in results)
        {
            if (result.Scored(cap) is { } v)
            {
                values.Add(v);
            }
            else
            {
                left++;
            }
        }

        return values.Count == 0
            ? (CapaianResult.NotAvailable("Tidak ada indikator dengan capaian / No indicator with a capaian"), 0, left)
            : (CapaianResult.Of(values.Sum() / values.Count), values.Count, left);
    }
}
