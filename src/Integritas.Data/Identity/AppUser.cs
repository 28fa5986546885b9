using Microsoft.AspNetCore.Identity;

namespace Integritas.Data.Identity;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The OPDs an OpdOperator may act for.</summary>
    public List<UserOpdScope> OpdScopes { get; } = [];
}

public class UserOpdScope
{
    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    public int OpdId { get; set; }

    public Organisation.Opd? Opd { get; set; }
}
