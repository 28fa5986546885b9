using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// A C2SP signed note, parsed but not yet verified: the text (ending in a newline), a blank line, then signature
/// lines. The text is everything up to the last blank line, so it may itself contain blank lines.
/// </summary>
public sealed class SignedNote
{
    /// <summary>
    /// Signature lines beyond this make the note malformed, so a hostile note cannot make a verifier parse without
    /// end. The spec requires accepting at least 16; Go's reference stops at 100, as we do.
    /// </summary>
    public const int MaxSignatures = 100;

    private static readonly byte[] Separator = "\n\n"u8.ToArray();
    private static readonly byte[] PrefixBytes = Encoding.UTF8.GetBytes(NoteSignature.LinePrefix);

    public SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, final newline included.</summary>
    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>The note as transmitted.</summary>
    public string Format() => Text + "\n" + string.Concat(Signatures.Select(s => s.Line));

    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out SignedNote? note, [NotNullWhen(false)] out string? error)
    {
        note = null;
        if (!NoteText.IsValid(message))
        {
            error = "A note must be UTF-8 without control characters other than newline.";
            return false;
        }

        var split = message.LastIndexOf(Separator);
        if (split < 0)
        {
            error = "A note needs a blank line between its text and its signatures.";
            return false;
        }

        var text = Encoding.UTF8.GetString(message[..(split + 1)]);
        var block = message[(split + 2)..];
        if (block.IsEmpty || block[^1] != (byte)'\n')
        {
            error = "A note must end with a signature line and a newline.";
            return false;
        }

        var signatures = new List<NoteSignature>();
        while (!block.IsEmpty)
        {
            var end = block.IndexOf((byte)'\n');
            var line = block[..end];
            block = block[(end + 1)..];

            if (signatures.Count == MaxSignatures)
            {
                error = $"More than {MaxSignatures} signature lines.";
                return false;
            }

            if (!TryParseLine(line, out var signature))
            {
                error = $"Signature line {signatures.Count + 1} is not '— <key name> <base64>'.";
                return false;
            }

            signatures.Add(signature);
        }

        note = new SignedNote(text, signatures);
        error = null;
        return true;
    }

    public static bool TryParse(string? message, [NotNullWhen(true)] out SignedNote? note, [NotNullWhen(false)] out string? error)
    {
        var bytes = message is null ? null : NoteText.ToUtf8(message);
        if (bytes is null)
        {
            note = null;
            error = "A note must be UTF-8 text.";
            return false;
        }

        return TryParse(bytes, out note, out error);
    }

    private static bool TryParseLine(ReadOnlySpan<byte> line, [NotNullWhen(true)] out NoteSignature? signature)
    {
        signature = null;
        if (!line.StartsWith(PrefixBytes))
        {
            return false;
        }

        var rest = Encoding.UTF8.GetString(line[PrefixBytes.Length..]);
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var name = rest[..space];
        var base64 = rest[(space + 1)..];

        // Four bytes of key ID and at least one of signature.
        if (!NoteKeyName.IsValid(name) || !StrictBase64.TryDecode(base64, out var raw) || raw.Length < 5)
        {
            return false;
        }

        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(raw), base64);
        return true;
    }
}
