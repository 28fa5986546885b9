namespace Integritas.Core.Organisation;

/// <summary>
/// Walks the reporting line of positions (each position's superior). Used for approvals and to keep a
/// whistleblowing report away from everyone above the reported official.
/// </summary>
public static class ReportingLine
{
    /// <summary>
    /// The superiors of <paramref name="positionId"/>, nearest first. Stops (without throwing) if the data
    /// holds a cycle, so a bad import cannot hang a request.
    /// </summary>
    public static IReadOnlyList<TId> Superiors<TId>(TId positionId, IReadOnlyDictionary<TId, TId?> superiorOf)
        where TId : struct, IEquatable<TId>
    {
        var chain = new List<TId>();
        var seen = new HashSet<TId> { positionId };
        var current = positionId;
        while (superiorOf.TryGetValue(current, out var next) && next is { } superior && seen.Add(superior))
        {
            chain.Add(superior);
            current = superior;
        }

        return chain;
    }

    /// <summary>True when making <paramref name="newSuperior"/> the superior of <paramref name="positionId"/> would close a loop.</summary>
    public static bool WouldCreateCycle<TId>(TId positionId, TId? newSuperior, IReadOnlyDictionary<TId, TId?> superiorOf)
        where TId : struct, IEquatable<TId>
    {
        if (newSuperior is not { } candidate)
        {
            return false;
        }

        if (candidate.Equals(positionId))
        {
            return true;
        }

        return Superiors(candidate, superiorOf).Contains(positionId);
    }
}
