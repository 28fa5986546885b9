using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Notifications;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Notifications;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Integritas.Web.Tests.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integritas.Web.Tests.Notifications;

/// <summary>
/// The application with every notification channel pointed at real servers started here on 127.0.0.1: an SMTP server,
/// and one HTTP server playing the WhatsApp Cloud API (<c>/wa</c>), the SMS gateway (<c>/sms</c>) and a webhook
/// subscriber (<c>/hook</c>). The background jobs are off: the tests run the dispatcher and the reminder pass on their
/// own clock.
/// </summary>
public class NotificationFactory : IntegritasFactory
{
    public const string PublicBaseUrl = "https://lapor.langkatkab.example";
    public const string WhatsAppToken = "wa-test-token";
    public const string PhoneNumberId = "109876543210";
    public const string SmsKey = "Bearer sms-test-key";
    public const string WebhookSecret = "rahasia-webhook-uji";
    public const int MaxAttempts = 4;
    public const int RetryInitialSeconds = 60;

    public NotificationFactory(Provider provider)
        : base(provider)
    {
        Smtp = new LocalSmtpServer();
        Http = new LocalHttpReceiver();
    }

    public LocalSmtpServer Smtp { get; }

    public LocalHttpReceiver Http { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Integritas:Evidence:SeedDemoEvidence", "false"),
        new("Integritas:PublicBaseUrl", PublicBaseUrl),
        new("Integritas:Notifications:DispatcherEnabled", "false"),
        new("Integritas:Notifications:RemindersEnabled", "false"),
        new("Integritas:Notifications:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Integritas:Notifications:RetryInitialSeconds", RetryInitialSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Integritas:Notifications:Email:Host", "127.0.0.1"),
        new("Integritas:Notifications:Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Integritas:Notifications:Email:Security", "None"),
        new("Integritas:Notifications:Email:From", "lapor@langkatkab.example"),
        new("Integritas:Notifications:Email:FromName", "Langkat Respon Cepat"),
        new("Integritas:Notifications:WhatsApp:BaseUrl", $"{Http.BaseUrl}/wa/v21.0"),
        new("Integritas:Notifications:WhatsApp:PhoneNumberId", PhoneNumberId),
        new("Integritas:Notifications:WhatsApp:Token", WhatsAppToken),
        new("Integritas:Notifications:Sms:Url", $"{Http.BaseUrl}/sms/send"),
        new("Integritas:Notifications:Sms:AuthHeaderValue", SmsKey),
        new("Integritas:Notifications:Webhooks:0:Url", $"{Http.BaseUrl}/hook"),
        new("Integritas:Notifications:Webhooks:0:Secret", WebhookSecret),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Http.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteNotificationFactory() : NotificationFactory(Provider.Sqlite);

public sealed class PostgresNotificationFactory() : NotificationFactory(Provider.Postgres);

/// <summary>The complaint services with notices, the outbox, the dispatcher and the SLA alerts of one scope, on a clock the test moves.</summary>
public sealed class NotificationHarness : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    public NotificationHarness(IServiceProvider services, FakeTimeProvider time)
    {
        scope = services.CreateAsyncScope();
        Time = time;
        var sp = scope.ServiceProvider;
        Db = sp.GetRequiredService<IntegritasDbContext>();
        Options = sp.GetRequiredService<IOptions<NotificationOptions>>();
        var complaintOptions = sp.GetRequiredService<IOptions<ComplaintOptions>>();
        var ui = sp.GetRequiredService<Ui>();
        var links = sp.GetRequiredService<PublicLinks>();
        Clock = new ComplaintClock(Db, time, complaintOptions);
        var photos = new ComplaintPhotos(sp.GetRequiredService<IBlobStore>(), complaintOptions, ui);
        var ledger = sp.GetRequiredService<ComplaintLedger>();
        Outbox = new NotificationOutbox(Db, time, Options);
        var notices = new ComplaintNotices(Outbox, links, Options);
        Intake = new ComplaintIntake(Db, Clock, photos, ledger, sp.GetRequiredService<Hosting.Geo.VillageLocator>(), ui, notices);
        Workflow = new ComplaintWorkflow(Db, Clock, photos, ledger, Intake, ui, notices);
        Alerts = new SlaAlerts(Db, Clock, Outbox, links, NullLogger<SlaAlerts>.Instance);
        Services = sp;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services { get; }

    public IntegritasDbContext Db { get; }

    public IOptions<NotificationOptions> Options { get; }

    public ComplaintClock Clock { get; }

    public NotificationOutbox Outbox { get; }

    public ComplaintIntake Intake { get; }

    public ComplaintWorkflow Workflow { get; }

    public SlaAlerts Alerts { get; }

    /// <summary>A dispatcher on the test's clock, with the configured senders (or senders built on other options).</summary>
    public NotificationDispatcher Dispatcher(NotificationOptions? options = null, IntegritasDbContext? db = null)
    {
        var o = options is null ? Options : Microsoft.Extensions.Options.Options.Create(options);
        var http = Services.GetRequiredService<IHttpClientFactory>();
        INotificationSender[] senders = [new EmailSender(o), new WhatsAppSender(o, http), new SmsSender(o, http), new WebhookSender(o, http)];
        return new NotificationDispatcher(db ?? Db, senders, o, Time, NullLogger<NotificationDispatcher>.Instance);
    }

    public Task<List<Notification>> MessagesAsync(string reference) =>
        Db.Notifications.AsNoTracking().Where(n => n.Reference == reference).OrderBy(n => n.Id).ToListAsync();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public abstract class NotificationTestBase(NotificationFactory factory) : ComplaintTestBase(factory)
{
    protected NotificationFactory N => (NotificationFactory)F;

    /// <summary>A fresh start: no queued messages, nothing received.</summary>
    protected async Task<NotificationHarness> StartAsync(DateTimeOffset now)
    {
        await F.WithDbAsync(db => db.Notifications.ExecuteDeleteAsync(Ct));
        N.Smtp.Clear();
        N.Http.Clear();
        return new NotificationHarness(F.Services, new FakeTimeProvider(now));
    }

    protected static async Task DecideAsync(NotificationHarness h, Complaint c, StaffDecision decision, bool coordinator = true)
    {
        var result = await h.Workflow.DecideAsync(c, decision, new StaffActor(null, coordinator ? "Verifier" : "OpdOperator"), coordinator, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>Dispatch passes until nothing due is left (at most <paramref name="passes"/>).</summary>
    protected static async Task DrainAsync(NotificationHarness h, int passes = 5)
    {
        for (var i = 0; i < passes; i++)
        {
            if ((await h.Dispatcher().DispatchDueAsync(Ct)).Claimed == 0)
            {
                return;
            }
        }
    }
}
