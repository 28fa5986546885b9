namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// Verifies an inclusion proof with the iterative algorithm of RFC 9162 §2.1.3.2, after checking the proof has
/// exactly the length the index and size call for. Any input, however malformed, yields a result, never an exception.
/// </summary>
public static class InclusionVerifier
{
    public static ProofResult Verify(ulong index, ulong size, byte[]? leafHash, IReadOnlyList<byte[]>? proof, byte[]? root)
    {
        if (leafHash is null || proof is null || root is null)
        {
            return new(ProofError.MissingInput);
        }

        if (index >= size)
        {
            return new(ProofError.IndexOutOfRange);
        }

        var shape = ProofHashes.Check(proof);
        if (shape != ProofError.None)
        {
            return new(shape);
        }

        if (!Rfc6962.IsHash(leafHash) || !Rfc6962.IsHash(root))
        {
            return new(ProofError.WrongHashLength);
        }

        // A proof of the wrong length could only be accepted by a hash collision, but checking it exactly
        // is cheap and rejects padded or truncated proofs with a clear reason.
        if (proof.Count != TreeMath.InclusionProofLength(index, size))
        {
            return new(ProofError.WrongProofLength);
        }

        // RFC 9162 §2.1.3.2: fn walks up from the leaf, sn from the last leaf; where they meet the path runs
        // along the right border and levels whose right child is missing are skipped.
        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return new(ProofError.WrongProofLength);
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Rfc6962.NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = Rfc6962.NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return new(ProofError.WrongProofLength);
        }

        return r.AsSpan().SequenceEqual(root) ? ProofResult.Valid : new(ProofError.RootMismatch);
    }
}
