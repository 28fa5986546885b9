using System.Text;
using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

public class AgreementDocumentTests
{
    private static AgreementDocument Sample(string target = "8") => new(
        "Kabupaten Langkat", "1.02.0.00.0.00.01.0000", "Dinas Kesehatan", 2026, 1,
        new AgreementParty("dr. Sri Wahyuni", "197001012000032001", "Kepala Dinas Kesehatan"),
        new AgreementParty("Syah Afandin", null, "Bupati Langkat"),
        [
            new AgreementTarget("sasaran", "S1", "Meningkatnya derajat kesehatan", "IKU-1", "Prevalensi stunting \"balita\"", "%", "lower", target, ""),
            new AgreementTarget("program", "1.02.02", "Program pemenuhan upaya kesehatan", "P-1", "Cakupan K6", "%", "range", "80", "90"),
        ],
        [new AgreementBudget("1.02.02", "Program pemenuhan upaya kesehatan", "1250000000")]);

    [Fact]
    public void The_canonical_form_is_fixed_field_by_field_and_reads_back()
    {
        var bytes = Sample().ToCanonicalJson();
        var json = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\"schema\":\"integritas.perjanjian-kinerja/v1\",\"regency\":\"Kabupaten Langkat\",\"opd\":{\"code\":\"1.02.0.00.0.00.01.0000\",\"name\":\"Dinas Kesehatan\"},\"year\":2026,\"revision\":1,", json, StringComparison.Ordinal);
        Assert.Contains("\"second_party\":{\"name\":\"Syah Afandin\",\"nip\":\"\",\"position\":\"Bupati Langkat\"}", json, StringComparison.Ordinal);
        Assert.Contains("Prevalensi stunting \\\"balita\\\"", json, StringComparison.Ordinal);
        Assert.Equal(bytes, Sample().ToCanonicalJson());
        Assert.True(AgreementDocument.TryParse(bytes, out var back));
        Assert.Equal(Sample().Targets, back!.Targets);
        Assert.Equal(Sample().Budget, back.Budget);
        Assert.Equal(Sample().SecondParty, back.SecondParty);
        Assert.Equal(bytes, back.ToCanonicalJson());
    }

    [Fact]
    public void A_changed_target_changes_the_hash_and_the_message_signed()
    {
        var a = AgreementDocument.Sha256Hex(Sample().ToCanonicalJson());
        var b = AgreementDocument.Sha256Hex(Sample("7.5").ToCanonicalJson());
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.NotEqual(a, b);
        Assert.Equal($"integritas.perjanjian-kinerja/v1\nsha256:{a}\n", Encoding.UTF8.GetString(AgreementDocument.SigningMessage(a)));
        Assert.Throws<ArgumentException>(() => AgreementDocument.SigningMessage(a.ToUpperInvariant()));
        Assert.Throws<ArgumentException>(() => AgreementDocument.SigningMessage("abc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"schema\":\"other/v1\"}")]
    [InlineData("{\"schema\":\"integritas.perjanjian-kinerja/v1\"}")]
    [InlineData("{not json")]
    public void Anything_else_does_not_read_as_a_document(string json) =>
        Assert.False(AgreementDocument.TryParse(Encoding.UTF8.GetBytes(json), out _));

    [Fact]
    public void A_signature_log_entry_names_the_agreement_the_key_and_the_signature()
    {
        var hash = new string('b', 64);
        var text = Encoding.UTF8.GetString(AgreementDocument.SignatureLogEntry("1.02.0.00.0.00.01.0000", 2026, 2, hash, "first", new byte[32], new byte[64],
            new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.FromHours(7))));
        Assert.Equal($"integritas.perjanjian-kinerja/v1\nopd 1.02.0.00.0.00.01.0000\nyear 2026\nrevision 2\ndocument sha256:{hash}\nparty first\nkey ed25519:{Convert.ToBase64String(new byte[32])}\nsignature {Convert.ToBase64String(new byte[64])}\nat 2026-01-15T03:30:00Z\n", text);
        Assert.Throws<ArgumentException>(() => AgreementDocument.SignatureLogEntry("a b", 2026, 1, hash, "first", new byte[32], new byte[64], DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => AgreementDocument.SignatureLogEntry("x", 2026, 1, hash, "third", new byte[32], new byte[64], DateTimeOffset.UnixEpoch));
    }
}
