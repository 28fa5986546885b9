using System.Text;

namespace Integritas.Core.Ledger.Notes;

/// <summary>Signs note text, or adds signatures to a note that already has some (a witness cosigning a checkpoint).</summary>
public static class NoteSigning
{
    /// <summary>
    /// The signed note: <paramref name="text"/>, a blank line, the <paramref name="existing"/> signatures, then one new
    /// line per signer. An existing signature by the same key (name and ID) as a signer is replaced, not repeated.
    /// </summary>
    public static string Sign(string text, IEnumerable<NoteSignerKey> signers, IEnumerable<NoteSignature>? existing = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        var bytes = NoteText.ToUtf8(text);
        if (bytes is null || !text.EndsWith('\n') || !NoteText.IsValid(bytes))
        {
            throw new ArgumentException("Note text must end with a newline and be UTF-8 without control characters other than newline.", nameof(text));
        }

        var signerList = signers.ToList();
        var replaced = signerList.Select(s => (s.Name, s.KeyId)).ToHashSet();
        var note = new StringBuilder(text).Append('\n');
        foreach (var signature in existing ?? [])
        {
            if (replaced.Contains((signature.Name, signature.KeyId)))
            {
                continue;
            }

            // Re-emitted lines must still parse, and their base64 must carry the key ID they claim.
            if (!NoteKeyName.IsValid(signature.Name) || !StrictBase64.TryDecode(signature.Base64, out var raw)
                || raw.Length < 5 || System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(raw) != signature.KeyId)
            {
                throw new ArgumentException($"Existing signature by {signature.Name} is malformed.", nameof(existing));
            }

            note.Append(signature.Line);
        }

        foreach (var signer in signerList)
        {
            note.Append(NoteSignature.Create(signer.Name, signer.KeyId, signer.Sign(bytes)).Line);
        }

        return note.ToString();
    }

    /// <summary>The note with the signers' lines added after its existing ones.</summary>
    public static string AddSignatures(SignedNote note, IEnumerable<NoteSignerKey> signers)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Sign(note.Text, signers, note.Signatures);
    }
}
