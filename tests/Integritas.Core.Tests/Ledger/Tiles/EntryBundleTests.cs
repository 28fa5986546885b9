using Integritas.Core.Ledger.Tiles;

namespace Integritas.Core.Tests.Ledger.Tiles;

public class EntryBundleTests
{
    [Fact]
    public void EachEntryIsABigEndianLengthThenItsBytes()
    {
        var bundle = EntryBundle.Encode([[0xAA], [], new byte[258]]);

        Assert.Equal([0x00, 0x01, 0xAA, 0x00, 0x00, 0x01, 0x02], bundle[..7]);
        Assert.Equal(2 + 1 + 2 + 0 + 2 + 258, bundle.Length);
    }

    [Fact]
    public void DecodeReturnsWhatWasEncoded()
    {
        var random = new Random(16);
        byte[][] entries = [.. Enumerable.Range(0, 256).Select(i => RandomBytes(random, i == 7 ? EntryBundle.MaxEntrySize : random.Next(0, 300)))];

        Assert.True(EntryBundle.TryDecode(EntryBundle.Encode(entries), out var decoded, out var error, expectedCount: 256));
        Assert.Null(error);
        Assert.Equal(entries, decoded);
    }

    [Fact]
    public void EntriesOver65535BytesAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => EntryBundle.Encode([[1], new byte[EntryBundle.MaxEntrySize + 1]]));

        Assert.Contains("Entry 1", error.Message);
    }

    [Fact]
    public void MoreThan256EntriesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([.. Enumerable.Repeat(Array.Empty<byte>(), 257)]));
        Assert.False(EntryBundle.TryDecode(new byte[2 * 257], out _, out var error));
        Assert.Contains("256", error);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]                          // half a length prefix
    [InlineData(new byte[] { 0x00, 0x02, 0xAA })]              // one byte of two
    [InlineData(new byte[] { 0x00, 0x01, 0xAA, 0x00 })]        // second prefix cut
    [InlineData(new byte[] { 0xFF, 0xFF, 0x00 })]
    public void TruncatedBundlesAreRejected(byte[] bundle)
    {
        Assert.False(EntryBundle.TryDecode(bundle, out var entries, out var error));
        Assert.Null(entries);
        Assert.NotNull(error);
    }

    [Fact]
    public void ABundleOfTheWrongWidthIsRejectedWhenAWidthIsExpected()
    {
        var bundle = EntryBundle.Encode([[1], [2]]);

        Assert.False(EntryBundle.TryDecode(bundle, out _, out _, expectedCount: 3));
        Assert.True(EntryBundle.TryDecode(bundle, out _, out _, expectedCount: 2));
        Assert.True(EntryBundle.TryDecode([], out var none, out _));
        Assert.Empty(none);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
