using System.Security.Cryptography;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Open311;

/// <summary>
/// Open311 clients' keys: random (32 bytes, base64url, after an <c>ik_</c> marker), shown once at creation; only the
/// SHA-256 is stored, so a stolen database does not give away working keys.
/// </summary>
public sealed class ApiKeys(IntegritasDbContext db, TimeProvider time, ApiKeys.Cache? cache = null)
{
    public const string Marker = "ik_";

    /// <summary>Characters of the key kept in clear to tell keys apart: the marker and 8 random characters.</summary>
    public const int PrefixLength = 11;

    public const int MaxNameLength = 200;

    public sealed record Created(ApiKey Record, string Key);

    public static string NewKey() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => ComplaintIntake.HashKey(key);

    /// <summary>Null when the name is acceptable, else the reason (Indonesian, English).</summary>
    public static (string Id, string En)? CheckName(string? name) => name?.Trim() switch
    {
        null or "" => ("Nama wajib diisi.", "A name is required."),
        { Length: > MaxNameLength } => ($"Nama paling banyak {MaxNameLength} karakter.", $"The name is at most {MaxNameLength} characters."),
        _ => null,
    };

    public async Task<Created> CreateAsync(string name, string? createdBy, CancellationToken ct, string scope = ApiKeyScopes.Open311)
    {
        if (CheckName(name) is { } problem)
        {
            throw new ArgumentException(problem.En, nameof(name));
        }

        if (!ApiKeyScopes.All.Contains(scope))
        {
            throw new ArgumentException($"Unknown scope '{scope}'; one of {string.Join(", ", ApiKeyScopes.All)}.", nameof(scope));
        }

        var key = NewKey();
        var record = new ApiKey
        {
            Name = name.Trim(),
            Prefix = key[..PrefixLength],
            KeyHash = Hash(key),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
            Scope = scope,
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return new Created(record, key);
    }

    /// <summary>Revokes the keys whose prefix is given (exactly); returns how many were revoked now.</summary>
    public async Task<int> RevokeAsync(string prefix, CancellationToken ct)
    {
        var keys = await db.ApiKeys.Where(k => k.Prefix == prefix && k.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var key in keys)
        {
            key.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        return keys.Count;
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedAtUtc == null, ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A valid (known, not revoked) key: its id, name and scope.</summary>
    public sealed record Holder(int Id, string Name, string Scope);

    /// <summary>The id of the valid (known, not revoked) Open311 key, or null.</summary>
    public async Task<int?> VerifyAsync(string? key, CancellationToken ct) =>
        await FindAsync(key, ct) is { Scope: ApiKeyScopes.Open311 } holder ? holder.Id : null;

    /// <summary>The valid (known, not revoked) key of any scope, or null.</summary>
    public async Task<Holder?> FindAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key.Trim());
        var now = time.GetUtcNow().UtcDateTime;
        var known = cache?.Find(hash, now);
        if (known is null)
        {
            var version = cache?.Version ?? 0;
            var found = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAtUtc == null)
                .Select(k => new { k.Id, k.Name, k.Scope, k.LastUsedAtUtc }).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            known = new Cache.Entry(found.Id, found.Name, found.Scope, found.LastUsedAtUtc, version, now + Cache.Lifetime);
            cache?.Remember(hash, known);
        }

        // "Last used" to the minute is enough to spot dead keys; writing it on every request would cost a write per create.
        if (known.LastUsedAtUtc is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            await db.ApiKeys.Where(k => k.Id == known.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), ct);
            cache?.Remember(hash, known with { LastUsedAtUtc = now });
        }

        return new Holder(known.Id, known.Name, known.Scope);
    }
    /// <summary>
    /// Valid keys already checked, by hash, so a client's every request does not look its key up again. An entry
    /// lasts until a key is created, changed or revoked in this process (<see cref="DataVersions"/>), and at most
    /// <see cref="Lifetime"/>: a key revoked by another process (<c>integritas apikey revoke</c>) stops working within
    /// that time. Unknown keys are never remembered.
    /// </summary>
    public sealed class Cache(DataVersions versions)
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

        private const int MaxEntries = 10_000;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

        public sealed record Entry(int Id, string Name, string Scope, DateTime? LastUsedAtUtc, long Version, DateTime ExpiresAtUtc);

        public long Version => versions.Of<ApiKey>();

        public Entry? Find(string hash, DateTime now) =>
            entries.TryGetValue(hash, out var entry) && entry.Version == Version && now < entry.ExpiresAtUtc ? entry : null;

        public void Remember(string hash, Entry entry)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[hash] = entry;
        }
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenByDescending(k => k.CreatedAtUtc).ThenByDescending(k => k.Id).ToListAsync(ct);
}
