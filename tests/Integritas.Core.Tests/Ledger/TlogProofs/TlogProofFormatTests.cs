using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Core.Tests.Ledger.Checkpoints;

namespace Integritas.Core.Tests.Ledger.TlogProofs;

public class TlogProofFormatTests
{
    private const string Checkpoint = "example.com/fancylog\n3\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n\n\u2014 example.com/fancylog AAAAAAAA\n";

    // The example of C2SP tlog-proof, whose signatures are elided with "[...]": the file parses, the note would not.
    private const string SpecExample =
        "c2sp.org/tlog-proof@v1\n"
        + "extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ\n"
        + "index 73894\n"
        + "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n"
        + "B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=\n"
        + "EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=\n"
        + "RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=\n"
        + "AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=\n"
        + "\n"
        + "example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n\n"
        + "\u2014 example.com/fancylog hI2DJw[...]1roloI=\n"
        + "\u2014 witness1.example mJirIklj[...]qY9v2B/5bg==\n";

    [Fact]
    public void TheSpecExampleParses()
    {
        Assert.True(TlogProof.TryParse(SpecExample, out var proof, out var error), error);

        Assert.Equal(73894UL, proof.Index);
        Assert.Equal(5, proof.Hashes.Count);
        Assert.Equal(Convert.FromBase64String("YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ"), proof.Extra);
        Assert.StartsWith("example.com/fancylog\n109482\n", proof.Checkpoint, StringComparison.Ordinal);
        Assert.Equal(SpecExample, proof.Format());
    }

    [Fact]
    public void TheGoChecksumDatabaseProofParsesAndFormatsBackIdentically()
    {
        Assert.True(TlogProof.TryParse(SumDbVectors.ProofFile, out var proof, out var error), error);

        Assert.Equal(SumDbVectors.Index, proof.Index);
        Assert.Equal(26, proof.Hashes.Count);
        Assert.Null(proof.Extra);
        Assert.Equal(SumDbVectors.Checkpoint, proof.Checkpoint);
        Assert.Equal(SumDbVectors.ProofFile, proof.Format());
    }

    [Fact]
    public void FormatUtf8WritesTheGoChecksumDatabaseProofByteForByte()
    {
        Assert.True(TlogProof.TryParse(SumDbVectors.ProofFile, out var proof, out var error), error);

        var file = TlogProof.FormatUtf8(proof.Index, proof.Hashes.SelectMany(h => h).ToArray(), System.Text.Encoding.UTF8.GetBytes(proof.Checkpoint));

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(SumDbVectors.ProofFile), file);
    }

    [Theory]
    [InlineData(0UL, 0)]
    [InlineData(9UL, 1)]
    [InlineData(10UL, 7)]
    [InlineData(ulong.MaxValue, 64)]
    public void FormatUtf8IsFormatInUtf8(ulong index, int count)
    {
        var hashes = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, Rfc6962.HashSize).Select(b => (byte)((i * 31) + b)).ToArray()).ToArray();
        var expected = new TlogProof(index, hashes, Checkpoint).Format();

        var file = TlogProof.FormatUtf8(index, hashes.SelectMany(h => h).ToArray(), System.Text.Encoding.UTF8.GetBytes(Checkpoint));

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), file);
    }

    [Fact]
    public void FormatUtf8RefusesPartialHashesTooManyHashesAndNoCheckpoint()
    {
        var checkpoint = System.Text.Encoding.UTF8.GetBytes(Checkpoint);

        Assert.Throws<ArgumentException>(() => TlogProof.FormatUtf8(0, new byte[31], checkpoint));
        Assert.Throws<ArgumentException>(() => TlogProof.FormatUtf8(0, new byte[65 * Rfc6962.HashSize], checkpoint));
        Assert.Throws<ArgumentException>(() => TlogProof.FormatUtf8(0, new byte[Rfc6962.HashSize], []));
    }

    [Fact]
    public void WithoutExtraAndWithoutHashes()
    {
        var proof = new TlogProof(0, [], Checkpoint);

        Assert.Equal("c2sp.org/tlog-proof@v1\nindex 0\n\n" + Checkpoint, proof.Format());
        Assert.True(TlogProof.TryParse(proof.Format(), out var parsed, out _));
        Assert.Null(parsed.Extra);
        Assert.Empty(parsed.Hashes);
    }

    [Fact]
    public void EmptyExtraIsKeptAsAnEmptyLine()
    {
        var proof = new TlogProof(7, [Rfc6962.EmptyRoot()], Checkpoint, extra: []);

        Assert.Contains("\nextra \nindex 7\n", proof.Format(), StringComparison.Ordinal);
        Assert.True(TlogProof.TryParse(proof.Format(), out var parsed, out _));
        Assert.NotNull(parsed.Extra);
        Assert.Empty(parsed.Extra);
    }

    [Fact]
    public void TrailingBlankLinesAfterTheCheckpointAreDropped()
    {
        Assert.True(TlogProof.TryParse(SumDbVectors.ProofFile + "\n\n\n", out var proof, out _));
        Assert.Equal(SumDbVectors.Checkpoint, proof.Checkpoint);
    }

    public static TheoryData<string> MalformedFiles => new()
    {
        "",
        "c2sp.org/tlog-proof@v2\nindex 0\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1",
        "wrong-header\nindex 0\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\n\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex notanumber\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex -5\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 05\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex  5\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 18446744073709551616\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n!!notbase64!!\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + Convert.ToBase64String(new byte[64]) + "\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + Convert.ToBase64String(new byte[31]) + "\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + Convert.ToBase64String(new byte[32])[..^1] + "\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + Convert.ToBase64String(new byte[32]) + "\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + Convert.ToBase64String(new byte[32]) + "\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n\n",
        "c2sp.org/tlog-proof@v1\nextra AAAA\nextra AAAA\nindex 0\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\nextra AAAA\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\r\nindex 0\n\n" + Checkpoint,
        "c2sp.org/tlog-proof@v1\nindex 0\n" + string.Concat(Enumerable.Repeat(Convert.ToBase64String(new byte[32]) + "\n", 65)) + "\n" + Checkpoint,
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void MalformedFilesAreRejected(string file)
    {
        Assert.False(TlogProof.TryParse(file, out var proof, out var error));
        Assert.Null(proof);
        Assert.NotNull(error);
    }

    [Fact]
    public void InvalidUtf8IsRejected()
    {
        Assert.False(TlogProof.TryParse([0xFF, .. "c2sp.org/tlog-proof@v1\n"u8], out _, out _));
        Assert.False(TlogProof.TryParse((string?)null, out _, out _));
    }

    [Fact]
    public void ConstructionRefusesHashesOfTheWrongSize()
    {
        Assert.Throws<ArgumentException>(() => new TlogProof(0, [new byte[31]], Checkpoint));
        Assert.Throws<ArgumentException>(() => new TlogProof(0, [], ""));
    }
}
