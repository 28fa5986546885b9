using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

public class TreeMathTests
{
    [Theory]
    [InlineData(2UL, 1UL)]
    [InlineData(3UL, 2UL)]
    [InlineData(4UL, 2UL)]
    [InlineData(5UL, 4UL)]
    [InlineData(7UL, 4UL)]
    [InlineData(8UL, 4UL)]
    [InlineData(9UL, 8UL)]
    [InlineData(ulong.MaxValue, 1UL << 63)]
    public void SplitPointIsTheLargestPowerOfTwoBelow(ulong n, ulong k)
    {
        Assert.Equal(k, TreeMath.SplitPoint(n));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    public void SplitPointNeedsTwoLeaves(ulong n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeMath.SplitPoint(n));
    }

    [Theory]
    [InlineData(0UL, 1UL, 0, 0)]
    [InlineData(0UL, 7UL, 3, 0)]
    [InlineData(6UL, 7UL, 0, 2)] // RFC example: d6's path [i, k] is all right border
    [InlineData(4UL, 7UL, 2, 1)] // [f, j, k]
    [InlineData(3UL, 7UL, 3, 0)] // [c, g, l]
    public void InclusionProofShapeSplitsInnerAndBorder(ulong index, ulong size, int inner, int border)
    {
        Assert.Equal((inner, border), TreeMath.InclusionProofShape(index, size));
    }

    [Theory]
    [InlineData(3UL, 7UL, 4)]
    [InlineData(4UL, 7UL, 1)]
    [InlineData(6UL, 7UL, 3)]
    [InlineData(1UL, 2UL, 1)]
    [InlineData(1UL, 8UL, 3)]
    public void ConsistencyProofLengthMatchesTheRfcExample(ulong size1, ulong size2, int length)
    {
        Assert.Equal(length, TreeMath.ConsistencyProofLength(size1, size2));
    }

    [Fact]
    public void PerfectNodesCoverARangeLargestAlignedFirst()
    {
        Assert.Empty(TreeMath.PerfectNodes(5, 5));
        Assert.Equal([new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6)], TreeMath.PerfectNodes(0, 7));
        Assert.Equal([new NodeId(0, 3), new NodeId(2, 1), new NodeId(0, 8)], TreeMath.PerfectNodes(3, 9));
        Assert.Equal([new NodeId(63, 0), new NodeId(62, 2)], TreeMath.PerfectNodes(0, 3UL << 62));
    }

    [Fact]
    public void PerfectNodesIntoASpanAndPlansIntoASpanMatchTheirLists()
    {
        var random = new Random(2026);
        Span<NodeId> nodes = stackalloc NodeId[128];
        Span<SubtreeRange> plan = stackalloc SubtreeRange[InclusionProof.MaxLength];
        for (var i = 0; i < 2_000; i++)
        {
            var size = i < 1_000 ? (ulong)random.NextInt64(1, 100_000) : (ulong)random.NextInt64(1, long.MaxValue) * 2;
            var begin = (ulong)random.NextInt64((long)Math.Min(size, long.MaxValue));
            Assert.Equal(TreeMath.PerfectNodes(begin, size), nodes[..TreeMath.PerfectNodes(begin, size, nodes)].ToArray());

            var index = (ulong)random.NextInt64((long)Math.Min(size, long.MaxValue));
            var count = InclusionProof.Plan(index, size, plan);
            Assert.Equal(TreeMath.InclusionProofLength(index, size), count);
            Assert.Equal(InclusionProof.Plan(index, size), plan[..count].ToArray());
        }

        Assert.Equal(126, TreeMath.PerfectNodes(1, ulong.MaxValue, nodes)); // 63 rising to 2^63, 63 falling
        Assert.Throws<ArgumentException>(() => InclusionProof.Plan(5, 1UL << 40, new SubtreeRange[39]));
    }

    [Theory]
    [InlineData(0UL, 1UL, 0, 0UL)]
    [InlineData(8UL, 16UL, 3, 1UL)]
    [InlineData(6UL, 7UL, 0, 6UL)]
    [InlineData(0UL, 1UL << 63, 63, 0UL)]
    public void ARangeThatIsOnePerfectSubtreeIsItsNode(ulong begin, ulong end, int level, ulong index)
    {
        Assert.True(new SubtreeRange(begin, end).TryGetNode(out var node));
        Assert.Equal(new NodeId(level, index), node);
        Assert.Equal([node], new SubtreeRange(begin, end).Nodes);
    }

    [Theory]
    [InlineData(0UL, 3UL)]
    [InlineData(4UL, 7UL)]
    [InlineData(2UL, 6UL)]
    [InlineData(5UL, 5UL)]
    public void ARangeOfSeveralNodesOrNoneIsNotANode(ulong begin, ulong end) =>
        Assert.False(new SubtreeRange(begin, end).TryGetNode(out _));

    [Fact]
    public void NodeIdCoversItsLeaves()
    {
        var node = new NodeId(3, 5);

        Assert.Equal(40UL, node.Begin);
        Assert.Equal(48UL, node.End);
    }

    [Fact]
    public void ShiftRightBy64OrMoreIsZero()
    {
        Assert.Equal(0UL, TreeMath.ShiftRight(ulong.MaxValue, 64));
        Assert.Equal(0UL, TreeMath.ShiftRight(ulong.MaxValue, 200));
        Assert.Equal(1UL, TreeMath.ShiftRight(ulong.MaxValue, 63));
    }

    [Fact]
    public void SubtreeRangeRefusesRangesThatAreNotRfcSubtrees()
    {
        var tree = new InMemoryTree(TestLeaves.Hashes(8));

        Assert.Throws<InvalidOperationException>(() => new SubtreeRange(1, 3).Hash(tree.Lookup));
        Assert.Throws<InvalidOperationException>(() => new SubtreeRange(4, 4).Hash(tree.Lookup));
        Assert.Equal(tree.Node(new NodeId(1, 1)), new SubtreeRange(2, 4).Hash(tree.Lookup));
    }

    [Fact]
    public void GenerationRefusesImpossibleRequests()
    {
        var leaves = TestLeaves.Hashes(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Generate(4, leaves));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Generate(0, leaves));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Plan(5, 4));
        Assert.Empty(ConsistencyProof.Generate(4, leaves));
    }

    [Fact]
    public void ProofPlansNameTheSubtreesOnly()
    {
        // Leaf 0 of 7: siblings b (leaf 1), h (leaves 2..3), l (leaves 4..6, not perfect: hashed from two nodes).
        Assert.Equal([new SubtreeRange(1, 2), new SubtreeRange(2, 4), new SubtreeRange(4, 7)], InclusionProof.Plan(0, 7));
        Assert.Equal([new NodeId(1, 2), new NodeId(0, 6)], new SubtreeRange(4, 7).Nodes);
    }
}
