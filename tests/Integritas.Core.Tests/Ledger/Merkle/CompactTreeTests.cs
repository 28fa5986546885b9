using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

public class CompactTreeTests
{
    private static readonly byte[][] Leaves = TestLeaves.Hashes(300);

    [Fact]
    public void RootEqualsMthAtEverySizeFromZeroTo300()
    {
        var tree = new CompactTree();
        Assert.Equal(Rfc6962.EmptyRoot(), tree.Root());

        for (var size = 1; size <= 300; size++)
        {
            tree.Append(Leaves[size - 1]);

            Assert.Equal((ulong)size, tree.Size);
            Assert.Equal(MerkleTreeHash.Compute(Leaves[..size]), tree.Root());
        }
    }

    [Fact]
    public void KeepsOneHashPerSetBitOfTheSize()
    {
        var tree = new CompactTree();
        for (var size = 1; size <= 300; size++)
        {
            tree.Append(Leaves[size - 1]);

            Assert.Equal(ulong.PopCount((ulong)size), (ulong)tree.Hashes.Count);
            Assert.Equal(TreeMath.PerfectNodes(0, (ulong)size), tree.Nodes);
        }
    }

    [Fact]
    public void ReportsEveryCompletedNodeOnceWithItsHash()
    {
        var reference = new InMemoryTree(Leaves);
        var seen = new Dictionary<NodeId, byte[]>();
        var tree = new CompactTree();

        foreach (var leaf in Leaves)
        {
            tree.Append(leaf, (node, hash) => seen.Add(node, hash));
        }

        // 300 leaves, 150 + 75 + 37 + 18 + 9 + 4 + 2 + 1 interior nodes.
        Assert.Equal(300 + 150 + 75 + 37 + 18 + 9 + 4 + 2 + 1, seen.Count);
        foreach (var (node, hash) in seen)
        {
            Assert.Equal(reference.Node(node), hash);
        }
    }

    [Fact]
    public void RestoredFromStoredNodesContinuesIdentically()
    {
        var reference = new InMemoryTree(Leaves);
        var restored = CompactTree.FromLookup(77, reference.Lookup);
        Assert.Equal(reference.Root(77), restored.Root());

        foreach (var leaf in Leaves[77..])
        {
            restored.Append(leaf);
        }

        Assert.Equal(reference.Root(300), restored.Root());
    }

    [Fact]
    public void RejectsALeafHashOfTheWrongLength()
    {
        var tree = new CompactTree();

        Assert.Throws<ArgumentException>(() => tree.Append(new byte[31]));
        Assert.Throws<ArgumentException>(() => tree.Append(null!));
        Assert.Equal(0UL, tree.Size);
    }
}
