using System.Globalization;
using Integritas.Web.Features.Budget.Import;

namespace Integritas.Web.Tests.Budget;

/// <summary>The import's own date reader accepts exactly what the framework's strict yyyy-MM-dd parse accepts.</summary>
public sealed class ImportValuesTests
{
    private static bool Framework(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    [Fact]
    public void Every_day_of_leap_and_common_years_reads_as_the_framework_reads_it()
    {
        for (var day = new DateOnly(2023, 1, 1); day <= new DateOnly(2025, 1, 1); day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(ImportValues.IsoDate(text, out var read), text);
            Assert.Equal(day, read);
        }
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2024-02-29")]
    [InlineData("2100-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-01-00")]
    [InlineData("2026-01-32")]
    [InlineData("2026-1-01")]
    [InlineData("2026-01-1")]
    [InlineData(" 2026-01-01")]
    [InlineData("2026-01-01 ")]
    [InlineData("2026/01/01")]
    [InlineData("01-01-2026")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("+026-01-01")]
    [InlineData("-026-01-01")]
    [InlineData("2026-0a-01")]
    [InlineData("２０２６-01-01")]
    [InlineData("2026-01-01T00:00")]
    [InlineData("")]
    public void Edge_cases_read_as_the_framework_reads_them(string text)
    {
        var expected = Framework(text, out var expectedValue);
        Assert.Equal(expected, ImportValues.IsoDate(text, out var value));
        Assert.Equal(expectedValue, value);
    }
}
