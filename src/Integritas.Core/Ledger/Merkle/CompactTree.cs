namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// The state of a growing log in O(log n) memory: the roots of the perfect subtrees that cover leaves [0, Size),
/// one per set bit of Size, largest first (a compact range starting at 0). Appending a leaf merges equal-sized
/// subtrees like a binary counter carries, so the sequencer gets the new root without re-reading the log, and
/// learns each node the moment it becomes complete (what tiles need to store).
/// </summary>
public sealed class CompactTree
{
    private readonly List<byte[]> _hashes;

    public CompactTree()
    {
        _hashes = [];
    }

    private CompactTree(ulong size, List<byte[]> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    public ulong Size { get; private set; }

    /// <summary>The roots of the perfect subtrees covering [0, Size), left (largest) to right.</summary>
    public IReadOnlyList<byte[]> Hashes => _hashes;

    /// <summary>Which perfect subtrees <see cref="Hashes"/> are the roots of.</summary>
    public IReadOnlyList<NodeId> Nodes => TreeMath.PerfectNodes(0, Size);

    /// <summary>Rebuilds the state for a log of <paramref name="size"/> leaves from stored subtree hashes.</summary>
    public static CompactTree FromLookup(ulong size, NodeHashLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var hashes = new List<byte[]>();
        foreach (var node in TreeMath.PerfectNodes(0, size))
        {
            var hash = lookup(node);
            if (!Rfc6962.IsHash(hash))
            {
                throw new InvalidOperationException($"Node {node} lookup returned no {Rfc6962.HashSize}-byte hash.");
            }

            hashes.Add(hash);
        }

        return new CompactTree(size, hashes);
    }

    /// <summary>
    /// Appends one leaf hash. <paramref name="onNodeCompleted"/>, if given, is called for the leaf itself and then
    /// for every interior node the append completes, bottom-up.
    /// </summary>
    public void Append(byte[] leafHash, Action<NodeId, byte[]>? onNodeCompleted = null)
    {
        if (!Rfc6962.IsHash(leafHash))
        {
            throw new ArgumentException($"A leaf hash is {Rfc6962.HashSize} bytes.", nameof(leafHash));
        }

        if (Size == ulong.MaxValue)
        {
            throw new InvalidOperationException("The log is full.");
        }

        var node = new NodeId(0, Size);
        var hash = leafHash;
        onNodeCompleted?.Invoke(node, hash);

        // Each trailing 1 bit of Size is a subtree of the current level waiting for a right sibling.
        while (((Size >> node.Level) & 1) == 1)
        {
            hash = Rfc6962.NodeHash(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
            node = new NodeId(node.Level + 1, node.Index >> 1);
            onNodeCompleted?.Invoke(node, hash);
        }

        _hashes.Add(hash);
        Size++;
    }

    /// <summary>MTH of the leaves appended so far.</summary>
    public byte[] Root()
    {
        if (_hashes.Count == 0)
        {
            return Rfc6962.EmptyRoot();
        }

        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--)
        {
            root = Rfc6962.NodeHash(_hashes[i], root);
        }

        return root;
    }
}
