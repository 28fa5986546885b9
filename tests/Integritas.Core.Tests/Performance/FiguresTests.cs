using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

public class FiguresTests
{
    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("12,5", "12.5")]
    [InlineData(" 118 ", "118")]
    [InlineData("-3,25", "-3.25")]
    [InlineData("0", "0")]
    public void Values_take_a_dot_or_a_comma_as_decimal_sign(string text, string expected)
    {
        Assert.True(Figures.TryParseValue(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("1.234,5")]
    [InlineData("12.5.1")]
    [InlineData("1e5")]
    [InlineData("12 %")]
    public void Values_that_are_not_plain_numbers_are_refused(string? text) => Assert.False(Figures.TryParseValue(text, out _));

    [Theory]
    [InlineData("1250000", "1250000")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("Rp 1.250.000,50", "1250000.50")]
    [InlineData("Rp1.250.000", "1250000")]
    [InlineData("1250000.75", "1250000.75")]
    [InlineData("1250000,75", "1250000.75")]
    [InlineData("1.250", "1250")]
    public void Rupiah_amounts_take_indonesian_thousands_dots(string text, string expected)
    {
        Assert.True(Figures.TryParseRupiah(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1.25.000")]
    [InlineData("satu juta")]
    [InlineData("1,250,000")]
    public void Rupiah_amounts_that_are_ambiguous_or_negative_are_refused(string text) => Assert.False(Figures.TryParseRupiah(text, out _));

    [Fact]
    public void The_open_data_writes_a_dot_and_no_trailing_zeros()
    {
        Assert.Equal("118.75", Figures.Invariant(118.7500m));
        Assert.Equal("80", Figures.Invariant(80.0000m));
        Assert.Equal("-0.5", Figures.Invariant(-0.5m));
    }

    [Fact]
    public void A_published_report_entry_commits_to_the_file_hash_in_a_fixed_form()
    {
        var hash = new string('a', 64);
        var entry = new ReportLogEntry("1.02.0.00.0.00.01.0000", 2026, 3, 118, hash, new DateTimeOffset(2026, 10, 14, 10, 15, 0, TimeSpan.FromHours(7)));
        Assert.Equal(
            "integritas.performance/v1\nopd 1.02.0.00.0.00.01.0000\nyear 2026\nquarter 3\nreport 118\nfile text/csv sha256:" + hash + "\nat 2026-10-14T03:15:00Z\n",
            entry.Format());
        Assert.Throws<ArgumentException>(() => (entry with { FileSha256 = "XYZ" }).Format());
        Assert.Throws<ArgumentOutOfRangeException>(() => (entry with { Quarter = 5 }).Format());
        Assert.Throws<ArgumentException>(() => (entry with { OpdCode = "a b" }).Format());
    }
}
