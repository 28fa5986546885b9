using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Integritas.Core.Ledger.Notes;

/// <summary>
/// The 32-bit key ID of C2SP signed-note: the first four bytes, big-endian, of
/// SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key). It names a key; it does not authenticate it.
/// </summary>
public static class NoteKeyId
{
    /// <summary>The signature type byte for Ed25519 note signatures.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>The ID for <paramref name="typedKey"/> = signature type byte followed by the public key.</summary>
    public static uint Compute(string name, ReadOnlySpan<byte> typedKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 1 + typedKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        typedKey.CopyTo(input.AsSpan(nameBytes.Length + 1));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>The ID of a 32-byte Ed25519 public key under <paramref name="name"/>.</summary>
    public static uint ForEd25519(string name, ReadOnlySpan<byte> publicKey) => Compute(name, [Ed25519Type, .. publicKey]);
}
