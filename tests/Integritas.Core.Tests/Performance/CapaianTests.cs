using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

/// <summary>The worked examples of <c>../shared/docs/standards/sakip.md</c>, "Capaian".</summary>
public class CapaianTests
{
    [Fact]
    public void Higher_is_better_is_realisation_over_target()
    {
        Assert.Equal(80m, Capaian.Of(Target.HigherIsBetter(500m), 400m).Percent);
        Assert.Equal(125m, Capaian.Of(Target.HigherIsBetter(80m), 100m).Percent);
    }

    [Fact]
    public void Lower_is_better_target_8_months_realisation_6_5_is_118_75_percent()
    {
        Assert.Equal(118.75m, Capaian.Of(Target.LowerIsBetter(8m), 6.5m).Percent);
        Assert.Equal(87.5m, Capaian.Of(Target.LowerIsBetter(8m), 9m).Percent);
        Assert.Equal(100m, Capaian.Of(Target.LowerIsBetter(8m), 8m).Percent);
    }

    [Fact]
    public void Range_lower_is_better_7_to_8_months()
    {
        var target = Target.Between(7m, 8m, Polarity.Lower);
        Assert.Equal(107.1m, Capaian.Of(target, 6.5m).Rounded(1)); // below lo: (2 − 6.5/7) × 100 = 107.142…
        Assert.Equal(87.5m, Capaian.Of(target, 9m).Percent); // above hi: (2 − 9/8) × 100
        Assert.Equal(100m, Capaian.Of(target, 7.5m).Percent);
        Assert.Equal(100m, Capaian.Of(target, 7m).Percent);
        Assert.Equal(100m, Capaian.Of(target, 8m).Percent);
    }

    [Fact]
    public void Range_higher_is_better_92_against_80_to_90_is_102_2_percent()
    {
        var target = Target.Between(80m, 90m, Polarity.Higher);
        Assert.Equal(102.2m, Capaian.Of(target, 92m).Rounded(1)); // 92/90 = 102.22…
        Assert.Equal(93.75m, Capaian.Of(target, 75m).Percent); // below lo: 75/80
        Assert.Equal(100m, Capaian.Of(target, 85m).Percent);
    }

    [Fact]
    public void A_zero_target_is_not_computable_and_says_why()
    {
        foreach (var target in new[] { Target.HigherIsBetter(0m), Target.LowerIsBetter(0m), Target.Between(0m, 5m, Polarity.Higher) })
        {
            var result = Capaian.Of(target, target.Polarity == Polarity.Range ? -1m : 3m);
            Assert.False(result.IsComputable);
            Assert.Null(result.Percent);
            Assert.Equal(Capaian.ZeroTarget, result.NotComputable);
        }

        // Inside a range that starts at zero there is nothing to divide: 100 %.
        Assert.Equal(100m, Capaian.Of(Target.Between(0m, 5m, Polarity.Lower), 0m).Percent);
        Assert.Equal(Capaian.NoRealisation, Capaian.Of(Target.HigherIsBetter(10m), null).NotComputable);
        Assert.Equal(Capaian.NegativeTarget, Capaian.Of(Target.HigherIsBetter(-4m), 2m).NotComputable);
    }

    [Fact]
    public void A_cap_applies_to_scoring_only_and_the_stored_value_stays()
    {
        var result = Capaian.Of(Target.LowerIsBetter(8m), 1m); // (2 − 1/8) × 100 = 187.5
        Assert.Equal(187.5m, result.Percent);
        Assert.Equal(120m, result.Scored(120m));
        Assert.Equal(187.5m, result.Scored(null));
        Assert.Equal(187.5m, result.Percent);
        Assert.Equal(90m, Capaian.Of(Target.HigherIsBetter(10m), 9m).Scored(120m));
    }

    [Fact]
    public void Group_mean_leaves_out_indicators_without_capaian_and_caps_first_when_asked()
    {
        CapaianResult[] results = [CapaianResult.Of(80m), CapaianResult.Of(187.5m), CapaianResult.NotAvailable(Capaian.ZeroTarget)];
        var (mean, counted, left) = Capaian.Mean(results);
        Assert.Equal((133.75m, 2, 1), (mean.Percent, counted, left));
        Assert.Equal(100m, Capaian.Mean(results, cap: 120m).Mean.Percent); // (80 + 120) / 2
        Assert.False(Capaian.Mean([CapaianResult.NotAvailable(Capaian.ZeroTarget)]).Mean.IsComputable);
    }

    [Fact]
    public void Budget_absorption_and_efficiency()
    {
        var absorption = Capaian.Absorption(1_250_000_000m, 1_000_000_000m);
        Assert.Equal(80m, absorption.Percent);
        Assert.False(Capaian.Absorption(0m, 5m).IsComputable);
        Assert.Equal(112.5m, Capaian.Efficiency(CapaianResult.Of(90m), absorption).Percent); // 90 % achieved on 80 % spent
        Assert.False(Capaian.Efficiency(CapaianResult.Of(90m), CapaianResult.Of(0m)).IsComputable);
        Assert.False(Capaian.Efficiency(Capaian.Of(Target.HigherIsBetter(0m), 1m), absorption).IsComputable);
    }

    [Fact]
    public void A_range_must_be_ordered_and_directed()
    {
        Assert.Throws<ArgumentException>(() => Target.Between(9m, 8m, Polarity.Lower));
        Assert.Throws<ArgumentException>(() => Target.Between(7m, 8m, Polarity.Range));
    }
}
