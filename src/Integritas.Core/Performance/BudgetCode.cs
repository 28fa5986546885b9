using System.Text.RegularExpressions;

namespace Integritas.Core.Performance;

/// <summary>The levels of the Permendagri 90/2019 programme classification.</summary>
public enum BudgetLevel
{
    Urusan = 1,
    Bidang = 2,
    Program = 3,
    Kegiatan = 4,
    SubKegiatan = 5,
}

/// <summary>
/// Permendagri 90/2019 codes (<c>sakip.md</c>, "Budget codes"): the programme classification
/// <c>urusan.bidang.program.kegiatan.subkegiatan</c>, e.g. <c>1.02.01.2.01.0001</c> (urusan one digit, bidang two,
/// program two, kegiatan a digit and two, sub kegiatan four; <c>X.XX</c> for the supporting programmes that belong to
/// every urusan), and the account code <c>akun.kelompok.jenis.objek.rincian.subrincian</c>, e.g.
/// <c>5.1.02.01.01.0024</c> (belanja = account 5; 5.1 operating, 5.2 capital).
/// </summary>
public static partial class BudgetCode
{
    /// <summary>The level of a programme-classification code, or null when it is not one.</summary>
    public static BudgetLevel? LevelOf(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var match = ProgrammeCode().Match(code);
        if (!match.Success)
        {
            return null;
        }

        // Urusan 1–8 (1–6 the urusan proper, 7 kewilayahan, 8 pemerintahan umum) or X for the cross-cutting ones.
        if (match.Groups["u"].Value is not ("X" or "1" or "2" or "3" or "4" or "5" or "6" or "7" or "8") || (match.Groups["u"].Value == "X") != (match.Groups["b"].Value == "XX"))
        {
            return null;
        }

        return match.Groups["s"].Success ? BudgetLevel.SubKegiatan
            : match.Groups["k"].Success ? BudgetLevel.Kegiatan
            : match.Groups["p"].Success ? BudgetLevel.Program
            : match.Groups["b"].Success ? BudgetLevel.Bidang
            : BudgetLevel.Urusan;
    }

    public static bool IsSubKegiatan(string? code) => LevelOf(code) == BudgetLevel.SubKegiatan;

    /// <summary>The code of the level above (<c>1.02.01.2.01.0001</c> → <c>1.02.01.2.01</c>), or null for an urusan.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        BudgetLevel.SubKegiatan or BudgetLevel.Bidang or BudgetLevel.Program => code[..code.LastIndexOf('.')],
        BudgetLevel.Kegiatan => code[..^5], // kegiatan adds two segments: ".2.01"
        _ => null,
    };

    /// <summary>Whether a code is a full account code (six segments); <paramref name="spending"/> true requires belanja (5).</summary>
    public static bool IsAccount(string? code, bool spending = false) =>
        code is not null && AccountCode().IsMatch(code) && (!spending || code[0] == '5') && code[0] is >= '4' and <= '6';

    [GeneratedRegex(@"^(?<u>[1-8X])(\.(?<b>\d{2}|XX)(\.(?<p>\d{2})(\.(?<k>[1-9]\.\d{2})(\.(?<s>\d{4}))?)?)?)?$")]
    private static partial Regex ProgrammeCode();

    [GeneratedRegex(@"^\d\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}$")]
    private static partial Regex AccountCode();
}
