using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Ledger.Checkpoints;

/// <summary>The outcome of opening a signed checkpoint.</summary>
public sealed record CheckpointOpenResult(
    bool IsValid,
    string Message,
    Checkpoint? Checkpoint,
    SignedNote? Note,
    IReadOnlyList<NoteVerifierKey> VerifiedWitnesses)
{
    internal static CheckpointOpenResult Fail(string message, SignedNote? note = null) => new(false, message, null, note, []);
}
