using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;

namespace Integritas.Core.Tests.Ledger.Tiles;

/// <summary>Precomputed tile subtrees give exactly what rehashing the tile gives, for full and partial tiles.</summary>
public class TileSubtreesTests
{
    private static readonly InMemoryTree Tree = new([.. Enumerable.Range(0, 70_000).Select(i => Rfc6962.LeafHash(BitConverter.GetBytes(i)))]);

    private static byte[] TileBytes(TileId tile) =>
        [.. Enumerable.Range(0, tile.Width).SelectMany(i => Tree.Node(TileMath.NodeOf(tile.Level, tile.Index, i)))];

    [Theory]
    [InlineData(0, 5, 256)]
    [InlineData(0, 273, 112)]
    [InlineData(1, 0, 256)]
    [InlineData(1, 1, 17)]
    [InlineData(0, 0, 1)]
    [InlineData(0, 2, 255)]
    public void EverySliceEqualsTheRehashedSlice(int level, ulong index, int width)
    {
        var tile = TileId.Hashes(level, index, width);
        var bytes = TileBytes(tile);
        var subtrees = TileSubtrees.Compute(tile, bytes);

        var count = 0;
        for (var size = 1; size <= width; size *= 2)
        {
            for (var start = 0; start + size <= width; start += size)
            {
                var slice = new TileSlice(level, index, start, size);
                Assert.Equal(slice.Hash(bytes), subtrees.Hash(slice));
                count++;
            }
        }

        Assert.Equal(subtrees.ByteSize / Rfc6962.HashSize, count);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 0)]
    public void StoredInnerHashesGiveWhatComputeGives(int level, ulong index)
    {
        var tile = TileId.Hashes(level, index);
        var bytes = TileBytes(tile);
        var computed = TileSubtrees.Compute(tile, bytes);
        Assert.Equal(TileSubtrees.InnerSize, computed.Inner.Length);

        var stored = TileSubtrees.FromStored(tile, bytes, computed.Inner);
        var joined = TileSubtrees.FromStored(tile, [.. bytes, .. computed.Inner]);
        Assert.Equal(computed.Inner.ToArray(), joined.Inner.ToArray());
        Assert.Equal(tile, stored.Tile);
        Assert.Equal(computed.ByteSize, stored.ByteSize);
        Assert.Equal(computed.Inner.ToArray(), stored.Inner.ToArray());
        for (var size = 1; size <= TileMath.Width; size *= 2)
        {
            for (var start = 0; start < TileMath.Width; start += size)
            {
                var slice = new TileSlice(level, index, start, size);
                Assert.Equal(computed.Hash(slice), stored.Hash(slice));
                Assert.Equal(computed.Hash(slice), joined.Hash(slice));
            }
        }
    }

    [Fact]
    public void StoredInnerHashesAreTakenOnlyForAFullTileWithTheRightLengths()
    {
        var full = TileId.Hashes(0, 5);
        var bytes = TileBytes(full);
        var inner = TileSubtrees.Compute(full, bytes).Inner.ToArray();
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(full, bytes, inner.AsSpan(1)));
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(full, bytes.AsSpan(32), inner));
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(TileId.Hashes(0, 5, 255), bytes.AsSpan(32), inner));
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(TileId.Entries(5), bytes, inner));
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(full, [.. bytes, .. inner.AsSpan(1)]));
        Assert.Throws<ArgumentException>(() => TileSubtrees.FromStored(TileId.Hashes(0, 5, 255), [.. bytes, .. inner]));
        Assert.Equal(TileSubtrees.Compute(TileId.Hashes(0, 273, 112), TileBytes(TileId.Hashes(0, 273, 112))).ByteSize - (112 * 32),
            TileSubtrees.Compute(TileId.Hashes(0, 273, 112), TileBytes(TileId.Hashes(0, 273, 112))).Inner.Length);
    }

    [Fact]
    public void ProofsFromSubtreesEqualProofsFromTheTree()
    {
        const ulong size = 70_000;
        var computed = new Dictionary<TileId, TileSubtrees>();
        var lookup = TileSubtrees.Lookup(size, tile =>
        {
            if (!computed.TryGetValue(tile, out var subtrees))
            {
                computed[tile] = subtrees = TileSubtrees.Compute(tile, TileBytes(tile));
            }

            return subtrees;
        });
        var random = new Random(70_000);
        foreach (var index in new ulong[] { 0, 255, 256, 65_535, 65_536, 69_887, 69_888, size - 1 }
            .Concat(Enumerable.Range(0, 50).Select(_ => (ulong)random.NextInt64((long)size))))
        {
            Assert.Equal(InclusionProof.Generate(index, size, Tree.Lookup), InclusionProof.Generate(index, size, lookup));
        }

        Assert.Equal(ConsistencyProof.Generate(1_000, size, Tree.Lookup), ConsistencyProof.Generate(1_000, size, lookup));
    }

    [Fact]
    public void WrongSizesSlicesAndTilesAreRefused()
    {
        var tile = TileId.Hashes(0, 1);
        Assert.Throws<ArgumentException>(() => TileSubtrees.Compute(tile, new byte[64]));
        Assert.Throws<ArgumentException>(() => TileSubtrees.Compute(TileId.Entries(1), new byte[8192]));
        var subtrees = TileSubtrees.Compute(tile, TileBytes(tile));
        Assert.Throws<ArgumentException>(() => subtrees.Hash(new TileSlice(0, 1, 2, 4))); // not aligned
        Assert.Throws<ArgumentException>(() => subtrees.Hash(new TileSlice(0, 1, 0, 3))); // not a power of two
        Assert.Throws<ArgumentException>(() => subtrees.Hash(new TileSlice(0, 2, 0, 1))); // another tile
        Assert.Throws<ArgumentException>(() => subtrees.Hash(new TileSlice(0, 1, 256, 1)));

        var lookup = TileSubtrees.Lookup(1_000, _ => subtrees);
        Assert.Throws<ArgumentOutOfRangeException>(() => lookup(new NodeId(0, 1_000)));
        Assert.Throws<InvalidDataException>(() => lookup(new NodeId(0, 0))); // tile 0 asked for, tile 1 given
    }
}
