using System.Globalization;

namespace Integritas.Core.Money;

/// <summary>Formats Rupiah amounts the way Indonesian government documents write them: <c>Rp1.234.567</c>.</summary>
public static class Rupiah
{
    // Built by hand rather than taken from CultureInfo("id-ID") so the output does not depend on the
    // ICU data of the machine (or on invariant-globalization mode).
    private static readonly NumberFormatInfo IndonesianNumbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>
    /// <c>Rp1.234.567</c> for whole amounts; sen (hundredths) are shown only when present: <c>Rp1.234,50</c>.
    /// Negative amounts are written <c>-Rp1.234</c>.
    /// </summary>
    public static string Format(decimal amount)
    {
        var abs = Math.Abs(amount);
        var rounded = Math.Round(abs, 2, MidpointRounding.AwayFromZero);
        var digits = rounded == decimal.Truncate(rounded)
            ? rounded.ToString("N0", IndonesianNumbers)
            : rounded.ToString("N2", IndonesianNumbers);
        return (amount < 0 && rounded != 0 ? "-Rp" : "Rp") + digits;
    }

    /// <summary>Formats a plain number with Indonesian separators (<c>1.234,5</c>), keeping up to <paramref name="decimals"/> places.</summary>
    public static string Number(decimal value, int decimals = 2)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = decimals == 0 ? "#,0" : "#,0." + new string('#', decimals);
        return rounded.ToString(format, IndonesianNumbers);
    }
}
