using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>
/// Where tree hashes live in C2SP tlog-tiles: tiles of height 8, so hash i of tile N at level L is the tree node at
/// level 8L and index N·256+i, the MTH of entries [(N·256+i)·256^L, (N·256+i+1)·256^L). Nodes at the seven levels
/// between are not stored; they are rehashed from the tile below them.
/// </summary>
public static class TileMath
{
    /// <summary>Tree levels per tile.</summary>
    public const int Height = 8;

    /// <summary>Hashes (or entries) in a full tile: 2^Height.</summary>
    public const int Width = 1 << Height;

    /// <summary>Levels are written 0..63 in paths, though a 64-bit log never needs more than 8 of them.</summary>
    public const int MaxLevel = 63;

    /// <summary>The tree node that hash <paramref name="position"/> of tile (level, index) holds.</summary>
    public static NodeId NodeOf(int level, ulong index, int position)
    {
        if (level is < 0 or > MaxLevel || position is < 0 or >= Width)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"No hash {position} in a tile at level {level}.");
        }

        return new NodeId(checked(level * Height), checked((index * Width) + (ulong)position));
    }

    /// <summary>
    /// The entries [Begin, End) that the full tile (level, index) spans: from N·256^(L+1) to (N+1)·256^(L+1).
    /// Throws <see cref="OverflowException"/> past 2^64 entries, which no log reaches.
    /// </summary>
    public static (ulong Begin, ulong End) EntryRange(int level, ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        var shift = Height * (level + 1);
        if (shift >= 64)
        {
            throw new OverflowException($"Tiles at level {level} span more than 2^64 entries.");
        }

        var begin = index << shift;
        if (begin >> shift != index)
        {
            throw new OverflowException($"Tile {index} at level {level} starts beyond 2^64 entries.");
        }

        return (begin, checked(begin + (1UL << shift)));
    }

    /// <summary>The number of full tiles at <paramref name="level"/> in a tree of <paramref name="treeSize"/> entries.</summary>
    public static ulong FullTileCount(int level, ulong treeSize) => TreeMath.ShiftRight(treeSize, Height * (level + 1));

    /// <summary>
    /// The width of the rightmost, partial tile at <paramref name="level"/>: floor(size / 256^level) mod 256; 0 when
    /// there is none (a tree of 256 entries has a full level-0 tile and a level-1 tile of width 1).
    /// </summary>
    public static int PartialTileWidth(int level, ulong treeSize) => (int)(TreeMath.ShiftRight(treeSize, Height * level) % Width);

    /// <summary>The tile that holds hash <paramref name="index"/> of tree level 8·<paramref name="level"/> in a tree of this size.</summary>
    public static TileId TileFor(int level, ulong index, ulong treeSize)
    {
        var tileIndex = index / Width;
        var width = tileIndex < FullTileCount(level, treeSize) ? Width : PartialTileWidth(level, treeSize);
        return TileId.Hashes(level, tileIndex, width);
    }

    /// <summary>
    /// Where a tree node's hash comes from: the tile at level ⌊h/8⌋ and the run of its hashes whose MTH is the node
    /// (one hash when h is a multiple of 8, otherwise 2^(h mod 8) hashes).
    /// </summary>
    public static TileSlice Locate(NodeId node)
    {
        var tileLevel = node.Level / Height;
        var subLevel = node.Level % Height;
        var first = checked(node.Index << subLevel);
        if (first >> subLevel != node.Index)
        {
            throw new OverflowException($"Node {node} is beyond a 64-bit tree.");
        }

        return new TileSlice(tileLevel, first / Width, (int)(first % Width), 1 << subLevel);
    }
}
