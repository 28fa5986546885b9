using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Tests.Ledger.Checkpoints;

public sealed class SignedCheckpointTests : IDisposable
{
    private const string Origin = "integritas.langkatkab.go.id/ledger";

    private readonly NoteSignerKey _log = NoteSignerKey.Generate(Origin);
    private readonly NoteSignerKey _university = NoteSignerKey.Generate("usu.ac.id/witness");
    private readonly NoteSignerKey _ngo = NoteSignerKey.Generate("ngo.example/witness");
    private readonly Checkpoint _checkpoint = new(Origin, 42, Rfc6962.LeafHash("root"u8));

    [Fact]
    public void ASignedCheckpointOpensWithTheLogKey()
    {
        var signed = SignedCheckpoint.Sign(_checkpoint, _log);

        var opened = SignedCheckpoint.Open(signed, _log.VerifierKey);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(42UL, opened.Checkpoint!.Size);
        Assert.Equal(_checkpoint.RootHash, opened.Checkpoint.RootHash);
        Assert.StartsWith(_checkpoint.Format() + "\n\u2014 " + Origin + " ", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void WitnessCosignaturesAreVerifiedAndReported()
    {
        var signed = SignedCheckpoint.Sign(_checkpoint, _log);
        Assert.True(SignedNote.TryParse(signed, out var note, out _));
        var cosigned = NoteSigning.AddSignatures(note, [_university, _ngo]);

        var opened = SignedCheckpoint.Open(cosigned, _log.VerifierKey, witnesses: [_university.VerifierKey, _ngo.VerifierKey]);
        var onlyLog = SignedCheckpoint.Open(cosigned, _log.VerifierKey);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(["usu.ac.id/witness", "ngo.example/witness"], opened.VerifiedWitnesses.Select(w => w.Name));
        Assert.True(onlyLog.IsValid, onlyLog.Message);
        Assert.Empty(onlyLog.VerifiedWitnesses);
    }

    [Fact]
    public void ANoteSignedOnlyByAWitnessIsNotACheckpointOfTheLog()
    {
        var signed = NoteSigning.Sign(_checkpoint.Format(), [_ngo]);

        var opened = SignedCheckpoint.Open(signed, _log.VerifierKey, witnesses: [_ngo.VerifierKey]);

        Assert.False(opened.IsValid);
        Assert.Contains("not signed by the log", opened.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOriginMustBeTheExpectedOne()
    {
        var other = new Checkpoint("other.example/log", 42, Rfc6962.LeafHash("root"u8));
        var signed = SignedCheckpoint.Sign(other, _log);

        Assert.False(SignedCheckpoint.Open(signed, _log.VerifierKey).IsValid);
        Assert.True(SignedCheckpoint.Open(signed, _log.VerifierKey, origin: "other.example/log").IsValid);
    }

    [Fact]
    public void AlteringSizeOrRootBreaksTheSignature()
    {
        var signed = SignedCheckpoint.Sign(_checkpoint, _log);

        Assert.False(SignedCheckpoint.Open(signed.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), _log.VerifierKey).IsValid);
        Assert.False(SignedCheckpoint.Open(signed.Replace(Convert.ToBase64String(_checkpoint.RootHash), Convert.ToBase64String(Rfc6962.EmptyRoot()), StringComparison.Ordinal), _log.VerifierKey).IsValid);
    }

    [Fact]
    public void AWitnessWithABadSignatureRejectsTheCheckpointWhenTheWitnessIsKnown()
    {
        var signed = SignedCheckpoint.Sign(_checkpoint, _log);
        var bogus = NoteSignature.Create(_ngo.Name, _ngo.KeyId, new byte[64]);
        var withBogus = signed + bogus.Line;

        Assert.False(SignedCheckpoint.Open(withBogus, _log.VerifierKey, witnesses: [_ngo.VerifierKey]).IsValid);
        Assert.True(SignedCheckpoint.Open(withBogus, _log.VerifierKey).IsValid);
    }

    [Fact]
    public void SignedTextThatIsNotACheckpointIsRejected()
    {
        var signed = NoteSigning.Sign("just a note\n", [_log]);

        Assert.False(SignedCheckpoint.Open(signed, _log.VerifierKey).IsValid);
        Assert.False(SignedCheckpoint.Open((string?)null, _log.VerifierKey).IsValid);
    }

    [Fact]
    public void TheGoChecksumDatabaseCheckpointVerifies()
    {
        // A real sum.golang.org checkpoint: origin "go.sum database tree" under the key name "sum.golang.org".
        var sumdb = NoteVerifierKey.Parse(SumDbVectors.VerifierKey);

        var opened = SignedCheckpoint.Open(SumDbVectors.Checkpoint, sumdb, origin: SumDbVectors.Origin);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(58253265UL, opened.Checkpoint!.Size);
        Assert.False(SignedCheckpoint.Open(SumDbVectors.Checkpoint, sumdb).IsValid);
    }

    public void Dispose()
    {
        _log.Dispose();
        _university.Dispose();
        _ngo.Dispose();
    }
}
