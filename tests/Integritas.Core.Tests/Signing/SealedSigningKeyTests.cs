using System.Text;
using Integritas.Core.Signing;

namespace Integritas.Core.Tests.Signing;

public class SealedSigningKeyTests
{
    // Cheap Argon2id settings keep the tests quick; the stored parameters travel with the key.
    private const int TestMemoryKib = 8 * 1024;
    private const int TestPasses = 1;

    private static readonly byte[] Message = Encoding.UTF8.GetBytes("integritas.perjanjian-kinerja/v1\nsha256:" + new string('a', 64) + "\n");

    private static SealedSigningKey Create(string owner = "user-1", string passphrase = "frasa sandi panjang") =>
        SealedSigningKey.Create(owner, passphrase, TestMemoryKib, TestPasses);

    [Fact]
    public void The_owner_with_the_passphrase_signs_and_anyone_verifies_with_the_public_key()
    {
        var key = Create();
        var signature = key.TrySign("user-1", "frasa sandi panjang", Message);
        Assert.NotNull(signature);
        Assert.Equal(64, signature.Length);
        Assert.True(SealedSigningKey.Verify(key.PublicKey, Message, signature));
        Assert.False(SealedSigningKey.Verify(key.PublicKey, [.. Message, 0x0a], signature));
        Assert.Equal(TestMemoryKib, key.MemoryKib);
        Assert.Equal(TestPasses, key.Passes);
    }

    [Fact]
    public void A_wrong_passphrase_another_owner_or_a_damaged_key_signs_nothing()
    {
        var key = Create();
        Assert.Null(key.TrySign("user-1", "frasa sandi salah!", Message));
        Assert.Null(key.TrySign("user-1", "", Message));
        Assert.Null(key.TrySign("user-2", "frasa sandi panjang", Message)); // the sealed key is bound to its owner
        var damaged = key with { Ciphertext = [.. key.Ciphertext.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)] };
        Assert.Null(damaged.TrySign("user-1", "frasa sandi panjang", Message));
        var otherPublic = key with { PublicKey = Create("user-1").PublicKey }; // a public key swapped in does not open
        Assert.Null(otherPublic.TrySign("user-1", "frasa sandi panjang", Message));
        Assert.Null((key with { Salt = [1, 2, 3] }).TrySign("user-1", "frasa sandi panjang", Message));
    }

    [Fact]
    public void Short_passphrases_are_refused_and_every_key_is_new()
    {
        Assert.Throws<ArgumentException>(() => SealedSigningKey.Create("user-1", "pendek", TestMemoryKib, TestPasses));
        Assert.NotEqual(Create().PublicKey, Create().PublicKey);
    }

    [Fact]
    public void Verification_follows_RFC_8032_and_rejects_malformed_input()
    {
        // RFC 8032 section 7.1, TEST 1: the empty message.
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Assert.True(SealedSigningKey.Verify(publicKey, [], signature));
        Assert.False(SealedSigningKey.Verify(publicKey, [0], signature));
        Assert.False(SealedSigningKey.Verify(publicKey[..31], [], signature));
        Assert.False(SealedSigningKey.Verify(publicKey, [], signature[..63]));
        Assert.False(SealedSigningKey.Verify(new byte[32], [], new byte[64]));
    }

    [Fact]
    public void A_fingerprint_is_four_groups_of_the_public_key_hash()
    {
        var fingerprint = SealedSigningKey.Fingerprint(Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        Assert.Matches("^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$", fingerprint);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
        Assert.Equal(hash[..16], fingerprint.Replace(" ", "", StringComparison.Ordinal));
    }
}
