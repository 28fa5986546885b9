using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Ledger.TlogProofs;

/// <summary>
/// Checks a tlog-proof file offline: the checkpoint is signed by the log's key, and the entry's leaf hash at the
/// given index leads through the proof to the checkpoint's root. Needs no network and no trust in the server.
/// </summary>
public static class TlogProofVerification
{
    public static TlogProofResult Verify(
        ReadOnlySpan<byte> proofFile,
        ReadOnlySpan<byte> entry,
        NoteVerifierKey logKey,
        string? origin = null,
        IEnumerable<NoteVerifierKey>? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        if (!TlogProof.TryParse(proofFile, out var proof, out var error))
        {
            return TlogProofResult.Fail(error);
        }

        var opened = SignedCheckpoint.Open(proof.Checkpoint, logKey, origin, witnesses);
        if (!opened.IsValid)
        {
            return TlogProofResult.Fail($"Checkpoint: {opened.Message}", proof);
        }

        var checkpoint = opened.Checkpoint!;
        var inclusion = InclusionVerifier.Verify(proof.Index, checkpoint.Size, Rfc6962.LeafHash(entry), proof.Hashes, checkpoint.RootHash);
        return inclusion.IsValid
            ? new TlogProofResult(true, $"Entry {proof.Index} is in the log at size {checkpoint.Size}.", proof, checkpoint)
            : TlogProofResult.Fail($"Inclusion: {inclusion.Message}", proof, checkpoint);
    }
}
