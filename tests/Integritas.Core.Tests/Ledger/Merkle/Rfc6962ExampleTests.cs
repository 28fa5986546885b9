using System.Text;
using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

/// <summary>
/// RFC 6962 §2.1.3's seven-leaf example, with the RFC's labels (docs/standards/transparency-log.md):
/// a..f and j are the leaf hashes of d0..d6; g = (a,b), h = (c,d), i = (e,f), k = (g,h), l = (i,j), root = (k,l).
/// </summary>
public class Rfc6962ExampleTests
{
    private static readonly byte[][] D = [.. Enumerable.Range(0, 7).Select(i => Encoding.ASCII.GetBytes($"d{i}"))];
    private static readonly byte[][] LeafHashes = [.. D.Select(d => Rfc6962.LeafHash(d))];

    private static readonly byte[] A = LeafHashes[0], B = LeafHashes[1], C = LeafHashes[2], Dh = LeafHashes[3];
    private static readonly byte[] E = LeafHashes[4], F = LeafHashes[5], J = LeafHashes[6];
    private static readonly byte[] G = Rfc6962.NodeHash(A, B), H = Rfc6962.NodeHash(C, Dh), I = Rfc6962.NodeHash(E, F);
    private static readonly byte[] K = Rfc6962.NodeHash(G, H), L = Rfc6962.NodeHash(I, J);
    private static readonly byte[] Root = Rfc6962.NodeHash(K, L);

    public static TheoryData<int, string> Paths => new()
    {
        { 0, "b h l" },
        { 3, "c g l" },
        { 4, "f j k" },
        { 6, "i k" },
    };

    public static TheoryData<int, string> ConsistencyProofs => new()
    {
        { 3, "c d g l" },
        { 4, "l" },
        { 6, "i j k" },
    };

    [Fact]
    public void RootIsNodeOfKAndL()
    {
        Assert.Equal(Root, MerkleTreeHash.Compute(LeafHashes));
        Assert.Equal(Root, new CompactTree().AppendAll(LeafHashes).Root());
    }

    [Fact]
    public void LeafHashIsSha256OfZeroByteAndData()
    {
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x00, .. D[0]]), A);
    }

    [Fact]
    public void NodeHashIsSha256OfOneByteAndChildren()
    {
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x01, .. A, .. B]), G);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void InclusionPathHasTheRfcLabels(int m, string labels)
    {
        var proof = InclusionProof.Generate((ulong)m, LeafHashes);

        Assert.Equal(Hashes(labels), proof);
        Assert.True(InclusionVerifier.Verify((ulong)m, 7, LeafHashes[m], proof, Root).IsValid);
    }

    [Theory]
    [MemberData(nameof(ConsistencyProofs))]
    public void ConsistencyProofHasTheRfcLabels(int m, string labels)
    {
        var proof = ConsistencyProof.Generate((ulong)m, LeafHashes);
        var oldRoot = MerkleTreeHash.Compute(LeafHashes[..m]);

        Assert.Equal(Hashes(labels), proof);
        Assert.True(ConsistencyVerifier.Verify((ulong)m, 7, oldRoot, Root, proof).IsValid);
    }

    private static byte[][] Hashes(string labels) => [.. labels.Split(' ').Select(Label)];

    private static byte[] Label(string label) => label switch
    {
        "a" => A,
        "b" => B,
        "c" => C,
        "d" => Dh,
        "e" => E,
        "f" => F,
        "g" => G,
        "h" => H,
        "i" => I,
        "j" => J,
        "k" => K,
        "l" => L,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not an RFC 6962 §2.1.3 label."),
    };
}
