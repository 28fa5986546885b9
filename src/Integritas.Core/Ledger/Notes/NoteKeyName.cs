using System.Text;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// Key names of C2SP signed-note: non-empty, and no Unicode space or plus, since the name is delimited by a space
/// in signature lines and by <c>+</c> in key strings. By convention the name is the log's origin.
/// </summary>
public static class NoteKeyName
{
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        // A lone surrogate has no UTF-8 form, so it cannot be part of a name.
        return NoteText.IsWellFormedUtf16(name)
            && !name.EnumerateRunes().Any(rune => Rune.IsWhiteSpace(rune) || rune.Value == '+');
    }
}
