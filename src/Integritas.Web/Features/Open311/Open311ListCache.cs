using System.Collections.Concurrent;
using Integritas.Data.Complaints;
using Integritas.Data.Organisation;
using Integritas.Web.Hosting;

namespace Integritas.Web.Features.Open311;

/// <summary>
/// Finished <c>GET requests</c> list bodies by request (format, language, public address, query string), so a client
/// polling the same list gets the stored bytes instead of a thousand rows read and written again. An entry is served
/// only while nothing it shows has changed: it carries the <see cref="DataVersions"/> of reports, their updates and
/// photos, categories, OPD and regions from before its rows were read, and a list over "the last 90 days" also
/// expires when its oldest row would leave that window. Writes this process does not see (another portal process, raw
/// SQL) are not noticed: a deployment with several portal processes writing reports turns the cache off
/// (<c>Integritas:Open311:ListCacheMegabytes</c> = 0).
/// </summary>
public sealed class Open311ListCache(DataVersions versions, IConfiguration configuration)
{
    private static readonly Type[] Shown = [typeof(Complaint), typeof(ComplaintUpdate), typeof(ComplaintPhoto), typeof(ComplaintCategory), typeof(Opd), typeof(Region)];

    private readonly long capacity = configuration.GetValue("Integritas:Open311:ListCacheMegabytes", 64L) * 1024 * 1024;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long size;

    public sealed record Entry(byte[] Body, long Version, DateTime CachedAtUtc, DateTime ExpiresAtUtc);

    public bool Enabled => capacity > 0;

    /// <summary>The version to store with a body whose rows are read after this call.</summary>
    public long Version => versions.Of(Shown);

    public static string Key(Open311Format format, bool english, string baseUrl, QueryString query) =>
        $"{format}|{(english ? "en" : "id")}|{baseUrl}|{query.Value}";

    public Entry? Find(string key, DateTime now) =>
        Enabled && entries.TryGetValue(key, out var entry) && entry.Version == Version && entry.CachedAtUtc <= now && now < entry.ExpiresAtUtc
            ? entry
            : null;

    public void Store(string key, Entry entry)
    {
        if (!Enabled || entry.Body.Length > capacity / 4)
        {
            return;
        }

        // Full: start again rather than track recency; lists are cheap to rebuild and the cap only guards memory.
        if (Interlocked.Add(ref size, entry.Body.Length) > capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref size, entry.Body.Length);
        }

        if (entries.TryGetValue(key, out var old))
        {
            Interlocked.Add(ref size, -old.Body.Length);
        }

        entries[key] = entry;
    }
}
