using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>
/// Entry bundles of C2SP tlog-tiles (<c>tile/entries/&lt;N&gt;</c>): up to 256 entries, each a big-endian uint16 length
/// followed by its bytes. The 16-bit length is why a log entry can be at most 65,535 bytes.
/// </summary>
public static class EntryBundle
{
    public const int MaxEntrySize = ushort.MaxValue;

    public static byte[] Encode(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > TileMath.Width)
        {
            throw new ArgumentException($"A bundle holds at most {TileMath.Width} entries, not {entries.Count}.", nameof(entries));
        }

        var size = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null)
            {
                throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            }

            if (entries[i].Length > MaxEntrySize)
            {
                throw new ArgumentException($"Entry {i} is {entries[i].Length} bytes; entries are at most {MaxEntrySize}.", nameof(entries));
            }

            size += 2 + entries[i].Length;
        }

        var bundle = new byte[size];
        var at = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(at), (ushort)entry.Length);
            entry.CopyTo(bundle.AsSpan(at + 2));
            at += 2 + entry.Length;
        }

        return bundle;
    }

    /// <summary>
    /// Splits a bundle into its entries. Rejects a length prefix cut short, an entry running past the end, and more
    /// than 256 entries; with <paramref name="expectedCount"/>, also a bundle of another width.
    /// </summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> bundle,
        [NotNullWhen(true)] out IReadOnlyList<byte[]>? entries,
        [NotNullWhen(false)] out string? error,
        int? expectedCount = null)
    {
        entries = null;
        var list = new List<byte[]>();
        var at = 0;
        while (at < bundle.Length)
        {
            if (list.Count == TileMath.Width)
            {
                error = $"More than {TileMath.Width} entries in one bundle.";
                return false;
            }

            if (bundle.Length - at < 2)
            {
                error = $"Truncated length prefix at byte {at}.";
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle[at..]);
            at += 2;
            if (bundle.Length - at < length)
            {
                error = $"Entry {list.Count} claims {length} bytes but only {bundle.Length - at} remain.";
                return false;
            }

            list.Add(bundle.Slice(at, length).ToArray());
            at += length;
        }

        if (expectedCount is { } count && list.Count != count)
        {
            error = $"The bundle holds {list.Count} entries, expected {count}.";
            return false;
        }

        entries = list;
        error = null;
        return true;
    }
}
