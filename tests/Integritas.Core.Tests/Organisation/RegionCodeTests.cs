using Integritas.Core.Organisation;

namespace Integritas.Core.Tests.Organisation;

public class RegionCodeTests
{
    [Theory]
    [InlineData("12", RegionLevel.Province, null)] // Sumatera Utara
    [InlineData("12.05", RegionLevel.Regency, "12")] // Kabupaten Langkat
    [InlineData("12.05.01", RegionLevel.District, "12.05")]
    [InlineData("12.05.01.2001", RegionLevel.Village, "12.05.01")]
    [InlineData("12.71.01.1001", RegionLevel.Village, "12.71.01")]
    [InlineData("31.74", RegionLevel.Regency, "31")] // Kota Jakarta Selatan
    [InlineData("94.71.04.1002", RegionLevel.Village, "94.71.04")]
    public void TryParseReadsTheLevelAndParent(string text, RegionLevel level, string? parent)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Equal(text, code.Value.Value);
        Assert.Equal(text, code.Value.ToString());
        Assert.Equal(level, code.Value.Level);
        Assert.Equal(parent, code.Value.ParentCode);
    }

    [Fact]
    public void ParentCodesWalkUpToTheProvince()
    {
        Assert.True(RegionCode.TryParse("12.05.01.2001", out var village));

        var parents = new List<string>();
        RegionCode? current = village;
        while (current?.ParentCode is { } parent)
        {
            parents.Add(parent);
            Assert.True(RegionCode.TryParse(parent, out current));
        }

        Assert.Equal(["12.05.01", "12.05", "12"], parents);
        Assert.Equal(RegionLevel.Province, current?.Level);
    }

    [Theory]
    [InlineData("12.71", true)] // Kota Medan
    [InlineData("12.05", false)] // Kabupaten Langkat
    [InlineData("12.01", false)]
    [InlineData("12.70", false)]
    [InlineData("12.78", true)]
    [InlineData("31.74", true)]
    [InlineData("32.99", true)]
    public void IsCityIsTrueFromRegencyNumberSeventyOne(string text, bool isCity)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Equal(isCity, code.Value.IsCity);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12.71.01")]
    [InlineData("12.71.01.1001")]
    public void IsCityIsNullOutsideTheRegencyLevel(string text)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Null(code.Value.IsCity);
    }

    [Theory]
    [InlineData("12.71.01.1001", true)]
    [InlineData("12.71.01.1999", true)]
    [InlineData("12.05.01.2001", false)]
    [InlineData("12.05.01.2999", false)]
    public void IsKelurahanDependsOnTheFirstVillageDigit(string text, bool isKelurahan)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Equal(isKelurahan, code.Value.IsKelurahan);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12.05")]
    [InlineData("12.05.01")]
    public void IsKelurahanIsNullAboveTheVillageLevel(string text)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Null(code.Value.IsKelurahan);
    }

    [Theory]
    [InlineData(" 12.05 ")]
    [InlineData("\t12.05\n")]
    public void TryParseTrimsSurroundingWhitespace(string text)
    {
        Assert.True(RegionCode.TryParse(text, out var code));

        Assert.Equal("12.05", code.Value.Value);
        Assert.Equal("12", code.Value.ParentCode);
        Assert.False(code.Value.IsCity);
    }

    [Fact]
    public void CodesWithTheSameTextAreEqual()
    {
        Assert.True(RegionCode.TryParse("12.05", out var a));
        Assert.True(RegionCode.TryParse(" 12.05", out var b));
        Assert.True(RegionCode.TryParse("12.71", out var c));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void TryParseRejectsAnEmptyCode(string? text)
    {
        AssertRejected(text);
    }

    [Theory]
    [InlineData("12.05.01.2001.01")]
    [InlineData("12.05.01.2001.0001")]
    [InlineData("12.05.01.2001.")]
    public void TryParseRejectsTooManySegments(string text)
    {
        AssertRejected(text);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("123")]
    [InlineData("1205")]
    [InlineData("12.5")]
    [InlineData("12.005")]
    [InlineData("12.05.1")]
    [InlineData("12.05.001")]
    [InlineData("12.05.01.201")]
    [InlineData("12.05.01.20011")]
    [InlineData("12.05.01.01")]
    [InlineData("12.")]
    [InlineData(".12")]
    [InlineData("12..01")]
    [InlineData("12.05.01.")]
    public void TryParseRejectsSegmentsOfTheWrongLength(string text)
    {
        AssertRejected(text);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("00.05")]
    [InlineData("12.00")]
    [InlineData("12.05.00")]
    [InlineData("12.05.00.2001")]
    [InlineData("12.05.01.0000")]
    public void TryParseRejectsAllZeroSegments(string text)
    {
        AssertRejected(text);
    }

    [Theory]
    [InlineData("12.05.01.0001")]
    [InlineData("12.05.01.3001")]
    [InlineData("12.05.01.9001")]
    public void TryParseRejectsAVillageNumberNotStartingWithOneOrTwo(string text)
    {
        AssertRejected(text);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("1A")]
    [InlineData("12.0B")]
    [InlineData("12.05.O1")] // letter O
    [InlineData("12.05.01.2OO1")]
    [InlineData("12,05")]
    [InlineData("12-05")]
    [InlineData("12. 5")]
    [InlineData("+1")]
    [InlineData("-1.05")]
    [InlineData("١٢")] // Arabic-Indic digits
    [InlineData("12.０５")] // full-width digits
    [InlineData("12.05.01.२००१")] // Devanagari digits
    public void TryParseRejectsNonDigits(string text)
    {
        AssertRejected(text);
    }

    private static void AssertRejected(string? text)
    {
        Assert.False(RegionCode.TryParse(text, out var code));
        Assert.Null(code);
    }
}
