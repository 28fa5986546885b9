using System.Text.Json;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Integritas.Data.Audit;

/// <summary>Turns tracked changes into <see cref="AuditEntry"/> rows. Secrets never enter the trail.</summary>
internal static class AuditRecorder
{
    // Credentials and counters that change on every sign-in: recording them would leak secrets or drown the trail.
    private static readonly HashSet<string> Ignored =
    [
        nameof(IdentityUser.PasswordHash),
        nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUser.AccessFailedCount),
        nameof(IdentityUser.NormalizedEmail),
        nameof(IdentityUser.NormalizedUserName),
    ];

    public static bool IsAudited(object entity) =>
        entity is IAudited or AppUser or IdentityUserRole<string> or UserOpdScope;

    public sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, (object? Before, object? After)> Changes)
    {
        /// <summary>Known before saving for updates and deletes; filled after saving for inserts (database-generated keys).</summary>
        public string? KeyText { get; set; }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(",", key.Properties.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static bool IsRedacted(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.IsDefined(typeof(RedactedAttribute), inherit: true) == true;

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry.Entity) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new Dictionary<string, (object? Before, object? After)>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Ignored.Contains(name))
                {
                    continue;
                }

                if (IsRedacted(property))
                {
                    var changed = entry.State != EntityState.Modified
                        || (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue));
                    if (changed)
                    {
                        changes[name] = (entry.State == EntityState.Added || property.OriginalValue is null ? null : RedactedAttribute.Placeholder,
                            entry.State == EntityState.Deleted || property.CurrentValue is null ? null : RedactedAttribute.Placeholder);
                    }

                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Added:
                        if (!property.IsTemporary)
                        {
                            changes[name] = (null, property.CurrentValue);
                        }

                        break;
                    case EntityState.Deleted:
                        changes[name] = (property.OriginalValue, null);
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = (property.OriginalValue, property.CurrentValue);
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            pending.Add(new Pending(entry, action, changes) { KeyText = action == AuditAction.Created ? null : KeyOf(entry) });
        }

        return pending;
    }

    /// <summary>Builds the rows once the database has assigned keys to added entities.</summary>
    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending, IAuditActor actor, DateTime nowUtc, IReadOnlyDictionary<object, IAuditActor>? actors = null)
    {
        foreach (var p in pending)
        {
            var by = actors is not null && actors.TryGetValue(p.Entry.Entity, out var own) ? own : actor;
            if (p.Action == AuditAction.Created)
            {
                // Keys and foreign keys of rows inserted together (a position and its official) are known only now.
                foreach (var property in p.Entry.Properties.Where(x => !Ignored.Contains(x.Metadata.Name)))
                {
                    p.Changes[property.Metadata.Name] = (null, IsRedacted(property) && property.CurrentValue is not null ? RedactedAttribute.Placeholder : property.CurrentValue);
                }
            }

            var keyText = p.KeyText ?? KeyOf(p.Entry);

            yield return new AuditEntry
            {
                AtUtc = nowUtc,
                ActorId = by.ActorId,
                ActorName = by.ActorName,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name switch
                {
                    "IdentityUserRole`1" => "UserRole",
                    var n => n,
                },
                EntityId = keyText,
                Changes = ToJson(p.Changes),
            };
        }
    }

    public static string ToJson(Dictionary<string, (object? Before, object? After)> changes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, (before, after)) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(name);
                writer.WritePropertyName("before");
                WriteValue(writer, before);
                writer.WritePropertyName("after");
                WriteValue(writer, after);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or decimal or double or short:
                writer.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                // Keys and signatures are short enough to keep whole; a document is recorded by its hash.
                writer.WriteStringValue(bytes.Length <= 64
                    ? Convert.ToBase64String(bytes)
                    : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
