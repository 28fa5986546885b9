using System.Diagnostics.CodeAnalysis;

namespace Integritas.Core.Ledger;

/// <summary>
/// Standard base64 (RFC 4648 §4) accepting only the canonical spelling. .NET's decoder skips whitespace and ignores
/// stray padding bits; in signed formats that would let two different texts mean the same bytes, so anything
/// that does not re-encode to itself is refused.
/// </summary>
internal static class StrictBase64
{
    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || text.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        var decoded = buffer[..written];
        if (Convert.ToBase64String(decoded) != text)
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
