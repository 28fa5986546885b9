using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Merkle;

/// <summary>Verification gets hostile input from the network: it must answer, never throw.</summary>
public class MalformedProofTests
{
    private static readonly byte[] Hash = Rfc6962.LeafHash("x"u8);

    [Fact]
    public void NullsAreReportedAsMissing()
    {
        Assert.Equal(ProofError.MissingInput, InclusionVerifier.Verify(0, 1, null, [], Hash).Error);
        Assert.Equal(ProofError.MissingInput, InclusionVerifier.Verify(0, 1, Hash, null, Hash).Error);
        Assert.Equal(ProofError.MissingInput, InclusionVerifier.Verify(0, 1, Hash, [], null).Error);
        Assert.Equal(ProofError.MissingInput, InclusionVerifier.Verify(0, 2, Hash, [null!], Hash).Error);
        Assert.Equal(ProofError.MissingInput, ConsistencyVerifier.Verify(1, 2, null, Hash, [Hash]).Error);
        Assert.Equal(ProofError.MissingInput, ConsistencyVerifier.Verify(1, 2, Hash, null, [Hash]).Error);
        Assert.Equal(ProofError.MissingInput, ConsistencyVerifier.Verify(1, 2, Hash, Hash, null).Error);
        Assert.Equal(ProofError.MissingInput, ConsistencyVerifier.Verify(1, 2, Hash, Hash, [null!]).Error);
    }

    [Fact]
    public void InclusionChecksIndexHashLengthsAndProofLength()
    {
        Assert.Equal(ProofError.IndexOutOfRange, InclusionVerifier.Verify(1, 1, Hash, [], Hash).Error);
        Assert.Equal(ProofError.IndexOutOfRange, InclusionVerifier.Verify(0, 0, Hash, [], Hash).Error);
        Assert.Equal(ProofError.IndexOutOfRange, InclusionVerifier.Verify(ulong.MaxValue, 1, Hash, [], Hash).Error);
        Assert.Equal(ProofError.WrongHashLength, InclusionVerifier.Verify(0, 1, [], [], Hash).Error);
        Assert.Equal(ProofError.WrongHashLength, InclusionVerifier.Verify(0, 1, Hash, [], new byte[33]).Error);
        Assert.Equal(ProofError.WrongHashLength, InclusionVerifier.Verify(0, 2, Hash, [new byte[31]], Hash).Error);
        Assert.Equal(ProofError.WrongProofLength, InclusionVerifier.Verify(0, 2, Hash, [], Hash).Error);
        Assert.Equal(ProofError.WrongProofLength, InclusionVerifier.Verify(0, 1, Hash, [Hash], Hash).Error);
        Assert.Equal(ProofResult.Valid, InclusionVerifier.Verify(0, 1, Hash, [], Hash));
    }

    [Fact]
    public void ConsistencyChecksSizesHashLengthsAndProofLength()
    {
        Assert.Equal(ProofError.SizesOutOfOrder, ConsistencyVerifier.Verify(2, 1, Hash, Hash, []).Error);
        Assert.Equal(ProofError.EmptyOldTree, ConsistencyVerifier.Verify(0, 0, Hash, Hash, []).Error);
        Assert.Equal(ProofError.EmptyOldTree, ConsistencyVerifier.Verify(0, 5, Rfc6962.EmptyRoot(), Hash, []).Error);
        Assert.Equal(ProofError.WrongProofLength, ConsistencyVerifier.Verify(3, 3, Hash, Hash, [Hash]).Error);
        Assert.Equal(ProofError.RootMismatch, ConsistencyVerifier.Verify(3, 3, Hash, Rfc6962.EmptyRoot(), []).Error);
        Assert.Equal(ProofError.WrongHashLength, ConsistencyVerifier.Verify(1, 2, new byte[5], Hash, [Hash]).Error);
        Assert.Equal(ProofError.WrongHashLength, ConsistencyVerifier.Verify(1, 2, Hash, Hash, [[]]).Error);
        Assert.Equal(ProofError.WrongProofLength, ConsistencyVerifier.Verify(1, 2, Hash, Hash, []).Error);
        Assert.Equal(ProofError.WrongProofLength, ConsistencyVerifier.Verify(1, 2, Hash, Hash, [Hash, Hash]).Error);
    }

    [Fact]
    public void ExtremeSizesAreJudgedWithoutOverflow()
    {
        var max = ulong.MaxValue;
        byte[][] proof64 = [.. Enumerable.Repeat(Hash, 64)];

        Assert.False(InclusionVerifier.Verify(max - 1, max, Hash, proof64, Hash).IsValid);
        Assert.False(InclusionVerifier.Verify(0, max, Hash, proof64, Hash).IsValid);
        Assert.False(ConsistencyVerifier.Verify(max - 1, max, Hash, Hash, proof64).IsValid);
        Assert.False(ConsistencyVerifier.Verify(1UL << 63, max, Hash, Hash, proof64).IsValid);
        Assert.False(ConsistencyVerifier.Verify(1, max, Hash, Hash, proof64).IsValid);
    }

    [Fact]
    public void RandomGarbageNeverThrows()
    {
        var random = new Random(6962);
        for (var trial = 0; trial < 5000; trial++)
        {
            var a = RandomSize(random);
            var b = RandomSize(random);
            var proof = Enumerable.Range(0, random.Next(0, 70)).Select(_ => RandomHash(random)).ToList();

            _ = InclusionVerifier.Verify(a, b, RandomHash(random), proof, RandomHash(random));
            _ = ConsistencyVerifier.Verify(a, b, RandomHash(random), RandomHash(random), proof);
        }
    }

    private static ulong RandomSize(Random random) => random.Next(4) switch
    {
        0 => (ulong)random.Next(0, 20),
        1 => ulong.MaxValue - (ulong)random.Next(0, 3),
        2 => 1UL << random.Next(0, 64),
        _ => (ulong)random.NextInt64(),
    };

    private static byte[] RandomHash(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(0, 40) : Rfc6962.HashSize;
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
