using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>
/// Serves tree node hashes from tiles, so proofs for any size can be generated (or a tree state restored) from
/// what the log stores and serves, without keeping the tree in memory.
/// </summary>
public static class TileNodeLookup
{
    /// <summary>
    /// A lookup for the tree of <paramref name="treeSize"/> entries. <paramref name="fetchTile"/> is given the exact
    /// tile (with the partial width this size calls for) and returns its bytes. Tiles are cached for the lookup's
    /// lifetime, so create one per proof or batch.
    /// </summary>
    public static NodeHashLookup Create(ulong treeSize, Func<TileId, byte[]> fetchTile)
    {
        ArgumentNullException.ThrowIfNull(fetchTile);
        var cache = new Dictionary<TileId, byte[]>();
        return node =>
        {
            if (node.Level < 0 || node.Level >= 64 || node.End > treeSize || node.End <= node.Begin)
            {
                throw new ArgumentOutOfRangeException(nameof(node), node, $"Node {node} is not complete in a tree of {treeSize} entries.");
            }

            var slice = TileMath.Locate(node);
            var tile = TileMath.TileFor(slice.Level, (slice.Index * TileMath.Width) + (ulong)slice.Start, treeSize);
            if (!cache.TryGetValue(tile, out var data))
            {
                data = fetchTile(tile);
                if (data is null || data.Length != tile.Width * Rfc6962.HashSize)
                {
                    throw new InvalidDataException($"Tile {tile} must be {tile.Width * Rfc6962.HashSize} bytes, got {data?.Length ?? 0}.");
                }

                cache[tile] = data;
            }

            return slice.Hash(data);
        };
    }
}
