using Integritas.Web.Features.Account;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Integritas.Web.Hosting;

/// <summary>
/// Before the server accepts requests: migrate (when allowed), load the demo regency into an empty embedded database,
/// and work out whether the first-run setup page is open. Once listening, print where to open the portal.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, FirstRunSetup setup, IServer server, IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(PrintAddresses);
        if (!await DatabaseSetup.PrepareAsync(services, cancellationToken))
        {
            return;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserProvisioning>().EnsureRolesAsync();
        }

        await setup.RefreshAsync(services);
    }

    private void PrintAddresses()
    {
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($"Integritas berjalan di / is running at: {address}");
            if (setup.Token is { } token)
            {
                Console.WriteLine($"Belum ada administrator. Buat yang pertama di / No administrator yet. Create the first at: {address}/setup?token={token}");
                Console.WriteLine("  (atau / or: dotnet run --project src/Integritas.Cli -- users add --user NAME --email EMAIL --role Admin)");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
