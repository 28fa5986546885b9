using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c> (../shared/docs/standards/open311.md): discovery, services and their
/// definitions, requests (read, list, create), tokens, and the <c>servicerequestupdates</c> extension, each as
/// <c>.json</c> and <c>.xml</c>, with Open311's error bodies. Every query parameter is read by hand so that bad
/// input gets an Open311 error, never the framework's.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";

    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When this API's behaviour last changed (discovery's <c>changeset</c>).</summary>
    public const string Changeset = "2026-11-29T00:00:00+07:00";

    public static void MapOpen311(this WebApplication app)
    {
        var api = app.MapGroup(Root).WithTags("Open311 GeoReport v2");
        api.MapGet("/discovery.{format}", Discovery)
            .WithSummary("Penemuan layanan / Discovery").Open311Produces();
        api.MapGet("/services.{format}", ServicesAsync)
            .WithSummary("Daftar kategori laporan (layanan) / The report categories (services)").Open311Produces();
        api.MapGet("/services/{code}.{format}", ServiceDefinitionAsync)
            .WithSummary("Definisi layanan dengan atributnya / A service definition with its attributes").Open311Produces();
        api.MapGet("/requests.{format}", Open311Requests.ListAsync)
            .WithSummary("Daftar laporan / Service requests")
            .WithDescription("Filters: service_request_id (comma list, overrides the others), service_code (comma list), start_date, end_date " +
                "(W3C datetime; default the last 90 days, at most 90 days), status (open, closed or a detailed status; comma list), " +
                "page and page_size (at most 1000).")
            .Open311Produces();
        api.MapPost("/requests.{format}", Open311Submit.PostAsync)
            .WithSummary("Kirim laporan / Create a service request")
            .WithDescription("application/x-www-form-urlencoded: api_key, service_code, lat+long or address_string or address_id (a desa code), " +
                "attribute[CODE] (attribute[CODE][] for several values), email, phone, first_name, last_name, device_id, account_id, " +
                "description (plain text, at most 4000 characters), media_url. An Idempotency-Key header makes a retry return the first request.")
            .Open311Produces();
        api.MapGet("/requests/{id}.{format}", Open311Requests.OneAsync)
            .WithSummary("Satu laporan / One service request").Open311Produces();
        api.MapGet("/tokens/{token}.{format}", Open311Requests.TokenAsync)
            .WithSummary("Laporan dari token (kunci idempotensi) / The request of a token (idempotency key)").Open311Produces();
        api.MapGet("/servicerequestupdates.{format}", Open311Requests.UpdatesAsync)
            .WithSummary("Riwayat tindak lanjut publik / Public updates of service requests")
            .WithDescription("start_date, end_date (as for requests), page and page_size.").Open311Produces();

        // Anything else under the root is an Open311 404 too (in XML when the path asks for it), not the portal's page.
        app.MapFallback(Root + "/{**path}", (string? path, Ui ui) => Open311Result.Error(
            path?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Xml : Open311Format.Json,
            StatusCodes.Status404NotFound, ui.T("Tidak ada di API Open311 ini.", "Not part of this Open311 API.")))
            .ExcludeFromDescription();
    }

    private static RouteHandlerBuilder Open311Produces(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/xml"])
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json", additionalContentTypes: ["text/xml"])
            .Produces(StatusCodes.Status404NotFound, contentType: "application/json", additionalContentTypes: ["text/xml"]);

    /// <summary>The suffix's format; an unknown one answers 404 in JSON.</summary>
    public static bool TryFormat(string? suffix, out Open311Format format, out IResult? error)
    {
        error = null;
        format = Open311Format.Json;
        if (string.Equals(suffix, "json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(suffix, "xml", StringComparison.OrdinalIgnoreCase))
        {
            format = Open311Format.Xml;
            return true;
        }

        error = Open311Result.Error(Open311Format.Json, StatusCodes.Status404NotFound,
            "Format tidak dikenal; gunakan .json atau .xml / Unknown format; use .json or .xml");
        return false;
    }

    /// <summary>The portal's public address (configured, else the request's), without a trailing slash.</summary>
    public static string BaseUrl(HttpContext http, IntegritasOptions options) =>
        (options.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');

    private static IResult Discovery(string format, HttpContext http, IOptions<IntegritasOptions> options, Ui ui)
    {
        if (!TryFormat(format, out var f, out var error))
        {
            return error!;
        }

        var url = BaseUrl(http, options.Value) + Root;
        return new Open311Result(f, StatusCodes.Status200OK, (w, _) =>
        {
            w.StartObject("discovery");
            w.String("changeset", Changeset);
            w.String("contact", ui.T("Pengelola portal Integritas pemerintah kabupaten, melalui " + BaseUrl(http, options.Value) + "/lapor",
                "The regency's Integritas portal team, through " + BaseUrl(http, options.Value) + "/lapor"));
            w.String("key_service", ui.T("Kunci API diberikan oleh administrator portal (halaman /admin/apikey atau perintah `integritas apikey create`).",
                "API keys are issued by the portal's administrators (the /admin/apikey page or `integritas apikey create`)."));
            w.StartList("endpoints", nested: true);
            w.StartObject("endpoint");
            w.String("specification", Specification);
            w.String("url", url);
            w.String("changeset", Changeset);
            w.String("type", "production");
            w.StartList("formats", nested: true);
            w.Item("format", "text/xml");
            w.Item("format", "application/json");
            w.EndList();
            w.EndObject();
            w.EndList();
            w.EndObject();
            return Task.CompletedTask;
        });
    }

    private static async Task<IResult> ServicesAsync(string format, IntegritasDbContext db, CancellationToken ct)
    {
        if (!TryFormat(format, out var f, out var error))
        {
            return error!;
        }

        var services = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.NameId, c.NameEn, c.DescriptionId, c.DescriptionEn, c.Keywords, c.Group, Metadata = c.Attributes.Any() })
            .ToListAsync(ct);
        var english = Ui.IsEnglish;
        return new Open311Result(f, StatusCodes.Status200OK, (w, _) =>
        {
            w.StartList("services");
            foreach (var s in services)
            {
                w.StartObject("service");
                w.String("service_code", s.Code);
                w.String("service_name", english ? s.NameEn : s.NameId);
                w.String("description", english ? s.DescriptionEn ?? s.DescriptionId : s.DescriptionId ?? s.DescriptionEn);
                w.Bool("metadata", s.Metadata);
                w.String("type", "realtime");
                w.String("keywords", s.Keywords);
                w.String("group", s.Group);
                w.EndObject();
            }

            w.EndList();
            return Task.CompletedTask;
        });
    }

    private static async Task<IResult> ServiceDefinitionAsync(string code, string format, IntegritasDbContext db, Ui ui, CancellationToken ct)
    {
        if (!TryFormat(format, out var f, out var error))
        {
            return error!;
        }

        var category = await db.ComplaintCategories.AsNoTracking().Include(c => c.Attributes)
            .SingleOrDefaultAsync(c => c.Code == code && c.IsActive, ct);
        if (category is null)
        {
            return Open311Result.Error(f, StatusCodes.Status404NotFound, ui.T($"Layanan '{code}' tidak dikenal.", $"Unknown service '{code}'."));
        }

        if (category.Attributes.Count == 0)
        {
            return Open311Result.Error(f, StatusCodes.Status404NotFound,
                ui.T($"Layanan '{code}' tidak punya atribut (metadata false).", $"Service '{code}' has no attributes (metadata false)."));
        }

        return new Open311Result(f, StatusCodes.Status200OK, (w, _) =>
        {
            w.StartObject("service_definition");
            w.String("service_code", category.Code);
            w.StartList("attributes", nested: true);
            foreach (var a in category.Attributes.OrderBy(a => a.Order).ThenBy(a => a.Code))
            {
                w.StartObject("attribute");
                w.Bool("variable", true);
                w.String("code", a.Code);
                w.String("datatype", a.Datatype.ToString().ToLowerInvariant());
                w.Bool("required", a.Required);
                w.String("datatype_description", a.DatatypeDescription);
                w.Number("order", a.Order);
                w.String("description", a.Description);
                w.StartList("values", nested: true);
                foreach (var (key, name) in a.ValueList())
                {
                    w.StartObject("value");
                    w.String("key", key);
                    w.String("name", name);
                    w.EndObject();
                }

                w.EndList();
                w.EndObject();
            }

            w.EndList();
            w.EndObject();
            return Task.CompletedTask;
        });
    }
}
