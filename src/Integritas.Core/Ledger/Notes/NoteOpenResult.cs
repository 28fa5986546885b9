namespace Integritas.Core.Ledger.Notes;

/// <summary>Why a note was not accepted.</summary>
public enum NoteError
{
    None,

    /// <summary>Not a syntactically valid signed note.</summary>
    Malformed,

    /// <summary>A signature by a known key did not verify: the whole note is rejected.</summary>
    InvalidSignature,

    /// <summary>Two known keys share a name and key ID, so a signature line cannot be attributed.</summary>
    AmbiguousKey,

    /// <summary>Well-formed, but signed by none of the known keys.</summary>
    NoKnownSignature,
}

/// <summary>The outcome of opening a note: which signatures verified, which were from keys we do not know.</summary>
public sealed record NoteOpenResult(
    NoteError Error,
    string Message,
    SignedNote? Note,
    IReadOnlyList<NoteSignature> Verified,
    IReadOnlyList<NoteSignature> Unverified)
{
    public bool IsValid => Error == NoteError.None;

    /// <summary>Whether <paramref name="key"/> is among the keys whose signatures verified.</summary>
    public bool IsSignedBy(NoteVerifierKey key) =>
        IsValid && Verified.Any(s => s.Name == key.Name && s.KeyId == key.KeyId);

    internal static NoteOpenResult Fail(NoteError error, string message, SignedNote? note = null) => new(error, message, note, [], []);
}
