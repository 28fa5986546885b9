using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;

namespace Integritas.Core.Tests.Ledger.Tiles;

/// <summary>Proofs generated from tiles equal proofs generated from the whole tree, for the spec's 70,000-entry example.</summary>
public class TileNodeLookupTests
{
    private const ulong Size = 70_000;
    private static readonly Lazy<(InMemoryTree Tree, Dictionary<TileId, byte[]> Tiles)> Log = new(Build);

    [Fact]
    public void TilesAreTheOnesTheSpecLists()
    {
        var tiles = Log.Value.Tiles.Keys.ToList();

        Assert.Equal(273, tiles.Count(t => t is { Level: 0, IsPartial: false }));
        Assert.Equal([TileId.Hashes(0, 273, 112)], tiles.Where(t => t is { Level: 0, IsPartial: true }));
        Assert.Equal([TileId.Hashes(1, 0)], tiles.Where(t => t is { Level: 1, IsPartial: false }));
        Assert.Equal([TileId.Hashes(1, 1, 17)], tiles.Where(t => t is { Level: 1, IsPartial: true }));
        Assert.Equal([TileId.Hashes(2, 0, 1)], tiles.Where(t => t.Level == 2));
    }

    [Fact]
    public void LevelOneTileHashesAreRootsOfFullLevelZeroTiles()
    {
        var (_, tiles) = Log.Value;
        var fromTile = new TileSlice(0, 5, 0, 256).Hash(tiles[TileId.Hashes(0, 5)]);

        Assert.Equal(fromTile, tiles[TileId.Hashes(1, 0)].AsSpan(5 * 32, 32).ToArray());
    }

    [Fact]
    public void RootFromTilesEqualsTheTreeRoot()
    {
        var (tree, tiles) = Log.Value;
        var lookup = TileNodeLookup.Create(Size, tile => tiles[tile]);

        Assert.Equal(tree.Root(Size), CompactTree.FromLookup(Size, lookup).Root());
    }

    [Fact]
    public void ProofsFromTilesEqualProofsFromTheTree()
    {
        var (tree, tiles) = Log.Value;
        var fetched = 0;
        var lookup = TileNodeLookup.Create(Size, tile =>
        {
            fetched++;
            return tiles[tile];
        });
        var root = tree.Root(Size);
        var random = new Random(70_000);

        foreach (var index in new ulong[] { 0, 255, 256, 65_535, 65_536, 69_887, 69_888, Size - 1 }
            .Concat(Enumerable.Range(0, 50).Select(_ => (ulong)random.NextInt64((long)Size))))
        {
            var proof = InclusionProof.Generate(index, Size, lookup);

            Assert.Equal(InclusionProof.Generate(index, Size, tree.Lookup), proof);
            Assert.True(InclusionVerifier.Verify(index, Size, tree.Node(new NodeId(0, index)), proof, root).IsValid);
        }

        foreach (var size1 in new ulong[] { 1, 256, 257, 65_536, 69_999 })
        {
            Assert.Equal(ConsistencyProof.Generate(size1, Size, tree.Lookup), ConsistencyProof.Generate(size1, Size, lookup));
        }

        Assert.True(fetched <= tiles.Count, "tiles are fetched once per lookup");
    }

    [Fact]
    public void ProofsForAnOlderSizeUseThatSizesPartialTiles()
    {
        var (tree, tiles) = Log.Value;
        const ulong older = 1_000; // level-0 tile 3 (width 232) and level-1 tile 0 (width 3) are partial then
        var requested = new List<TileId>();
        var lookup = TileNodeLookup.Create(older, tile =>
        {
            // A partial tile is a prefix of the full tile it grows into.
            requested.Add(tile);
            return tiles[tile with { Width = TileMath.Width }][..(tile.Width * 32)];
        });

        var proof = InclusionProof.Generate(999, older, lookup);

        Assert.Contains(TileId.Hashes(0, 3, 232), requested);
        Assert.True(InclusionVerifier.Verify(999, older, tree.Node(new NodeId(0, 999)), proof, tree.Root(older)).IsValid);
    }

    [Fact]
    public void IncompleteNodesAndShortTilesAreRefused()
    {
        var (_, tiles) = Log.Value;
        var lookup = TileNodeLookup.Create(Size, tile => tile.Level == 0 && tile.Index == 0 ? new byte[64] : tiles[tile]);

        Assert.Throws<ArgumentOutOfRangeException>(() => lookup(new NodeId(0, Size)));
        Assert.Throws<ArgumentOutOfRangeException>(() => lookup(new NodeId(17, 0)));
        Assert.Throws<InvalidDataException>(() => lookup(new NodeId(0, 0)));
    }

    private static (InMemoryTree, Dictionary<TileId, byte[]>) Build()
    {
        var tree = new InMemoryTree([.. Enumerable.Range(0, (int)Size).Select(i => Rfc6962.LeafHash(BitConverter.GetBytes(i)))]);
        var tiles = new Dictionary<TileId, byte[]>();
        for (var level = 0; TreeMath.ShiftRight(Size, 8 * level) > 0; level++)
        {
            var full = TileMath.FullTileCount(level, Size);
            for (ulong n = 0; n <= full; n++)
            {
                var width = n < full ? TileMath.Width : TileMath.PartialTileWidth(level, Size);
                if (width == 0)
                {
                    continue;
                }

                var tile = TileId.Hashes(level, n, width);
                tiles[tile] = [.. Enumerable.Range(0, width).SelectMany(i => tree.Node(TileMath.NodeOf(level, n, i)))];
            }
        }

        return (tree, tiles);
    }
}
