namespace Integritas.Web.Features.Evidence;

/// <summary>
/// Records evidence that was stored while the log could not take its entry (the upload still succeeded). Runs once a
/// minute; the evidence page shows such items as "waiting to be recorded" meanwhile.
/// </summary>
public sealed class EvidenceLedgerRetry(IServiceScopeFactory scopes, ILogger<EvidenceLedgerRetry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<EvidenceService>().RecordPendingAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Recorded {Count} waiting evidence items in the transparency log.", recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not record waiting evidence in the transparency log; retrying in a minute.");
            }
        }
    }
}
