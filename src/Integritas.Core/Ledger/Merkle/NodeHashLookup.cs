namespace Integritas.Core.Ledger.Merkle;

/// <summary>
/// Returns the hash of a complete (perfect) subtree. Backed by an in-memory tree in tests and by stored
/// tiles in the server, so proof generation never needs the whole log in memory.
/// </summary>
public delegate byte[] NodeHashLookup(NodeId node);
