namespace Integritas.Core.Ledger.Merkle;

/// <summary>Generates PATH(m, D[n]) of RFC 6962 §2.1.1: the audit path of a leaf, from its sibling upwards.</summary>
public static class InclusionProof
{
    /// <summary>
    /// The subtrees whose hashes form the proof for leaf <paramref name="index"/> in a tree of <paramref name="size"/>
    /// leaves, in proof order. Pure arithmetic, so a server can fetch every tile it needs before hashing.
    /// </summary>
    public static IReadOnlyList<SubtreeRange> Plan(ulong index, ulong size)
    {
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be below the tree size {size}.");
        }

        // Walk down from the root, taking at each split the sibling of the half that holds the leaf; the proof
        // lists them bottom-up, so reverse at the end.
        var siblings = new List<SubtreeRange>();
        ulong begin = 0, end = size;
        while (end - begin > 1)
        {
            var split = begin + TreeMath.SplitPoint(end - begin);
            if (index < split)
            {
                siblings.Add(new SubtreeRange(split, end));
                end = split;
            }
            else
            {
                siblings.Add(new SubtreeRange(begin, split));
                begin = split;
            }
        }

        siblings.Reverse();
        return siblings;
    }

    /// <summary>The proof hashes, looked up from stored subtrees.</summary>
    public static IReadOnlyList<byte[]> Generate(ulong index, ulong size, NodeHashLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return [.. Plan(index, size).Select(range => range.Hash(lookup))];
    }

    /// <summary>The proof hashes for a tree given as its full list of leaf hashes.</summary>
    public static IReadOnlyList<byte[]> Generate(ulong index, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return Generate(index, (ulong)leafHashes.Count, new InMemoryTree(leafHashes).Lookup);
    }
}
