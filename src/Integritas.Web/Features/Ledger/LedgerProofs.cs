using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Tiles;
using Integritas.Core.Ledger.TlogProofs;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Builds tlog-proof files from stored tiles, for <see cref="LedgerProofServer"/> (served proofs: tiles from
/// <see cref="LedgerProofCache"/>, misses read and cached) and for <see cref="LedgerReader.StoreProofs"/> (integrity
/// checks: tiles from the store only, kept in a dictionary of their own).
/// </summary>
internal static class LedgerProofs
{
    /// <summary>
    /// The proof file, or null with the tiles it lacks added to <paramref name="missing"/>. Tiles are taken from
    /// <paramref name="read"/>, then from <paramref name="store"/> when given, else from <paramref name="cache"/> (one of
    /// the two is given). Every
    /// proof hash is a stored subtree hash copied out of a tile, except right-border ranges, which are folded once per
    /// checkpoint.
    /// </summary>
    public static byte[]? TryFormat(ulong index, LedgerProofCheckpoint checkpoint, LedgerProofCache? cache, Dictionary<TileId, TileSubtrees>? store, Dictionary<TileId, TileSubtrees>? read, ref List<TileId>? missing)
    {
        var size = (ulong)checkpoint.Size;
        Span<SubtreeRange> plan = stackalloc SubtreeRange[InclusionProof.MaxLength];
        var count = InclusionProof.Plan(index, size, plan);
        Span<byte> hashes = stackalloc byte[InclusionProof.MaxLength * Rfc6962.HashSize];
        hashes = hashes[..(count * Rfc6962.HashSize)];
        Span<NodeId> nodes = stackalloc NodeId[InclusionProof.MaxLength];
        TileSubtrees? last = null; // consecutive proof hashes mostly come from the same tile (the proof goes bottom-up)
        for (var i = 0; i < count; i++)
        {
            var range = plan[i];
            var hash = hashes.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize);
            if (range.TryGetNode(out var node))
            {
                if (Find(node, ref last, ref missing, out var stored))
                {
                    stored.CopyTo(hash);
                }

                continue;
            }

            // Not a perfect subtree: a range [begin, size) on the right border, the same in every proof of this checkpoint.
            if (range.End != size)
            {
                throw new InvalidOperationException($"Proof range {range} of {index} in {size} is neither a subtree nor on the right border.");
            }

            if (checkpoint.TryGetBorder(range.Begin, out var border))
            {
                border.CopyTo(hash);
                continue;
            }

            // RFC 6962 nests a range's nodes from the right: MTH = H(n0, H(n1, … H(n[m-2], n[m-1]))).
            var n = TreeMath.PerfectNodes(range.Begin, range.End, nodes);
            var complete = true;
            byte[]? folded = null;
            for (var k = n - 1; k >= 0; k--)
            {
                if (!Find(nodes[k], ref last, ref missing, out var stored))
                {
                    complete = false;
                }
                else if (complete)
                {
                    folded = folded is null ? stored.ToArray() : Rfc6962.NodeHash(stored, folded);
                }
            }

            if (complete && folded is not null)
            {
                checkpoint.AddBorder(range.Begin, folded);
                folded.CopyTo(hash);
            }
        }

        return missing is null ? TlogProof.FormatUtf8(index, hashes, checkpoint.NoteUtf8) : null;

        // The stored hash of a perfect subtree; false, with its tile added to missing, when the tile is not at hand.
        bool Find(NodeId node, ref TileSubtrees? last, ref List<TileId>? missing, out ReadOnlySpan<byte> hash)
        {
            var (tile, slice) = TileSubtrees.Locate(node, size);
            if (last is null || last.Tile != tile)
            {
                TileSubtrees? found = null;
                if (read?.TryGetValue(tile, out found) != true && (store is null ? !cache!.TryGetTile(tile, out found) : !store.TryGetValue(tile, out found)))
                {
                    missing ??= [];
                    if (!missing.Contains(tile))
                    {
                        missing.Add(tile);
                    }

                    hash = default;
                    return false;
                }

                last = found;
            }

            hash = last!.HashSpan(slice);
            return true;
        }
    }

    /// <summary>
    /// Reads the <paramref name="missing"/> tiles with <paramref name="tiles"/>, then formats the proof. With
    /// <paramref name="store"/> (integrity checks) the tiles read are kept there and the cache is neither asked nor
    /// filled; without, they are cached (or, for full level-0 tiles the cache has no room for, read into buffers it
    /// lends and given back once the proof is formatted).
    /// </summary>
    public static async ValueTask<byte[]?> ReadThenFormatAsync(ulong index, LedgerProofCheckpoint checkpoint, LedgerProofCache? cache, Dictionary<TileId, TileSubtrees>? store, LedgerTileQuery tiles, List<TileId> missing, CancellationToken ct)
    {
        // Tiles read for this proof are used from here even if the cache declines to keep them.
        var read = store ?? new Dictionary<TileId, TileSubtrees>(missing.Count);
        List<byte[]>? lent = null;
        try
        {
            foreach (var tile in missing)
            {
                var (subtrees, buffer) = await SubtreesAsync(tile, store is null ? cache : null, tiles, ct);
                read[tile] = subtrees;
                if (buffer is not null)
                {
                    (lent ??= []).Add(buffer);
                }
            }

            List<TileId>? still = null;
            return TryFormat(index, checkpoint, cache, store, read, ref still) ?? throw new InvalidOperationException($"Tiles {string.Join(", ", still!)} were read but are not at hand.");
        }
        finally
        {
            // The proof's hashes are copied out by now: the tiles that live in lent buffers are not used again.
            foreach (var buffer in lent ?? [])
            {
                cache!.ReturnTileBuffer(buffer);
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="tile"/>'s subtrees. A full level-0 tile the cache has no room for (the usual case in a large
    /// log: such tiles are many and cheap to read again) is read into a buffer lent by the cache, returned as
    /// <c>Lent</c>: the caller gives it back once done with the subtrees, so a miss allocates nothing of the tile's size.
    /// Without <paramref name="cache"/> (integrity checks), the tile is read and hashed, and nothing is cached or lent.
    /// </summary>
    private static async Task<(TileSubtrees Subtrees, byte[]? Lent)> SubtreesAsync(TileId tile, LedgerProofCache? cache, LedgerTileQuery tiles, CancellationToken ct)
    {
        var useCache = cache is not null;
        if (cache is not null && cache.TryGetTile(tile, out var cached))
        {
            return (cached, null);
        }

        var lent = cache is not null && tile.Level == 0 && !tile.IsPartial && !cache.HasRoomForCheapTile ? cache.RentTileBuffer() : null;
        try
        {
            // One indexed read; a full tile stored with its inner hashes is then served without hashing. Integrity checks
            // (not useCache) rehash the tile's own hashes instead: stored inner hashes would hide a changed tile hash.
            var (hashes, stored) = await tiles.ReadAsync(tile, withInner: useCache, lent, ct);
            TileSubtrees subtrees;
            if (stored is not null)
            {
                subtrees = TileSubtrees.FromStored(tile, stored);
            }
            else
            {
                // A partial tile, or a full one completed before inner hashes were stored (or with damaged ones), is hashed.
                var length = tile.Width * Rfc6962.HashSize;
                if (hashes is null || hashes.Length < length)
                {
                    throw new InvalidDataException($"Tile {tile} is missing from the store.");
                }

                subtrees = TileSubtrees.Compute(tile, hashes.AsSpan(0, length));
            }

            if (lent is not null && ReferenceEquals(stored, lent))
            {
                // Not cached: the caller returns the buffer.
                var kept = lent;
                lent = null;
                return (subtrees, kept);
            }

            if (cache is not null)
            {
                // Upper-level tiles are few and on every proof; level-0 tiles are many, and cheap to read again.
                cache.AddTile(subtrees, cheapToReload: stored is not null && tile.Level == 0);
            }

            return (subtrees, null);
        }
        finally
        {
            if (lent is not null)
            {
                cache!.ReturnTileBuffer(lent);
            }
        }
    }
}
