using System.Globalization;

namespace Integritas.Core.Time;

/// <summary>
/// Western Indonesia Time (WIB, Asia/Jakarta). Indonesia has no daylight saving, so a fixed +07:00
/// offset is exact and needs no time-zone database on the host.
/// </summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private static readonly string[] MonthsId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Converts a UTC instant (kind Utc or Unspecified, as stored) to WIB.</summary>
    public static DateTimeOffset FromUtc(DateTime utc)
    {
        var asUtc = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(asUtc).ToOffset(Offset);
    }

    public static DateTimeOffset FromUtc(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>"29 November 2026 20.31 WIB" (Indonesian) or "29 November 2026 20:31 WIB" (English).</summary>
    public static string FormatDateTime(DateTime utc, bool english = false)
    {
        var t = FromUtc(utc);
        var sep = english ? ":" : ".";
        return string.Create(CultureInfo.InvariantCulture,
            $"{FormatDate(t, english)} {t.Hour:00}{sep}{t.Minute:00} WIB");
    }

    /// <summary>"29 November 2026" in WIB.</summary>
    public static string FormatDate(DateTimeOffset wib, bool english = false)
    {
        var months = english ? MonthsEn : MonthsId;
        return string.Create(CultureInfo.InvariantCulture, $"{wib.Day} {months[wib.Month - 1]} {wib.Year}");
    }

    /// <summary>The UTC instant of midnight WIB at the start of the given calendar date.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;
}
