using Integritas.Data;
using Integritas.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Notifications;

/// <summary>What one dispatch pass did.</summary>
public sealed record DispatchSummary(int Claimed, int Sent, int Retrying, int Dead, int Skipped);

/// <summary>
/// Sends due outbox messages. A pass claims a batch with one conditional update (a lease: only rows nobody holds), so
/// two dispatchers — two processes, or a pass overlapping the next — never send the same message; a crashed
/// dispatcher's lease runs out and the rows are picked up again. Failures wait with exponential backoff until the
/// attempts run out.
/// </summary>
public sealed class NotificationDispatcher(
    IntegritasDbContext db,
    IEnumerable<INotificationSender> senders,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<NotificationChannel, INotificationSender> byChannel = senders.ToDictionary(s => s.Channel);

    /// <summary>Claims and sends one batch of due messages.</summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.State == NotificationState.Pending && n.NextAttemptUtc <= now && (n.LockedUntilUtc == null || n.LockedUntilUtc < now))
            .OrderBy(n => n.NextAttemptUtc).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(o.BatchSize)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return new DispatchSummary(0, 0, 0, 0, 0);
        }

        var token = Guid.NewGuid();
        var leaseEnd = now.AddSeconds(o.LeaseSeconds);
        await db.Notifications
            .Where(n => candidates.Contains(n.Id) && n.State == NotificationState.Pending && (n.LockedUntilUtc == null || n.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LockedUntilUtc, leaseEnd).SetProperty(n => n.LockToken, token), ct);
        var claimed = await db.Notifications.AsNoTracking().Where(n => n.LockToken == token).OrderBy(n => n.Id).ToListAsync(ct);

        int sent = 0, retrying = 0, dead = 0, skipped = 0;
        foreach (var message in claimed)
        {
            var result = byChannel.TryGetValue(message.Channel, out var sender)
                ? await SendAsync(sender, message, ct)
                : SendResult.Skipped($"Tidak ada pengirim untuk kanal {message.Channel} / no sender for channel");
            var at = time.GetUtcNow().UtcDateTime;
            var attempts = message.Attempts + (result.Status == SendStatus.Skipped ? 0 : 1);
            var state = result.Status switch
            {
                SendStatus.Sent => NotificationState.Sent,
                SendStatus.Skipped => NotificationState.Skipped,
                SendStatus.Refused => NotificationState.Dead,
                _ when attempts >= o.MaxAttempts => NotificationState.Dead,
                _ => NotificationState.Pending,
            };
            var next = state == NotificationState.Pending ? at + o.Backoff(attempts) : message.NextAttemptUtc;
            DateTime? sentAt = state == NotificationState.Sent ? at : null;
            var error = result.Error is { Length: > 1000 } e ? e[..1000] : result.Error;
            await db.Notifications.Where(n => n.Id == message.Id && n.LockToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.State, state)
                    .SetProperty(n => n.Attempts, attempts)
                    .SetProperty(n => n.NextAttemptUtc, next)
                    .SetProperty(n => n.SentAtUtc, sentAt)
                    .SetProperty(n => n.LastError, error)
                    .SetProperty(n => n.LockedUntilUtc, (DateTime?)null)
                    .SetProperty(n => n.LockToken, (Guid?)null), CancellationToken.None);

            // Ids, channels and reasons only: recipients and texts are personal data.
            switch (state)
            {
                case NotificationState.Sent:
                    sent++;
                    break;
                case NotificationState.Skipped:
                    skipped++;
                    logger.LogInformation("Notification {Id} ({Channel}) skipped: {Reason}", message.Id, message.Channel, result.Error);
                    break;
                case NotificationState.Dead:
                    dead++;
                    logger.LogWarning("Notification {Id} ({Channel}) given up after {Attempts} attempts: {Error}", message.Id, message.Channel, attempts, result.Error);
                    break;
                default:
                    retrying++;
                    logger.LogInformation("Notification {Id} ({Channel}) attempt {Attempts} failed, retrying at {Next:o}: {Error}", message.Id, message.Channel, attempts, next, result.Error);
                    break;
            }
        }

        return new DispatchSummary(claimed.Count, sent, retrying, dead, skipped);
    }

    /// <summary>Deletes finished messages older than <see cref="NotificationOptions.RetentionDays"/>: they hold personal data.</summary>
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.Value.RetentionDays));
        return db.Notifications.Where(n => n.State != NotificationState.Pending && n.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    private static async Task<SendResult> SendAsync(INotificationSender sender, Notification message, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return SendResult.Failed(SendErrors.Describe(e, message.Recipient));
        }
    }
}

/// <summary>Runs the dispatcher every few seconds (<see cref="NotificationOptions.DispatchIntervalSeconds"/>).</summary>
public sealed class NotificationDispatchService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchIntervalSeconds)), time);
        var purgedAt = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (time.GetUtcNow() - purgedAt > TimeSpan.FromHours(1))
                {
                    await using var purgeScope = scopes.CreateAsyncScope();
                    await purgeScope.ServiceProvider.GetRequiredService<NotificationDispatcher>().PurgeAsync(stoppingToken);
                    purgedAt = time.GetUtcNow();
                }

                DispatchSummary summary;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    summary = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(stoppingToken);
                }
                while (summary.Claimed >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Notification dispatch failed; trying again at the next tick.");
            }
        }
    }
}
