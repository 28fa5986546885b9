using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Evidence;

namespace Integritas.Web.Features.Ledger;

/// <summary>
/// Records what was stored while the log could not take its entry (the upload or status change still succeeded):
/// evidence items complaint status changes and published performance reports. Runs once a minute; pages show such records as "waiting to be
/// recorded" meanwhile.
/// </summary>
public sealed class LedgerPendingRetry(IServiceScopeFactory scopes, ILogger<LedgerPendingRetry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var evidence = await scope.ServiceProvider.GetRequiredService<EvidenceService>().RecordPendingAsync(stoppingToken);
                var complaints = await scope.ServiceProvider.GetRequiredService<ComplaintLedger>().RecordPendingAsync(stoppingToken);
                var reports = await scope.ServiceProvider.GetRequiredService<Performance.Reporting>().RecordPendingAsync(stoppingToken);
                var signatures = await scope.ServiceProvider.GetRequiredService<Performance.Agreements>().RecordPendingAsync(stoppingToken);
                var pacts = await scope.ServiceProvider.GetRequiredService<Procurement.IntegrityPacts>().RecordPendingAsync(stoppingToken);
                if (pacts > 0)
                {
                    logger.LogInformation("Recorded {Pacts} integrity-pact signatures in the transparency log.", pacts);
                }

                if (evidence + complaints + reports + signatures > 0)
                {
                    logger.LogInformation("Recorded {Evidence} waiting evidence items, {Complaints} complaint status changes, {Reports} published performance reports and {Signatures} performance-agreement signatures in the transparency log.",
                        evidence, complaints, reports, signatures);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not record waiting entries in the transparency log; retrying in a minute.");
            }
        }
    }
}
