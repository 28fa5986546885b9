using System.Globalization;
using System.Text.RegularExpressions;

namespace Integritas.Core.Performance;

/// <summary>
/// Reads numbers as operators type them: indicator values with a dot or a comma as the decimal sign (<c>12.5</c>,
/// <c>12,5</c>), and rupiah amounts plain or with Indonesian thousands dots (<c>1250000</c>, <c>1.250.000</c>,
/// <c>Rp 1.250.000,50</c>). Anything else is refused rather than guessed.
/// </summary>
public static partial class Figures
{
    public static bool TryParseValue(string? text, out decimal value)
    {
        value = 0;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || !PlainNumber().IsMatch(t))
        {
            return false;
        }

        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseRupiah(string? text, out decimal value)
    {
        value = 0;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..].TrimStart(' ', '.');
        }

        string normal;
        if (GroupedRupiah().IsMatch(t))
        {
            normal = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (PlainRupiah().IsMatch(t))
        {
            normal = t.Replace(',', '.');
        }
        else
        {
            return false;
        }

        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A value as the open data writes it: a dot as decimal sign, no grouping, no trailing zeros.</summary>
    public static string Invariant(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d{1,15}([.,]\d{1,4})?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")]
    private static partial Regex GroupedRupiah();

    [GeneratedRegex(@"^\d{1,16}([.,]\d{1,2})?$")]
    private static partial Regex PlainRupiah();
}
