namespace Integritas.Core.Sla;

/// <summary>How an SLA target is counted.</summary>
public enum SlaUnit
{
    /// <summary>Every hour counts, nights, weekends and holidays included (the regency's 24-hour response promise).</summary>
    CalendarHours = 1,

    /// <summary>
    /// Only time that falls on working days (Monday to Friday in WIB, national holidays excluded) counts, in whole days
    /// of 24 hours: SP4N-LAPOR!'s "5 hari kerja".
    /// </summary>
    WorkingDays = 2,
}

/// <summary>A response or resolution target: an amount of counted time.</summary>
public readonly record struct SlaTarget(int Amount, SlaUnit Unit)
{
    public static SlaTarget Hours(int hours) => new(hours, SlaUnit.CalendarHours);

    public static SlaTarget WorkingDays(int days) => new(days, SlaUnit.WorkingDays);

    /// <summary>The counted time the target allows.</summary>
    public TimeSpan Budget => Unit == SlaUnit.CalendarHours ? TimeSpan.FromHours(Amount) : TimeSpan.FromDays(Amount);

    public string Describe(bool english = false) => Unit == SlaUnit.CalendarHours
        ? english ? $"{Amount} hours" : $"{Amount} jam"
        : english ? $"{Amount} working days" : $"{Amount} hari kerja";
}

/// <summary>An interval in which the clock stood still (waiting for the citizen). An open pause has no end yet.</summary>
public readonly record struct SlaPause(DateTime FromUtc, DateTime? ToUtc);
