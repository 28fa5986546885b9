using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Ledger.Tiles;

/// <summary>Hashes [Start, Start+Count) of the tile at (Level, Index): a perfect subtree whose MTH is a tree node.</summary>
public readonly record struct TileSlice(int Level, ulong Index, int Start, int Count)
{
    /// <summary>The hash of the node this slice stands for, given the tile's bytes (W·32 of them).</summary>
    public byte[] Hash(ReadOnlySpan<byte> tile)
    {
        var end = (Start + Count) * Rfc6962.HashSize;
        if (tile.Length % Rfc6962.HashSize != 0 || tile.Length < end)
        {
            throw new ArgumentException($"A tile of {tile.Length} bytes does not hold hashes {Start}..{Start + Count - 1}.", nameof(tile));
        }

        // Pairwise up a perfect subtree: Count is a power of two.
        var level = new byte[Count][];
        for (var i = 0; i < Count; i++)
        {
            level[i] = tile.Slice((Start + i) * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
        }

        for (var n = Count; n > 1; n /= 2)
        {
            for (var i = 0; i < n / 2; i++)
            {
                level[i] = Rfc6962.NodeHash(level[2 * i], level[(2 * i) + 1]);
            }
        }

        return level[0];
    }
}
