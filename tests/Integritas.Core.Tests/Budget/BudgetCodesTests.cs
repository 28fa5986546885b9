using Integritas.Core.Budget;

namespace Integritas.Core.Tests.Budget;

public sealed class BudgetCodesTests
{
    [Theory]
    [InlineData("1.02.02.2.02.0001", true)]
    [InlineData("X.XX.01.2.01.0001", true)]
    [InlineData("1.02.02.2.02", false)]
    [InlineData("1.02.02.2.02.001", false)]
    [InlineData("1.02.02.2.02.0001 ", false)]
    [InlineData("", false)]
    public void Sub_kegiatan_codes_have_six_segments(string code, bool valid) => Assert.Equal(valid, BudgetCodes.IsSubKegiatan(code));

    [Theory]
    [InlineData("5.1.02.01.01.0024", true)]
    [InlineData("5.2.03.01.01.0001", true)]
    [InlineData("4.1.01.01.01.0001", false)] // revenue, not spending
    [InlineData("5.1.02.01.01", false)]
    [InlineData("5.1.2.01.01.0024", false)]
    public void Spending_accounts_are_group_5_in_six_levels(string code, bool valid) => Assert.Equal(valid, BudgetCodes.IsSpendingAccount(code));

    [Fact]
    public void Program_and_kegiatan_are_prefixes_of_the_sub_kegiatan()
    {
        Assert.Equal("1.02.02", BudgetCodes.ProgramOf("1.02.02.2.02.0001"));
        Assert.Equal("1.02.02.2.02", BudgetCodes.KegiatanOf("1.02.02.2.02.0001"));
        Assert.Equal("5.1", BudgetCodes.AccountGroupOf("5.1.02.01.01.0024"));
        Assert.True(BudgetCodes.IsProgram("1.02.02"));
        Assert.True(BudgetCodes.IsKegiatan("1.02.02.2.02"));
    }
}

public sealed class PriceCheckTests
{
    private static readonly ReferenceUnitPrice SshJan = new(true, new DateOnly(2026, 1, 1), "zak", 70_000m);
    private static readonly ReferenceUnitPrice SshJul = new(true, new DateOnly(2026, 7, 1), "zak", 75_000m);
    private static readonly ReferenceUnitPrice National = new(false, new DateOnly(2026, 1, 1), "zak", 60_000m);

    [Fact]
    public void The_regional_price_in_force_on_the_date_applies()
    {
        Assert.Equal(SshJan, PriceCheck.ReferenceFor([National, SshJul, SshJan], new DateOnly(2026, 3, 10), "zak"));
        Assert.Equal(SshJul, PriceCheck.ReferenceFor([National, SshJul, SshJan], new DateOnly(2026, 7, 1), "ZAK"));
        Assert.Equal(National, PriceCheck.ReferenceFor([National], new DateOnly(2026, 3, 10), "zak"));
        Assert.Null(PriceCheck.ReferenceFor([SshJan], new DateOnly(2025, 12, 31), "zak"));
        Assert.Null(PriceCheck.ReferenceFor([SshJan], new DateOnly(2026, 3, 10), "kg"));
    }

    [Theory]
    [InlineData(98_000, 70_000, 40, true)]   // the seed's marked-up cement
    [InlineData(77_000, 70_000, 10, false)]  // exactly the margin is not above it
    [InlineData(77_001, 70_000, 10, true)]
    [InlineData(63_000, 70_000, -10, false)]
    [InlineData(52_000, 55_000, -5.45, false)]
    public void Markup_is_relative_to_the_reference_and_rounded_to_two_places(decimal price, decimal reference, decimal markup, bool above)
    {
        var result = PriceCheck.Compare(price, reference, 10m);
        Assert.Equal((markup, above), (result.MarkupPercent, result.AboveMargin));
    }

    [Fact]
    public void A_markup_beyond_what_can_be_stored_is_kept_at_the_ceiling_and_still_marked()
    {
        // A reference typed as Rp0.01 for a Rp5 juta laptop: 49,999,999,900 % would overflow numeric(12,2).
        var result = PriceCheck.Compare(5_000_000m, 0.01m, 10m);
        Assert.Equal((PriceCheck.MarkupCeiling, true), (result.MarkupPercent, result.AboveMargin));
        Assert.Equal(9_999_999_900m, PriceCheck.Compare(1_000_000m, 0.01m, 10m).MarkupPercent);
    }
}
