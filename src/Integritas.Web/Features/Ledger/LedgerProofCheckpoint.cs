using System.Collections.Concurrent;
using System.Text;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// A signed checkpoint as proofs against it need it: its size, its note, the note's UTF-8 bytes (written verbatim at the
/// end of every tlog-proof file, so encoded once), and the hashes of its right-border ranges. Those are the only proof
/// hashes that are not stored subtree hashes but fold several of them with SHA-256 (up to one less than the number of
/// one bits in the size); each depends on the tree size alone, so it is computed once per checkpoint here instead of
/// once per proof.
/// </summary>
public sealed class LedgerProofCheckpoint(long size, string note)
{
    // Keyed by the range's first leaf: a right-border range is [begin, size), at most 64 of them per tree size.
    private readonly ConcurrentDictionary<ulong, byte[]> border = new();
    private readonly byte[] noteUtf8 = Encoding.UTF8.GetBytes(note);

    public long Size { get; } = size;

    /// <summary>The signed note, cosignatures included, as the log serves it.</summary>
    public string Note { get; } = note;

    /// <summary><see cref="Note"/> in UTF-8.</summary>
    public ReadOnlySpan<byte> NoteUtf8 => noteUtf8;

    /// <summary>The hash of leaves [<paramref name="begin"/>, <see cref="Size"/>), if computed before.</summary>
    internal bool TryGetBorder(ulong begin, out byte[] hash) => border.TryGetValue(begin, out hash!);

    /// <summary>Keeps the hash of leaves [<paramref name="begin"/>, <see cref="Size"/>); the caller must not change it.</summary>
    internal void AddBorder(ulong begin, byte[] hash) => border.TryAdd(begin, hash);
}
