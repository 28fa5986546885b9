namespace Integritas.Core.Ledger.Merkle;

/// <summary>Why a proof was rejected. Verifiers report one of these instead of throwing on hostile input.</summary>
public enum ProofError
{
    None,
    MissingInput,
    IndexOutOfRange,
    SizesOutOfOrder,
    EmptyOldTree,
    WrongHashLength,
    WrongProofLength,
    RootMismatch,
}

/// <summary>The outcome of verifying a Merkle proof.</summary>
public readonly record struct ProofResult(ProofError Error)
{
    public static ProofResult Valid => new(ProofError.None);

    public bool IsValid => Error == ProofError.None;

    public string Message => Error switch
    {
        ProofError.None => "The proof is valid.",
        ProofError.MissingInput => "A hash or the proof is missing.",
        ProofError.IndexOutOfRange => "The leaf index is not below the tree size.",
        ProofError.SizesOutOfOrder => "The first tree size is larger than the second.",
        ProofError.EmptyOldTree => "A consistency proof from the empty tree proves nothing.",
        ProofError.WrongHashLength => $"A hash is not {Rfc6962.HashSize} bytes.",
        ProofError.WrongProofLength => "The proof has the wrong number of hashes for these sizes.",
        ProofError.RootMismatch => "The proof does not lead to the expected root.",
        _ => Error.ToString(),
    };

    public override string ToString() => Message;
}
