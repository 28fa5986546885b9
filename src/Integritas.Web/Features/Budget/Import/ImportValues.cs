using System.Globalization;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>How import cells are read: one strict format each, so a file means the same everywhere.</summary>
public static class ImportValues
{
    /// <summary>The largest single amount accepted (Rp10 triliun): anything above is a typing error.</summary>
    public const decimal MaxAmount = 10_000_000_000_000m;

    /// <summary>
    /// A Rupiah amount: digits with an optional dot and at most two decimals (no thousands separators, no sign).
    /// Returns the Indonesian and English problem, or null when <paramref name="value"/> holds the amount.
    /// </summary>
    public static (string Id, string En)? Money(string text, bool allowZero, out decimal value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return ("Jumlah wajib diisi.", "The amount is required.");
        }

        if (text[0] == '-')
        {
            return ("Jumlah tidak boleh negatif.", "The amount cannot be negative.");
        }

        var dot = text.IndexOf('.');
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return ($"'{Clip(text)}' bukan angka (gunakan titik desimal, tanpa pemisah ribuan).", $"'{Clip(text)}' is not a number (use a decimal dot, no thousands separators).");
        }

        if (dot >= 0 && text.Length - dot - 1 > 2)
        {
            return ("Paling banyak dua angka di belakang titik desimal.", "At most two digits after the decimal dot.");
        }

        if (value == 0 && !allowZero)
        {
            return ("Jumlah harus lebih dari nol.", "The amount must be more than zero.");
        }

        return value > MaxAmount ? ("Jumlah terlalu besar.", "The amount is too large.") : null;
    }

    /// <summary>A quantity: positive, dot decimals, at most four decimals.</summary>
    public static (string Id, string En)? Quantity(string text, out decimal value)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) || value <= 0)
        {
            return ($"'{Clip(text)}' bukan jumlah barang yang sah (angka lebih dari nol, titik desimal).", $"'{Clip(text)}' is not a valid quantity (a number above zero, decimal dot).");
        }

        return decimal.Round(value, 4) != value ? ("Paling banyak empat angka desimal.", "At most four decimals.") : null;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static (string Id, string En)? Date(string text, out DateOnly value) =>
        IsoDate(text, out value)
            ? null
            : ($"'{Clip(text)}' bukan tanggal (format yyyy-MM-dd, mis. 2026-03-31).", $"'{Clip(text)}' is not a date (format yyyy-MM-dd, e.g. 2026-03-31).");

    /// <summary>
    /// Exactly <c>yyyy-MM-dd</c> with a real day (what <c>DateOnly.TryParseExact</c> with that format and the invariant
    /// culture accepts), read directly: the general parser costs more than the rest of a payment row's checks.
    /// </summary>
    public static bool IsoDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>A date that must fall in the fiscal year (which is the calendar year in Indonesia).</summary>
    public static (string Id, string En)? DateInYear(string text, int year, out DateOnly value) =>
        Date(text, out value) ?? (value.Year == year ? null
            : ($"Tanggal {text} di luar tahun anggaran {year}.", $"The date {text} is outside the fiscal year {year}."));

    /// <summary>A code or id: letters, digits and <c>. - _ /</c>, no spaces.</summary>
    public static bool IsCode(string text, int maxLength)
    {
        if (text.Length == 0 || text.Length > maxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
