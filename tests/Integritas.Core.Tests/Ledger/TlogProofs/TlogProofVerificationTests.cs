using System.Text;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Core.Tests.Ledger.Checkpoints;

namespace Integritas.Core.Tests.Ledger.TlogProofs;

public sealed class TlogProofVerificationTests : IDisposable
{
    private const string Origin = "integritas.langkatkab.go.id/ledger";
    private static readonly byte[][] Entries = [.. Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"evidence\":{i}}}"))];

    private readonly NoteSignerKey _log = NoteSignerKey.Generate(Origin);

    [Fact]
    public void TheGoChecksumDatabaseProofVerifies()
    {
        var sumdb = NoteVerifierKey.Parse(SumDbVectors.VerifierKey);
        var entry = Encoding.UTF8.GetBytes(SumDbVectors.Entry);
        var proof = Encoding.UTF8.GetBytes(SumDbVectors.ProofFile);

        var result = TlogProofVerification.Verify(proof, entry, sumdb, SumDbVectors.Origin);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(SumDbVectors.Index, result.Proof!.Index);
        Assert.Equal(58253265UL, result.Checkpoint!.Size);
        Assert.Equal(Convert.FromHexString(SumDbVectors.LeafHashHex), Rfc6962.LeafHash(entry));
    }

    [Fact]
    public void TheGoChecksumDatabaseProofRejectsWhatTheGoToolRejects()
    {
        // transparency-dev/incubator cmd/tlog-verify main_test.go: wrong leaf, wrong log key, truncated proof.
        var sumdb = NoteVerifierKey.Parse(SumDbVectors.VerifierKey);
        var entry = Encoding.UTF8.GetBytes(SumDbVectors.Entry);
        var proof = Encoding.UTF8.GetBytes(SumDbVectors.ProofFile);

        Assert.False(TlogProofVerification.Verify(proof, [.. entry, (byte)' '], sumdb, SumDbVectors.Origin).IsValid);
        Assert.False(NoteVerifierKey.TryParse(SumDbVectors.VerifierKey[..^1] + "9", out _, out _));
        Assert.False(TlogProofVerification.Verify(proof[..^50], entry, sumdb, SumDbVectors.Origin).IsValid);
        Assert.True(TlogProofVerification.Verify([.. proof, .. "\n\n\n"u8], entry, sumdb, SumDbVectors.Origin).IsValid);
        Assert.False(TlogProofVerification.Verify(proof, entry, sumdb).IsValid); // origin defaults to the key name
    }

    [Fact]
    public void ProofsWrittenForOurLogVerifyOffline()
    {
        var (leafHashes, checkpoint) = BuildLog(Entries.Length);

        foreach (var index in new ulong[] { 0, 1, 255, 256, 500, 998, 999 })
        {
            var file = ProofFile(leafHashes, checkpoint, index);

            var result = TlogProofVerification.Verify(Encoding.UTF8.GetBytes(file), Entries[index], _log.VerifierKey);

            Assert.True(result.IsValid, $"{index}: {result.Message}");
            Assert.Equal(index, result.Proof!.Index);
        }
    }

    [Fact]
    public void AnyTamperingIsDetected()
    {
        var (leafHashes, checkpoint) = BuildLog(Entries.Length);
        var file = ProofFile(leafHashes, checkpoint, 500, extra: "evidence photo"u8.ToArray());
        var good = TlogProofVerification.Verify(Encoding.UTF8.GetBytes(file), Entries[500], _log.VerifierKey);
        Assert.True(good.IsValid, good.Message);
        Assert.Equal("evidence photo"u8.ToArray(), good.Proof!.Extra);

        // The entry, the index, a proof hash, the checkpoint's size or root, or the key.
        Assert.False(Verify(file, Entries[501]));
        Assert.False(Verify(file.Replace("index 500\n", "index 501\n", StringComparison.Ordinal), Entries[500]));
        var firstHash = Convert.ToBase64String(InclusionProof.Generate(500, leafHashes)[0]);
        Assert.False(Verify(file.Replace(firstHash, Convert.ToBase64String(Rfc6962.EmptyRoot()), StringComparison.Ordinal), Entries[500]));
        Assert.False(Verify(file.Replace("\n1000\n", "\n1001\n", StringComparison.Ordinal), Entries[500]));
        using var stranger = NoteSignerKey.Generate(Origin);
        var result = TlogProofVerification.Verify(Encoding.UTF8.GetBytes(file), Entries[500], stranger.VerifierKey);
        Assert.False(result.IsValid);
        Assert.StartsWith("Checkpoint:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProofAgainstAnOlderCheckpointStillVerifies()
    {
        var (leafHashes, _) = BuildLog(Entries.Length);
        var older = SignedCheckpoint.Sign(new Checkpoint(Origin, 300, new InMemoryTree(leafHashes).Root(300)), _log);
        var hashes = InclusionProof.Generate(299, 300, new InMemoryTree(leafHashes).Lookup);
        var file = new TlogProof(299, hashes, older).Format();

        Assert.True(Verify(file, Entries[299]));
        Assert.False(Verify(new TlogProof(300, hashes, older).Format(), Entries[300]));
    }

    [Fact]
    public void GarbageFilesAreRejectedWithoutExceptions()
    {
        var random = new Random(9162);
        var (leafHashes, checkpoint) = BuildLog(64);
        var file = Encoding.UTF8.GetBytes(ProofFile(leafHashes, checkpoint, 10));
        for (var trial = 0; trial < 300; trial++)
        {
            var mangled = (byte[])file.Clone();
            mangled[random.Next(mangled.Length)] = (byte)random.Next(256);
            var cut = mangled[..random.Next(mangled.Length + 1)];

            _ = TlogProofVerification.Verify(mangled, Entries[10], _log.VerifierKey);
            _ = TlogProofVerification.Verify(cut, Entries[10], _log.VerifierKey);
        }
    }

    public void Dispose() => _log.Dispose();

    private bool Verify(string file, byte[] entry) =>
        TlogProofVerification.Verify(Encoding.UTF8.GetBytes(file), entry, _log.VerifierKey).IsValid;

    private (byte[][] LeafHashes, string Checkpoint) BuildLog(int size)
    {
        var leafHashes = Entries.Take(size).Select(e => Rfc6962.LeafHash(e)).ToArray();
        var tree = new CompactTree();
        foreach (var hash in leafHashes)
        {
            tree.Append(hash);
        }

        return (leafHashes, SignedCheckpoint.Sign(new Checkpoint(Origin, tree.Size, tree.Root()), _log));
    }

    private static string ProofFile(byte[][] leafHashes, string checkpoint, ulong index, byte[]? extra = null) =>
        new TlogProof(index, InclusionProof.Generate(index, leafHashes), checkpoint, extra).Format();
}
