using Microsoft.AspNetCore.WebUtilities;

namespace Integritas.Web.Hosting;

/// <summary>Paging state for a list page; builds links that keep the current filters.</summary>
public sealed class Pager(HttpRequest request, int page, int pageSize, int total)
{
    public int Page { get; } = Math.Max(1, page);

    public int PageSize { get; } = pageSize;

    public int Total { get; } = total;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Math.Min(Page, PageCount) - 1) * PageSize;

    public string Url(int page)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(request.Path, query);
    }

    public string UrlWith(string key, string? value)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        query[key] = value;
        query.Remove("page");
        return QueryHelpers.AddQueryString(request.Path, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
