using System.Globalization;
using Integritas.Core.Time;

namespace Integritas.Web.Features.Open311;

/// <summary>Open311's dates: W3C datetimes in, ISO 8601 with the WIB offset (<c>+07:00</c>) out.</summary>
public static class Open311Dates
{
    /// <summary>Open311's longest <c>start_date</c>–<c>end_date</c> window, and the default one (ending now).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    public static string Format(DateTime utc) => Wib.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? utc) => utc is { } u ? Format(u) : null;

    /// <summary>
    /// Reads a W3C datetime (<c>2026-11-01T08:00:00+07:00</c>, <c>…Z</c>, or a date); without an offset it is WIB.
    /// A <c>+</c> the client forgot to percent-encode arrives as a space and is read as the <c>+</c> it was.
    /// </summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var value = text.Trim();
        if (value.IndexOf('T', StringComparison.Ordinal) is var t and > 0)
        {
            value = value[..t] + value[t..].Replace(' ', '+');
        }

        // Years far from now are refused so window arithmetic cannot overflow.
        if (!DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed) || parsed.Year is < 1900 or > 9000)
        {
            return false;
        }

        // AdjustToUniversal leaves a value without an offset as it was (Unspecified): that is WIB wall-clock time.
        utc = parsed.Kind == DateTimeKind.Unspecified
            ? DateTime.SpecifyKind(parsed - Wib.Offset, DateTimeKind.Utc)
            : DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }
}
