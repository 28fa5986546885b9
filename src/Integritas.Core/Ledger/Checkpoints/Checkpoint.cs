using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Ledger.Checkpoints;

/// <summary>
/// The note text of a C2SP tlog-checkpoint: the log's origin, the tree size in decimal and the root hash in base64,
/// one per line, then optional extension lines (opaque, and not recommended since monitors cannot audit them).
/// </summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    public Checkpoint(string origin, ulong size, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        if (string.IsNullOrEmpty(origin) || !IsLine(origin))
        {
            throw new ArgumentException("The origin must be a non-empty line of text.", nameof(origin));
        }

        if (rootHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"The root hash is {Rfc6962.HashSize} bytes.", nameof(rootHash));
        }

        extensions ??= [];
        if (extensions.Any(line => string.IsNullOrEmpty(line) || !IsLine(line)))
        {
            throw new ArgumentException("Extension lines must be non-empty lines of text.", nameof(extensions));
        }

        Origin = origin;
        Size = size;
        _rootHash = rootHash.ToArray();
        Extensions = [.. extensions];
    }

    public string Origin { get; }

    public ulong Size { get; }

    /// <summary>MTH of the first <see cref="Size"/> entries (a copy).</summary>
    public byte[] RootHash => (byte[])_rootHash.Clone();

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text to sign, each line ending in a newline.</summary>
    public string Format()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses note text. Strict, because a checkpoint is compared and cosigned as text: the size has no leading
    /// zeroes and fits 64 bits, the root is canonical base64 of exactly 32 bytes, no line is empty.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? error)
    {
        checkpoint = null;
        if (text is null || !text.EndsWith('\n'))
        {
            error = "Checkpoint text must end with a newline.";
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            error = "A checkpoint has at least three lines: origin, size and root hash.";
            return false;
        }

        if (lines.Any(line => line.Length == 0 || !IsLine(line)))
        {
            error = "Checkpoint lines must be non-empty and free of control characters.";
            return false;
        }

        if (!TryParseSize(lines[1], out var size))
        {
            error = "The tree size must be a decimal number without leading zeroes.";
            return false;
        }

        if (!StrictBase64.TryDecode(lines[2], out var root) || root.Length != Rfc6962.HashSize)
        {
            error = $"The root hash must be base64 of {Rfc6962.HashSize} bytes.";
            return false;
        }

        checkpoint = new Checkpoint(lines[0], size, root, lines[3..]);
        error = null;
        return true;
    }

    private static bool TryParseSize(string text, out ulong size)
    {
        size = 0;
        return text.Length is > 0 and <= 20
            && text.All(char.IsAsciiDigit)
            && (text.Length == 1 || text[0] != '0')
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    // Text that can stand on one line of a note: no newline and no other control character.
    private static bool IsLine(string text) => !text.Any(c => c < 0x20) && NoteText.IsWellFormedUtf16(text);
}
