using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Integritas.EndToEnd.Infrastructure;

/// <summary>The real application, with its embedded SQLite database and demo regency in a fresh temporary folder.</summary>
public sealed class IntegritasFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Integritas:DataDirectory", DataDirectory);
        builder.UseSetting("Integritas:SeedDemoData", "true");
        builder.UseSetting("Integritas:RequireTwoFactor", "true");
        // Every test signs in from 127.0.0.1; the production limit of 30 anonymous POSTs a minute would trip.
        builder.UseSetting("Integritas:PublicPostPermitsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Warning");
    }
}
