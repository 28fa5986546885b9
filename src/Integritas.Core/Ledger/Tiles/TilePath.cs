using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>
/// The paths of C2SP tlog-tiles. N is written in groups of three digits, all but the last prefixed with <c>x</c>
/// (1234067 → <c>x001/x234/067</c>, 5 → <c>005</c>), which keeps every directory at most 1000 entries wide and lets
/// a plain file server or CDN serve the tiles as files.
/// </summary>
public static class TilePath
{
    private const string Prefix = "tile/";
    private const string EntriesSegment = "entries";
    private const string PartialSuffix = ".p";

    /// <summary>The index path element(s) for <paramref name="n"/>.</summary>
    public static string EncodeIndex(ulong n)
    {
        var path = (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        for (n /= 1000; n > 0; n /= 1000)
        {
            path = "x" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture) + "/" + path;
        }

        return path;
    }

    /// <summary><c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>.</summary>
    public static string Format(TileId tile)
    {
        if (tile.Level is < 0 or > TileMath.MaxLevel || tile.Width is < 1 or > TileMath.Width
            || (tile.Kind == TileKind.Entries && tile.Level != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, "Not a valid tile.");
        }

        var level = tile.Kind == TileKind.Entries ? EntriesSegment : tile.Level.ToString(CultureInfo.InvariantCulture);
        var path = Prefix + level + "/" + EncodeIndex(tile.Index);
        return tile.IsPartial ? path + PartialSuffix + "/" + tile.Width.ToString(CultureInfo.InvariantCulture) : path;
    }

    /// <summary>
    /// Parses a tile path (without the log's prefix). Only the canonical spelling is accepted: no leading zeroes in
    /// L or W, W in 1..255, L in 0..63, three-digit groups with <c>x</c> on all but the last and none of them a
    /// redundant leading <c>x000</c>, and an index that fits 64 bits.
    /// </summary>
    public static bool TryParse(string? path, [NotNullWhen(true)] out TileId? tile)
    {
        tile = null;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path[Prefix.Length..].Split('/');
        if (segments.Length < 2)
        {
            return false;
        }

        TileKind kind;
        var level = 0;
        if (segments[0] == EntriesSegment)
        {
            kind = TileKind.Entries;
        }
        else if (TryParseDecimal(segments[0], TileMath.MaxLevel, out var l))
        {
            kind = TileKind.Hashes;
            level = (int)l;
        }
        else
        {
            return false;
        }

        var groups = segments.AsSpan(1);
        var width = TileMath.Width;
        if (groups.Length >= 2 && groups[^2].EndsWith(PartialSuffix, StringComparison.Ordinal))
        {
            if (!TryParseDecimal(groups[^1], TileMath.Width - 1, out var w) || w == 0)
            {
                return false;
            }

            width = (int)w;
            groups[^2] = groups[^2][..^PartialSuffix.Length];
            groups = groups[..^1];
        }

        if (!TryParseIndex(groups, out var index))
        {
            return false;
        }

        var parsed = new TileId(kind, level, index, width);

        // Whatever slipped through the piecewise checks (x000/005, 5, x1/005 …) does not format back the same.
        if (Format(parsed) != path)
        {
            return false;
        }

        tile = parsed;
        return true;
    }

    private static bool TryParseIndex(ReadOnlySpan<string> groups, out ulong index)
    {
        index = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var last = i == groups.Length - 1;
            if (!last)
            {
                if (!group.StartsWith('x'))
                {
                    return false;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
            {
                return false;
            }

            var value = ulong.Parse(group, NumberStyles.None, CultureInfo.InvariantCulture);
            if (index > (ulong.MaxValue - value) / 1000)
            {
                return false;
            }

            index = (index * 1000) + value;
        }

        return true;
    }

    // ASCII decimal with no leading zeroes (except "0" itself), at most max.
    private static bool TryParseDecimal(string text, ulong max, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 20 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
