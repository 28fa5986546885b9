using System.Diagnostics.CodeAnalysis;

namespace Integritas.Core.Organisation;

public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

/// <summary>
/// A Kemendagri administrative-area code: <c>12</c> (province), <c>12.05</c> (kabupaten/kota),
/// <c>12.05.01</c> (kecamatan), <c>12.05.01.2001</c> (desa/kelurahan).
/// Regency numbers from 71 are cities (kota); village numbers starting with 1 are kelurahan, with 2 desa.
/// </summary>
public readonly record struct RegionCode
{
    private RegionCode(string value, RegionLevel level)
    {
        Value = value;
        Level = level;
    }

    public string Value { get; }

    public RegionLevel Level { get; }

    public string? ParentCode => Level == RegionLevel.Province ? null : Value[..Value.LastIndexOf('.')];

    /// <summary>True for a kota (regency number 71 and up), false for a kabupaten; null below or above that level.</summary>
    public bool? IsCity => Level == RegionLevel.Regency ? int.Parse(Value[3..], System.Globalization.CultureInfo.InvariantCulture) >= 71 : null;

    /// <summary>True for a kelurahan, false for a desa; null for other levels.</summary>
    public bool? IsKelurahan => Level == RegionLevel.Village ? Value[^4] == '1' : null;

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out RegionCode? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        int[] lengths = [2, 2, 2, 4];
        if (parts.Length > lengths.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != lengths[i] || !parts[i].All(char.IsAsciiDigit) || parts[i].All(c => c == '0'))
            {
                return false;
            }
        }

        if (parts.Length == 4 && parts[3][0] is not ('1' or '2'))
        {
            return false;
        }

        code = new RegionCode(text.Trim(), (RegionLevel)parts.Length);
        return true;
    }
}
