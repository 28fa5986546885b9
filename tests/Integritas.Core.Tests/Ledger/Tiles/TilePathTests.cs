using Integritas.Core.Ledger.Tiles;

namespace Integritas.Core.Tests.Ledger.Tiles;

public class TilePathTests
{
    [Theory]
    [InlineData(0UL, "000")]
    [InlineData(5UL, "005")]
    [InlineData(999UL, "999")]
    [InlineData(1000UL, "x001/000")]
    [InlineData(1234067UL, "x001/x234/067")]
    [InlineData(ulong.MaxValue, "x018/x446/x744/x073/x709/x551/615")]
    public void IndexIsWrittenInGroupsOfThreeDigits(ulong n, string path)
    {
        Assert.Equal(path, TilePath.EncodeIndex(n));
    }

    [Theory]
    [InlineData("tile/0/000", TileKind.Hashes, 0, 0UL, 256)]
    [InlineData("tile/0/x001/x234/067", TileKind.Hashes, 0, 1234067UL, 256)]
    [InlineData("tile/1/005.p/17", TileKind.Hashes, 1, 5UL, 17)]
    [InlineData("tile/2/000.p/1", TileKind.Hashes, 2, 0UL, 1)]
    [InlineData("tile/63/000", TileKind.Hashes, 63, 0UL, 256)]
    [InlineData("tile/0/x001/x234/067.p/255", TileKind.Hashes, 0, 1234067UL, 255)]
    [InlineData("tile/entries/273", TileKind.Entries, 0, 273UL, 256)]
    [InlineData("tile/entries/273.p/112", TileKind.Entries, 0, 273UL, 112)]
    [InlineData("tile/entries/x018/x446/x744/x073/x709/x551/615", TileKind.Entries, 0, ulong.MaxValue, 256)]
    public void CanonicalPathsParseAndFormatBack(string path, TileKind kind, int level, ulong index, int width)
    {
        Assert.True(TilePath.TryParse(path, out var tile));
        Assert.Equal(new TileId(kind, level, index, width), tile);
        Assert.Equal(path, tile.Value.Path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tile")]
    [InlineData("tile/")]
    [InlineData("tile/0")]
    [InlineData("tile/0/")]
    [InlineData("/tile/0/000")]
    [InlineData("tiles/0/000")]
    [InlineData("tile/0/5")]                 // not three digits
    [InlineData("tile/0/0005")]
    [InlineData("tile/0/x000/005")]          // redundant leading group
    [InlineData("tile/0/001/234")]           // missing x
    [InlineData("tile/0/x001/x234")]         // x on the last group
    [InlineData("tile/0/x1/234")]
    [InlineData("tile/0/x001/+23")]
    [InlineData("tile/0/x001/ 23")]
    [InlineData("tile/00/000")]              // leading zero in L
    [InlineData("tile/01/000")]
    [InlineData("tile/64/000")]              // L beyond 63
    [InlineData("tile/-1/000")]
    [InlineData("tile/a/000")]
    [InlineData("tile/data/000")]
    [InlineData("tile/0/000.p/0")]           // W must be 1..255
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/016")]         // leading zero in W
    [InlineData("tile/0/000.p/")]
    [InlineData("tile/0/000.p")]
    [InlineData("tile/0/000.p/5/6")]
    [InlineData("tile/0/000/")]
    [InlineData("tile/0//000")]
    [InlineData("tile/entries/000.p/256")]
    [InlineData("tile/entries/5")]
    [InlineData("tile/entries")]
    [InlineData("tile/0/x018/x446/x744/x073/x709/x551/616")]  // 2^64: does not fit
    [InlineData("tile/0/x999/x999/x999/x999/x999/x999/x999/999")]
    public void MalformedPathsAreRejected(string? path)
    {
        Assert.False(TilePath.TryParse(path, out var tile));
        Assert.Null(tile);
    }

    [Fact]
    public void FormatRefusesImpossibleTiles()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(TileId.Hashes(64, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(TileId.Hashes(0, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(TileId.Hashes(0, 0, 257)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TilePath.Format(new TileId(TileKind.Entries, 1, 0, 256)));
    }
}
