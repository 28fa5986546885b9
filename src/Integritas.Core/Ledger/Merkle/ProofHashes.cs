namespace Integritas.Core.Ledger.Merkle;

/// <summary>The element checks both verifiers apply before any hashing.</summary>
internal static class ProofHashes
{
    public static ProofError Check(IReadOnlyList<byte[]> proof)
    {
        foreach (var hash in proof)
        {
            if (hash is null)
            {
                return ProofError.MissingInput;
            }

            if (hash.Length != Rfc6962.HashSize)
            {
                return ProofError.WrongHashLength;
            }
        }

        return ProofError.None;
    }
}
