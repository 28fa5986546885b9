using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Ledger.TlogProofs;

/// <summary>
/// A C2SP tlog-proof file (<c>.tlog-proof</c>): everything needed to check offline that an entry is in the log.
/// <code>
/// c2sp.org/tlog-proof@v1
/// extra &lt;base64&gt;          (optional, unauthenticated)
/// index &lt;N&gt;
/// &lt;base64 hash&gt;           (inclusion proof, leaf's sibling first, zero or more lines)
///
/// &lt;signed checkpoint, verbatim&gt;
/// </code>
/// </summary>
public sealed class TlogProof
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>The file extension C2SP recommends.</summary>
    public const string FileExtension = ".tlog-proof";

    // An inclusion proof in a tree of at most 2^64 - 1 entries has at most 64 hashes.
    private const int MaxHashes = 64;
    private const string ExtraPrefix = "extra ";
    private const string IndexPrefix = "index ";

    private readonly byte[][] _hashes;
    private readonly byte[]? _extra;

    /// <param name="extra">Opaque data for an <c>extra</c> line; null for none (an empty array still writes the line).</param>
    public TlogProof(ulong index, IReadOnlyList<byte[]> hashes, string checkpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        if (hashes.Count > MaxHashes || hashes.Any(h => !Rfc6962.IsHash(h)))
        {
            throw new ArgumentException($"An inclusion proof is at most {MaxHashes} hashes of {Rfc6962.HashSize} bytes.", nameof(hashes));
        }

        Index = index;
        _hashes = [.. hashes.Select(h => (byte[])h.Clone())];
        Checkpoint = checkpoint;
        _extra = (byte[]?)extra?.Clone();
    }

    public ulong Index { get; }

    /// <summary>The inclusion proof, from the leaf's sibling upwards.</summary>
    public IReadOnlyList<byte[]> Hashes => _hashes;

    /// <summary>The signed checkpoint the proof leads to, as the log served it.</summary>
    public string Checkpoint { get; }

    /// <summary>Opaque application data, or null when the file has no extra line. Not authenticated by anything.</summary>
    public byte[]? Extra => _extra is null ? null : (byte[])_extra.Clone();

    public string Format()
    {
        var file = new StringBuilder(Header).Append('\n');
        if (_extra is not null)
        {
            file.Append(ExtraPrefix).Append(Convert.ToBase64String(_extra)).Append('\n');
        }

        file.Append(IndexPrefix).Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in _hashes)
        {
            file.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return file.Append('\n').Append(Checkpoint).ToString();
    }

    /// <summary>
    /// The file <see cref="Format"/> writes, as UTF-8, straight from the proof's hashes laid end to end
    /// (<paramref name="hashes"/>, 32 bytes each) and the signed checkpoint's UTF-8 bytes: one array of the exact length,
    /// nothing else allocated. What a server serving many proofs against one checkpoint uses.
    /// </summary>
    public static byte[] FormatUtf8(ulong index, ReadOnlySpan<byte> hashes, ReadOnlySpan<byte> checkpoint)
    {
        const int encoded = 44; // base64 of 32 bytes, with one '=' of padding
        if (hashes.Length % Rfc6962.HashSize != 0 || hashes.Length > MaxHashes * Rfc6962.HashSize)
        {
            throw new ArgumentException($"An inclusion proof is at most {MaxHashes} hashes of {Rfc6962.HashSize} bytes.", nameof(hashes));
        }

        if (checkpoint.IsEmpty)
        {
            throw new ArgumentException("A proof file needs its checkpoint.", nameof(checkpoint));
        }

        var count = hashes.Length / Rfc6962.HashSize;
        Span<byte> digits = stackalloc byte[20];
        if (!index.TryFormat(digits, out var digitCount, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A 64-bit index has at most 20 digits.");
        }

        var file = new byte[HeaderUtf8.Length + 1 + IndexPrefixUtf8.Length + digitCount + 1 + (count * (encoded + 1)) + 1 + checkpoint.Length];
        var at = Append(file, 0, HeaderUtf8);
        file[at++] = (byte)'\n';
        at = Append(file, at, IndexPrefixUtf8);
        at = Append(file, at, digits[..digitCount]);
        file[at++] = (byte)'\n';
        for (var i = 0; i < count; i++)
        {
            if (Base64.EncodeToUtf8(hashes.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize), file.AsSpan(at), out _, out var written) != OperationStatus.Done || written != encoded)
            {
                throw new InvalidOperationException("Base64 of a hash did not fit.");
            }

            at += encoded;
            file[at++] = (byte)'\n';
        }

        file[at++] = (byte)'\n';
        at = Append(file, at, checkpoint);
        return at == file.Length ? file : throw new InvalidOperationException("The proof file's length was miscounted.");
    }

    private static ReadOnlySpan<byte> HeaderUtf8 => "c2sp.org/tlog-proof@v1"u8;

    private static ReadOnlySpan<byte> IndexPrefixUtf8 => "index "u8;

    private static int Append(byte[] file, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(file.AsSpan(at));
        return at + bytes.Length;
    }

    public static bool TryParse(ReadOnlySpan<byte> file, [NotNullWhen(true)] out TlogProof? proof, [NotNullWhen(false)] out string? error)
    {
        if (!Utf8.IsValid(file))
        {
            proof = null;
            error = "A proof file is UTF-8 text.";
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(file), out proof, out error);
    }

    public static bool TryParse(string? file, [NotNullWhen(true)] out TlogProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        var at = 0;
        if (file is null || NextLine(file, ref at) != Header)
        {
            error = $"A proof file starts with the line {Header}.";
            return false;
        }

        var line = NextLine(file, ref at);
        byte[]? extra = null;
        if (line is not null && line.StartsWith(ExtraPrefix, StringComparison.Ordinal))
        {
            if (!StrictBase64.TryDecode(line[ExtraPrefix.Length..], out extra))
            {
                error = "The extra line is not base64.";
                return false;
            }

            line = NextLine(file, ref at);
        }

        if (line is null || !line.StartsWith(IndexPrefix, StringComparison.Ordinal) || !TryParseIndex(line[IndexPrefix.Length..], out var index))
        {
            error = "Expected 'index <N>' with N a decimal without leading zeroes.";
            return false;
        }

        var hashes = new List<byte[]>();
        while (true)
        {
            line = NextLine(file, ref at);
            if (line is null)
            {
                error = "The proof hashes must be followed by an empty line and the checkpoint.";
                return false;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (hashes.Count == MaxHashes || !StrictBase64.TryDecode(line, out var hash) || hash.Length != Rfc6962.HashSize)
            {
                error = $"Proof line {hashes.Count + 1} is not the base64 of a {Rfc6962.HashSize}-byte hash (at most {MaxHashes} of them).";
                return false;
            }

            hashes.Add(hash);
        }

        // Blank lines after the last signature line are not part of the note (an editor or a shell may add one);
        // the Go reference tool accepts them too. Anything else stays verbatim and must verify as signed.
        var checkpoint = file[at..];
        while (checkpoint.EndsWith("\n\n", StringComparison.Ordinal))
        {
            checkpoint = checkpoint[..^1];
        }

        if (checkpoint.Length == 0)
        {
            error = "The proof file has no checkpoint.";
            return false;
        }

        proof = new TlogProof(index, hashes, checkpoint, extra);
        error = null;
        return true;
    }

    // The next line without its newline, or null when no complete line is left.
    private static string? NextLine(string text, ref int at)
    {
        var end = text.IndexOf('\n', at);
        if (end < 0)
        {
            return null;
        }

        var line = text[at..end];
        at = end + 1;
        return line;
    }

    private static bool TryParseIndex(string text, out ulong index)
    {
        index = 0;
        return text.Length is > 0 and <= 20
            && text.All(char.IsAsciiDigit)
            && (text.Length == 1 || text[0] != '0')
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
