using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

/// <summary>Generated proofs verify, and any change to them does not, for every index and size pair up to 64 leaves.</summary>
public class ProofRoundTripTests
{
    private const int MaxSize = 64;
    private static readonly byte[][] Leaves = TestLeaves.Hashes(MaxSize);
    private static readonly InMemoryTree Tree = new(Leaves);

    public static TheoryData<int> Sizes => new(Enumerable.Range(1, MaxSize));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryInclusionProofVerifiesAndHasTheExactLength(int size)
    {
        var n = (ulong)size;
        var root = Tree.Root(n);
        Assert.Equal(MerkleTreeHash.Compute(Leaves[..size]), root);

        for (ulong index = 0; index < n; index++)
        {
            var proof = InclusionProof.Generate(index, n, Tree.Lookup);

            Assert.Equal(TreeMath.InclusionProofLength(index, n), proof.Count);
            Assert.Equal(proof, InclusionProof.Generate(index, Leaves[..size]));
            Assert.Equal(ProofResult.Valid, InclusionVerifier.Verify(index, n, Leaves[index], proof, root));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AlteredInclusionProofsAreRejected(int size)
    {
        var n = (ulong)size;
        var root = Tree.Root(n);
        for (ulong index = 0; index < n; index++)
        {
            var proof = InclusionProof.Generate(index, n, Tree.Lookup);
            var leaf = Leaves[index];

            for (var i = 0; i < proof.Count; i++)
            {
                Assert.False(InclusionVerifier.Verify(index, n, leaf, TestLeaves.WithFlippedBit(proof, i), root).IsValid);
            }

            Assert.False(InclusionVerifier.Verify(index, n, Leaves[(index + 1) % MaxSize], proof, root).IsValid);
            foreach (var otherSize in new[] { n + 1, n * 2, n / 2 })
            {
                // Same-length proofs for another size can be ambiguous by construction (a proof hash does not say
                // how many leaves are under it); the tree size is pinned by the signed checkpoint instead.
                if (index < otherSize && TreeMath.InclusionProofLength(index, otherSize) != proof.Count)
                {
                    Assert.Equal(ProofError.WrongProofLength, InclusionVerifier.Verify(index, otherSize, leaf, proof, root).Error);
                }
            }

            Assert.False(InclusionVerifier.Verify(index, n, leaf, [.. proof, root], root).IsValid);
            Assert.False(InclusionVerifier.Verify(index, n, leaf, [root, .. proof], root).IsValid);
            if (proof.Count > 0)
            {
                Assert.Equal(ProofError.WrongProofLength, InclusionVerifier.Verify(index, n, leaf, proof.Skip(1).ToList(), root).Error);
            }

            if (n > 1)
            {
                var otherIndex = (index + 1) % n;
                Assert.False(InclusionVerifier.Verify(otherIndex, n, leaf, proof, root).IsValid);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryConsistencyProofVerifiesAndHasTheExactLength(int size2)
    {
        var n2 = (ulong)size2;
        var root2 = Tree.Root(n2);
        for (ulong n1 = 1; n1 <= n2; n1++)
        {
            var root1 = Tree.Root(n1);
            var proof = ConsistencyProof.Generate(n1, n2, Tree.Lookup);

            Assert.Equal(n1 == n2 ? 0 : TreeMath.ConsistencyProofLength(n1, n2), proof.Count);
            Assert.Equal(proof, ConsistencyProof.Generate(n1, Leaves[..size2]));
            Assert.Equal(ProofResult.Valid, ConsistencyVerifier.Verify(n1, n2, root1, root2, proof));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AlteredConsistencyProofsAreRejected(int size2)
    {
        var n2 = (ulong)size2;
        var root2 = Tree.Root(n2);
        for (ulong n1 = 1; n1 < n2; n1++)
        {
            var root1 = Tree.Root(n1);
            var proof = ConsistencyProof.Generate(n1, n2, Tree.Lookup);

            for (var i = 0; i < proof.Count; i++)
            {
                Assert.False(ConsistencyVerifier.Verify(n1, n2, root1, root2, TestLeaves.WithFlippedBit(proof, i)).IsValid);
            }

            Assert.False(ConsistencyVerifier.Verify(n1, n2, root2, root1, proof).IsValid);
            Assert.False(ConsistencyVerifier.Verify(n1, n2, Tree.Root(n1 - 1), root2, proof).IsValid);
            Assert.False(ConsistencyVerifier.Verify(n1 + 1, n2, root1, root2, proof).IsValid);
            foreach (var otherSize in new[] { n2 + 1, n2 * 2 })
            {
                if (TreeMath.ConsistencyProofLength(n1, otherSize) != proof.Count)
                {
                    Assert.Equal(ProofError.WrongProofLength, ConsistencyVerifier.Verify(n1, otherSize, root1, root2, proof).Error);
                }
            }
            Assert.False(ConsistencyVerifier.Verify(n1, n2, root1, root2, [.. proof, root2]).IsValid);
            Assert.False(ConsistencyVerifier.Verify(n1, n2, root1, root2, [root1, .. proof]).IsValid);
            Assert.False(ConsistencyVerifier.Verify(n1, n2, root1, root2, proof.Take(proof.Count - 1).ToList()).IsValid);
        }
    }

    [Fact]
    public void RootOfAnEarlierSizeFollowsFromAConsistencyProof()
    {
        // A monitor that saw the tree at 13 can check the tree at 50 extends it, and not a tree at 50 of other leaves.
        var forked = TestLeaves.Hashes(MaxSize);
        forked[20] = Rfc6962.LeafHash("forged"u8);
        var forkedRoot = new InMemoryTree(forked).Root(50);
        var proof = ConsistencyProof.Generate(13, 50, Tree.Lookup);

        Assert.True(ConsistencyVerifier.Verify(13, 50, Tree.Root(13), Tree.Root(50), proof).IsValid);
        Assert.Equal(ProofError.RootMismatch, ConsistencyVerifier.Verify(13, 50, Tree.Root(13), forkedRoot, proof).Error);
    }
}
