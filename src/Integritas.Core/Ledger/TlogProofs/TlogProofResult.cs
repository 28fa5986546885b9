using Integritas.Core.Ledger.Checkpoints;

namespace Integritas.Core.Ledger.TlogProofs;

/// <summary>The outcome of checking a proof file; on success, which entry of which checkpoint it proves.</summary>
public sealed record TlogProofResult(bool IsValid, string Message, TlogProof? Proof, Checkpoint? Checkpoint)
{
    internal static TlogProofResult Fail(string message, TlogProof? proof = null, Checkpoint? checkpoint = null) =>
        new(false, message, proof, checkpoint);
}
