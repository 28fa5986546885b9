using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;

namespace Integritas.Core.Tests.Ledger.Tiles;

public class TileMathTests
{
    [Theory]
    [InlineData(0, 0UL, 0, 0, 0UL)]
    [InlineData(0, 1UL, 3, 0, 259UL)]
    [InlineData(1, 0UL, 0, 8, 0UL)]
    [InlineData(1, 2UL, 255, 8, 767UL)]
    [InlineData(2, 1UL, 1, 16, 257UL)]
    public void HashIOfTileNAtLevelLIsTheNodeAtLevel8L(int level, ulong index, int position, int nodeLevel, ulong nodeIndex)
    {
        var node = TileMath.NodeOf(level, index, position);

        Assert.Equal(new NodeId(nodeLevel, nodeIndex), node);
    }

    [Fact]
    public void HashICoversTheEntriesTheSpecSays()
    {
        // MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]) for l = 1, n = 2, i = 3.
        var node = TileMath.NodeOf(1, 2, 3);

        Assert.Equal((ulong)((2 * 256) + 3) * 256, node.Begin);
        Assert.Equal((ulong)((2 * 256) + 4) * 256, node.End);
    }

    [Theory]
    [InlineData(0, 0UL, 0UL, 256UL)]
    [InlineData(0, 3UL, 768UL, 1024UL)]
    [InlineData(1, 1UL, 65536UL, 131072UL)]
    [InlineData(2, 0UL, 0UL, 16777216UL)]
    public void TileSpansItsStartAndEndIndex(int level, ulong index, ulong begin, ulong end)
    {
        Assert.Equal((begin, end), TileMath.EntryRange(level, index));
    }

    [Fact]
    public void EntryRangesBeyond64BitsOverflowLoudly()
    {
        Assert.Throws<OverflowException>(() => TileMath.EntryRange(7, 0));
        Assert.Throws<OverflowException>(() => TileMath.EntryRange(0, ulong.MaxValue));
        Assert.Throws<OverflowException>(() => TileMath.EntryRange(0, ulong.MaxValue >> 8)); // would end at 2^64
        Assert.Equal((0UL, 1UL << 56), TileMath.EntryRange(6, 0));
        Assert.Equal((ulong.MaxValue - 511, ulong.MaxValue - 255), TileMath.EntryRange(0, (ulong.MaxValue >> 8) - 1));
    }

    [Fact]
    public void SeventyThousandEntriesMakeTheTilesTheSpecLists()
    {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0 tile of width
        // 112, one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1."
        Assert.Equal(273UL, TileMath.FullTileCount(0, 70_000));
        Assert.Equal(112, TileMath.PartialTileWidth(0, 70_000));
        Assert.Equal(1UL, TileMath.FullTileCount(1, 70_000));
        Assert.Equal(17, TileMath.PartialTileWidth(1, 70_000));
        Assert.Equal(0UL, TileMath.FullTileCount(2, 70_000));
        Assert.Equal(1, TileMath.PartialTileWidth(2, 70_000));
        Assert.Equal(0, TileMath.PartialTileWidth(3, 70_000));
    }

    [Fact]
    public void TwoHundredFiftySixEntriesMakeAFullTileAndALevelOneTileOfWidthOne()
    {
        Assert.Equal(1UL, TileMath.FullTileCount(0, 256));
        Assert.Equal(0, TileMath.PartialTileWidth(0, 256));
        Assert.Equal(1, TileMath.PartialTileWidth(1, 256));
        Assert.Equal(0, TileMath.PartialTileWidth(2, 256));
    }

    [Theory]
    [InlineData(0, 5UL, 0, 0UL, 5, 1)]       // a leaf
    [InlineData(3, 5UL, 0, 0UL, 40, 8)]      // 8 leaf hashes of tile 0
    [InlineData(7, 3UL, 0, 1UL, 128, 128)]   // half of level-0 tile 1
    [InlineData(8, 300UL, 1, 1UL, 44, 1)]    // a level-1 tile hash
    [InlineData(9, 0UL, 1, 0UL, 0, 2)]
    public void LocateFindsTheTileHashesUnderANode(int level, ulong index, int tileLevel, ulong tileIndex, int start, int count)
    {
        Assert.Equal(new TileSlice(tileLevel, tileIndex, start, count), TileMath.Locate(new NodeId(level, index)));
    }

    [Fact]
    public void TileForPicksFullOrPartialByTreeSize()
    {
        Assert.Equal(TileId.Hashes(0, 0), TileMath.TileFor(0, 10, 70_000));
        Assert.Equal(TileId.Hashes(0, 273, 112), TileMath.TileFor(0, 273 * 256, 70_000));
        Assert.Equal(TileId.Hashes(1, 1, 17), TileMath.TileFor(1, 256 + 3, 70_000));
    }
}
