namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// A perfect subtree of the log: the node at <paramref name="Level"/> (0 = leaves) and position
/// <paramref name="Index"/> within that level, covering leaves [Index·2^Level, (Index+1)·2^Level).
/// Perfect subtrees never change once complete, which is what makes them storable (tiles) and cacheable.
/// </summary>
public readonly record struct NodeId(int Level, ulong Index)
{
    /// <summary>The first leaf index under this node.</summary>
    public ulong Begin => Index << Level;

    /// <summary>One past the last leaf index under this node.</summary>
    public ulong End => (Index + 1) << Level;

    public override string ToString() => $"({Level},{Index})";
}
