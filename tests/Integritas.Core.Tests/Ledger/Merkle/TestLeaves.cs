using System.Text;
using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

internal static class TestLeaves
{
    /// <summary>Leaf hashes of the entries "entry 0", "entry 1", ….</summary>
    public static byte[][] Hashes(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Rfc6962.LeafHash(Encoding.UTF8.GetBytes($"entry {i}")))];

    public static CompactTree AppendAll(this CompactTree tree, IEnumerable<byte[]> leafHashes)
    {
        foreach (var hash in leafHashes)
        {
            tree.Append(hash);
        }

        return tree;
    }

    /// <summary>A copy of <paramref name="hashes"/> with one bit flipped in element <paramref name="at"/>.</summary>
    public static byte[][] WithFlippedBit(IReadOnlyList<byte[]> hashes, int at)
    {
        var copy = hashes.Select(h => (byte[])h.Clone()).ToArray();
        copy[at][0] ^= 0x01;
        return copy;
    }
}
