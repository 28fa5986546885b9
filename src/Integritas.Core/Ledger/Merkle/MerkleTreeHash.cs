namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// MTH of RFC 6962 §2.1 over a list of leaf hashes, written as the recursive definition so that it serves as the
/// reference the faster structures (<see cref="CompactTree"/>, <see cref="InMemoryTree"/>) are tested against.
/// </summary>
public static class MerkleTreeHash
{
    /// <summary>MTH(D[n]) given the n leaf hashes; the empty list gives SHA-256("").</summary>
    public static byte[] Compute(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? Rfc6962.EmptyRoot() : Compute(leafHashes, 0, leafHashes.Count);
    }

    private static byte[] Compute(IReadOnlyList<byte[]> leafHashes, int begin, int end)
    {
        var n = end - begin;
        if (n == 1)
        {
            return leafHashes[begin];
        }

        var k = (int)TreeMath.SplitPoint((ulong)n);
        return Rfc6962.NodeHash(Compute(leafHashes, begin, begin + k), Compute(leafHashes, begin + k, end));
    }
}
