namespace Integritas.Data.Notifications;

/// <summary>How a notification travels.</summary>
public enum NotificationChannel
{
    Email = 1,
    WhatsApp = 2,
    Sms = 3,
    Webhook = 4,
}

/// <summary>Where a notification is in its life.</summary>
public enum NotificationState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 1,

    /// <summary>Delivered to the mail server, the WhatsApp API, the SMS gateway or the webhook subscriber.</summary>
    Sent = 2,

    /// <summary>Given up: the attempts ran out or the receiver refused it for good.</summary>
    Dead = 3,

    /// <summary>Not sent because its channel is not configured; never retried.</summary>
    Skipped = 4,
}

/// <summary>
/// One message in the outbox. It is written in the same transaction as the change it tells about, so a change is
/// never committed without its message nor a message sent for a change that was rolled back; a background dispatcher
/// sends it and retries with backoff. The recipient and the text are personal data: they stay in this table and never
/// reach the logs.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    public NotificationChannel Channel { get; set; }

    public NotificationState State { get; set; } = NotificationState.Pending;

    /// <summary>An e-mail address, a phone number as <c>+62812…</c>, or a webhook subscriber's URL.</summary>
    public required string Recipient { get; set; }

    /// <summary>What happened, e.g. <c>complaint.received</c>, <c>sla.escalation</c>.</summary>
    public required string EventType { get; set; }

    /// <summary>What it is about (a tracking number), for finding a report's messages.</summary>
    public string? Reference { get; set; }

    /// <summary>The e-mail subject; null for the other channels.</summary>
    public string? Subject { get; set; }

    /// <summary>The text (e-mail, WhatsApp, SMS) or the JSON payload (webhook).</summary>
    public required string Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed or why the message was skipped: a status code or error kind, never the recipient.</summary>
    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>A dispatcher holds the message until then; another dispatcher leaves it alone meanwhile.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>The claim of the dispatcher holding it.</summary>
    public Guid? LockToken { get; set; }
}

/// <summary>The SLA clock of a report an alert is about.</summary>
public enum SlaClockKind
{
    Response = 1,
    Resolution = 2,
}

/// <summary>How serious an SLA alert is.</summary>
public enum SlaAlertLevel
{
    /// <summary>Little time is left: the OPD's operators (or the coordinators) are reminded.</summary>
    Reminder = 1,

    /// <summary>The target has passed: the OPD head and leadership are told.</summary>
    Escalation = 2,
}

/// <summary>That a reminder or escalation went out for a report's clock: at most one per report, clock and level.</summary>
public class SlaAlert
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public SlaClockKind Clock { get; set; }

    public SlaAlertLevel Level { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>How many messages were queued.</summary>
    public int Recipients { get; set; }
}
