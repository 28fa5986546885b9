namespace Integritas.Core.Ocds;

/// <summary>A package's metadata: its URI and the date its contents last changed.</summary>
public sealed record OcdsPackageInfo(Uri Uri, DateTimeOffset PublishedDate);

/// <summary>A paged release package's links (links.next, links.prev); null where there is no such page.</summary>
public sealed record OcdsPageLinks(Uri? Next, Uri? Prev);

/// <summary>Page arithmetic and links for paged packages (1-based pages, a "page" query parameter).</summary>
public static class OcdsPaging
{
    /// <summary>
    /// The links of page <paramref name="page"/> of <paramref name="endpoint"/>: next when a later page has data,
    /// prev when the page is not the first. Other query parameters of the endpoint are kept.
    /// </summary>
    public static OcdsPageLinks Links(Uri endpoint, int page, bool hasNext)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return new OcdsPageLinks(hasNext ? PageUri(endpoint, page + 1) : null, page > 1 ? PageUri(endpoint, page - 1) : null);
    }

    /// <summary>The number of items to skip for a page.</summary>
    public static int Skip(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return checked((page - 1) * pageSize);
    }

    public static Uri PageUri(Uri endpoint, int page)
    {
        var builder = new UriBuilder(endpoint);
        var kept = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => !parameter.StartsWith("page=", StringComparison.Ordinal) && parameter != "page");
        builder.Query = string.Join('&', kept.Append($"page={page}"));
        return builder.Uri;
    }
}
