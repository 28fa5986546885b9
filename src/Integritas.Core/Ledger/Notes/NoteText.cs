using System.Text;
using System.Text.Unicode;

namespace Integritas.Core.Ledger.Notes;

/// <summary>The character rules of C2SP signed-note: valid UTF-8 with no ASCII control characters except newline.</summary>
internal static class NoteText
{
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return false;
        }

        // In UTF-8 a byte below 0x20 is always that ASCII character, never part of a longer sequence.
        foreach (var b in utf8)
        {
            if (b < 0x20 && b != (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The UTF-8 bytes of a string, or null if it holds a lone surrogate (which UTF-8 cannot carry).</summary>
    public static byte[]? ToUtf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>No lone surrogates, so the string has a UTF-8 form.</summary>
    public static bool IsWellFormedUtf16(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
