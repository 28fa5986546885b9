using Integritas.Core.Complaints;
using Integritas.Data.Identity;
using Integritas.Data.Notifications;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Notifications;

/// <summary>SLA reminders before a deadline and escalation after it, on a clock the test moves; each goes out once.</summary>
public abstract class SlaAlertTests(NotificationFactory factory) : NotificationTestBase(factory)
{
    // Lampu jalan: 24 calendar hours to respond, 5 working days to resolve; its default OPD.
    private const string Opd = "2.15.0.00.0.00.01.0000";
    private const string OtherOpd = "2.11.0.00.0.00.01.0000";

    private static readonly DateTimeOffset Start = Wib(2026, 12, 1, 8);

    private static string Email(TestUser user) => $"{user.UserName}@contoh.go.id";

    private static async Task<List<Notification>> AlertsAsync(NotificationHarness h, string number, string eventType) =>
        (await h.MessagesAsync(number)).Where(n => n.EventType == eventType).ToList();

    [Fact]
    public async Task The_opd_is_reminded_before_a_deadline_and_its_head_and_leadership_told_after_it_once_each()
    {
        var opdOperator = await F.CreateUserAsync(Roles.OpdOperator, Opd);
        var otherOperator = await F.CreateUserAsync(Roles.OpdOperator, OtherOpd);
        var leader = await F.CreateUserAsync(Roles.Leadership);
        var head = await F.CreateUserAsync(Roles.Auditor);
        var opdId = await F.OpdIdAsync(Opd);
        await F.WithDbAsync(async db =>
        {
            var official = await db.Officials.Where(o => o.Position!.IsHead && o.Position.OpdId == opdId && o.ActiveUntil == null).OrderBy(o => o.Id).FirstAsync(Ct);
            official.UserId = head.Id;
            return await db.SaveChangesAsync(Ct);
        });

        await using var h = await StartAsync(Start);
        var number = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        var c = (await h.Workflow.LoadAsync(number, Ct))!;
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified });
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Dispositioned, OpdId = opdId });

        // 17 of 24 hours gone: 29% left, on track.
        h.Time.Advance(TimeSpan.FromHours(17));
        await h.Alerts.RunAsync(Ct);
        Assert.Empty(await AlertsAsync(h, number, SlaAlerts.ReminderEvent));

        // 19 hours gone: 21% left, due soon. The OPD's operators are reminded; nobody else.
        h.Time.Advance(TimeSpan.FromHours(2));
        await h.Alerts.RunAsync(Ct);
        var reminders = await AlertsAsync(h, number, SlaAlerts.ReminderEvent);
        // (Other tests of this class may have made more operators of the same OPD; each of them is reminded too.)
        Assert.Contains(Email(opdOperator), reminders.Select(n => n.Recipient));
        Assert.DoesNotContain(Email(otherOperator), reminders.Select(n => n.Recipient));
        Assert.DoesNotContain(Email(leader), reminders.Select(n => n.Recipient));
        Assert.Contains("tanggapan pertama", reminders[0].Subject, StringComparison.Ordinal);
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/admin/aduan/{number}", reminders[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", reminders[0].Body, StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.Alerts.RunAsync(Ct);
        Assert.Equal(reminders.Count, (await AlertsAsync(h, number, SlaAlerts.ReminderEvent)).Count);

        // 25 hours gone: breached. The OPD head (through the official's account) and leadership hear of it, once.
        h.Time.Advance(TimeSpan.FromHours(5));
        await h.Alerts.RunAsync(Ct);
        await h.Alerts.RunAsync(Ct);
        var escalations = await AlertsAsync(h, number, SlaAlerts.EscalationEvent);
        var recipients = escalations.Select(n => n.Recipient).ToList();
        Assert.Contains(Email(head), recipients);
        Assert.Contains(Email(leader), recipients);
        Assert.DoesNotContain(Email(opdOperator), recipients);
        Assert.DoesNotContain(Email(otherOperator), recipients);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Equal(reminders.Count, (await AlertsAsync(h, number, SlaAlerts.ReminderEvent)).Count);

        var complaintId = c.Id;
        var recorded = await F.WithDbAsync(db => db.SlaAlerts.Where(a => a.ComplaintId == complaintId).OrderBy(a => a.Id)
            .Select(a => new { a.Clock, a.Level }).ToListAsync(Ct));
        Assert.Equal([new { Clock = SlaClockKind.Response, Level = SlaAlertLevel.Reminder }, new { Clock = SlaClockKind.Response, Level = SlaAlertLevel.Escalation }], recorded);

        // The escalation reaches the head over SMTP.
        await DrainAsync(h, passes: 20);
        var mail = Assert.Single(N.Smtp.Messages, m => m.To.Contains(Email(head)));
        Assert.Equal($"Eskalasi: laporan {number} melewati batas waktu tanggapan pertama", mail.Message.Subject);
        Assert.Contains(number, mail.Text, StringComparison.Ordinal);

        // Resolution (5 working days from Tuesday 1 December 08:00 WIB: Tuesday 8 December 08:00): a reminder on
        // Monday, the escalation after the deadline; nothing more after that.
        h.Time.Advance(Wib(2026, 12, 7, 12) - h.Time.GetUtcNow());
        await h.Alerts.RunAsync(Ct);
        Assert.Equal(2 * reminders.Count, (await AlertsAsync(h, number, SlaAlerts.ReminderEvent)).Count);
        h.Time.Advance(Wib(2026, 12, 8, 9) - h.Time.GetUtcNow());
        await h.Alerts.RunAsync(Ct);
        var total = (await h.MessagesAsync(number)).Count;
        Assert.Equal(2 * recipients.Count, (await AlertsAsync(h, number, SlaAlerts.EscalationEvent)).Count);
        h.Time.Advance(TimeSpan.FromDays(3));
        await h.Alerts.RunAsync(Ct);
        Assert.Equal(total, (await h.MessagesAsync(number)).Count);
    }

    [Fact]
    public async Task Before_disposition_the_coordinators_are_reminded_and_a_stopped_clock_is_not()
    {
        var verifier = await F.CreateUserAsync(Roles.Verifier);
        var opdOperator = await F.CreateUserAsync(Roles.OpdOperator, Opd);
        await using var h = await StartAsync(Start);
        var waiting = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        var answered = (await h.Intake.SubmitAsync(Valid(), Ct)).Complaint!.TrackingNumber;
        var a = (await h.Workflow.LoadAsync(answered, Ct))!;
        await DecideAsync(h, a, new StaffDecision { Text = "Terima kasih, laporan sedang kami periksa." });

        h.Time.Advance(TimeSpan.FromHours(20));
        await h.Alerts.RunAsync(Ct);
        var reminded = (await AlertsAsync(h, waiting, SlaAlerts.ReminderEvent)).Select(n => n.Recipient).ToList();
        Assert.Contains(Email(verifier), reminded);
        Assert.DoesNotContain(Email(opdOperator), reminded);
        Assert.Empty(await AlertsAsync(h, answered, SlaAlerts.ReminderEvent));
    }
}

public sealed class SqliteSlaAlertTests(SqliteNotificationFactory factory) : SlaAlertTests(factory), IClassFixture<SqliteNotificationFactory>;

public sealed class PostgresSlaAlertTests(PostgresNotificationFactory factory) : SlaAlertTests(factory), IClassFixture<PostgresNotificationFactory>;
