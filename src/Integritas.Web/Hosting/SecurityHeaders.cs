namespace Integritas.Web.Hosting;

/// <summary>Security headers on every response. The API reference page needs inline scripts, so it gets a looser policy.</summary>
public static class SecurityHeaders
{
    private static string StrictCsp(string? tileOrigin) =>
        $"default-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiReferenceCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseIntegritasSecurityHeaders(this IApplicationBuilder app)
    {
        // A configured map tile server is the one outside origin pages may load images from.
        var strict = StrictCsp(app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<MapOptions>>().Value.TileOrigin);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var apiReference = context.Request.Path.StartsWithSegments("/scalar");
                headers.ContentSecurityPolicy = apiReference ? ApiReferenceCsp : strict;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
