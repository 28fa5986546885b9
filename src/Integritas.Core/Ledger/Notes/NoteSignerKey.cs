using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// A private Ed25519 note key, written <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex key ID&gt;+&lt;base64(0x01 ‖ 32-byte seed)&gt;</c>
/// (Go's signer key format, so keys move between implementations). The leading <c>PRIVATE+KEY</c> keeps it from
/// being mistaken for, or pasted as, the public verifier key.
/// </summary>
public sealed class NoteSignerKey : IDisposable
{
    private const string PrivatePrefix = "PRIVATE+KEY+";

    // The seed must be exportable: the signer key string is how the key is stored and handed between tools.
    private const KeyExportPolicies ExportPolicy = KeyExportPolicies.AllowPlaintextExport;

    private readonly Key _key;

    private NoteSignerKey(string name, Key key)
    {
        Name = name;
        _key = key;
        VerifierKey = NoteVerifierKey.FromPublicKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string Name { get; }

    public uint KeyId => VerifierKey.KeyId;

    /// <summary>The matching public key, to publish and to configure verifiers with.</summary>
    public NoteVerifierKey VerifierKey { get; }

    /// <summary>A fresh key from the operating system's CSPRNG (through libsodium).</summary>
    public static NoteSignerKey Generate(string name)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("The key name is empty or contains a space or '+'.", nameof(name));
        }

        return new NoteSignerKey(name, Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = ExportPolicy }));
    }

    /// <summary>The key for an Ed25519 seed (RFC 8032 private key).</summary>
    public static NoteSignerKey FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("The key name is empty or contains a space or '+'.", nameof(name));
        }

        if (seed.Length != NoteKeyString.Ed25519KeySize)
        {
            throw new ArgumentException($"An Ed25519 seed is {NoteKeyString.Ed25519KeySize} bytes.", nameof(seed));
        }

        return new NoteSignerKey(name, Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = ExportPolicy }));
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out NoteSignerKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (text is null || !text.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            error = "A signer key starts with PRIVATE+KEY+.";
            return false;
        }

        if (!NoteKeyString.TrySplit(text[PrivatePrefix.Length..], out var name, out var keyId, out var seed, out error))
        {
            return false;
        }

        var candidate = FromSeed(name, seed);

        // The ID is of the public key, so it can only be checked once the key pair is derived.
        if (candidate.KeyId != keyId)
        {
            candidate.Dispose();
            error = "The key ID does not match the key name and the key.";
            return false;
        }

        key = candidate;
        return true;
    }

    public static NoteSignerKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>The Ed25519 signature (64 bytes) of <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>The signer key string. Secret: store it like a password.</summary>
    public string Export() => PrivatePrefix + NoteKeyString.Format(Name, KeyId, _key.Export(KeyBlobFormat.RawPrivateKey));

    /// <summary>Name and ID only, so that logging a signer never leaks its key.</summary>
    public override string ToString() => $"PRIVATE+KEY+{Name}+{KeyId:x8}+…";

    public void Dispose() => _key.Dispose();
}
