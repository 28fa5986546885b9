using Integritas.Core.Rewards;

namespace Integritas.Core.Tests.Rewards;

public class VoucherCodeTests
{
    // Crockford's check symbol is the symbols' value as one base-32 number, modulo 37 (values 32–36 are *~$=U).
    // Worked by hand: 1 → 1; 31 → Z; 32 → *; 32·1 + 4 = 36 → U; 7K3QM9XDA2F mod 37 = 13 → D; 32^11 − 1 mod 37 = 34 → $.
    [Theory]
    [InlineData("00000000001", '1')]
    [InlineData("0000000000Z", 'Z')]
    [InlineData("00000000010", '*')]
    [InlineData("00000000014", 'U')]
    [InlineData("7K3QM9XDA2F", 'D')]
    [InlineData("ZZZZZZZZZZZ", '$')]
    public void Check_symbol_follows_Crockford(string symbols, char expected) => Assert.Equal(expected, VoucherCode.Check(symbols));

    [Fact]
    public void New_codes_carry_the_prefix_three_groups_and_a_letter_or_digit_check_symbol()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VoucherCode.New("PBB")).ToList();
        Assert.All(codes, c => Assert.Matches("^PBB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.All(codes, c => Assert.True(VoucherCode.TryNormalize(c, out var same) && same == c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.StartsWith("SKL-", VoucherCode.New("SKL"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => VoucherCode.New("XYZ"));
    }

    [Theory]
    [InlineData("PBB-7K3Q-M9XD-A2FD", "PBB-7K3Q-M9XD-A2FD")]
    [InlineData("pbb 7k3q m9xd a2fd", "PBB-7K3Q-M9XD-A2FD")]
    [InlineData("PBB7K3QM9XDA2FD", "PBB-7K3Q-M9XD-A2FD")]
    [InlineData("PBB-0000-0000-0O1I", "PBB-0000-0000-0011")]
    [InlineData("SKL-0000-0000-0014U", null)]
    [InlineData("SKL-0000-0000-014U", "SKL-0000-0000-014U")]
    [InlineData("PBB-7K3Q-M9XD-A2FE", null)] // wrong check symbol: one mistyped character
    [InlineData("PBB-7K3Q-M9XD-A3FD", null)]
    [InlineData("PBB-7K3Q-M9XD-A2F", null)]
    [InlineData("XYZ-7K3Q-M9XD-A2FD", null)]
    [InlineData("PBB-7K3Q-M9XD-*2FD", null)] // a check symbol only in the last place
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Reading_folds_what_people_type_and_rejects_a_wrong_check(string? typed, string? expected)
    {
        Assert.Equal(expected is not null, VoucherCode.TryNormalize(typed, out var code));
        Assert.Equal(expected ?? "", code);
    }
}
