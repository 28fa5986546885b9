namespace Integritas.Web.Hosting;

/// <summary>The <c>Integritas</c> configuration section (environment: <c>Integritas__Name=value</c>).</summary>
public sealed class IntegritasOptions
{
    public const string Section = "Integritas";

    /// <summary>Where the embedded database, data-protection keys and uploaded files live. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The Kemendagri code of the kabupaten/kota this portal serves (its desa are offered on citizens' forms).</summary>
    public string HomeRegionCode { get; set; } = Data.Demo.DemoRegencyGenerator.HomeRegencyCode;

    /// <summary>Apply pending migrations at start. Turn off in production and run <c>integritas migrate</c> instead.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;

    /// <summary>Load the demo regency into an empty database at start. Default: on for the embedded SQLite database, off for PostgreSQL.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Staff must enrol an authenticator app (TOTP) before using staff pages.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Requests per minute one client address may POST without signing in.</summary>
    public int PublicPostPermitsPerMinute { get; set; } = 30;

    /// <summary>Largest JSON body the API accepts, in bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Addresses of reverse proxies allowed to set X-Forwarded-For/-Proto (loopback is always trusted), so rate
    /// limits, HTTPS detection and HSTS see the real client behind nginx or a load balancer.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The public address of the portal (e.g. https://integritas.langkatkab.go.id), used in links sent to users; default: the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
