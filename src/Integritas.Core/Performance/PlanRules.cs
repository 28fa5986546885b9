namespace Integritas.Core.Performance;

/// <summary>The levels of an OPD's plan (<c>sakip.md</c>, "Indicators"): goals and targets above the budget structure.</summary>
public enum PlanLevel
{
    /// <summary>Tujuan (goal) of the Renstra.</summary>
    Tujuan = 1,

    /// <summary>Sasaran (strategic target).</summary>
    Sasaran = 2,

    Program = 3,

    Kegiatan = 4,

    SubKegiatan = 5,
}

/// <summary>
/// Where a plan element may sit and how it is coded: tujuan at the top, sasaran under a tujuan, program under a sasaran,
/// kegiatan under a program, sub kegiatan under a kegiatan. Tujuan and sasaran carry the OPD's own short codes
/// (letters, digits, dots, dashes: <c>T1</c>, <c>S1.2</c>); program, kegiatan and sub kegiatan carry Permendagri
/// 90/2019 codes of their level, each starting with its parent's code when the parent is one.
/// </summary>
public static class PlanRules
{
    public const int MaxOwnCodeLength = 20;

    /// <summary>An OPD's own short code (tujuan, sasaran, indicator): letters, digits, dots and dashes, not too long.</summary>
    public static bool IsOwnCode(string? code, int maxLength) =>
        !string.IsNullOrEmpty(code) && code.Length <= maxLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    /// <summary>The level a parent must have, or null for the top.</summary>
    public static PlanLevel? ParentLevelOf(PlanLevel level) => level == PlanLevel.Tujuan ? null : level - 1;

    /// <summary>What is wrong with a plan element's code and place (Indonesian, English), or nothing.</summary>
    public static IEnumerable<(string Id, string En)> Check(PlanLevel level, string? code, PlanLevel? parentLevel, string? parentCode)
    {
        if (ParentLevelOf(level) != parentLevel)
        {
            yield return ParentLevelOf(level) is { } expected
                ? ($"{Name(level)} harus berada di bawah {Name(expected)}.", $"A {level} belongs under a {expected}.")
                : ("Tujuan berada di puncak, tanpa induk.", "A tujuan is at the top, without a parent.");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            yield return ("Kode wajib diisi.", "A code is required.");
            yield break;
        }

        if (level is PlanLevel.Tujuan or PlanLevel.Sasaran)
        {
            if (!IsOwnCode(code, MaxOwnCodeLength))
            {
                yield return ($"Kode {Name(level)}: huruf, angka, titik atau tanda hubung, paling banyak {MaxOwnCodeLength} karakter.",
                    $"A {level} code has letters, digits, dots or dashes, at most {MaxOwnCodeLength} characters.");
            }

            yield break;
        }

        var expectedBudgetLevel = level switch
        {
            PlanLevel.Program => BudgetLevel.Program,
            PlanLevel.Kegiatan => BudgetLevel.Kegiatan,
            _ => BudgetLevel.SubKegiatan,
        };
        if (BudgetCode.LevelOf(code) != expectedBudgetLevel)
        {
            yield return ($"Kode {Name(level)} tidak sesuai Permendagri 90/2019 (contoh: {Example(level)}).",
                $"The {level} code does not follow Permendagri 90/2019 (e.g. {Example(level)}).");
            yield break;
        }

        if (level != PlanLevel.Program && parentCode is not null && BudgetCode.ParentOf(code) != parentCode)
        {
            yield return ($"Kode {Name(level)} harus diawali kode induknya ({parentCode}).", $"The {level} code must start with its parent's code ({parentCode}).");
        }
    }

    public static string Name(PlanLevel level) => level switch
    {
        PlanLevel.Tujuan => "tujuan",
        PlanLevel.Sasaran => "sasaran",
        PlanLevel.Program => "program",
        PlanLevel.Kegiatan => "kegiatan",
        _ => "sub kegiatan",
    };

    private static string Example(PlanLevel level) => level switch
    {
        PlanLevel.Program => "1.02.02",
        PlanLevel.Kegiatan => "1.02.02.2.01",
        _ => "1.02.02.2.01.0001",
    };
}
