using System.Text;
using Integritas.Core.Ledger.Notes;

namespace Integritas.Core.Tests.Ledger.Notes;

/// <summary>Go's TestOpen, plus the C2SP rules on unknown keys and signature counts.</summary>
public class NoteVerificationTests
{
    private static readonly NoteVerifierKey Peter = NoteVerifierKey.Parse(GoNoteVectors.PeterVerifierKey);
    private static readonly NoteVerifierKey Enoch = NoteVerifierKey.Parse(GoNoteVectors.EnochVerifierKey);
    private static readonly NoteSignature PeterSignature = new("PeterNeumann", 0xc74f20a3, GoNoteVectors.PeterSignatureBase64);
    private static readonly NoteSignature EnochSignature = new("EnochRoot", 0xaf0cfe78, GoNoteVectors.EnochSignatureBase64);
    private static readonly string TwoSigned = GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig + GoNoteVectors.EnochSig;

    [Fact]
    public void UnknownKeysAreIgnoredButKeptAsUnverified()
    {
        var opened = NoteVerification.Open(TwoSigned, [Peter]);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(GoNoteVectors.Text, opened.Note!.Text);
        Assert.Equal([PeterSignature], opened.Verified);
        Assert.Equal([EnochSignature], opened.Unverified);
    }

    [Fact]
    public void BothKnownBothVerify()
    {
        var opened = NoteVerification.Open(TwoSigned, [Peter, Enoch]);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal([PeterSignature, EnochSignature], opened.Verified);
        Assert.Empty(opened.Unverified);
    }

    [Fact]
    public void NoKnownKeyMeansRejectedButStillParsed()
    {
        var opened = NoteVerification.Open(TwoSigned, []);

        Assert.False(opened.IsValid);
        Assert.Equal(NoteError.NoKnownSignature, opened.Error);
        Assert.Empty(opened.Verified);
        Assert.Equal([PeterSignature, EnochSignature], opened.Unverified);
    }

    [Fact]
    public void AKeyKnownTwiceIsAmbiguousOnlyWhenItSigned()
    {
        var enochOnly = GoNoteVectors.Text + "\n" + GoNoteVectors.EnochSig;

        Assert.Equal(NoteError.AmbiguousKey, NoteVerification.Open(enochOnly, [Enoch, Peter, Enoch]).Error);
        Assert.True(NoteVerification.Open(GoNoteVectors.PeterSigned, [Enoch, Peter, Enoch]).IsValid);
    }

    [Fact]
    public void AKnownKeysBadSignatureRejectsTheWholeNote()
    {
        // Go inserts "ABCD" at byte 60 of the line; the em dash is 3 bytes in UTF-8 but 1 char here, hence 58.
        var bad = GoNoteVectors.PeterSig[..58] + "ABCD" + GoNoteVectors.PeterSig[58..];

        var opened = NoteVerification.Open(GoNoteVectors.Text + "\n" + bad, [Peter]);

        Assert.Equal(NoteError.InvalidSignature, opened.Error);
        Assert.Contains("PeterNeumann+c74f20a3", opened.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadSignatureAmongGoodOnesByTheSameKeyRejects()
    {
        var badPeter = GoNoteVectors.PeterSig.Replace("x08go/ZJ", "x08go/ZK", StringComparison.Ordinal);

        Assert.Equal(NoteError.InvalidSignature, NoteVerification.Open(GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig + badPeter, [Peter]).Error);
    }

    [Fact]
    public void RepeatedLinesAreRecordedOnce()
    {
        // Go's "Duplicated verified and unverified signatures".
        var enochAbcd = GoNoteVectors.EnochSig[..58] + "ABCD" + GoNoteVectors.EnochSig[58..];
        var message = GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig + GoNoteVectors.PeterSig + GoNoteVectors.EnochSig + GoNoteVectors.EnochSig + enochAbcd;

        var opened = NoteVerification.Open(message, [Peter]);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal([PeterSignature], opened.Verified);
        Assert.Equal(2, opened.Unverified.Count);
        Assert.Equal(EnochSignature, opened.Unverified[0]);
        Assert.Equal(
            "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n" + "ABCD" + "2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=",
            opened.Unverified[1].Base64);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    public void AtLeastSixteenSignatureLinesAreAccepted(int lines)
    {
        var others = Enumerable.Range(0, lines - 1).Select(i => $"\u2014 witness{i}.example {Convert.ToBase64String(new byte[68])}\n");
        var message = GoNoteVectors.Text + "\n" + string.Concat(others) + GoNoteVectors.PeterSig;

        var opened = NoteVerification.Open(message, [Peter]);

        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(lines - 1, opened.Unverified.Count);
    }

    [Fact]
    public void MoreThanAHundredSignatureLinesAreMalformed()
    {
        var message = GoNoteVectors.Text + "\n" + string.Concat(Enumerable.Repeat(GoNoteVectors.PeterSig, 101));

        Assert.Equal(NoteError.Malformed, NoteVerification.Open(message, [Peter]).Error);
        Assert.Equal(NoteError.Malformed, NoteVerification.Open(message, []).Error);
    }

    public static TheoryData<string> BadMessages => new()
    {
        // Go's "Invalid encoded message syntax".
        GoNoteVectors.Text,
        GoNoteVectors.Text + "\n",
        GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig[..^1],
        "\x01" + GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig,
        GoNoteVectors.Text + "\n" + "\u2014 Bad Name " + GoNoteVectors.PeterSignatureBase64,
        GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig + "Unexpected line.\n",

        // And more of the same kind.
        GoNoteVectors.Text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n" + GoNoteVectors.PeterSig,
        GoNoteVectors.Text + "\n" + "- PeterNeumann " + GoNoteVectors.PeterSignatureBase64 + "\n",
        GoNoteVectors.Text + "\n" + "\u2014 PeterNeumann\n",
        GoNoteVectors.Text + "\n" + "\u2014 PeterNeumann \n",
        GoNoteVectors.Text + "\n" + "\u2014  PeterNeumann " + GoNoteVectors.PeterSignatureBase64 + "\n",
        GoNoteVectors.Text + "\n" + "\u2014 PeterNeumann " + GoNoteVectors.PeterSignatureBase64 + " \n",
        GoNoteVectors.Text + "\n" + "\u2014 PeterNeumann " + GoNoteVectors.PeterSignatureBase64[..^1] + "\n",
        GoNoteVectors.Text + "\n" + "\u2014 PeterNeumann AAAAAA==\n", // under 5 bytes
        GoNoteVectors.Text + "\n" + "\u2014 a+b " + GoNoteVectors.PeterSignatureBase64 + "\n",
        GoNoteVectors.Text + "\n" + GoNoteVectors.PeterSig + "\n",
        "\n" + GoNoteVectors.PeterSig,
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void MalformedNotesAreRejected(string message)
    {
        var opened = NoteVerification.Open(message, [Peter]);

        Assert.False(opened.IsValid);
        Assert.Equal(NoteError.Malformed, opened.Error);
    }

    [Fact]
    public void InvalidUtf8IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(GoNoteVectors.PeterSigned);

        Assert.Equal(NoteError.Malformed, NoteVerification.Open([0xFF, .. bytes], [Peter]).Error);
        Assert.Equal(NoteError.Malformed, NoteVerification.Open([.. bytes[..5], 0xC0, 0x80, .. bytes[5..]], [Peter]).Error);
        Assert.Equal(NoteError.Malformed, NoteVerification.Open((string?)null, [Peter]).Error);
        Assert.True(NoteVerification.Open(bytes, [Peter]).IsValid);
    }

    [Fact]
    public void ANoteSignedBySomeoneElseUnderTheSameNameIsNotVerified()
    {
        // Same name, different key: a different key ID, so the line is simply unknown.
        using var impostor = NoteSignerKey.Generate("PeterNeumann");
        var forged = NoteSigning.Sign(GoNoteVectors.Text, [impostor]);

        var opened = NoteVerification.Open(forged, [Peter]);

        Assert.Equal(NoteError.NoKnownSignature, opened.Error);
    }

    [Fact]
    public void ChangingTheTextBreaksTheSignature()
    {
        var altered = GoNoteVectors.PeterSigned.Replace("problem,", "problems,", StringComparison.Ordinal);

        Assert.Equal(NoteError.InvalidSignature, NoteVerification.Open(altered, [Peter]).Error);
    }
}
