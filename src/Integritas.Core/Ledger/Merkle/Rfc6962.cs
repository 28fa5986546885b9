using System.Buffers;
using System.Security.Cryptography;

namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// The hash functions of RFC 6962 §2.1 (unchanged in RFC 9162 §2.1.1): SHA-256 with a one-byte domain
/// separator, 0x00 for leaves and 0x01 for interior nodes, so that a leaf can never be passed off as a node.
/// </summary>
public static class Rfc6962
{
    public const int HashSize = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256(""), the root of the empty tree.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({d}) = SHA-256(0x00 ‖ d).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        // One contiguous buffer so SHA-256 runs once; rented because entries may be up to 64 KiB.
        var buffer = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, entry.Length + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right) for two 32-byte child hashes.</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        // Callers (the verifiers included) check lengths first; a wrong length here is a programming error.
        if (left.Length != HashSize || right.Length != HashSize)
        {
            throw new ArgumentException($"Node children must be {HashSize}-byte hashes.");
        }

        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>True for a non-null array of exactly <see cref="HashSize"/> bytes.</summary>
    public static bool IsHash(byte[]? hash) => hash is { Length: HashSize };
}
