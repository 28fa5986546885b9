namespace Integritas.Core.Ledger.Tiles;

/// <summary>Whether a tile resource holds Merkle tree hashes or the log entries themselves (an entry bundle).</summary>
public enum TileKind
{
    Hashes,
    Entries,
}

/// <summary>
/// One tile resource of C2SP tlog-tiles: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or
/// <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>. <paramref name="Width"/> is 256 for a full tile, 1..255 for a partial one.
/// An entry bundle has level 0: it holds the entries whose leaf hashes are the level-0 tile of the same index.
/// </summary>
public readonly record struct TileId(TileKind Kind, int Level, ulong Index, int Width)
{
    public static TileId Hashes(int level, ulong index, int width = TileMath.Width) => new(TileKind.Hashes, level, index, width);

    public static TileId Entries(ulong index, int width = TileMath.Width) => new(TileKind.Entries, 0, index, width);

    public bool IsPartial => Width < TileMath.Width;

    /// <summary>The path below the log's prefix, e.g. <c>tile/0/x001/234.p/7</c>.</summary>
    public string Path => TilePath.Format(this);

    public override string ToString() => Path;
}
