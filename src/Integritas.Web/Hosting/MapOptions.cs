namespace Integritas.Web.Hosting;

/// <summary>
/// The <c>Integritas:Map</c> section. Maps work without any tile server (boundaries, geofences and pins on a plain
/// background); a regency that runs or contracts one sets its URL here and the security policy admits its images.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Integritas:Map";

    /// <summary>An XYZ tile URL template, e.g. <c>https://tiles.example.go.id/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider requires (plain text).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The tile server's origin (scheme, host, port) for the Content-Security-Policy; null when none or not http(s).</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
