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
        Span<SubtreeRange> plan = stackalloc SubtreeRange[MaxLength];
        return plan[..Plan(index, size, plan)].ToArray();
    }

    /// <summary>An inclusion proof in a tree of at most 2^64 − 1 leaves has at most 64 hashes.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// As <see cref="Plan(ulong, ulong)"/>, written into <paramref name="destination"/> (at least
    /// <see cref="TreeMath.InclusionProofLength"/> long; <see cref="MaxLength"/> always suffices) without allocating;
    /// returns how many ranges were written.
    /// </summary>
    public static int Plan(ulong index, ulong size, Span<SubtreeRange> destination)
    {
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be below the tree size {size}.");
        }

        var count = TreeMath.InclusionProofLength(index, size);
        if (destination.Length < count)
        {
            throw new ArgumentException($"The proof has {count} ranges, more than the {destination.Length} given room for.", nameof(destination));
        }

        // Walk down from the root, taking at each split the sibling of the half that holds the leaf; the proof lists
        // them bottom-up, so they are written from the end.
        var at = count;
        ulong begin = 0, end = size;
        while (end - begin > 1)
        {
            var split = begin + TreeMath.SplitPoint(end - begin);
            if (index < split)
            {
                destination[--at] = new SubtreeRange(split, end);
                end = split;
            }
            else
            {
                destination[--at] = new SubtreeRange(begin, split);
                begin = split;
            }
        }

        return at == 0 ? count : throw new InvalidOperationException($"Proof length {count} disagrees with the walk for {index} in {size}.");
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
