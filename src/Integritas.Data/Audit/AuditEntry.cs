namespace Integritas.Data.Audit;

/// <summary>Marks business data whose every change is recorded in the audit trail.</summary>
public interface IAudited;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    /// <summary>A bulk operation recorded as one entry (imports, demo data), with a summary in <see cref="AuditEntry.Changes"/>.</summary>
    Bulk = 4,
}

/// <summary>One change to business data: who, when, what (before and after). Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The user id, or null for the system and the command line.</summary>
    public string? ActorId { get; set; }

    /// <summary>A display name for the actor at the time (user name, "cli", "system").</summary>
    public required string ActorName { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The entity's type name, e.g. "Opd".</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>JSON: <c>{"Property": {"before": …, "after": …}}</c>, or a summary for bulk entries.</summary>
    public required string Changes { get; set; }
}

/// <summary>Who is making the current change. The web host reads the signed-in user; the CLI names itself.</summary>
public interface IAuditActor
{
    string? ActorId { get; }

    string ActorName { get; }
}

public sealed class SystemAuditActor(string name = "system") : IAuditActor
{
    public string? ActorId => null;

    public string ActorName { get; } = name;
}
