using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;

namespace Integritas.Core.Tests.Ledger.Checkpoints;

public class CheckpointTests
{
    // The example of C2SP tlog-checkpoint.
    private const string SpecExample = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void TheSpecExampleParses()
    {
        Assert.True(Checkpoint.TryParse(SpecExample, out var checkpoint, out var error), error);

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163UL, checkpoint.Size);
        Assert.Equal(Convert.FromBase64String("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), checkpoint.RootHash);
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(SpecExample, checkpoint.Format());
    }

    [Fact]
    public void FormatIsOriginSizeAndBase64RootEachOnALine()
    {
        var root = Rfc6962.EmptyRoot();
        var checkpoint = new Checkpoint("integritas.langkatkab.go.id/ledger", 0, root);

        Assert.Equal("integritas.langkatkab.go.id/ledger\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", checkpoint.Format());
    }

    [Fact]
    public void ExtensionLinesRoundTrip()
    {
        var text = SpecExample + "ext one\nTimestamp: 1700000000\n";

        Assert.True(Checkpoint.TryParse(text, out var checkpoint, out _));

        Assert.Equal(["ext one", "Timestamp: 1700000000"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    [Fact]
    public void LargestSizeParses()
    {
        Assert.True(Checkpoint.TryParse("o\n18446744073709551615\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", out var checkpoint, out _));
        Assert.Equal(ulong.MaxValue, checkpoint.Size);
    }

    [Theory]
    [InlineData("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")]        // no final newline
    [InlineData("example.com/behind-the-sofa\n20852163\n")]
    [InlineData("\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]                                     // empty origin
    [InlineData("o\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]                                   // leading zero
    [InlineData("o\n00\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n1e3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n18446744073709551616\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]                        // 2^64
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n")]                                           // 31 bytes
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")]                                           // unpadded
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")]                                          // stray bits
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n")]                                        // empty extension
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\r\n")]
    [InlineData("o\r\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("")]
    [InlineData(null)]
    public void MalformedCheckpointsAreRejected(string? text)
    {
        Assert.False(Checkpoint.TryParse(text, out var checkpoint, out var error));
        Assert.Null(checkpoint);
        Assert.NotNull(error);
    }

    [Fact]
    public void ConstructionRefusesWhatCouldNotBeParsedBack()
    {
        var root = Rfc6962.EmptyRoot();

        Assert.Throws<ArgumentException>(() => new Checkpoint("", 1, root));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a\nb", 1, root));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, root[..31]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, root, [""]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, root, ["x\ny"]));
    }
}
