using Integritas.Core.Organisation;

namespace Integritas.Core.Tests.Organisation;

public class OpdCodeTests
{
    [Theory]
    [InlineData("1.02.0.00.0.00.01.0000", 1, 2, "1.02")] // Dinas Kesehatan
    [InlineData("1.01.0.00.0.00.01.0000", 1, 1, "1.01")] // Dinas Pendidikan
    [InlineData("2.16.2.20.2.21.01.0000", 2, 16, "2.16")] // Diskominfo (kominfo, statistik, persandian)
    [InlineData("4.01.0.00.0.00.01.0000", 4, 1, "4.01")] // Sekretariat Daerah
    [InlineData("5.02.0.00.0.00.01.0000", 5, 2, "5.02")] // BPKAD
    [InlineData("6.01.0.00.0.00.01.0000", 6, 1, "6.01")] // Inspektorat
    [InlineData("7.01.0.00.0.00.01.0000", 7, 1, "7.01")] // Kecamatan
    [InlineData("8.01.0.00.0.00.01.0000", 8, 1, "8.01")] // Kesbangpol
    [InlineData("3.27.0.00.0.00.01.0000", 3, 27, "3.27")] // Pertanian
    [InlineData("1.02.0.00.0.00.01.0001", 1, 2, "1.02")] // a sub-unit (e.g. a RSUD)
    [InlineData("1.02.0.00.0.00.99.9999", 1, 2, "1.02")]
    public void TryParseAcceptsValidCodes(string text, int urusan, int bidang, string primaryField)
    {
        var ok = OpdCode.TryParse(text, out var code, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.NotNull(code);
        Assert.Equal(text, code.Value.Value);
        Assert.Equal(text, code.Value.ToString());
        Assert.Equal(urusan, code.Value.Urusan);
        Assert.Equal(bidang, code.Value.Bidang);
        Assert.Equal(primaryField, code.Value.PrimaryField);
    }

    [Fact]
    public void PrimaryFieldUsesTheFirstPairOnly()
    {
        var diskominfo = OpdCode.Parse("2.16.2.20.2.21.01.0000");

        Assert.Equal("2.16", diskominfo.PrimaryField);
    }

    [Fact]
    public void PrimaryFieldPadsTheBidangToTwoDigits()
    {
        Assert.Equal("1.02", OpdCode.Parse("1.02.0.00.0.00.01.0000").PrimaryField);
        Assert.Equal("4.01", OpdCode.Parse("4.01.0.00.0.00.01.0000").PrimaryField);
    }

    [Theory]
    [InlineData(" 1.02.0.00.0.00.01.0000")]
    [InlineData("1.02.0.00.0.00.01.0000 ")]
    [InlineData("\t1.02.0.00.0.00.01.0000\r\n")]
    public void TryParseTrimsSurroundingWhitespace(string text)
    {
        Assert.True(OpdCode.TryParse(text, out var code, out _));
        Assert.Equal("1.02.0.00.0.00.01.0000", code.Value.Value);
    }

    [Fact]
    public void ParseReturnsTheSameValueAsTryParse()
    {
        const string Text = "2.16.2.20.2.21.01.0000";
        Assert.True(OpdCode.TryParse(Text, out var parsed, out _));

        var code = OpdCode.Parse(Text);

        Assert.Equal(parsed.Value, code);
        Assert.Equal(2, code.Urusan);
        Assert.Equal(16, code.Bidang);
    }

    [Fact]
    public void CodesWithTheSameTextAreEqual()
    {
        Assert.Equal(OpdCode.Parse("1.02.0.00.0.00.01.0000"), OpdCode.Parse(" 1.02.0.00.0.00.01.0000 "));
        Assert.NotEqual(OpdCode.Parse("1.02.0.00.0.00.01.0000"), OpdCode.Parse("1.02.0.00.0.00.02.0000"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void TryParseRejectsAnEmptyCode(string? text)
    {
        AssertRejected(text, "wajib diisi");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.02")]
    [InlineData("1.02.0.00.0.00.01")]
    [InlineData("1.02.0.00.0.00.01.0000.00")]
    [InlineData("1.02.0.00.0.00.01.0000.")]
    [InlineData(".1.02.0.00.0.00.01.0000")]
    [InlineData("1020000010000")]
    [InlineData("1,02,0,00,0,00,01,0000")]
    [InlineData("1-02-0-00-0-00-01-0000")]
    [InlineData("1.02.0.00.0.00.01 0000")]
    public void TryParseRejectsTheWrongNumberOfSegments(string text)
    {
        AssertRejected(text, "U.BB.U.BB.U.BB.UU.SSSS");
    }

    [Theory]
    [InlineData("01.02.0.00.0.00.01.0000", 1)]
    [InlineData(".02.0.00.0.00.01.0000", 1)]
    [InlineData("1.2.0.00.0.00.01.0000", 2)]
    [InlineData("1.002.0.00.0.00.01.0000", 2)]
    [InlineData("1..0.00.0.00.01.0000", 2)]
    [InlineData("1.02.00.00.0.00.01.0000", 3)]
    [InlineData("1.02.0.0.0.00.01.0000", 4)]
    [InlineData("1.02.0.00.00.00.01.0000", 5)]
    [InlineData("1.02.0.00.0.000.01.0000", 6)]
    [InlineData("1.02.0.00.0.00.1.0000", 7)]
    [InlineData("1.02.0.00.0.00.001.0000", 7)]
    [InlineData("1.02.0.00.0.00.01.000", 8)]
    [InlineData("1.02.0.00.0.00.01.00000", 8)]
    [InlineData("1.02.0.00.0.00.01.", 8)]
    public void TryParseRejectsASegmentOfTheWrongLength(string text, int segment)
    {
        AssertRejected(text, $"segment {segment} ");
    }

    [Theory]
    [InlineData("X.02.0.00.0.00.01.0000", 1)]
    [InlineData("1.0A.0.00.0.00.01.0000", 2)]
    [InlineData("1.02.O.00.0.00.01.0000", 3)] // letter O, not zero
    [InlineData("1.02.0.0l.0.00.01.0000", 4)] // letter l, not one
    [InlineData("1.02.0.00.-.00.01.0000", 5)]
    [InlineData("1.02.0.00.0.+1.01.0000", 6)]
    [InlineData("1.02.0.00.0.00. 1.0000", 7)]
    [InlineData("1.02.0.00.0.00.01.00 0", 8)]
    [InlineData("1.02.0.00.0.00.01.-001", 8)]
    [InlineData("1.02.0.00.0.00.01.1e03", 8)]
    [InlineData("١.02.0.00.0.00.01.0000", 1)] // Arabic-Indic digit one
    [InlineData("1.٠٢.0.00.0.00.01.0000", 2)] // Arabic-Indic digits zero, two
    [InlineData("1.０２.0.00.0.00.01.0000", 2)] // full-width digits
    [InlineData("1.02.0.00.0.00.०१.0000", 7)] // Devanagari digits
    [InlineData("1.02.0.00.0.00.01.୦୦୦୦", 8)] // Oriya digits
    [InlineData("1.02.0.00.0.00.01.𝟎𝟎𝟎𝟎", 8)] // mathematical digits (surrogate pairs)
    public void TryParseRejectsNonAsciiDigits(string text, int segment)
    {
        AssertRejected(text, $"segment {segment} ");
    }

    [Theory]
    [InlineData("0.02.0.00.0.00.01.0000")]
    [InlineData("9.02.0.00.0.00.01.0000")]
    public void TryParseRejectsAnUrusanOutsideOneToEight(string text)
    {
        AssertRejected(text, "urusan must be 1–8");
    }

    [Theory]
    [InlineData("1.00.0.00.0.00.01.0000")]
    [InlineData("4.00.0.00.0.00.01.0000")]
    public void TryParseRejectsBidangZero(string text)
    {
        AssertRejected(text, "bidang cannot be 00");
    }

    [Theory]
    [InlineData("1.02.0.00.0.00.00.0000")]
    [InlineData("1.02.0.00.0.00.00.0001")]
    public void TryParseRejectsUnitZero(string text)
    {
        AssertRejected(text, "unit number cannot be 00");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.02.0.00.0.00.01")]
    [InlineData("1.2.0.00.0.00.01.0000")]
    [InlineData("1.0A.0.00.0.00.01.0000")]
    [InlineData("١.02.0.00.0.00.01.0000")]
    [InlineData("0.02.0.00.0.00.01.0000")]
    [InlineData("9.02.0.00.0.00.01.0000")]
    [InlineData("1.00.0.00.0.00.01.0000")]
    [InlineData("1.02.0.00.0.00.00.0000")]
    public void ParseThrowsFormatExceptionWithTheTryParseError(string text)
    {
        Assert.False(OpdCode.TryParse(text, out _, out var error));

        var exception = Assert.Throws<FormatException>(() => OpdCode.Parse(text));

        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void ParseThrowsFormatExceptionForNull()
    {
        var exception = Assert.Throws<FormatException>(() => OpdCode.Parse(null!));

        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }

    [Fact]
    public void ErrorsAreBilingual()
    {
        Assert.False(OpdCode.TryParse("1.02.0.00.0.00.1.0000", out _, out var error));

        Assert.Contains("Segmen ke-7", error);
        Assert.Contains("segment 7", error);
        Assert.Contains(" / ", error);
    }

    private static void AssertRejected(string? text, string expectedInError)
    {
        var ok = OpdCode.TryParse(text, out var code, out var error);

        Assert.False(ok);
        Assert.Null(code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(expectedInError, error, StringComparison.Ordinal);
    }
}
