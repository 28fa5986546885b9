using System.Text;
using Integritas.Core.Procurement;
using Integritas.Core.Signing;

namespace Integritas.Core.Tests.Procurement;

public class PactDocumentTests
{
    private static PactDocument Sample(decimal hps = 1_250_000_000m) => new(
        "Kabupaten Langkat", "PBJ-2026-0001", "Pembangunan \"Jembatan\" Desa", "1.03.0.00.0.00.01.0000", "Dinas PUPR", 2026,
        ProcurementMethod.Tender, ProcurementCategory.Construction, hps, 1_300_000_000m, null, PactDocument.StandardCommitments);

    [Fact]
    public void The_canonical_form_is_fixed_and_reads_back()
    {
        var bytes = Sample().ToCanonicalJson();
        var json = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\"schema\":\"integritas.pakta-integritas/v1\",\"regency\":\"Kabupaten Langkat\",\"package\":{\"code\":\"PBJ-2026-0001\",", json, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"tender\",\"category\":\"construction\",\"hps\":\"1250000000\",\"pagu\":\"1300000000\",\"location\":\"\"", json, StringComparison.Ordinal);
        Assert.Contains("Pembangunan \\\"Jembatan\\\" Desa", json, StringComparison.Ordinal);
        Assert.Equal(bytes, Sample().ToCanonicalJson());
        Assert.True(PactDocument.TryParse(bytes, out var back));
        Assert.Equal(Sample().Commitments, back!.Commitments);
        Assert.Equal(Sample() with { Commitments = back.Commitments }, back);
        Assert.NotEqual(PactDocument.Sha256Hex(bytes), PactDocument.Sha256Hex(Sample(1_250_000_001m).ToCanonicalJson()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"schema\":\"integritas.perjanjian-kinerja/v1\"}")]
    [InlineData("not json")]
    public void Anything_else_is_refused(string text) => Assert.False(PactDocument.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void A_signature_over_the_message_verifies_and_the_log_entry_carries_it()
    {
        var hash = PactDocument.Sha256Hex(Sample().ToCanonicalJson());
        var key = SealedSigningKey.Create("user-1", "frasa sandi panjang", memoryKib: 8 * 1024, passes: 1);
        var signature = key.TrySign("user-1", "frasa sandi panjang", PactDocument.SigningMessage(hash))!;
        Assert.True(SealedSigningKey.Verify(key.PublicKey, PactDocument.SigningMessage(hash), signature));
        var other = PactDocument.Sha256Hex(Sample(1m).ToCanonicalJson());
        Assert.False(SealedSigningKey.Verify(key.PublicKey, PactDocument.SigningMessage(other), signature));

        var entry = Encoding.UTF8.GetString(PactDocument.SignatureLogEntry("PBJ-2026-0001", hash, PactRole.Bidder, "V000123", key.PublicKey, signature,
            new DateTimeOffset(2026, 3, 1, 2, 3, 4, TimeSpan.Zero)));
        Assert.Contains($"document sha256:{hash}\nrole bidder\nvendor V000123\n", entry, StringComparison.Ordinal);
        Assert.EndsWith("at 2026-03-01T02:03:04Z\n", entry, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PactDocument.SignatureLogEntry("with space", hash, PactRole.Bidder, null, key.PublicKey, signature, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => PactDocument.SigningMessage("ABC"));
    }
}
