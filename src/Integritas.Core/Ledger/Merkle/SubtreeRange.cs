using System.Numerics;

namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// Leaves [Begin, End) forming a subtree in the RFC 6962 sense: Begin is aligned so that the range splits into
/// perfect subtrees of strictly decreasing size. Every hash in an inclusion or consistency proof is the root of
/// such a range; only the ones on the right border are not perfect and must be recomputed from several nodes.
/// </summary>
public readonly record struct SubtreeRange(ulong Begin, ulong End)
{
    /// <summary>The perfect subtrees whose hashes determine this range's hash, left to right.</summary>
    public IReadOnlyList<NodeId> Nodes => TreeMath.PerfectNodes(Begin, End);

    /// <summary>
    /// True when the range is one perfect subtree (<paramref name="node"/>), whose hash is stored as it is; false when it
    /// is a right-border range whose hash folds several nodes (or an empty range).
    /// </summary>
    public bool TryGetNode(out NodeId node)
    {
        var width = End - Begin;
        if (End > Begin && BitOperations.IsPow2(width) && (Begin & (width - 1)) == 0)
        {
            var level = BitOperations.TrailingZeroCount(width);
            node = new NodeId(level, Begin >> level);
            return true;
        }

        node = default;
        return false;
    }

    /// <summary>MTH(D[Begin:End]) from the hashes of <see cref="Nodes"/>, folded from the right as RFC 6962 nests them.</summary>
    public byte[] Hash(NodeHashLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (Begin >= End)
        {
            throw new InvalidOperationException($"Empty range [{Begin}, {End}) has no subtree hash.");
        }

        var nodes = Nodes;
        for (var i = 1; i < nodes.Count; i++)
        {
            if (nodes[i].Level >= nodes[i - 1].Level)
            {
                // e.g. [1, 3): leaves 1 and 2 are never siblings in an RFC 6962 tree.
                throw new InvalidOperationException($"[{Begin}, {End}) is not a subtree of an RFC 6962 tree.");
            }
        }

        var hash = Fetch(lookup, nodes[^1]);
        for (var i = nodes.Count - 2; i >= 0; i--)
        {
            hash = Rfc6962.NodeHash(Fetch(lookup, nodes[i]), hash);
        }

        return hash;
    }

    public override string ToString() => $"[{Begin}, {End})";

    private static byte[] Fetch(NodeHashLookup lookup, NodeId node)
    {
        var hash = lookup(node);
        if (!Rfc6962.IsHash(hash))
        {
            throw new InvalidOperationException($"Node {node} lookup returned no {Rfc6962.HashSize}-byte hash.");
        }

        return hash;
    }
}
