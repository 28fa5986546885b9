using Integritas.Core.Time;

namespace Integritas.Core.Tests.Time;

public class WibTests
{
    private static readonly TimeSpan SevenHours = TimeSpan.FromHours(7);

    [Fact]
    public void OffsetIsPlusSevenHours()
    {
        Assert.Equal(SevenHours, Wib.Offset);
    }

    [Fact]
    public void FromUtcShiftsTheClockBySevenHoursAndKeepsTheInstant()
    {
        var utc = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Utc);

        var wib = Wib.FromUtc(utc);

        Assert.Equal(SevenHours, wib.Offset);
        Assert.Equal(new DateTime(2026, 11, 29, 20, 31, 0), wib.DateTime);
        Assert.Equal(utc, wib.UtcDateTime);
    }

    [Fact]
    public void FromUtcCrossesMidnightIntoTheNextDay()
    {
        var wib = Wib.FromUtc(new DateTime(2026, 11, 29, 18, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 30, 1, 30, 0), wib.DateTime);
    }

    [Fact]
    public void FromUtcStaysOnTheSameDayJustBeforeFiveInTheAfternoonUtc()
    {
        var wib = Wib.FromUtc(new DateTime(2026, 11, 29, 16, 59, 59, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 29, 23, 59, 59), wib.DateTime);
    }

    [Theory]
    [InlineData(16, 59, 2026, 12, 31, 23, 59)]
    [InlineData(17, 0, 2027, 1, 1, 0, 0)]
    [InlineData(23, 59, 2027, 1, 1, 6, 59)]
    public void FromUtcCrossesTheYearBoundary(int utcHour, int utcMinute, int year, int month, int day, int hour, int minute)
    {
        var wib = Wib.FromUtc(new DateTime(2026, 12, 31, utcHour, utcMinute, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), wib.DateTime);
    }

    [Fact]
    public void FromUtcReachesALeapDay()
    {
        var wib = Wib.FromUtc(new DateTime(2028, 2, 28, 20, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2028, 2, 29, 3, 0, 0), wib.DateTime);
    }

    [Fact]
    public void FromUtcTreatsUnspecifiedKindAsUtc()
    {
        // Values read back from the database come out with Kind = Unspecified but hold UTC.
        var unspecified = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Unspecified);
        var utc = DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);

        var wib = Wib.FromUtc(unspecified);

        Assert.Equal(Wib.FromUtc(utc), wib);
        Assert.Equal(new DateTime(2026, 11, 29, 20, 31, 0), wib.DateTime);
        Assert.Equal(SevenHours, wib.Offset);
    }

    [Fact]
    public void FromUtcConvertsALocalTimeThroughUtc()
    {
        var local = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Local);

        var wib = Wib.FromUtc(local);

        Assert.Equal(local.ToUniversalTime(), wib.UtcDateTime);
        Assert.Equal(SevenHours, wib.Offset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(-5)]
    public void FromUtcOfADateTimeOffsetKeepsTheInstant(int offsetHours)
    {
        var instant = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(offsetHours));

        var wib = Wib.FromUtc(instant);

        Assert.Equal(SevenHours, wib.Offset);
        Assert.Equal(instant.UtcDateTime, wib.UtcDateTime);
        Assert.Equal(instant, wib);
    }

    [Fact]
    public void FromUtcOfADateTimeOffsetInWitMovesTheClockBackTwoHours()
    {
        // 09.00 WIT (Jayapura, +09:00) is 07.00 WIB.
        var wit = new DateTimeOffset(2026, 8, 17, 9, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateTime(2026, 8, 17, 7, 0, 0), Wib.FromUtc(wit).DateTime);
    }

    [Fact]
    public void FormatDateTimeInIndonesianUsesADotBetweenHoursAndMinutes()
    {
        var utc = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Utc);

        Assert.Equal("29 November 2026 20.31 WIB", Wib.FormatDateTime(utc));
        Assert.Equal("29 November 2026 20.31 WIB", Wib.FormatDateTime(utc, english: false));
    }

    [Fact]
    public void FormatDateTimeInEnglishUsesAColon()
    {
        var utc = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Utc);

        Assert.Equal("29 November 2026 20:31 WIB", Wib.FormatDateTime(utc, english: true));
    }

    [Fact]
    public void FormatDateTimePadsHoursAndMinutesButNotTheDay()
    {
        var utc = new DateTime(2026, 1, 4, 1, 5, 0, DateTimeKind.Utc);

        Assert.Equal("4 Januari 2026 08.05 WIB", Wib.FormatDateTime(utc));
        Assert.Equal("4 January 2026 08:05 WIB", Wib.FormatDateTime(utc, english: true));
    }

    [Fact]
    public void FormatDateTimeShowsTheWibDateWhenUtcIsStillTheDayBefore()
    {
        var utc = new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc);

        Assert.Equal("1 Januari 2027 00.00 WIB", Wib.FormatDateTime(utc));
        Assert.Equal("1 January 2027 00:00 WIB", Wib.FormatDateTime(utc, english: true));
    }

    [Fact]
    public void FormatDateTimeIgnoresSeconds()
    {
        var utc = new DateTime(2026, 8, 17, 2, 59, 59, 999, DateTimeKind.Utc);

        Assert.Equal("17 Agustus 2026 09.59 WIB", Wib.FormatDateTime(utc));
    }

    [Fact]
    public void FormatDateTimeTreatsUnspecifiedKindAsUtc()
    {
        var unspecified = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Unspecified);

        Assert.Equal("29 November 2026 20.31 WIB", Wib.FormatDateTime(unspecified));
    }

    [Fact]
    public void FormatDateTimeConvertsALocalTimeThroughUtc()
    {
        var local = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Local);

        Assert.Equal(Wib.FormatDateTime(local.ToUniversalTime()), Wib.FormatDateTime(local));
    }

    [Theory]
    [InlineData(1, "Januari", "January")]
    [InlineData(2, "Februari", "February")]
    [InlineData(3, "Maret", "March")]
    [InlineData(4, "April", "April")]
    [InlineData(5, "Mei", "May")]
    [InlineData(6, "Juni", "June")]
    [InlineData(7, "Juli", "July")]
    [InlineData(8, "Agustus", "August")]
    [InlineData(9, "September", "September")]
    [InlineData(10, "Oktober", "October")]
    [InlineData(11, "November", "November")]
    [InlineData(12, "Desember", "December")]
    public void FormatDateNamesEveryMonth(int month, string indonesian, string english)
    {
        var wib = new DateTimeOffset(2026, month, 15, 10, 0, 0, Wib.Offset);

        Assert.Equal($"15 {indonesian} 2026", Wib.FormatDate(wib));
        Assert.Equal($"15 {english} 2026", Wib.FormatDate(wib, english: true));
    }

    [Fact]
    public void FormatDateUsesTheWibCalendarDate()
    {
        var wib = Wib.FromUtc(new DateTime(2026, 11, 29, 18, 0, 0, DateTimeKind.Utc));

        Assert.Equal("30 November 2026", Wib.FormatDate(wib));
        Assert.Equal("30 November 2026", Wib.FormatDate(wib, english: true));
    }

    [Fact]
    public void FormatDateDoesNotPadTheDay()
    {
        Assert.Equal("1 Mei 2026", Wib.FormatDate(new DateTimeOffset(2026, 5, 1, 0, 0, 0, Wib.Offset)));
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    [InlineData("th-TH")] // Buddhist calendar: the year must still be Gregorian.
    [InlineData("ar-SA")] // Um al-Qura calendar and Arabic digits by default.
    [InlineData("fa-IR")]
    [InlineData("")]
    public void FormattingDoesNotDependOnTheCurrentCulture(string culture)
    {
        using var scope = new CultureScope(culture);
        var utc = new DateTime(2026, 11, 29, 13, 31, 0, DateTimeKind.Utc);

        Assert.Equal("29 November 2026 20.31 WIB", Wib.FormatDateTime(utc));
        Assert.Equal("29 November 2026 20:31 WIB", Wib.FormatDateTime(utc, english: true));
        Assert.Equal("29 November 2026", Wib.FormatDate(Wib.FromUtc(utc)));
    }

    [Fact]
    public void StartOfDayUtcIsFiveInTheAfternoonUtcTheDayBefore()
    {
        var start = Wib.StartOfDayUtc(new DateOnly(2026, 11, 29));

        Assert.Equal(new DateTime(2026, 11, 28, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void StartOfDayUtcCrossesTheYearBoundary()
    {
        Assert.Equal(
            new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc),
            Wib.StartOfDayUtc(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void StartOfDayUtcCrossesAMonthBoundaryAndHandlesLeapDays()
    {
        Assert.Equal(
            new DateTime(2028, 2, 29, 17, 0, 0, DateTimeKind.Utc),
            Wib.StartOfDayUtc(new DateOnly(2028, 3, 1)));
        Assert.Equal(
            new DateTime(2028, 2, 28, 17, 0, 0, DateTimeKind.Utc),
            Wib.StartOfDayUtc(new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void StartOfDayUtcIsMidnightWhenConvertedBack()
    {
        var date = new DateOnly(2026, 8, 17);

        var wib = Wib.FromUtc(Wib.StartOfDayUtc(date));

        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), wib.DateTime);
        Assert.Equal("17 Agustus 2026 00.00 WIB", Wib.FormatDateTime(Wib.StartOfDayUtc(date)));
    }

    [Fact]
    public void ConsecutiveStartsOfDayAreTwentyFourHoursApart()
    {
        var date = new DateOnly(2026, 12, 31);

        Assert.Equal(TimeSpan.FromDays(1), Wib.StartOfDayUtc(date.AddDays(1)) - Wib.StartOfDayUtc(date));
    }

    [Fact]
    public void AnInstantBelongsToTheWibDayWhoseStartPrecedesIt()
    {
        var date = new DateOnly(2026, 11, 29);
        var start = Wib.StartOfDayUtc(date);

        Assert.Equal(28, Wib.FromUtc(start.AddTicks(-1)).Day);
        Assert.Equal(29, Wib.FromUtc(start).Day);
        Assert.Equal(29, Wib.FromUtc(Wib.StartOfDayUtc(date.AddDays(1)).AddTicks(-1)).Day);
    }
}
