using System.Security.Claims;
using Integritas.Data.Audit;

namespace Integritas.Web.Hosting;

/// <summary>The signed-in user making a change; "anonim" for unauthenticated requests.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? ActorId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string ActorName => accessor.HttpContext switch
    {
        null => "system",
        { User.Identity: { IsAuthenticated: true, Name: { } name } } => name,
        _ => "anonim",
    };
}
