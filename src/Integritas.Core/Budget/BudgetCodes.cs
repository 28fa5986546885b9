using System.Text.RegularExpressions;

namespace Integritas.Core.Budget;

/// <summary>
/// The shapes of Permendagri 90/2019 classification codes (sakip.md, "Budget codes"): program <c>1.02.02</c>,
/// kegiatan <c>1.02.02.2.02</c>, sub kegiatan <c>1.02.02.2.02.0001</c> (urusan and bidang may be <c>X</c> for the
/// supporting affairs every OPD shares), and account <c>5.1.02.01.01.0024</c>.
/// </summary>
public static partial class BudgetCodes
{
    [GeneratedRegex(@"^[0-9X]\.[0-9X]{2}\.[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProgramShape();

    [GeneratedRegex(@"^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KegiatanShape();

    [GeneratedRegex(@"^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubKegiatanShape();

    [GeneratedRegex(@"^[0-9]\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountShape();

    public static bool IsProgram(string code) => ProgramShape().IsMatch(code);

    public static bool IsKegiatan(string code) => KegiatanShape().IsMatch(code);

    public static bool IsSubKegiatan(string code) => SubKegiatanShape().IsMatch(code);

    /// <summary>A spending account (belanja, account group 5) in full six-level form.</summary>
    public static bool IsSpendingAccount(string code) => AccountShape().IsMatch(code) && code[0] == '5';

    /// <summary>The program a sub kegiatan (or kegiatan) belongs to: its first three segments.</summary>
    public static string ProgramOf(string subKegiatanCode) => Prefix(subKegiatanCode, 3);

    /// <summary>The kegiatan a sub kegiatan belongs to: its first five segments.</summary>
    public static string KegiatanOf(string subKegiatanCode) => Prefix(subKegiatanCode, 5);

    /// <summary>Belanja operasi (5.1), modal (5.2), tidak terduga (5.3), transfer (5.4): the account's first two segments.</summary>
    public static string AccountGroupOf(string accountCode) => Prefix(accountCode, 2);

    private static string Prefix(string code, int segments)
    {
        var at = -1;
        for (var i = 0; i < segments; i++)
        {
            at = code.IndexOf('.', at + 1);
            if (at < 0)
            {
                return code;
            }
        }

        return code[..at];
    }
}
