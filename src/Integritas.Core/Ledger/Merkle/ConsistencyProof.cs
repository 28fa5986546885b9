namespace Integritas.Core.Ledger.Merkle;

/// <summary>Generates PROOF(m, D[n]) of RFC 6962 §2.1.2: that the first m leaves of D[n] are the old tree, unchanged.</summary>
public static class ConsistencyProof
{
    /// <summary>
    /// The subtrees whose hashes form the proof from <paramref name="size1"/> to <paramref name="size2"/>, in proof
    /// order (SUBPROOF's recursion, unrolled). Empty when the sizes are equal. A proof from the empty tree is
    /// meaningless (every tree extends it), so size1 must be at least 1.
    /// </summary>
    public static IReadOnlyList<SubtreeRange> Plan(ulong size1, ulong size2)
    {
        if (size1 == 0 || size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, $"Need 0 < size1 <= size2 ({size2}).");
        }

        var ranges = new List<SubtreeRange>();
        var m = size1;                 // the old tree's size within the current subtree
        ulong begin = 0, end = size2;  // the current subtree
        var wholeOldTree = true;       // SUBPROOF's b: the current subtree's left part is the entire old tree
        while (true)
        {
            var n = end - begin;
            if (m == n)
            {
                // The verifier already knows the old root; any other old subtree must be given.
                if (!wholeOldTree)
                {
                    ranges.Add(new SubtreeRange(begin, end));
                }

                break;
            }

            var k = TreeMath.SplitPoint(n);
            if (m <= k)
            {
                ranges.Add(new SubtreeRange(begin + k, end));
                end = begin + k;
            }
            else
            {
                ranges.Add(new SubtreeRange(begin, begin + k));
                m -= k;
                begin += k;
                wholeOldTree = false;
            }
        }

        ranges.Reverse();
        return ranges;
    }

    /// <summary>The proof hashes, looked up from stored subtrees.</summary>
    public static IReadOnlyList<byte[]> Generate(ulong size1, ulong size2, NodeHashLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return [.. Plan(size1, size2).Select(range => range.Hash(lookup))];
    }

    /// <summary>The proof hashes from the first <paramref name="size1"/> leaves to all of <paramref name="leafHashes"/>.</summary>
    public static IReadOnlyList<byte[]> Generate(ulong size1, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return Generate(size1, (ulong)leafHashes.Count, new InMemoryTree(leafHashes).Lookup);
    }
}
