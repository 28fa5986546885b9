using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// A public Ed25519 note key, written <c>&lt;name&gt;+&lt;hex key ID&gt;+&lt;base64(0x01 ‖ public key)&gt;</c>
/// (Go's <c>golang.org/x/mod/sumdb/note</c> verifier key). This string is what verifiers are configured with.
/// </summary>
public sealed class NoteVerifierKey
{
    private readonly PublicKey _publicKey;
    private readonly byte[] _publicKeyBytes;

    private NoteVerifierKey(string name, uint keyId, byte[] publicKeyBytes, PublicKey publicKey)
    {
        Name = name;
        KeyId = keyId;
        _publicKeyBytes = publicKeyBytes;
        _publicKey = publicKey;
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The raw 32-byte Ed25519 public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKeyBytes.Clone();

    /// <summary>The verifier key for a raw Ed25519 public key; the key ID is derived, never supplied.</summary>
    public static NoteVerifierKey FromPublicKey(string name, ReadOnlySpan<byte> publicKey)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("The key name is empty or contains a space or '+'.", nameof(name));
        }

        if (!TryImport(publicKey, out var imported))
        {
            throw new ArgumentException($"Not a {NoteKeyString.Ed25519KeySize}-byte Ed25519 public key.", nameof(publicKey));
        }

        return new NoteVerifierKey(name, NoteKeyId.ForEd25519(name, publicKey), publicKey.ToArray(), imported);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out NoteVerifierKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (text is null)
        {
            error = "No verifier key.";
            return false;
        }

        if (!NoteKeyString.TrySplit(text, out var name, out var keyId, out var publicKey, out error))
        {
            return false;
        }

        // A mismatched ID means the string was altered or belongs to another name: refuse rather than trust either part.
        if (NoteKeyId.ForEd25519(name, publicKey) != keyId)
        {
            error = "The key ID does not match the key name and public key.";
            return false;
        }

        if (!TryImport(publicKey, out var imported))
        {
            error = "Not a valid Ed25519 public key.";
            return false;
        }

        key = new NoteVerifierKey(name, keyId, publicKey, imported);
        return true;
    }

    public static NoteVerifierKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>Whether <paramref name="signature"/> is this key's Ed25519 signature of <paramref name="message"/>; false, never an exception, for garbage.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize
        && SignatureAlgorithm.Ed25519.Verify(_publicKey, message, signature);

    /// <summary>The verifier key string.</summary>
    public override string ToString() => NoteKeyString.Format(Name, KeyId, _publicKeyBytes);

    private static bool TryImport(ReadOnlySpan<byte> publicKey, [NotNullWhen(true)] out PublicKey? imported)
    {
        imported = null;
        return publicKey.Length == NoteKeyString.Ed25519KeySize
            && NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out imported);
    }
}
