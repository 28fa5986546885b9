namespace Integritas.Core.Sla;

/// <summary>Where a clock stands against its target at a given moment.</summary>
public enum SlaState
{
    /// <summary>Within target, with more than the warning share of the budget left.</summary>
    OnTrack = 1,

    /// <summary>Within target, but little is left: time to remind.</summary>
    DueSoon = 2,

    /// <summary>The target has passed.</summary>
    Breached = 3,

    /// <summary>The clock stands still (waiting for the citizen).</summary>
    Paused = 4,

    /// <summary>The clock stopped in time: the response was given or the report resolved before the due moment.</summary>
    Met = 5,

    /// <summary>The clock stopped, but after the due moment.</summary>
    MetLate = 6,
}

/// <summary>
/// The complaint SLA clock. It counts time from the moment a report is received, skipping the intervals in which it is
/// paused and, for working-day targets, every moment that falls on a weekend or holiday in WIB. The due moment is the
/// instant at which the counted time reaches the target: a report received on Monday 10:00 WIB with a 5-working-day
/// target is due the next Monday 10:00 WIB; one received on Saturday is due at the end of the following Friday.
/// </summary>
public static class SlaClock
{
    // No real target needs more than ten years; the bound keeps a calendar of nothing but holidays from looping forever.
    private const int MaxDaysWalked = 3660;

    /// <summary>The counted time between <paramref name="startUtc"/> and <paramref name="endUtc"/>.</summary>
    public static TimeSpan Counted(DateTime startUtc, DateTime endUtc, SlaUnit unit, HolidayCalendar calendar, IReadOnlyList<SlaPause> pauses)
    {
        var total = TimeSpan.Zero;
        foreach (var (from, to) in ActiveIntervals(startUtc, pauses))
        {
            var end = to is { } t && t < endUtc ? t : endUtc;
            if (end <= from)
            {
                break;
            }

            total += unit == SlaUnit.CalendarHours ? end - from : WorkingTime(from, end, calendar);
            if (end == endUtc)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// The moment the counted time reaches the target; <c>null</c> while an open pause leaves it undetermined (it will
    /// move by however long the pause lasts).
    /// </summary>
    public static DateTime? Due(DateTime startUtc, SlaTarget target, HolidayCalendar calendar, IReadOnlyList<SlaPause> pauses)
    {
        if (target.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "A target cannot be negative.");
        }

        var remaining = target.Budget;
        foreach (var (from, to) in ActiveIntervals(startUtc, pauses))
        {
            if (target.Unit == SlaUnit.CalendarHours)
            {
                if (to is null || to.Value - from >= remaining)
                {
                    return from + remaining;
                }

                remaining -= to.Value - from;
                continue;
            }

            var reached = WalkWorkingTime(from, to, calendar, ref remaining);
            if (reached is not null)
            {
                return reached;
            }
        }

        return null;
    }

    /// <summary>
    /// The state of a clock at <paramref name="nowUtc"/>. <paramref name="stoppedUtc"/> is when the clock was stopped
    /// (first response, or resolution), if it was. A running clock is <see cref="SlaState.DueSoon"/> once less than
    /// <paramref name="warnShare"/> of its budget is left.
    /// </summary>
    public static SlaState State(DateTime startUtc, SlaTarget target, HolidayCalendar calendar, IReadOnlyList<SlaPause> pauses,
        DateTime nowUtc, DateTime? stoppedUtc = null, double warnShare = 0.25)
    {
        var due = Due(startUtc, target, calendar, pauses);
        if (stoppedUtc is { } stopped)
        {
            return due is null || stopped <= due ? SlaState.Met : SlaState.MetLate;
        }

        if (due is { } d && nowUtc >= d)
        {
            return SlaState.Breached;
        }

        if (pauses.Any(p => p.FromUtc <= nowUtc && (p.ToUtc is null || p.ToUtc > nowUtc)))
        {
            return SlaState.Paused;
        }

        var left = target.Budget - Counted(startUtc, nowUtc, target.Unit, calendar, pauses);
        return left < target.Budget * warnShare ? SlaState.DueSoon : SlaState.OnTrack;
    }

    /// <summary>
    /// The intervals from <paramref name="startUtc"/> on in which the clock runs, in order; the last one has no end
    /// (null) unless an open pause stops the clock for good.
    /// </summary>
    private static IEnumerable<(DateTime From, DateTime? To)> ActiveIntervals(DateTime startUtc, IReadOnlyList<SlaPause> pauses)
    {
        var cursor = startUtc;
        foreach (var pause in pauses.OrderBy(p => p.FromUtc))
        {
            var pauseEnd = pause.ToUtc;
            if (pauseEnd is { } e && e <= cursor)
            {
                continue;
            }

            if (pause.FromUtc > cursor)
            {
                yield return (cursor, pause.FromUtc);
            }

            if (pauseEnd is null)
            {
                yield break;
            }

            cursor = pauseEnd.Value;
        }

        yield return (cursor, null);
    }

    private static TimeSpan WorkingTime(DateTime fromUtc, DateTime toUtc, HolidayCalendar calendar)
    {
        var total = TimeSpan.Zero;
        var cursor = fromUtc;
        while (cursor < toUtc)
        {
            var day = HolidayCalendar.WibDate(cursor);
            var dayEnd = Time.Wib.StartOfDayUtc(day.AddDays(1));
            var end = dayEnd < toUtc ? dayEnd : toUtc;
            if (calendar.IsWorkingDay(day))
            {
                total += end - cursor;
            }

            cursor = end;
        }

        return total;
    }

    private static DateTime? WalkWorkingTime(DateTime fromUtc, DateTime? toUtc, HolidayCalendar calendar, ref TimeSpan remaining)
    {
        var cursor = fromUtc;
        for (var walked = 0; walked < MaxDaysWalked && (toUtc is null || cursor < toUtc); walked++)
        {
            var day = HolidayCalendar.WibDate(cursor);
            var dayEnd = Time.Wib.StartOfDayUtc(day.AddDays(1));
            var end = toUtc is { } t && t < dayEnd ? t : dayEnd;
            if (calendar.IsWorkingDay(day))
            {
                var available = end - cursor;
                if (available >= remaining)
                {
                    return cursor + remaining;
                }

                remaining -= available;
            }

            cursor = end;
        }

        return null;
    }
}
