using Integritas.Core.Sla;

namespace Integritas.Core.Tests.Sla;

public sealed class SlaClockTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>A WIB wall-clock time as the UTC instant the clock works with.</summary>
    private static DateTime At(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Wib).UtcDateTime;

    private static readonly HolidayCalendar Christmas = new([new DateOnly(2026, 12, 25)]);

    [Fact]
    public void Twenty_four_calendar_hours_run_through_the_night_and_the_weekend()
    {
        // Friday 27 November 2026, 10:00 WIB.
        var due = SlaClock.Due(At(2026, 11, 27, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, []);
        Assert.Equal(At(2026, 11, 28, 10), due);
    }

    [Fact]
    public void Five_working_days_from_a_monday_morning_end_the_next_monday_morning()
    {
        var due = SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.WorkingDays(5), HolidayCalendar.WeekendsOnly, []);
        Assert.Equal(At(2026, 11, 30, 10), due);
    }

    [Fact]
    public void A_report_received_on_saturday_starts_counting_on_monday_and_is_due_at_the_end_of_friday()
    {
        var due = SlaClock.Due(At(2026, 11, 28, 15), SlaTarget.WorkingDays(5), HolidayCalendar.WeekendsOnly, []);
        Assert.Equal(At(2026, 12, 5, 0), due);
    }

    [Fact]
    public void A_holiday_does_not_count_as_a_working_day()
    {
        // Monday 21 December 09:00; Friday 25 December is Christmas: Mon-Thu give 3 days 15 hours, the rest runs on from
        // Monday 28 December 00:00.
        var due = SlaClock.Due(At(2026, 12, 21, 9), SlaTarget.WorkingDays(5), Christmas, []);
        Assert.Equal(At(2026, 12, 29, 9), due);

        var withoutHoliday = SlaClock.Due(At(2026, 12, 21, 9), SlaTarget.WorkingDays(5), HolidayCalendar.WeekendsOnly, []);
        Assert.Equal(At(2026, 12, 28, 9), withoutHoliday);
    }

    [Fact]
    public void Calendar_hours_ignore_holidays()
    {
        var due = SlaClock.Due(At(2026, 12, 24, 18), SlaTarget.Hours(24), Christmas, []);
        Assert.Equal(At(2026, 12, 25, 18), due);
    }

    [Fact]
    public void A_closed_pause_moves_the_due_moment_by_its_length()
    {
        SlaPause[] pauses = [new(At(2026, 11, 23, 12), At(2026, 11, 23, 18))];
        var due = SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses);
        Assert.Equal(At(2026, 11, 24, 16), due);
    }

    [Fact]
    public void A_pause_over_a_weekend_costs_working_days_nothing_extra()
    {
        // Paused from Friday 15:00 to Monday 09:00: only Friday 15:00-24:00 and Monday 00:00-09:00 were working time.
        SlaPause[] pauses = [new(At(2026, 11, 27, 15), At(2026, 11, 30, 9))];
        var due = SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.WorkingDays(5), HolidayCalendar.WeekendsOnly, pauses);
        // 5 days from Monday 10:00 was Monday 30 November 10:00; 18 working hours were paused.
        Assert.Equal(At(2026, 12, 1, 4), due);
    }

    [Fact]
    public void An_open_pause_leaves_the_due_moment_undetermined_and_the_clock_paused()
    {
        SlaPause[] pauses = [new(At(2026, 11, 23, 12), null)];
        Assert.Null(SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses));
        Assert.Equal(SlaState.Paused, SlaClock.State(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses, At(2026, 11, 25, 10)));
    }

    [Fact]
    public void An_open_pause_after_the_target_was_reached_does_not_hide_the_breach()
    {
        SlaPause[] pauses = [new(At(2026, 11, 25, 12), null)];
        var due = SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses);
        Assert.Equal(At(2026, 11, 24, 10), due);
        Assert.Equal(SlaState.Breached, SlaClock.State(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses, At(2026, 11, 26, 10)));
    }

    [Fact]
    public void Pauses_before_the_start_overlapping_or_out_of_order_are_handled()
    {
        SlaPause[] pauses =
        [
            new(At(2026, 11, 23, 14), At(2026, 11, 23, 16)),
            new(At(2026, 11, 20, 0), At(2026, 11, 21, 0)),
            new(At(2026, 11, 23, 12), At(2026, 11, 23, 15)),
        ];
        // Paused 12:00-16:00 in effect: four hours.
        var due = SlaClock.Due(At(2026, 11, 23, 10), SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, pauses);
        Assert.Equal(At(2026, 11, 24, 14), due);
        Assert.Equal(TimeSpan.FromHours(20), SlaClock.Counted(At(2026, 11, 23, 10), At(2026, 11, 24, 10), SlaUnit.CalendarHours, HolidayCalendar.WeekendsOnly, pauses));
    }

    [Fact]
    public void Counted_working_time_skips_weekends_and_holidays()
    {
        // Thursday 24 December 12:00 to Monday 28 December 06:00: 12 h on Thursday, Friday is Christmas, 6 h on Monday.
        var counted = SlaClock.Counted(At(2026, 12, 24, 12), At(2026, 12, 28, 6), SlaUnit.WorkingDays, Christmas, []);
        Assert.Equal(TimeSpan.FromHours(18), counted);
    }

    [Theory]
    [InlineData(17, SlaState.OnTrack)]
    [InlineData(19, SlaState.DueSoon)]
    [InlineData(24, SlaState.Breached)]
    [InlineData(30, SlaState.Breached)]
    public void A_running_clock_warns_when_less_than_a_quarter_is_left_and_breaches_at_the_due_moment(int hoursLater, SlaState expected)
    {
        var start = At(2026, 11, 23, 10);
        Assert.Equal(expected, SlaClock.State(start, SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, [], start.AddHours(hoursLater)));
    }

    [Fact]
    public void A_stopped_clock_is_met_or_met_late()
    {
        var start = At(2026, 11, 23, 10);
        Assert.Equal(SlaState.Met, SlaClock.State(start, SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, [], start.AddDays(9), stoppedUtc: start.AddHours(23)));
        Assert.Equal(SlaState.Met, SlaClock.State(start, SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, [], start.AddDays(9), stoppedUtc: start.AddHours(24)));
        Assert.Equal(SlaState.MetLate, SlaClock.State(start, SlaTarget.Hours(24), HolidayCalendar.WeekendsOnly, [], start.AddDays(9), stoppedUtc: start.AddHours(25)));
    }

    [Fact]
    public void A_calendar_without_working_days_never_comes_due()
    {
        var start = At(2026, 1, 1, 0);
        var everyDay = Enumerable.Range(0, 4000).Select(i => DateOnly.FromDateTime(new DateTime(2026, 1, 1)).AddDays(i));
        Assert.Null(SlaClock.Due(start, SlaTarget.WorkingDays(1), new HolidayCalendar(everyDay), []));
    }

    [Fact]
    public void Targets_describe_themselves_in_both_languages()
    {
        Assert.Equal("24 jam", SlaTarget.Hours(24).Describe());
        Assert.Equal("5 working days", SlaTarget.WorkingDays(5).Describe(english: true));
    }
}
