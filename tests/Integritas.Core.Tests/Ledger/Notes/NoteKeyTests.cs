using System.Text;
using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Tests.Ledger.Notes;

public class NoteKeyTests
{
    [Fact]
    public void PeterNeumannKeyParsesToKeyIdC74f20a3AndTheIdFollowsFromNameAndKey()
    {
        var key = NoteVerifierKey.Parse(GoNoteVectors.PeterVerifierKey);

        Assert.Equal("PeterNeumann", key.Name);
        Assert.Equal(0xc74f20a3u, key.KeyId);
        Assert.Equal(0xc74f20a3u, NoteKeyId.ForEd25519(key.Name, key.PublicKey));
        Assert.Equal(0xc74f20a3u, NoteKeyId.Compute("PeterNeumann", Convert.FromBase64String("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")));
        Assert.Equal(GoNoteVectors.PeterVerifierKey, key.ToString());
    }

    [Fact]
    public void KeyIdIsTheFirstFourBytesOfSha256OfNameNewlineTypeAndKey()
    {
        var publicKey = NoteVerifierKey.Parse(GoNoteVectors.EnochVerifierKey).PublicKey;
        var digest = System.Security.Cryptography.SHA256.HashData([.. Encoding.UTF8.GetBytes("EnochRoot"), 0x0A, 0x01, .. publicKey]);

        Assert.Equal(0xaf0cfe78u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(digest));
        Assert.Equal(0xaf0cfe78u, NoteKeyId.ForEd25519("EnochRoot", publicKey));
    }

    [Fact]
    public void PeterNeumannSignerKeyParsesAndMatchesItsVerifierKey()
    {
        using var signer = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);

        Assert.Equal("PeterNeumann", signer.Name);
        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(GoNoteVectors.PeterVerifierKey, signer.VerifierKey.ToString());
        Assert.Equal(GoNoteVectors.PeterSignerKey, signer.Export());
        Assert.DoesNotContain("AYEK", signer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryManglingOfTheVerifierKeyIsRejected()
    {
        // Go's TestNewVerifier: every proper substring, and every single character incremented.
        foreach (var mangled in Manglings(GoNoteVectors.PeterVerifierKey))
        {
            Assert.False(NoteVerifierKey.TryParse(mangled, out _, out var error), mangled);
            Assert.NotNull(error);
        }
    }

    [Fact]
    public void EveryManglingOfTheSignerKeyIsRejected()
    {
        // Go's TestNewSigner.
        foreach (var mangled in Manglings(GoNoteVectors.PeterSignerKey))
        {
            Assert.False(NoteSignerKey.TryParse(mangled, out _, out _), mangled);
        }
    }

    [Theory]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")] // wrong length, ID adjusted
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]         // unknown algorithm, ID adjusted
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ")]
    [InlineData(" PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsV kmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+0xc74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3")]
    [InlineData("")]
    [InlineData(null)]
    public void MalformedVerifierKeysAreRejected(string? text)
    {
        Assert.False(NoteVerifierKey.TryParse(text, out var key, out var error));
        Assert.Null(key);
        Assert.NotNull(error);
        Assert.Throws<FormatException>(() => NoteVerifierKey.Parse(text!));
    }

    [Fact]
    public void UppercaseKeyIdsAreAcceptedAsGoDoes()
    {
        var key = NoteVerifierKey.Parse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

        Assert.Equal(GoNoteVectors.PeterVerifierKey, key.ToString());
    }

    [Fact]
    public void GeneratedKeysAreSelfConsistent()
    {
        // Go's TestGenerateKey / testSignerAndVerifier.
        using var signer = NoteSignerKey.Generate("EnochRoot");
        using var reparsed = NoteSignerKey.Parse(signer.Export());
        var verifier = NoteVerifierKey.Parse(signer.VerifierKey.ToString());
        var message = "hi"u8.ToArray();

        Assert.Equal("EnochRoot", verifier.Name);
        Assert.Equal(signer.KeyId, verifier.KeyId);
        Assert.Equal(signer.KeyId, reparsed.KeyId);
        var signature = reparsed.Sign(message);
        Assert.True(verifier.Verify(message, signature));

        signature[0]++;
        Assert.False(verifier.Verify(message, signature));
        signature[0]--;
        message[0]++;
        Assert.False(verifier.Verify(message, signature));
        Assert.False(verifier.Verify(message, signature[..63]));
        Assert.False(verifier.Verify(message, []));
    }

    [Fact]
    public void TwoGeneratedKeysDiffer()
    {
        using var a = NoteSignerKey.Generate("integritas.example/ledger");
        using var b = NoteSignerKey.Generate("integritas.example/ledger");

        Assert.NotEqual(a.VerifierKey.ToString(), b.VerifierKey.ToString());
    }

    [Fact]
    public void KeysAreRefusedForInvalidNamesOrSizes()
    {
        Assert.Throws<ArgumentException>(() => NoteSignerKey.Generate("bad name"));
        Assert.Throws<ArgumentException>(() => NoteSignerKey.FromSeed("ok", new byte[31]));
        Assert.Throws<ArgumentException>(() => NoteVerifierKey.FromPublicKey("ok", new byte[31]));
        Assert.Throws<ArgumentException>(() => NoteVerifierKey.FromPublicKey("a+b", new byte[32]));
    }

    [Theory]
    [InlineData("PeterNeumann", true)]
    [InlineData("integritas.langkatkab.go.id/ledger", true)]
    [InlineData("go.sum", true)]
    [InlineData("kabupaten-langkat.go.id/saksi/ünïcödé", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a b", false)]
    [InlineData("a+b", false)]
    [InlineData("a\tb", false)]
    [InlineData("a\nb", false)]
    [InlineData("a\u00a0b", false)] // no-break space
    [InlineData("a\u2028b", false)] // line separator
    [InlineData("a\u3000b", false)] // ideographic space
    public void KeyNamesHaveNoSpacesOrPluses(string? name, bool valid)
    {
        Assert.Equal(valid, NoteKeyName.IsValid(name));
    }

    [Fact]
    public void KeyNamesWithALoneSurrogateAreInvalid()
    {
        // Not as InlineData: theory arguments are serialised as UTF-8, which would replace the surrogate.
        Assert.False(NoteKeyName.IsValid("a\ud800b"));
        Assert.False(NoteKeyName.IsValid("\udc00"));
        Assert.True(NoteKeyName.IsValid("a\ud83d\ude00b"));
    }

    private static IEnumerable<string> Manglings(string key)
    {
        for (var i = 0; i <= key.Length; i++)
        {
            for (var j = i + 1; j <= key.Length; j++)
            {
                if (i != 0 || j != key.Length)
                {
                    yield return key[i..j];
                }
            }
        }

        for (var i = 0; i < key.Length; i++)
        {
            var chars = key.ToCharArray();
            chars[i]++;
            yield return new string(chars);
        }
    }
}
