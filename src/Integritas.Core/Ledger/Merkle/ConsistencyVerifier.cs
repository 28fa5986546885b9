namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// Verifies a consistency proof with the iterative algorithm of RFC 9162 §2.1.4.2, after checking the proof has
/// exactly the length the two sizes call for. Any input, however malformed, yields a result, never an exception.
/// </summary>
public static class ConsistencyVerifier
{
    public static ProofResult Verify(ulong size1, ulong size2, byte[]? root1, byte[]? root2, IReadOnlyList<byte[]>? proof)
    {
        if (root1 is null || root2 is null || proof is null)
        {
            return new(ProofError.MissingInput);
        }

        if (size1 > size2)
        {
            return new(ProofError.SizesOutOfOrder);
        }

        // Every tree extends the empty one, so such a "proof" would vouch for nothing; the reference vectors
        // (transparency-dev/merkle) reject it, even from 0 to 0.
        if (size1 == 0)
        {
            return new(ProofError.EmptyOldTree);
        }

        var shape = ProofHashes.Check(proof);
        if (shape != ProofError.None)
        {
            return new(shape);
        }

        if (size1 == size2)
        {
            // Same tree: nothing to prove but that the roots agree. Like the reference implementation, only
            // equality is checked here; checkpoint parsing is what guarantees roots are 32 bytes.
            if (proof.Count != 0)
            {
                return new(ProofError.WrongProofLength);
            }

            return root1.AsSpan().SequenceEqual(root2) ? ProofResult.Valid : new(ProofError.RootMismatch);
        }

        if (!Rfc6962.IsHash(root1) || !Rfc6962.IsHash(root2))
        {
            return new(ProofError.WrongHashLength);
        }

        if (proof.Count != TreeMath.ConsistencyProofLength(size1, size2))
        {
            return new(ProofError.WrongProofLength);
        }

        return Walk(size1, size2, root1, root2, proof);
    }

    // RFC 9162 §2.1.4.2, steps 2 to 7: rebuild both roots at once; fr only takes the hashes left of the old edge.
    private static ProofResult Walk(ulong size1, ulong size2, byte[] root1, byte[] root2, IReadOnlyList<byte[]> proof)
    {
        // When the old tree is one perfect subtree, the proof omits its root: the verifier already has it.
        IReadOnlyList<byte[]> path = ulong.IsPow2(size1) ? [root1, .. proof] : proof;

        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return new(ProofError.WrongProofLength);
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Rfc6962.NodeHash(c, fr);
                sr = Rfc6962.NodeHash(c, sr);
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
                sr = Rfc6962.NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return new(ProofError.WrongProofLength);
        }

        return fr.AsSpan().SequenceEqual(root1) && sr.AsSpan().SequenceEqual(root2)
            ? ProofResult.Valid
            : new(ProofError.RootMismatch);
    }
}
