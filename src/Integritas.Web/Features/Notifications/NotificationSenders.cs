using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integritas.Data.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integritas.Web.Features.Notifications;

public enum SendStatus
{
    Sent = 1,

    /// <summary>The channel is not configured: not sent, not retried.</summary>
    Skipped = 2,

    /// <summary>A failure that may pass (connection, 5xx, 429): retried with backoff.</summary>
    Failed = 3,

    /// <summary>The receiver refused the message for good (a 4xx, an unknown mailbox): not retried.</summary>
    Refused = 4,
}

/// <summary>What an attempt came to. <see cref="Error"/> never holds the recipient or the text.</summary>
public sealed record SendResult(SendStatus Status, string? Error = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);

    public static SendResult Skipped(string reason) => new(SendStatus.Skipped, reason);

    public static SendResult Failed(string error) => new(SendStatus.Failed, error);

    public static SendResult Refused(string error) => new(SendStatus.Refused, error);

    /// <summary>From an HTTP answer: 2xx sent; 408, 429 and 5xx retried; other 4xx refused.</summary>
    public static SendResult FromHttp(HttpStatusCode code)
    {
        var n = (int)code;
        return n is >= 200 and < 300 ? Sent
            : n is 408 or 429 or >= 500 ? Failed($"HTTP {n}")
            : Refused($"HTTP {n}");
    }
}

/// <summary>Sends one channel's messages over its real protocol.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task<SendResult> SendAsync(Notification message, CancellationToken ct);
}

internal static class SendErrors
{
    /// <summary>An exception as a short, loggable reason: its kind and message with the recipient taken out.</summary>
    public static string Describe(Exception e, string recipient)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        if (!string.IsNullOrEmpty(recipient))
        {
            text = text.Replace(recipient, "[penerima]", StringComparison.OrdinalIgnoreCase);
        }

        return text.Length > 500 ? text[..500] : text;
    }
}

/// <summary>E-mail over SMTP (MailKit).</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<SendResult> SendAsync(Notification message, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.IsConfigured)
        {
            return SendResult.Skipped("E-mail tidak dikonfigurasi (Integritas:Notifications:Email:Host/From) / e-mail not configured");
        }

        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From!));
        if (!MailboxAddress.TryParse(message.Recipient, out var to))
        {
            return SendResult.Refused("Alamat penerima tidak valid / invalid recipient address");
        }

        mail.To.Add(to);
        mail.Subject = message.Subject ?? "";
        mail.Body = new TextPart("plain") { Text = message.Body };
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(o.From!.Split('@')[^1]);

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            var security = o.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(o.Host!, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            }

            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(quit: true, ct);
            return SendResult.Sent;
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return SendResult.Refused($"SMTP {(int)e.StatusCode}: {SendErrors.Describe(e, message.Recipient)}");
        }
        catch (SmtpCommandException e)
        {
            return SendResult.Failed($"SMTP {(int)e.StatusCode}: {SendErrors.Describe(e, message.Recipient)}");
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or AuthenticationException or SslHandshakeException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return SendResult.Failed(SendErrors.Describe(e, message.Recipient));
        }
    }
}

/// <summary>WhatsApp Business Cloud API: <c>POST {BaseUrl}/{PhoneNumberId}/messages</c> with a text message.</summary>
public sealed class WhatsAppSender(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.WhatsApp;

    public async Task<SendResult> SendAsync(Notification message, CancellationToken ct)
    {
        var o = options.Value.WhatsApp;
        if (!o.IsConfigured)
        {
            return SendResult.Skipped("WhatsApp tidak dikonfigurasi (Integritas:Notifications:WhatsApp:PhoneNumberId/Token) / WhatsApp not configured");
        }

        var to = message.Recipient.TrimStart('+');
        var body = string.IsNullOrWhiteSpace(o.TemplateName)
            ? JsonSerializer.Serialize(new { messaging_product = "whatsapp", to, type = "text", text = new { body = message.Body } })
            : JsonSerializer.Serialize(new
            {
                messaging_product = "whatsapp",
                to,
                type = "template",
                template = new
                {
                    name = o.TemplateName,
                    language = new { code = o.TemplateLanguage },
                    components = new[] { new { type = "body", parameters = new[] { new { type = "text", text = message.Body } } } },
                },
            });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(o.PhoneNumberId!)}/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        return await NotificationHttp.SendAsync(http, request, message.Recipient, ct);
    }
}

/// <summary>SMS through a generic HTTP gateway: the URL, method, credentials header and body template come from configuration.</summary>
public sealed class SmsSender(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<SendResult> SendAsync(Notification message, CancellationToken ct)
    {
        var o = options.Value.Sms;
        if (!o.IsConfigured)
        {
            return SendResult.Skipped("SMS tidak dikonfigurasi (Integritas:Notifications:Sms:Url) / SMS gateway not configured");
        }

        var url = Fill(o.Url!, message, Uri.EscapeDataString);
        using var request = new HttpRequestMessage(new HttpMethod(o.Method.ToUpperInvariant()), url);
        if (!string.IsNullOrEmpty(o.BodyTemplate) && request.Method != HttpMethod.Get)
        {
            var form = o.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
            var content = Fill(o.BodyTemplate, message, form ? Uri.EscapeDataString : JsonEscape);
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(o.ContentType);
        }

        if (!string.IsNullOrEmpty(o.AuthHeaderValue))
        {
            request.Headers.TryAddWithoutValidation(o.AuthHeaderName, o.AuthHeaderValue);
        }

        return await NotificationHttp.SendAsync(http, request, message.Recipient, ct);
    }

    private static string Fill(string template, Notification message, Func<string, string> escape) =>
        template.Replace("{to}", escape(message.Recipient), StringComparison.Ordinal)
            .Replace("{text}", escape(message.Body), StringComparison.Ordinal);

    // The inside of a JSON string: the template supplies the quotes.
    private static string JsonEscape(string text) => JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}

/// <summary>
/// Webhooks: the JSON payload is POSTed to the subscriber with <c>X-Integritas-Signature: sha256=HEX</c>, the
/// HMAC-SHA256 of the body under the subscriber's shared secret.
/// </summary>
public sealed class WebhookSender(IOptions<NotificationOptions> options, IHttpClientFactory http) : INotificationSender
{
    public const string SignatureHeader = "X-Integritas-Signature";
    public const string EventHeader = "X-Integritas-Event";
    public const string DeliveryHeader = "X-Integritas-Delivery";

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task<SendResult> SendAsync(Notification message, CancellationToken ct)
    {
        var subscriber = options.Value.Webhooks.FirstOrDefault(w => string.Equals(w.Url, message.Recipient, StringComparison.Ordinal));
        if (subscriber is null || string.IsNullOrEmpty(subscriber.Secret))
        {
            return SendResult.Skipped("Pelanggan webhook tidak (lagi) dikonfigurasi / webhook subscriber not configured");
        }

        var body = Encoding.UTF8.GetBytes(message.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature(subscriber.Secret, body));
        request.Headers.TryAddWithoutValidation(EventHeader, message.EventType);
        request.Headers.TryAddWithoutValidation(DeliveryHeader, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await NotificationHttp.SendAsync(http, request, "", ct);
    }
}

internal static class NotificationHttp
{
    public const string ClientName = "notifications";

    public static async Task<SendResult> SendAsync(IHttpClientFactory factory, HttpRequestMessage request, string recipient, CancellationToken ct)
    {
        try
        {
            using var response = await factory.CreateClient(ClientName).SendAsync(request, ct);
            return SendResult.FromHttp(response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return SendResult.Failed(SendErrors.Describe(e, recipient));
        }
    }
}
