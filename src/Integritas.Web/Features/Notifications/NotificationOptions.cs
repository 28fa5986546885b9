using Integritas.Data.Notifications;

namespace Integritas.Web.Features.Notifications;

/// <summary>The <c>Integritas:Notifications</c> configuration section. A channel whose settings are missing is skipped.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Integritas:Notifications";

    /// <summary>Whether this process runs the outbox dispatcher (turn off on all but the instances that should send).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public int DispatchIntervalSeconds { get; set; } = 10;

    /// <summary>Messages claimed per pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message is given up (dead).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryInitialSeconds { get; set; } = 30;

    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long a dispatcher holds claimed messages; a crashed dispatcher's claims expire after it.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How citizens who gave a phone number are told: <c>WhatsApp</c> or <c>Sms</c>.</summary>
    public NotificationChannel CitizenPhoneChannel { get; set; } = NotificationChannel.WhatsApp;

    /// <summary>Whether this process runs the SLA reminder and escalation job.</summary>
    public bool RemindersEnabled { get; set; } = true;

    public int ReminderIntervalMinutes { get; set; } = 5;

    public EmailOptions Email { get; set; } = new();

    public WhatsAppOptions WhatsApp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public List<WebhookSubscriber> Webhooks { get; set; } = [];

    /// <summary>Sent, skipped and dead messages (they hold recipients and texts) are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 90;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryInitialSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto = 0,
    None = 1,
    StartTls = 2,
    SslOnConnect = 3,
}

public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>lapor@langkatkab.go.id</c>.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Integritas";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public sealed class WhatsAppOptions
{
    /// <summary>The Graph API root including its version.</summary>
    public string BaseUrl { get; set; } = "https://graph.facebook.com/v21.0";

    public string? PhoneNumberId { get; set; }

    public string? Token { get; set; }

    /// <summary>
    /// An approved message template with one body parameter ({{1}}) that carries the text. WhatsApp accepts free text
    /// only within 24 hours of the citizen's last message, so business-initiated notices need a template.
    /// </summary>
    public string? TemplateName { get; set; }

    public string TemplateLanguage { get; set; } = "id";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(Token);
}

public sealed class SmsOptions
{
    /// <summary>The gateway's URL; <c>{to}</c> and <c>{text}</c> in it are replaced (URL-encoded).</summary>
    public string? Url { get; set; }

    public string Method { get; set; } = "POST";

    /// <summary>A header carrying the gateway credentials, e.g. <c>Authorization</c>.</summary>
    public string AuthHeaderName { get; set; } = "Authorization";

    /// <summary>Its value, e.g. <c>Bearer …</c> or <c>Basic …</c>; no header when empty.</summary>
    public string? AuthHeaderValue { get; set; }

    /// <summary>The request body with <c>{to}</c> and <c>{text}</c> (escaped for <see cref="ContentType"/>); no body when empty.</summary>
    public string BodyTemplate { get; set; } = """{"to":"{to}","text":"{text}"}""";

    /// <summary><c>application/json</c> or <c>application/x-www-form-urlencoded</c>.</summary>
    public string ContentType { get; set; } = "application/json";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>A system that wants to hear about public report changes.</summary>
public sealed class WebhookSubscriber
{
    public string Url { get; set; } = "";

    /// <summary>The shared secret for the <c>X-Integritas-Signature</c> HMAC-SHA256 header.</summary>
    public string Secret { get; set; } = "";
}
