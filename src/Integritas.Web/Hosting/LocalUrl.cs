namespace Integritas.Web.Hosting;

/// <summary>Return addresses from forms and query strings: only paths on this site, like <c>IUrlHelper.IsLocalUrl</c>.</summary>
public static class LocalUrl
{
    /// <summary>True for "/x…": not "//host" or "/\host" (protocol-relative) and without control characters.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}

/// <summary>Links to other sites that we store and show: absolute http or https only (no <c>javascript:</c> or <c>data:</c>).</summary>
public static class WebAddress
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
