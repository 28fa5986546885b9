using Integritas.Web.Features.Open311;

namespace Integritas.Web.Tests.Open311;

public sealed class Open311DatesTests
{
    [Theory]
    [InlineData("2026-11-01T08:00:00+07:00", "2026-11-01T01:00:00Z")]
    [InlineData("2026-11-01T08:00:00 07:00", "2026-11-01T01:00:00Z")] // a "+" the client did not percent-encode
    [InlineData("2026-11-01T01:00:00Z", "2026-11-01T01:00:00Z")]
    [InlineData("2026-11-01T01:00:00.250Z", "2026-11-01T01:00:00.25Z")]
    [InlineData("2026-11-01T08:00", "2026-11-01T01:00:00Z")] // no offset: WIB
    [InlineData("2026-11-01", "2026-10-31T17:00:00Z")]
    [InlineData("2026-11-01T03:00:00-05:00", "2026-11-01T08:00:00Z")]
    public void W3c_datetimes_are_read_as_utc(string text, string utc)
    {
        Assert.True(Open311Dates.TryParse(text, out var parsed));
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kemarin")]
    [InlineData("2026-13-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("1 November 2026")]
    [InlineData("2026-11-01T08:00:00+07:00 and then some more text")]
    public void Other_text_is_refused(string text) => Assert.False(Open311Dates.TryParse(text, out _));

    [Fact]
    public void Datetimes_are_written_in_wib_with_the_offset() =>
        Assert.Equal("2026-11-29T20:31:05+07:00", Open311Dates.Format(new DateTime(2026, 11, 29, 13, 31, 5, DateTimeKind.Utc)));
}
