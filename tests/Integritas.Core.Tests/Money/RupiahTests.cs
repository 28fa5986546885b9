using Integritas.Core.Money;

namespace Integritas.Core.Tests.Money;

public class RupiahTests
{
    public static TheoryData<decimal, string> WholeAmounts => new()
    {
        { 0m, "Rp0" },
        { 1m, "Rp1" },
        { 999m, "Rp999" },
        { 1_000m, "Rp1.000" },
        { 12_345m, "Rp12.345" },
        { 123_456m, "Rp123.456" },
        { 1_234_567m, "Rp1.234.567" },
        { 1_234.00m, "Rp1.234" },
        { 1_000_000_000m, "Rp1.000.000.000" },
    };

    [Theory]
    [MemberData(nameof(WholeAmounts))]
    public void FormatWritesWholeAmountsWithDotGroupingAndNoSen(decimal amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    public static TheoryData<decimal, string> AmountsWithSen => new()
    {
        { 1_234.5m, "Rp1.234,50" },
        { 1_234.50m, "Rp1.234,50" },
        { 1_234.05m, "Rp1.234,05" },
        { 1_234_567.89m, "Rp1.234.567,89" },
        { 0.5m, "Rp0,50" },
        { 0.01m, "Rp0,01" },
        { 999.99m, "Rp999,99" },
    };

    [Theory]
    [MemberData(nameof(AmountsWithSen))]
    public void FormatShowsSenOnlyWhenPresent(decimal amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    public static TheoryData<decimal, string> NegativeAmounts => new()
    {
        { -1m, "-Rp1" },
        { -1_234m, "-Rp1.234" },
        { -1_234_567m, "-Rp1.234.567" },
        { -1_234.5m, "-Rp1.234,50" },
        { -0.01m, "-Rp0,01" },
    };

    [Theory]
    [MemberData(nameof(NegativeAmounts))]
    public void FormatPutsTheMinusSignBeforeRp(decimal amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    public static TheoryData<decimal, string> RoundingCases => new()
    {
        { 1_234.565m, "Rp1.234,57" },
        { 1_234.564m, "Rp1.234,56" },
        { 1_234.5649m, "Rp1.234,56" },
        { 1_234.555m, "Rp1.234,56" },
        { 1_234.545m, "Rp1.234,55" },
        { -1_234.565m, "-Rp1.234,57" },
        { -1_234.545m, "-Rp1.234,55" },
        { 0.005m, "Rp0,01" },
        { -0.005m, "-Rp0,01" },
        { 0.995m, "Rp1" },
        { 1.999m, "Rp2" },
        { 1_234.0049m, "Rp1.234" },
        { 999_999.995m, "Rp1.000.000" },
        { -999_999.995m, "-Rp1.000.000" },
    };

    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void FormatRoundsSenHalfAwayFromZero(decimal amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    public static TheoryData<decimal> AmountsThatRoundToZero => new()
    {
        -0.004m,
        -0.0049m,
        -0.0001m,
        -0.0000000000000000000000000001m,
        new decimal(0, 0, 0, isNegative: true, scale: 2),
        decimal.Negate(0m),
    };

    [Theory]
    [MemberData(nameof(AmountsThatRoundToZero))]
    public void FormatNeverShowsNegativeZero(decimal amount)
    {
        Assert.Equal("Rp0", Rupiah.Format(amount));
    }

    [Fact]
    public void FormatHandlesOneTrillion()
    {
        Assert.Equal("Rp1.000.000.000.000", Rupiah.Format(1_000_000_000_000m));
        Assert.Equal("Rp1.000.000.000.000,75", Rupiah.Format(1_000_000_000_000.75m));
        Assert.Equal("-Rp1.000.000.000.000", Rupiah.Format(-1_000_000_000_000m));
    }

    [Fact]
    public void FormatHandlesApbdScaleAmounts()
    {
        // A regency's APBD is in the trillions; a provincial one can reach tens of trillions.
        Assert.Equal("Rp2.345.678.901.234,56", Rupiah.Format(2_345_678_901_234.56m));
        Assert.Equal("Rp45.000.000.000.000", Rupiah.Format(45_000_000_000_000m));
    }

    [Fact]
    public void FormatHandlesTheDecimalLimits()
    {
        Assert.Equal("Rp79.228.162.514.264.337.593.543.950.335", Rupiah.Format(decimal.MaxValue));
        Assert.Equal("-Rp79.228.162.514.264.337.593.543.950.335", Rupiah.Format(decimal.MinValue));
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void FormatDoesNotDependOnTheCurrentCulture(string culture)
    {
        using var scope = new CultureScope(culture);

        Assert.Equal("Rp1.234.567", Rupiah.Format(1_234_567m));
        Assert.Equal("Rp1.234,50", Rupiah.Format(1_234.5m));
        Assert.Equal("-Rp1.234", Rupiah.Format(-1_234m));
    }

    public static TheoryData<decimal, int, string> NumberCases => new()
    {
        { 0m, 2, "0" },
        { 1m, 2, "1" },
        { 1_234m, 2, "1.234" },
        { 1_234.5m, 2, "1.234,5" },
        { 1_234.50m, 2, "1.234,5" },
        { 1_234.05m, 2, "1.234,05" },
        { 1_234.567m, 2, "1.234,57" },
        { 1_234.565m, 2, "1.234,57" },
        { -1_234.565m, 2, "-1.234,57" },
        { -1_234.5m, 2, "-1.234,5" },
        { 0.125m, 2, "0,13" },
        { 0.5m, 2, "0,5" },
        { 1_234.5m, 0, "1.235" },
        { 1_234.4m, 0, "1.234" },
        { -1_234.5m, 0, "-1.235" },
        { 0.5m, 0, "1" },
        { -0.5m, 0, "-1" },
        { 2.5m, 0, "3" },
        { 1_234_567.891m, 3, "1.234.567,891" },
        { 1_234_567.8915m, 3, "1.234.567,892" },
        { 12.3456789m, 4, "12,3457" },
        { 1_000_000_000_000m, 2, "1.000.000.000.000" },
        { 99.9m, 1, "99,9" },
        { 99.96m, 1, "100" },
    };

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void NumberUsesIndonesianSeparatorsAndTrimsTrailingZeros(decimal value, int decimals, string expected)
    {
        Assert.Equal(expected, Rupiah.Number(value, decimals));
    }

    [Fact]
    public void NumberKeepsTwoDecimalsByDefault()
    {
        Assert.Equal("1.234,57", Rupiah.Number(1_234.5678m));
        Assert.Equal("1,01", Rupiah.Number(1.005m));
        Assert.Equal("75,5", Rupiah.Number(75.5m));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(4)]
    public void NumberNeverShowsNegativeZero(int decimals)
    {
        Assert.Equal("0", Rupiah.Number(-0.00001m, decimals));
        Assert.Equal("0", Rupiah.Number(decimal.Negate(0m), decimals));
        Assert.Equal("0", Rupiah.Number(new decimal(0, 0, 0, isNegative: true, scale: 3), decimals));
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void NumberDoesNotDependOnTheCurrentCulture(string culture)
    {
        using var scope = new CultureScope(culture);

        Assert.Equal("1.234.567,89", Rupiah.Number(1_234_567.891m));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void NumberRejectsAnOutOfRangeDecimalCount(int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rupiah.Number(1m, decimals));
    }
}
