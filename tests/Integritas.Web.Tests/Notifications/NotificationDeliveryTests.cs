using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integritas.Core.Complaints;
using Integritas.Data.Notifications;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Notifications;

/// <summary>The outbox and its senders against real servers on 127.0.0.1: SMTP, and HTTP for WhatsApp, SMS and webhooks.</summary>
public abstract class NotificationDeliveryTests(NotificationFactory factory) : NotificationTestBase(factory)
{
    private static readonly DateTimeOffset Start = Wib(2026, 12, 1, 9);

    [Fact]
    public async Task A_reporter_with_an_email_gets_the_receipt_over_smtp_with_the_private_link_and_later_notices_without_it()
    {
        await using var h = await StartAsync(Start);
        var result = await h.Intake.SubmitAsync(Valid() with { Phone = null, Email = "siti.aminah@contoh.id" }, Ct);
        Assert.True(result.Succeeded);
        var number = result.Complaint!.TrackingNumber;

        var queued = await h.MessagesAsync(number);
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Webhook], queued.Select(n => n.Channel).Order());
        Assert.All(queued, n => Assert.Equal(NotificationState.Pending, n.State));

        await DrainAsync(h);
        var receipt = Assert.Single(N.Smtp.Messages);
        Assert.Equal(["siti.aminah@contoh.id"], receipt.To);
        Assert.Equal("lapor@langkatkab.example", receipt.From);
        Assert.Equal("siti.aminah@contoh.id", receipt.Message.To.Mailboxes.Single().Address);
        Assert.Equal($"Laporan {number} diterima", receipt.Message.Subject);
        Assert.Contains(number, receipt.Text, StringComparison.Ordinal);
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/lapor/{number}?kunci={Uri.EscapeDataString(result.ReporterKey!)}", receipt.Text, StringComparison.Ordinal);

        var c = (await h.Workflow.LoadAsync(number, Ct))!;
        await DecideAsync(h, c, new StaffDecision { Text = "Petugas PJU akan memeriksa lokasi besok pagi." });
        await DrainAsync(h);
        Assert.Equal(2, N.Smtp.Messages.Count);
        var answer = N.Smtp.Messages.Last();
        Assert.Equal($"Perkembangan laporan {number}", answer.Message.Subject);
        Assert.Contains("Petugas PJU akan memeriksa lokasi besok pagi.", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/lapor/{number}", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci", answer.Text, StringComparison.Ordinal);

        var sent = await h.MessagesAsync(number);
        Assert.All(sent, n =>
        {
            Assert.Equal(NotificationState.Sent, n.State);
            Assert.Equal(1, n.Attempts);
            Assert.Equal(Start.UtcDateTime, n.SentAtUtc);
        });
    }

    [Fact]
    public async Task A_reporter_with_a_phone_gets_a_whatsapp_message_through_the_cloud_api()
    {
        await using var h = await StartAsync(Start);
        var result = await h.Intake.SubmitAsync(Valid(), Ct);
        var number = result.Complaint!.TrackingNumber;
        await DrainAsync(h);

        var request = Assert.Single(N.Http.To("/wa"));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/wa/v21.0/{NotificationFactory.PhoneNumberId}/messages", request.Path);
        Assert.Equal($"Bearer {NotificationFactory.WhatsAppToken}", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("whatsapp", root.GetProperty("messaging_product").GetString());
        Assert.Equal("6281234567890", root.GetProperty("to").GetString());
        Assert.Equal("text", root.GetProperty("type").GetString());
        var text = root.GetProperty("text").GetProperty("body").GetString()!;
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains($"/lapor/{number}?kunci=", text, StringComparison.Ordinal);
        Assert.Empty(N.Smtp.Messages);
    }

    [Fact]
    public async Task Sms_goes_to_the_gateway_with_its_credentials_and_the_text_escaped()
    {
        await using var h = await StartAsync(Start);
        const string text = "Laporan \"K7Q3-M9XD\" diterima.\nTerima kasih & salam.";
        h.Outbox.Enqueue(NotificationChannel.Sms, "+6281234567890", "test.sms", null, text, "SMS-TEST");
        await h.Db.SaveChangesAsync(Ct);
        await DrainAsync(h);

        var request = Assert.Single(N.Http.To("/sms"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/sms/send", request.Path);
        Assert.Equal(NotificationFactory.SmsKey, request.Headers["Authorization"]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("+6281234567890", json.RootElement.GetProperty("to").GetString());
        Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
        Assert.Equal(NotificationState.Sent, Assert.Single(await h.MessagesAsync("SMS-TEST")).State);
    }

    [Fact]
    public async Task Webhook_subscribers_get_signed_json_about_public_changes_without_personal_data()
    {
        await using var h = await StartAsync(Start);
        var result = await h.Intake.SubmitAsync(Valid() with { Email = "siti.aminah@contoh.id" }, Ct);
        var number = result.Complaint!.TrackingNumber;
        await DrainAsync(h);

        var request = Assert.Single(N.Http.To("/hook"));
        Assert.Equal("POST", request.Method);
        Assert.Equal(ComplaintNotices.ReceivedEvent, request.Headers[WebhookSender.EventHeader]);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(NotificationFactory.WebhookSecret), request.Body));
        Assert.Equal(expected, request.Headers[WebhookSender.SignatureHeader]);
        using (var json = JsonDocument.Parse(request.Body))
        {
            Assert.Equal(number, json.RootElement.GetProperty("trackingNumber").GetString());
            Assert.Equal("received", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("open", json.RootElement.GetProperty("open311Status").GetString());
            Assert.Equal($"{NotificationFactory.PublicBaseUrl}/lapor/{number}", json.RootElement.GetProperty("url").GetString());
        }

        Assert.DoesNotContain("Siti", request.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3456", request.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci", request.Text, StringComparison.Ordinal);

        // A status change reaches the subscriber too.
        var c = (await h.Workflow.LoadAsync(number, Ct))!;
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified });
        await DrainAsync(h);
        var change = N.Http.To("/hook")[^1];
        using var changed = JsonDocument.Parse(change.Body);
        Assert.Equal("verified", changed.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_exponential_backoff_until_it_answers()
    {
        await using var h = await StartAsync(Start);
        N.Http.FailNext("/wa", 2);
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        async Task<Notification> WhatsApp() => (await h.MessagesAsync(number)).Single(n => n.Channel == NotificationChannel.WhatsApp);

        await h.Dispatcher().DispatchDueAsync(Ct);
        var first = await WhatsApp();
        Assert.Equal(NotificationState.Pending, first.State);
        Assert.Equal(1, first.Attempts);
        Assert.Equal("HTTP 500", first.LastError);
        Assert.Equal(Start.UtcDateTime.AddSeconds(NotificationFactory.RetryInitialSeconds), first.NextAttemptUtc);
        Assert.Null(first.LockToken);

        h.Time.Advance(TimeSpan.FromSeconds(NotificationFactory.RetryInitialSeconds - 1));
        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Single(N.Http.To("/wa"));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Dispatcher().DispatchDueAsync(Ct);
        var second = await WhatsApp();
        Assert.Equal(2, second.Attempts);
        Assert.Equal(2, N.Http.To("/wa").Count);
        Assert.Equal(h.Time.GetUtcNow().UtcDateTime.AddSeconds(2 * NotificationFactory.RetryInitialSeconds), second.NextAttemptUtc);

        h.Time.Advance(TimeSpan.FromSeconds(2 * NotificationFactory.RetryInitialSeconds));
        await h.Dispatcher().DispatchDueAsync(Ct);
        var third = await WhatsApp();
        Assert.Equal(NotificationState.Sent, third.State);
        Assert.Equal(3, third.Attempts);
        Assert.Equal(3, N.Http.To("/wa").Count);

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Equal(3, N.Http.To("/wa").Count);
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_maximum_attempts_and_its_error_names_no_recipient()
    {
        await using var h = await StartAsync(Start);
        var (number, dead) = await GivenUpWhatsAppAsync(h);
        Assert.Equal(NotificationState.Dead, dead.State);
        Assert.Equal(NotificationFactory.MaxAttempts, dead.Attempts);
        Assert.Equal("HTTP 500", dead.LastError);
        Assert.Null(dead.SentAtUtc);

        h.Time.Advance(TimeSpan.FromDays(7));
        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Equal(NotificationFactory.MaxAttempts, N.Http.To("/wa").Count);
    }

    /// <summary>A report whose WhatsApp receipt fails every attempt until it is given up.</summary>
    private async Task<(string Number, Notification Message)> GivenUpWhatsAppAsync(NotificationHarness h)
    {
        N.Http.FailNext("/wa", 100);
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        for (var attempt = 1; attempt <= NotificationFactory.MaxAttempts; attempt++)
        {
            await h.Dispatcher().DispatchDueAsync(Ct);
            h.Time.Advance(h.Options.Value.Backoff(attempt));
        }

        return (number, (await h.MessagesAsync(number)).Single(n => n.Channel == NotificationChannel.WhatsApp));
    }

    [Fact]
    public async Task Administrators_see_a_given_up_message_masked_and_without_its_text_and_queue_it_again()
    {
        await using var h = await StartAsync(Start);
        var (number, dead) = await GivenUpWhatsAppAsync(h);
        Assert.Equal(NotificationState.Dead, dead.State);

        var admin = await N.SignedInClientAsync(await N.CreateUserAsync(Data.Identity.Roles.Admin));
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/notifikasi?status=Dead&q={number}", Ct));
        Assert.Contains($"/admin/aduan/{number}", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", page, StringComparison.Ordinal);
        Assert.Contains("+62 812-****-7890", page, StringComparison.Ordinal);
        Assert.DoesNotContain(dead.Recipient, page, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci=", page, StringComparison.Ordinal); // the receipt's private link stays in the table

        var resent = await IntegritasFactory.PostFormAsync(admin, $"/admin/notifikasi?handler=Resend&id={dead.Id}", [], "/admin/notifikasi");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, resent.StatusCode);
        var again = (await h.MessagesAsync(number)).Single(n => n.Id == dead.Id);
        Assert.Equal((NotificationState.Pending, 0, null), (again.State, again.Attempts, again.LastError));

        // Only given-up or skipped messages can be queued again; other staff cannot open the outbox.
        await IntegritasFactory.PostFormAsync(admin, $"/admin/notifikasi?handler=Resend&id={dead.Id}", [], "/admin/notifikasi");
        Assert.Equal(0, (await h.MessagesAsync(number)).Single(n => n.Id == dead.Id).Attempts);
        var verifier = await N.SignedInClientAsync(await N.CreateUserAsync(Data.Identity.Roles.Verifier));
        var denied = await verifier.GetAsync("/admin/notifikasi", Ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/akun/ditolak", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried()
    {
        await using var h = await StartAsync(Start);
        N.Http.FailureStatus = 400;
        N.Http.FailNext("/sms", 1);
        h.Outbox.Enqueue(NotificationChannel.Sms, "+6281234567890", "test.sms", null, "Halo", "SMS-REFUSED");
        await h.Db.SaveChangesAsync(Ct);
        await DrainAsync(h);
        h.Time.Advance(TimeSpan.FromDays(1));
        await DrainAsync(h);

        var refused = Assert.Single(await h.MessagesAsync("SMS-REFUSED"));
        Assert.Equal(NotificationState.Dead, refused.State);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal("HTTP 400", refused.LastError);
        Assert.Single(N.Http.To("/sms"));
    }

    [Fact]
    public async Task A_mail_server_asking_to_try_later_is_retried_and_its_error_names_no_recipient()
    {
        await using var h = await StartAsync(Start);
        N.Smtp.RejectNext(1);
        h.Outbox.Email("penerima.rahasia@contoh.id", "test.mail", "Uji", "Isi", "MAIL-RETRY");
        await h.Db.SaveChangesAsync(Ct);
        await h.Dispatcher().DispatchDueAsync(Ct);
        var failed = Assert.Single(await h.MessagesAsync("MAIL-RETRY"));
        Assert.Equal(NotificationState.Pending, failed.State);
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("penerima.rahasia", failed.LastError, StringComparison.Ordinal);

        h.Time.Advance(h.Options.Value.Backoff(1));
        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Equal(NotificationState.Sent, Assert.Single(await h.MessagesAsync("MAIL-RETRY")).State);
        Assert.Equal("penerima.rahasia@contoh.id", Assert.Single(N.Smtp.Messages).To.Single());
    }

    [Fact]
    public async Task A_channel_without_configuration_is_skipped_with_its_reason_and_never_retried()
    {
        await using var h = await StartAsync(Start);
        var configured = h.Options.Value;
        var withoutWhatsApp = new NotificationOptions
        {
            MaxAttempts = configured.MaxAttempts,
            RetryInitialSeconds = configured.RetryInitialSeconds,
            Email = configured.Email,
            Webhooks = configured.Webhooks,
        };
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        await h.Dispatcher(withoutWhatsApp).DispatchDueAsync(Ct);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Dispatcher(withoutWhatsApp).DispatchDueAsync(Ct);

        var messages = await h.MessagesAsync(number);
        var skipped = messages.Single(n => n.Channel == NotificationChannel.WhatsApp);
        Assert.Equal(NotificationState.Skipped, skipped.State);
        Assert.Equal(0, skipped.Attempts);
        Assert.Contains("not configured", skipped.LastError, StringComparison.Ordinal);
        Assert.Equal(NotificationState.Sent, messages.Single(n => n.Channel == NotificationChannel.Webhook).State);
        Assert.Empty(N.Http.To("/wa"));
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_each_message_once()
    {
        await using var h = await StartAsync(Start);
        for (var i = 0; i < 30; i++)
        {
            h.Outbox.Enqueue(NotificationChannel.Sms, "+6281234567890", "test.sms", null, $"Pesan {i:D2}", "SMS-ONCE");
        }

        await h.Db.SaveChangesAsync(Ct);
        await using var other = F.Services.CreateAsyncScope();
        var otherDb = other.ServiceProvider.GetRequiredService<Integritas.Data.IntegritasDbContext>();
        var a = h.Dispatcher();
        var b = h.Dispatcher(db: otherDb);
        await Task.WhenAll(a.DispatchDueAsync(Ct), b.DispatchDueAsync(Ct));
        await Task.WhenAll(a.DispatchDueAsync(Ct), b.DispatchDueAsync(Ct));
        await DrainAsync(h);

        var texts = N.Http.To("/sms").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(30, texts.Count);
        Assert.Equal(30, texts.Distinct().Count());
        Assert.All(await h.MessagesAsync("SMS-ONCE"), n => Assert.Equal((NotificationState.Sent, 1), (n.State, n.Attempts)));
    }

    [Fact]
    public async Task With_a_template_configured_whatsapp_sends_the_text_as_the_template_parameter()
    {
        await using var h = await StartAsync(Start);
        var c = h.Options.Value;
        var options = new NotificationOptions
        {
            WhatsApp = new WhatsAppOptions { BaseUrl = c.WhatsApp.BaseUrl, PhoneNumberId = c.WhatsApp.PhoneNumberId, Token = c.WhatsApp.Token, TemplateName = "notifikasi_laporan" },
        };
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        await h.Dispatcher(options).DispatchDueAsync(Ct);

        using var json = JsonDocument.Parse(Assert.Single(N.Http.To("/wa")).Body);
        var root = json.RootElement;
        Assert.Equal("template", root.GetProperty("type").GetString());
        Assert.Equal("6281234567890", root.GetProperty("to").GetString());
        var template = root.GetProperty("template");
        Assert.Equal("notifikasi_laporan", template.GetProperty("name").GetString());
        Assert.Equal("id", template.GetProperty("language").GetProperty("code").GetString());
        var parameter = template.GetProperty("components")[0].GetProperty("parameters")[0];
        Assert.Equal("text", parameter.GetProperty("type").GetString());
        Assert.Contains(number, parameter.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_dispatcher_is_taken_over_when_its_lease_runs_out()
    {
        await using var h = await StartAsync(Start);
        var message = h.Outbox.Enqueue(NotificationChannel.Sms, "+6281234567890", "test.sms", null, "Halo", "SMS-LEASE");
        await h.Db.SaveChangesAsync(Ct);
        var leaseEnd = Start.UtcDateTime.AddSeconds(h.Options.Value.LeaseSeconds);
        await h.Db.Notifications.Where(n => n.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LockedUntilUtc, leaseEnd).SetProperty(n => n.LockToken, Guid.NewGuid()), Ct);

        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Empty(N.Http.To("/sms"));

        h.Time.Advance(TimeSpan.FromSeconds(h.Options.Value.LeaseSeconds + 1));
        await h.Dispatcher().DispatchDueAsync(Ct);
        Assert.Single(N.Http.To("/sms"));
        Assert.Equal(NotificationState.Sent, Assert.Single(await h.MessagesAsync("SMS-LEASE")).State);
    }

    [Fact]
    public async Task Finished_messages_are_deleted_after_the_retention_period_and_waiting_ones_kept()
    {
        await using var h = await StartAsync(Start);
        h.Outbox.Enqueue(NotificationChannel.Sms, "+6281234567890", "test.sms", null, "Halo", "PURGE-SENT");
        await h.Db.SaveChangesAsync(Ct);
        await h.Dispatcher().DispatchDueAsync(Ct);
        N.Smtp.RejectNext(1);
        h.Outbox.Email("warga@contoh.id", "test.mail", "Uji", "Isi", "PURGE-WAITING");
        await h.Db.SaveChangesAsync(Ct);
        await h.Dispatcher().DispatchDueAsync(Ct);

        h.Time.Advance(TimeSpan.FromDays(h.Options.Value.RetentionDays - 1));
        await h.Dispatcher().PurgeAsync(Ct);
        Assert.Single(await h.MessagesAsync("PURGE-SENT"));

        h.Time.Advance(TimeSpan.FromDays(2));
        await h.Dispatcher().PurgeAsync(Ct);
        Assert.Empty(await h.MessagesAsync("PURGE-SENT"));
        Assert.Equal(NotificationState.Pending, Assert.Single(await h.MessagesAsync("PURGE-WAITING")).State);
    }

    [Fact]
    public async Task Webhook_subscribers_hear_of_the_reporters_confirmation_and_the_reporter_gets_no_message_for_it()
    {
        await using var h = await StartAsync(Start);
        var result = await h.Intake.SubmitAsync(Valid(), Ct);
        var number = result.Complaint!.TrackingNumber;
        var c = (await h.Workflow.LoadAsync(number, Ct))!;
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified });
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Dispositioned, OpdId = await F.OpdIdAsync("2.15.0.00.0.00.01.0000") });
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Resolved, Text = "Sudah diperbaiki." }, coordinator: false);
        var before = (await h.MessagesAsync(number)).Count(n => n.Channel == NotificationChannel.WhatsApp);

        var confirmed = await h.Workflow.CitizenAsync(c, ComplaintWorkflow.CitizenAction.Confirm, "Terima kasih.", 5, [], Ct);
        Assert.True(confirmed.Succeeded);
        await DrainAsync(h);

        Assert.Equal(before, (await h.MessagesAsync(number)).Count(n => n.Channel == NotificationChannel.WhatsApp));
        using var json = JsonDocument.Parse(N.Http.To("/hook")[^1].Body);
        Assert.Equal("closed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(nameof(Integritas.Data.Complaints.UpdateKind.CitizenConfirmed), json.RootElement.GetProperty("update").GetString());
    }

    [Fact]
    public async Task The_reporter_hears_of_answers_dates_and_resolution_but_not_of_internal_notes()
    {
        await using var h = await StartAsync(Start);
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        static int Citizen(List<Notification> all) => all.Count(n => n.Channel == NotificationChannel.WhatsApp);
        var c = (await h.Workflow.LoadAsync(number, Ct))!;

        await DecideAsync(h, c, new StaffDecision { Text = "Catatan untuk rekan kerja.", Internal = true });
        Assert.Equal(1, Citizen(await h.MessagesAsync(number)));

        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified });
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Dispositioned, OpdId = await F.OpdIdAsync("2.15.0.00.0.00.01.0000") });
        await DecideAsync(h, c, new StaffDecision { ExpectedDate = new DateOnly(2026, 12, 4) }, coordinator: false);
        var dated = (await h.MessagesAsync(number)).Where(n => n.Channel == NotificationChannel.WhatsApp).ToList();
        Assert.Equal(4, dated.Count);
        Assert.Contains("Didisposisikan ke OPD", dated[2].Body, StringComparison.Ordinal);
        Assert.Contains("Perkiraan selesai: 4 Desember 2026", dated[3].Body, StringComparison.Ordinal);

        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Resolved, Text = "Lampu sudah diganti." }, coordinator: false);
        var resolved = (await h.MessagesAsync(number)).Last(n => n.Channel == NotificationChannel.WhatsApp);
        Assert.Equal(ComplaintNotices.ResolvedEvent, resolved.EventType);
        Assert.Contains("Lampu sudah diganti.", resolved.Body, StringComparison.Ordinal);
        Assert.Contains("penilaian 1–5", resolved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci", resolved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Catatan untuk rekan kerja", string.Join("\n", (await h.MessagesAsync(number)).Select(n => n.Body)), StringComparison.Ordinal);
    }
}

public sealed class SqliteNotificationDeliveryTests(SqliteNotificationFactory factory) : NotificationDeliveryTests(factory), IClassFixture<SqliteNotificationFactory>;

public sealed class PostgresNotificationDeliveryTests(PostgresNotificationFactory factory) : NotificationDeliveryTests(factory), IClassFixture<PostgresNotificationFactory>;
