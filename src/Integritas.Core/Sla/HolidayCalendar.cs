using Integritas.Core.Time;

namespace Integritas.Core.Sla;

/// <summary>
/// Working days in WIB: Monday to Friday, except the national holidays and collective leave days (cuti bersama) the
/// regency has entered. Dates are calendar dates in WIB.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> holidays;

    public HolidayCalendar(IEnumerable<DateOnly> holidays) => this.holidays = [.. holidays];

    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    public bool IsHoliday(DateOnly date) => holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>The WIB calendar date an instant falls on.</summary>
    public static DateOnly WibDate(DateTime utc) => DateOnly.FromDateTime(Wib.FromUtc(utc).DateTime);
}
