using Integritas.Data.Audit;

namespace Integritas.Data.Identity;

/// <summary>
/// A user's Ed25519 signing key, sealed with their passphrase (<c>Core.Signing.SealedSigningKey</c>): the portal holds
/// only the public key and the encrypted private key. A replaced key is revoked, not deleted, so signatures made with
/// it can still be checked.
/// </summary>
public class SigningKey : IAudited
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required byte[] PublicKey { get; set; }

    [Redacted]
    public required byte[] Salt { get; set; }

    [Redacted]
    public required byte[] Nonce { get; set; }

    [Redacted]
    public required byte[] SealedPrivateKey { get; set; }

    public int MemoryKib { get; set; }

    public int Passes { get; set; }

    public DateTimeOffset CreatedAtUtc { get; set; }

    public DateTimeOffset? RevokedAtUtc { get; set; }
}
