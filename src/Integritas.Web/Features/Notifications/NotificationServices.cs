namespace Integritas.Web.Features.Notifications;

/// <summary>Registers the outbox, the senders, the citizen notices and the SLA alerts.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        // No request logging: an SMS gateway URL may carry the phone number.
        services.AddHttpClient(NotificationHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddScoped<PublicLinks>();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<ComplaintNotices>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<SlaAlerts>();
        services.AddSingleton<INotificationSender, EmailSender>();
        services.AddSingleton<INotificationSender, WhatsAppSender>();
        services.AddSingleton<INotificationSender, SmsSender>();
        services.AddSingleton<INotificationSender, WebhookSender>();
        return services;
    }

    /// <summary>The dispatcher and the reminder job (web host only; each can be turned off in configuration).</summary>
    public static IServiceCollection AddNotificationJobs(this IServiceCollection services)
    {
        services.AddHostedService<NotificationDispatchService>();
        services.AddHostedService<SlaAlertService>();
        return services;
    }
}
