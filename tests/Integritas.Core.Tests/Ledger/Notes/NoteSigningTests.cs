using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Tests.Ledger.Notes;

public class NoteSigningTests
{
    [Fact]
    public void SigningGoesTestTextGivesGoesExactOutput()
    {
        // Go's TestSign: Ed25519 is deterministic, so the note is byte-for-byte Go's.
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);

        Assert.Equal(GoNoteVectors.PeterSigned, NoteSigning.Sign(GoNoteVectors.Text, [peter]));
    }

    [Fact]
    public void AnExistingSignatureByTheSameKeyIsReplaced()
    {
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);
        var stale = new NoteSignature("PeterNeumann", 0xc74f20a3, "BADSIGN=");

        Assert.Equal(GoNoteVectors.PeterSigned, NoteSigning.Sign(GoNoteVectors.Text, [peter], [stale]));
    }

    [Fact]
    public void AMalformedExistingSignatureIsRefused()
    {
        // Go's "Sign with bad pre-filled signature": the base64 does not start with the claimed key ID.
        using var enoch = NoteSignerKey.Generate("EnochRoot");
        var bad = new NoteSignature("PeterNeumann", 0xc74f20a3, "BADHASH=");

        Assert.Throws<ArgumentException>(() => NoteSigning.Sign(GoNoteVectors.Text, [enoch], [bad]));
        Assert.Throws<ArgumentException>(() => NoteSigning.Sign(GoNoteVectors.Text, [enoch], [bad with { Name = "a+b" }]));
    }

    [Fact]
    public void AWitnessAddsItsLineAfterTheExistingOnes()
    {
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);
        using var witness = NoteSignerKey.Generate("ngo.example/witness");
        Assert.True(SignedNote.TryParse(GoNoteVectors.PeterSigned, out var note, out _));

        var cosigned = NoteSigning.AddSignatures(note, [witness]);

        Assert.StartsWith(GoNoteVectors.PeterSigned, cosigned, StringComparison.Ordinal);
        var opened = NoteVerification.Open(cosigned, [peter.VerifierKey, witness.VerifierKey]);
        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(["PeterNeumann", "ngo.example/witness"], opened.Verified.Select(s => s.Name));
    }

    [Theory]
    [InlineData("abc")]                    // Go: "Sign with short text"
    [InlineData("")]
    [InlineData("line\r\n")]
    [InlineData("tab\there\n")]
    public void TextMustEndInNewlineAndHaveNoControlCharacters(string text)
    {
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);

        Assert.Throws<ArgumentException>(() => NoteSigning.Sign(text, [peter]));
    }

    [Fact]
    public void TextWithALoneSurrogateIsRefused()
    {
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);

        Assert.Throws<ArgumentException>(() => NoteSigning.Sign("lone \ud800 surrogate\n", [peter]));
    }

    [Fact]
    public void TextMayContainBlankLines()
    {
        using var peter = NoteSignerKey.Parse(GoNoteVectors.PeterSignerKey);
        const string text = "first\n\nthird\n\n";

        var opened = NoteVerification.Open(NoteSigning.Sign(text, [peter]), [peter.VerifierKey]);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(text, opened.Note!.Text);
    }
}
