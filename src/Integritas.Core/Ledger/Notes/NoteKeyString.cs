using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// The shared tail of verifier and signer key strings: <c>&lt;name&gt;+&lt;8 hex digits&gt;+&lt;base64(type ‖ key)&gt;</c>.
/// The name cannot hold a <c>+</c>, so the first two are delimiters; base64 may contain more.
/// </summary>
internal static class NoteKeyString
{
    public const int Ed25519KeySize = 32;

    public static bool TrySplit(
        string text,
        [NotNullWhen(true)] out string? name,
        out uint keyId,
        [NotNullWhen(true)] out byte[]? key,
        [NotNullWhen(false)] out string? error)
    {
        name = null;
        keyId = 0;
        key = null;
        var parts = text.Split('+', 3);
        if (parts.Length != 3)
        {
            error = "A key is <name>+<key ID>+<key>.";
            return false;
        }

        if (!NoteKeyName.IsValid(parts[0]))
        {
            error = "The key name is empty or contains a space or '+'.";
            return false;
        }

        if (parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigit))
        {
            error = "The key ID must be 8 hexadecimal digits.";
            return false;
        }

        if (!StrictBase64.TryDecode(parts[2], out var typedKey) || typedKey.Length == 0)
        {
            error = "The key is not base64.";
            return false;
        }

        if (typedKey[0] != NoteKeyId.Ed25519Type)
        {
            error = $"Unknown key type 0x{typedKey[0]:x2}; only Ed25519 (0x01) is supported.";
            return false;
        }

        if (typedKey.Length != 1 + Ed25519KeySize)
        {
            error = $"An Ed25519 key is {Ed25519KeySize} bytes.";
            return false;
        }

        name = parts[0];
        keyId = uint.Parse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        key = typedKey[1..];
        error = null;
        return true;
    }

    public static string Format(string name, uint keyId, ReadOnlySpan<byte> key) =>
        $"{name}+{keyId:x8}+{Convert.ToBase64String([NoteKeyId.Ed25519Type, .. key])}";
}
