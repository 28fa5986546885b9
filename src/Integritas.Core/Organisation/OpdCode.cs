using System.Diagnostics.CodeAnalysis;

namespace Integritas.Core.Organisation;

/// <summary>
/// The code of a perangkat daerah (OPD) under Permendagri 90/2019 as updated by Kepmendagri 050-5889/2021:
/// <c>U.BB.U.BB.U.BB.UU.SSSS</c> — up to three (urusan, bidang) pairs the unit carries, then the unit and sub-unit
/// numbers. Example: <c>1.02.0.00.0.00.01.0000</c> is the first unit of urusan 1 (wajib, pelayanan dasar),
/// bidang 02 (kesehatan): Dinas Kesehatan.
/// </summary>
public readonly record struct OpdCode
{
    private static readonly int[] SegmentLengths = [1, 2, 1, 2, 1, 2, 2, 4];

    private OpdCode(string value, int urusan, int bidang)
    {
        Value = value;
        Urusan = urusan;
        Bidang = bidang;
    }

    public string Value { get; }

    /// <summary>The first urusan digit: 1 wajib pelayanan dasar, 2 wajib non-pelayanan dasar, 3 pilihan,
    /// 4 penunjang (sekretariat), 5 penunjang (perencanaan, keuangan, kepegawaian…), 6 pengawasan, 7 kewilayahan (kecamatan), 8 pemerintahan umum.</summary>
    public int Urusan { get; }

    public int Bidang { get; }

    /// <summary>"1.02": the primary urusan and bidang, as budget codes use them.</summary>
    public string PrimaryField => $"{Urusan}.{Bidang:00}";

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out OpdCode? code, out string? error)
    {
        code = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Kode OPD wajib diisi / OPD code is required.";
            return false;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length != SegmentLengths.Length)
        {
            error = "Kode OPD harus berformat U.BB.U.BB.U.BB.UU.SSSS, mis. 1.02.0.00.0.00.01.0000 / OPD code must look like 1.02.0.00.0.00.01.0000.";
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != SegmentLengths[i] || !parts[i].All(char.IsAsciiDigit))
            {
                error = $"Segmen ke-{i + 1} kode OPD harus {SegmentLengths[i]} digit / segment {i + 1} of the OPD code must have {SegmentLengths[i]} digits.";
                return false;
            }
        }

        var urusan = parts[0][0] - '0';
        var bidang = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        if (urusan is < 1 or > 8 || bidang == 0)
        {
            error = "Urusan harus 1–8 dan bidang tidak boleh 00 / the urusan must be 1–8 and the bidang cannot be 00.";
            return false;
        }

        if (parts[6] == "00")
        {
            error = "Nomor unit tidak boleh 00 / the unit number cannot be 00.";
            return false;
        }

        code = new OpdCode(text.Trim(), urusan, bidang);
        return true;
    }

    public static OpdCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code.Value : throw new FormatException(error);
}
