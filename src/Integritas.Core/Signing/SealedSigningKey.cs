using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Integritas.Core.Signing;

/// <summary>
/// A person's Ed25519 signing key, sealed with a passphrase only they know: the private key is encrypted with
/// XChaCha20-Poly1305 under a key derived from the passphrase by Argon2id, and the ciphertext is bound to the owner and
/// the public key (associated data), so a sealed key copied to another account does not open. The portal stores the
/// sealed form and the public key; it can sign only while the owner types the passphrase, which it never stores —
/// the paperless signature of a head of office who signs the yearly performance agreement (and, later, integrity
/// pacts).
/// </summary>
public sealed record SealedSigningKey(byte[] PublicKey, byte[] Salt, byte[] Nonce, byte[] Ciphertext, int MemoryKib, int Passes)
{
    public const int MinPassphraseLength = 10;

    /// <summary>Argon2id cost used for new keys: 64 MiB, 3 passes, one lane (the libsodium "moderate" memory class).</summary>
    public const int DefaultMemoryKib = 64 * 1024;

    public const int DefaultPasses = 3;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>A new key pair for <paramref name="ownerId"/>, sealed with <paramref name="passphrase"/>.</summary>
    public static SealedSigningKey Create(string ownerId, string passphrase, int memoryKib = DefaultMemoryKib, int passes = DefaultPasses)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (passphrase is null || passphrase.Length < MinPassphraseLength)
        {
            throw new ArgumentException($"A passphrase has at least {MinPassphraseLength} characters.", nameof(passphrase));
        }

        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            var kdf = Kdf(memoryKib, passes);
            var salt = RandomNumberGenerator.GetBytes(kdf.MaxSaltSize);
            var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
            using var wrapping = kdf.DeriveKey(passphrase, salt, Aead);
            var ciphertext = Aead.Encrypt(wrapping, nonce, AssociatedData(ownerId, publicKey), seed);
            return new SealedSigningKey(publicKey, salt, nonce, ciphertext, memoryKib, passes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Signs <paramref name="message"/> when <paramref name="passphrase"/> opens the key; null when it does not (a
    /// wrong passphrase, another owner, or a damaged sealed key all look the same to the caller).
    /// </summary>
    public byte[]? TrySign(string ownerId, string passphrase, ReadOnlySpan<byte> message)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (string.IsNullOrEmpty(passphrase) || Salt.Length == 0)
        {
            return null;
        }

        var kdf = Kdf(MemoryKib, Passes);
        if (Salt.Length < kdf.MinSaltSize || Salt.Length > kdf.MaxSaltSize || Nonce.Length != Aead.NonceSize)
        {
            return null;
        }

        using var wrapping = kdf.DeriveKey(passphrase, Salt, Aead);
        var seed = new byte[Ed25519.PrivateKeySize];
        try
        {
            if (!Aead.Decrypt(wrapping, Nonce, AssociatedData(ownerId, PublicKey), Ciphertext, seed))
            {
                return null;
            }

            using var key = Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey);
            return key.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(PublicKey) ? Ed25519.Sign(key, message) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Whether <paramref name="signature"/> is <paramref name="publicKey"/>'s Ed25519 signature of <paramref name="message"/>; false for malformed input.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        publicKey.Length == Ed25519.PublicKeySize
        && signature.Length == Ed25519.SignatureSize
        && NSec.Cryptography.PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && key is not null
        && Ed25519.Verify(key, message, signature);

    /// <summary>A short fingerprint of a public key for people to compare: the first 16 hex digits of its SHA-256, in groups of four.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> publicKey)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];
        return string.Join(' ', Enumerable.Range(0, 4).Select(i => hex.Substring(i * 4, 4)));
    }

    private static Argon2id Kdf(int memoryKib, int passes) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memoryKib, NumberOfPasses = passes });

    private static byte[] AssociatedData(string ownerId, byte[] publicKey) =>
        [.. Encoding.UTF8.GetBytes("integritas.signing-key/v1\n" + ownerId + "\n"), .. publicKey];
}
