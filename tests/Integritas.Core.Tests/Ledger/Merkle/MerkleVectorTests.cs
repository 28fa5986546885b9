using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

/// <summary>Every vector file of transparency-dev/merkle: valid proofs accepted, every wantErr one rejected without throwing.</summary>
public class MerkleVectorTests
{
    public static TheoryData<string> InclusionFiles => MerkleVectors.Files("inclusion");

    public static TheoryData<string> ConsistencyFiles => MerkleVectors.Files("consistency");

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void InclusionVectorIsJudgedAsExpected(string file)
    {
        var v = MerkleVectors.Inclusion(file);

        var result = InclusionVerifier.Verify(v.LeafIdx, v.TreeSize, v.LeafHash, v.Proof ?? [], v.Root);

        Assert.True(result.IsValid != v.WantErr, $"{file} ({v.Desc}): wantErr={v.WantErr}, got {result.Error}");
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void ConsistencyVectorIsJudgedAsExpected(string file)
    {
        var v = MerkleVectors.Consistency(file);

        var result = ConsistencyVerifier.Verify(v.Size1, v.Size2, v.Root1, v.Root2, v.Proof ?? []);

        Assert.True(result.IsValid != v.WantErr, $"{file} ({v.Desc}): wantErr={v.WantErr}, got {result.Error}");
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void HappyPathInclusionProofsAreWhatWeGenerate(string file)
    {
        var v = MerkleVectors.Inclusion(file);
        if (v.WantErr || v.Desc != "happy path")
        {
            return;
        }

        var leafHashes = ReferenceTree.LeafHashes((int)v.TreeSize);

        Assert.Equal(v.LeafHash, leafHashes[v.LeafIdx]);
        Assert.Equal(v.Root, MerkleTreeHash.Compute(leafHashes));
        Assert.Equal(v.Proof ?? [], InclusionProof.Generate(v.LeafIdx, leafHashes));
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void HappyPathConsistencyProofsAreWhatWeGenerate(string file)
    {
        var v = MerkleVectors.Consistency(file);
        if (v.WantErr || v.Desc != "happy path")
        {
            return;
        }

        var leafHashes = ReferenceTree.LeafHashes((int)v.Size2);

        Assert.Equal(v.Root1, MerkleTreeHash.Compute(leafHashes[..(int)v.Size1]));
        Assert.Equal(v.Root2, MerkleTreeHash.Compute(leafHashes));
        Assert.Equal(v.Proof ?? [], ConsistencyProof.Generate(v.Size1, leafHashes));
    }

    [Fact]
    public void AllVectorFilesAreFound()
    {
        // 98 + 98 in transparency-dev/merkle at commit 417fb0c; a partial copy of shared/ would fail here.
        Assert.Equal(98, MerkleVectors.Paths("inclusion").Count);
        Assert.Equal(98, MerkleVectors.Paths("consistency").Count);
    }

    [Fact]
    public void HappyPathsAreAmongTheVectors()
    {
        var inclusion = MerkleVectors.Paths("inclusion").Select(MerkleVectors.Inclusion).ToList();
        var consistency = MerkleVectors.Paths("consistency").Select(MerkleVectors.Consistency).ToList();

        Assert.Equal(5, inclusion.Count(v => v.Desc == "happy path" && !v.WantErr));
        Assert.Equal(5, consistency.Count(v => v.Desc == "happy path" && !v.WantErr));
    }
}
