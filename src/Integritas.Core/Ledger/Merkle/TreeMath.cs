using System.Numerics;

namespace Integritas.Core.Ledger.Merkle;

/// <summary>Bit arithmetic on tree sizes and indices shared by proof generation and verification.</summary>
public static class TreeMath
{
    /// <summary>The k of RFC 6962 §2.1: the largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static ulong SplitPoint(ulong n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A split needs at least two leaves.");
        }

        return 1UL << (63 - BitOperations.LeadingZeroCount(n - 1));
    }

    /// <summary>
    /// The two parts of an inclusion proof for <paramref name="index"/> in a tree of <paramref name="size"/> leaves:
    /// <c>inner</c> hashes below the point where the paths to the leaf and to the last leaf diverge, then
    /// <c>border</c> hashes of left siblings on the right border. Their sum is the exact proof length.
    /// Requires index &lt; size.
    /// </summary>
    public static (int Inner, int Border) InclusionProofShape(ulong index, ulong size)
    {
        var inner = BitLength(index ^ (size - 1));
        var border = BitOperations.PopCount(ShiftRight(index, inner));
        return (inner, border);
    }

    /// <summary>The exact number of hashes in an inclusion proof; requires index &lt; size.</summary>
    public static int InclusionProofLength(ulong index, ulong size)
    {
        var (inner, border) = InclusionProofShape(index, size);
        return inner + border;
    }

    /// <summary>
    /// The exact number of hashes in a consistency proof from size1 to size2, for 0 &lt; size1 &lt; size2.
    /// It is the inclusion proof of leaf size1−1 without the levels inside the largest perfect subtree ending
    /// at size1, plus that subtree's root unless it is the whole old tree (size1 a power of two).
    /// </summary>
    public static int ConsistencyProofLength(ulong size1, ulong size2)
    {
        var (inner, border) = InclusionProofShape(size1 - 1, size2);
        var shift = BitOperations.TrailingZeroCount(size1);
        var seed = BitOperations.IsPow2(size1) ? 0 : 1;
        return seed + (inner - shift) + border;
    }

    /// <summary>
    /// The perfect subtrees that exactly cover leaves [begin, end), left to right, each as large as alignment allows
    /// (a "compact range").
    /// </summary>
    public static IReadOnlyList<NodeId> PerfectNodes(ulong begin, ulong end)
    {
        Span<NodeId> nodes = stackalloc NodeId[128];
        return nodes[..PerfectNodes(begin, end, nodes)].ToArray();
    }

    /// <summary>
    /// As <see cref="PerfectNodes(ulong, ulong)"/>, written into <paramref name="destination"/> without allocating; returns
    /// how many. A range is at most 128 nodes (up to 64 rising then 64 falling); a range ending at a tree's size, at most 64.
    /// </summary>
    public static int PerfectNodes(ulong begin, ulong end, Span<NodeId> destination)
    {
        if (begin > end)
        {
            throw new ArgumentOutOfRangeException(nameof(begin), begin, "Range begin is after its end.");
        }

        var count = 0;
        while (begin < end)
        {
            var level = begin == 0 ? 63 : BitOperations.TrailingZeroCount(begin);
            while ((1UL << level) > end - begin)
            {
                level--;
            }

            destination[count++] = new NodeId(level, begin >> level);
            begin += 1UL << level;
        }

        return count;
    }

    /// <summary>Number of significant bits: 0 for 0, 1 for 1, 3 for 5.</summary>
    public static int BitLength(ulong x) => 64 - BitOperations.LeadingZeroCount(x);

    /// <summary>x &gt;&gt; bits, but 0 when bits ≥ 64 (C# masks shift counts, so x &gt;&gt; 64 would be x).</summary>
    public static ulong ShiftRight(ulong x, int bits) => bits >= 64 ? 0 : x >> bits;
}
