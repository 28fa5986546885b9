using Integritas.Data.Audit;
using Integritas.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integritas.Cli;

/// <summary>
/// Builds the same services and configuration as the web host (appsettings.json, environment variables such as
/// <c>Integritas__DataDirectory</c> and <c>ConnectionStrings__Postgres</c>), so the CLI works on the same database.
/// </summary>
public static class CliHost
{
    /// <summary>
    /// The web host's content root: relative data directories resolve against it, so <c>integritas</c> run from the
    /// repository root, from <c>src/Integritas.Cli</c> or from a published folder finds the same <c>data/</c>.
    /// </summary>
    public static string ResolveContentRoot(string? explicitRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        var cwd = Directory.GetCurrentDirectory();
        foreach (var candidate in new[] { Path.Combine(cwd, "src", "Integritas.Web"), Path.Combine(cwd, "..", "Integritas.Web") })
        {
            if (File.Exists(Path.Combine(candidate, "Integritas.Web.csproj")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return cwd;
    }

    public static IHost Build(string? contentRoot, IDictionary<string, string?>? overrides = null)
    {
        var root = ResolveContentRoot(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, Args = [] });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        IntegritasHost.AddServices(builder.Services, builder.Configuration, root);
        builder.Services.AddScoped<IAuditActor>(_ => new SystemAuditActor("cli"));
        return builder.Build();
    }
}
