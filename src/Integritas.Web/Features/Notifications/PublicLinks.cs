using Integritas.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Notifications;

/// <summary>Absolute links for messages: <c>Integritas:PublicBaseUrl</c>, else the current request's address.</summary>
public sealed class PublicLinks(IOptions<IntegritasOptions> options, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Report(string trackingNumber) => $"{BaseUrl}/lapor/{trackingNumber}";

    public string PrivateReport(string trackingNumber, string reporterKey) => $"{Report(trackingNumber)}?kunci={Uri.EscapeDataString(reporterKey)}";

    public string StaffReport(string trackingNumber) => $"{BaseUrl}/admin/aduan/{trackingNumber}";
}
