using Integritas.Data.Audit;
using Integritas.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
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
        // The same sources, in the same order, as the web host: appsettings.json, appsettings.{environment}.json,
        // environment variables. The environment comes from ASPNETCORE_ENVIRONMENT as for the web host.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
            : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
            : Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, EnvironmentName = environment, Args = [] });
        if (!File.Exists(Path.Combine(root, "appsettings.json")))
        {
            // A published CLI run from elsewhere: fall back to the web host's defaults copied beside the CLI, below everything else.
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }

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
