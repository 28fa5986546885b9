namespace Integritas.Data.Ledger;

/// <summary>One entry of the transparency log: small canonical bytes, never changed once integrated.</summary>
public class LedgerEntry
{
    /// <summary>Position in the log, from 0; assigned by the sequencer.</summary>
    public long Index { get; set; }

    public required byte[] Data { get; set; }

    /// <summary>SHA-256 of <see cref="Data"/>, for looking an entry up by its hash.</summary>
    public required byte[] EntrySha256 { get; set; }

    public DateTime IntegratedAtUtc { get; set; }
}

/// <summary>
/// A C2SP tlog-tiles hash tile: the complete subtree hashes it holds so far, 32 bytes each. A tile grows until it
/// holds 256 hashes (8,192 bytes); from then on it never changes and is served as immutable.
/// </summary>
public class LedgerTile
{
    public int Level { get; set; }

    public long Index { get; set; }

    public required byte[] Hashes { get; set; }

    /// <summary>
    /// For a full tile, the 255 subtree hashes above its 256 (levels 1…8 within the tile, 8,160 bytes), written with the
    /// hash that completes it and never changed, so a proof can be served from it without rehashing. Null while the
    /// tile is partial, and for tiles completed before this was stored (those are hashed when read).
    /// </summary>
    public byte[]? Inner { get; set; }
}

/// <summary>A signed checkpoint (C2SP tlog-checkpoint note) for one tree size. The latest is the largest size.</summary>
public class LedgerCheckpoint
{
    public long Size { get; set; }

    public required byte[] RootHash { get; set; }

    /// <summary>The signed note, verbatim, with the log's and any witnesses' signatures.</summary>
    public required string Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A witness's cosignature line on a stored checkpoint; served with the checkpoint.</summary>
public class LedgerCosignature
{
    public long Size { get; set; }

    public required string KeyName { get; set; }

    public long KeyId { get; set; }

    /// <summary>The signature line, verbatim (<c>— name base64\n</c>).</summary>
    public required string Line { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
