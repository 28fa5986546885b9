namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// Opens a signed note against a set of trusted keys, as C2SP signed-note says: lines from unknown keys are
/// ignored (that is how key rotation and witness cosignatures coexist), every line from a known key must verify
/// or the note is rejected, and at least one must.
/// </summary>
public static class NoteVerification
{
    public static NoteOpenResult Open(ReadOnlySpan<byte> message, IEnumerable<NoteVerifierKey> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (!SignedNote.TryParse(message, out var note, out var error))
        {
            return NoteOpenResult.Fail(NoteError.Malformed, error);
        }

        // The signed bytes are the text exactly as received; it is valid UTF-8, so re-encoding gives the same bytes.
        var text = System.Text.Encoding.UTF8.GetBytes(note.Text);
        var keys = known.ToList();
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        foreach (var signature in note.Signatures)
        {
            var matches = keys.Where(k => k.Name == signature.Name && k.KeyId == signature.KeyId).ToList();
            if (matches.Count == 0)
            {
                // Unknown key: keep it (to pass it on) but only once per identical line.
                if (!unverified.Contains(signature))
                {
                    unverified.Add(signature);
                }

                continue;
            }

            if (matches.Count > 1)
            {
                return NoteOpenResult.Fail(NoteError.AmbiguousKey, $"More than one known key is {signature.Name}+{signature.KeyId:x8}.", note);
            }

            if (!matches[0].Verify(text, signature.SignatureBytes))
            {
                return NoteOpenResult.Fail(NoteError.InvalidSignature, $"Invalid signature for key {signature.Name}+{signature.KeyId:x8}.", note);
            }

            if (!verified.Any(s => s.Name == signature.Name && s.KeyId == signature.KeyId))
            {
                verified.Add(signature);
            }
        }

        return verified.Count == 0
            ? new NoteOpenResult(NoteError.NoKnownSignature, "The note has no signature from a known key.", note, [], unverified)
            : new NoteOpenResult(NoteError.None, "The note verifies.", note, verified, unverified);
    }

    public static NoteOpenResult Open(string? message, IEnumerable<NoteVerifierKey> known)
    {
        var bytes = message is null ? null : NoteText.ToUtf8(message);
        return bytes is null
            ? NoteOpenResult.Fail(NoteError.Malformed, "A note must be UTF-8 text.")
            : Open(bytes, known);
    }
}
