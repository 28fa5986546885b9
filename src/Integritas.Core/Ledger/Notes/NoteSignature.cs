namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// One signature line of a note, <c>— &lt;name&gt; &lt;base64(key ID ‖ signature)&gt;</c>, kept in its exact base64 so
/// a note can be re-emitted byte for byte when a witness adds its own line.
/// </summary>
public sealed record NoteSignature(string Name, uint KeyId, string Base64)
{
    /// <summary>The line prefix: EM DASH (U+2014) and a space.</summary>
    public const string LinePrefix = "\u2014 ";

    /// <summary>The signature bytes after the 4-byte key ID.</summary>
    public byte[] SignatureBytes => Convert.FromBase64String(Base64)[4..];

    /// <summary>The line, newline included.</summary>
    public string Line => $"{LinePrefix}{Name} {Base64}\n";

    public static NoteSignature Create(string name, uint keyId, ReadOnlySpan<byte> signature)
    {
        Span<byte> id = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(id, keyId);
        return new NoteSignature(name, keyId, Convert.ToBase64String([.. id, .. signature]));
    }
}
