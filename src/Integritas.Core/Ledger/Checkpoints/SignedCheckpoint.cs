using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Ledger.Checkpoints;

/// <summary>Signing and opening checkpoints: a checkpoint is only trusted with a valid signature by the log's own key.</summary>
public static class SignedCheckpoint
{
    /// <summary>The checkpoint as a note signed by the log.</summary>
    public static string Sign(Checkpoint checkpoint, NoteSignerKey logKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(logKey);
        return NoteSigning.Sign(checkpoint.Format(), [logKey]);
    }

    /// <summary>
    /// Opens a signed checkpoint. It must carry a valid signature by <paramref name="logKey"/> and name
    /// <paramref name="origin"/> (by default the key's name, which C2SP says should be the origin). Lines from
    /// <paramref name="witnesses"/> are verified too (a bad one rejects the note); other unknown lines are ignored.
    /// </summary>
    public static CheckpointOpenResult Open(
        ReadOnlySpan<byte> signedNote,
        NoteVerifierKey logKey,
        string? origin = null,
        IEnumerable<NoteVerifierKey>? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var witnessKeys = (witnesses ?? []).ToList();
        var opened = NoteVerification.Open(signedNote, [logKey, .. witnessKeys]);
        if (!opened.IsValid)
        {
            return CheckpointOpenResult.Fail(opened.Message, opened.Note);
        }

        // A note signed by witnesses alone is not a checkpoint of this log.
        if (!opened.IsSignedBy(logKey))
        {
            return CheckpointOpenResult.Fail($"The checkpoint is not signed by the log key {logKey.Name}+{logKey.KeyId:x8}.", opened.Note);
        }

        if (!Checkpoint.TryParse(opened.Note!.Text, out var checkpoint, out var error))
        {
            return CheckpointOpenResult.Fail(error, opened.Note);
        }

        var expectedOrigin = origin ?? logKey.Name;
        if (checkpoint.Origin != expectedOrigin)
        {
            return CheckpointOpenResult.Fail($"The checkpoint is for origin '{checkpoint.Origin}', not '{expectedOrigin}'.", opened.Note);
        }

        return new CheckpointOpenResult(true, "The checkpoint verifies.", checkpoint, opened.Note, [.. witnessKeys.Where(opened.IsSignedBy)]);
    }

    public static CheckpointOpenResult Open(string? signedNote, NoteVerifierKey logKey, string? origin = null, IEnumerable<NoteVerifierKey>? witnesses = null)
    {
        var bytes = signedNote is null ? null : NoteText.ToUtf8(signedNote);
        return bytes is null ? CheckpointOpenResult.Fail("A checkpoint must be UTF-8 text.") : Open(bytes, logKey, origin, witnesses);
    }
}
