namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// Every perfect subtree hash of a list of leaf hashes, computed once (O(n)). It stands in for stored tiles
/// wherever the whole log fits in memory: tests, small tools, and generating proofs from a plain list.
/// </summary>
public sealed class InMemoryTree
{
    // _levels[l][i] is the hash of NodeId(l, i); each level is half the length of the one below, rounded down.
    private readonly List<byte[][]> _levels = [];

    public InMemoryTree(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var level = new byte[leafHashes.Count][];
        for (var i = 0; i < level.Length; i++)
        {
            if (!Rfc6962.IsHash(leafHashes[i]))
            {
                throw new ArgumentException($"Leaf hash {i} is not {Rfc6962.HashSize} bytes.", nameof(leafHashes));
            }

            level[i] = leafHashes[i];
        }

        _levels.Add(level);
        while (level.Length > 1)
        {
            var up = new byte[level.Length / 2][];
            for (var i = 0; i < up.Length; i++)
            {
                up[i] = Rfc6962.NodeHash(level[2 * i], level[(2 * i) + 1]);
            }

            _levels.Add(up);
            level = up;
        }
    }

    public ulong Size => (ulong)_levels[0].Length;

    /// <summary>The hash of a complete subtree; throws for a node that is not (yet) complete.</summary>
    public byte[] Node(NodeId node)
    {
        if (node.Level < 0 || node.Level >= _levels.Count || node.Index >= (ulong)_levels[node.Level].Length)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"No complete subtree {node} in a tree of {Size} leaves.");
        }

        return _levels[node.Level][node.Index];
    }

    /// <summary>A lookup for proof generation over this tree.</summary>
    public NodeHashLookup Lookup => Node;

    /// <summary>The root of the first <paramref name="size"/> leaves (any earlier version of the tree).</summary>
    public byte[] Root(ulong size)
    {
        if (size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The tree has only {Size} leaves.");
        }

        return size == 0 ? Rfc6962.EmptyRoot() : new SubtreeRange(0, size).Hash(Lookup);
    }
}
