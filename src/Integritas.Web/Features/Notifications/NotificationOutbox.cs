using System.Text.Json;
using Integritas.Data;
using Integritas.Data.Notifications;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Notifications;

/// <summary>
/// Queues messages: adds outbox rows to the caller's <see cref="IntegritasDbContext"/> so they are committed by the
/// caller's <c>SaveChanges</c>, together with the change they tell about. Nothing is sent here.
/// </summary>
public sealed class NotificationOutbox(IntegritasDbContext db, TimeProvider time, IOptions<NotificationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Notification Enqueue(NotificationChannel channel, string recipient, string eventType, string? subject, string body, string? reference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new Notification
        {
            Channel = channel,
            Recipient = recipient,
            EventType = eventType,
            Reference = reference,
            Subject = subject is { Length: > 300 } ? subject[..300] : subject,
            Body = body,
            CreatedAtUtc = now,
            NextAttemptUtc = now,
        };
        db.Notifications.Add(message);
        return message;
    }

    public Notification Email(string address, string eventType, string subject, string body, string? reference = null) =>
        Enqueue(NotificationChannel.Email, address, eventType, subject, body, reference);

    /// <summary>One webhook delivery per configured subscriber; none when there are no subscribers.</summary>
    public IReadOnlyList<Notification> Webhook(string eventType, object payload, string? reference = null)
    {
        var subscribers = options.Value.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)).ToList();
        if (subscribers.Count == 0)
        {
            return [];
        }

        var body = JsonSerializer.Serialize(payload, Json);
        return [.. subscribers.Select(s => Enqueue(NotificationChannel.Webhook, s.Url, eventType, null, body, reference))];
    }
}
