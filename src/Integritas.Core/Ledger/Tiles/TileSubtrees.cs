using System.Numerics;
using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>
/// Every complete subtree hash inside one tile, computed once: the tile's W hashes and, above them, the nodes of the
/// seven (or, for a full tile, eight) tree levels they determine. A tile's slice (see <see cref="TileSlice"/>) is then
/// read instead of rehashed: serving a proof from a cached full tile costs no SHA-256 at all, where
/// <see cref="TileSlice.Hash"/> spends up to 255 per tile. A full tile takes 511 hashes (16,352 bytes).
/// </summary>
public sealed class TileSubtrees
{
    // Where each level starts in a full tile (shared: never written after it is made).
    private static readonly int[] FullLevelStarts = LevelStarts(TileMath.Width);

    private readonly byte[] _hashes;
    private readonly int[] _levelStart;

    private TileSubtrees(TileId tile, byte[] hashes, int[] levelStart)
    {
        Tile = tile;
        _hashes = hashes;
        _levelStart = levelStart;
    }

    /// <summary>The tile these are the subtrees of (its width included).</summary>
    public TileId Tile { get; }

    /// <summary>The bytes held: what a cache should count this as.</summary>
    public int ByteSize => _hashes.Length;

    /// <summary>Bytes of a full tile's inner subtree hashes: the 255 nodes (128 + 64 + … + 1) above its 256 hashes.</summary>
    public const int InnerSize = (TileMath.Width - 1) * Rfc6962.HashSize;

    /// <summary>
    /// The hashes above the tile's own, level after level (for a full tile <see cref="InnerSize"/> bytes): what
    /// <see cref="FromStored"/> takes back, so a stored full tile can be served without hashing.
    /// </summary>
    public ReadOnlySpan<byte> Inner => _hashes.AsSpan(Tile.Width * Rfc6962.HashSize);

    /// <summary>
    /// A full tile's subtrees from its 256 hashes (<paramref name="data"/>) and its stored <see cref="Inner"/> hashes,
    /// without hashing: equal to <see cref="Compute"/> when <paramref name="inner"/> is what it computed. The inner
    /// hashes are trusted as they are; only their lengths are checked (checking their values is what Compute costs).
    /// </summary>
    public static TileSubtrees FromStored(TileId tile, ReadOnlySpan<byte> data, ReadOnlySpan<byte> inner)
    {
        const int length = TileMath.Width * Rfc6962.HashSize;
        if (tile.Kind != TileKind.Hashes || tile.Width != TileMath.Width || data.Length != length || inner.Length != InnerSize)
        {
            throw new ArgumentException($"Tile {tile} must be a full hash tile of {length} bytes with {InnerSize} bytes of inner hashes, got {data.Length} and {inner.Length}.", nameof(inner));
        }

        var hashes = new byte[length + InnerSize];
        data.CopyTo(hashes);
        inner.CopyTo(hashes.AsSpan(length));
        return new TileSubtrees(tile, hashes, FullLevelStarts);
    }

    /// <summary>
    /// As <see cref="FromStored(TileId, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> from one array holding the tile's
    /// 8,192 bytes followed by its <see cref="InnerSize"/> inner bytes, which is kept as it is (not copied): the caller
    /// must not change it afterwards.
    /// </summary>
    public static TileSubtrees FromStored(TileId tile, byte[] subtrees)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        const int length = (TileMath.Width * Rfc6962.HashSize) + InnerSize;
        if (tile.Kind != TileKind.Hashes || tile.Width != TileMath.Width || subtrees.Length != length)
        {
            throw new ArgumentException($"Tile {tile} must be a full hash tile with its inner hashes, {length} bytes, got {subtrees.Length}.", nameof(subtrees));
        }

        return new TileSubtrees(tile, subtrees, FullLevelStarts);
    }

    /// <summary>Computes every subtree of the tile <paramref name="tile"/> whose bytes (W·32) are <paramref name="data"/>.</summary>
    public static TileSubtrees Compute(TileId tile, ReadOnlySpan<byte> data)
    {
        if (tile.Kind != TileKind.Hashes || tile.Width is < 1 or > TileMath.Width || data.Length != tile.Width * Rfc6962.HashSize)
        {
            throw new ArgumentException($"Tile {tile} must be a hash tile of {tile.Width * Rfc6962.HashSize} bytes, got {data.Length}.", nameof(data));
        }

        var levelStart = LevelStarts(tile.Width);
        var levels = levelStart.Length - 1;
        var hashes = new byte[levelStart[levels] * Rfc6962.HashSize];
        data.CopyTo(hashes);
        for (var k = 1; k < levels; k++)
        {
            for (var i = 0; i < tile.Width >> k; i++)
            {
                var below = (levelStart[k - 1] + (2 * i)) * Rfc6962.HashSize;
                Rfc6962.NodeHash(hashes.AsSpan(below, Rfc6962.HashSize), hashes.AsSpan(below + Rfc6962.HashSize, Rfc6962.HashSize))
                    .CopyTo(hashes, (levelStart[k] + i) * Rfc6962.HashSize);
            }
        }

        return new TileSubtrees(tile, hashes, levelStart);
    }

    /// <summary>Level k of a tile of width W has ⌊W / 2^k⌋ complete nodes; they are stored level after level.</summary>
    private static int[] LevelStarts(int width)
    {
        var levels = BitOperations.Log2((uint)width) + 1;
        var levelStart = new int[levels + 1];
        for (var k = 0; k < levels; k++)
        {
            levelStart[k + 1] = levelStart[k] + (width >> k);
        }

        return levelStart;
    }

    /// <summary>The hash of the node <paramref name="slice"/> stands for: the same as <see cref="TileSlice.Hash"/> of the tile's bytes.</summary>
    public byte[] Hash(TileSlice slice) => HashSpan(slice).ToArray();

    /// <summary>As <see cref="Hash"/>, without copying: a view of the 32 bytes held here.</summary>
    public ReadOnlySpan<byte> HashSpan(TileSlice slice)
    {
        if (slice.Level != Tile.Level || slice.Index != Tile.Index || slice.Count < 1 || !BitOperations.IsPow2(slice.Count)
            || slice.Start < 0 || slice.Start % slice.Count != 0 || slice.Start + slice.Count > Tile.Width)
        {
            throw new ArgumentException($"Slice {slice} is not a complete subtree of tile {Tile}.", nameof(slice));
        }

        var level = BitOperations.Log2((uint)slice.Count);
        return _hashes.AsSpan((_levelStart[level] + (slice.Start >> level)) * Rfc6962.HashSize, Rfc6962.HashSize);
    }

    /// <summary>
    /// A node lookup for the tree of <paramref name="treeSize"/> entries over already computed tiles:
    /// <paramref name="tiles"/> is given the exact tile (partial width included) each node lives in.
    /// </summary>
    public static NodeHashLookup Lookup(ulong treeSize, Func<TileId, TileSubtrees> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        return node =>
        {
            var (tile, slice) = Locate(node, treeSize);
            var subtrees = tiles(tile);
            if (subtrees is null || subtrees.Tile != tile)
            {
                throw new InvalidDataException($"Tile {tile} was asked for, got {subtrees?.Tile.ToString() ?? "nothing"}.");
            }

            return subtrees.Hash(slice);
        };
    }

    /// <summary>The tile (with the width a tree of <paramref name="treeSize"/> has) and slice that hold <paramref name="node"/>.</summary>
    public static (TileId Tile, TileSlice Slice) Locate(NodeId node, ulong treeSize)
    {
        if (node.Level < 0 || node.Level >= 64 || node.End > treeSize || node.End <= node.Begin)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Node {node} is not complete in a tree of {treeSize} entries.");
        }

        var slice = TileMath.Locate(node);
        return (TileMath.TileFor(slice.Level, (slice.Index * TileMath.Width) + (ulong)slice.Start, treeSize), slice);
    }
}
