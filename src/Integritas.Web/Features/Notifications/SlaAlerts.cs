using Integritas.Core.Complaints;
using Integritas.Core.Sla;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Data.Notifications;
using Integritas.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Notifications;

/// <summary>What one reminder pass queued.</summary>
public sealed record SlaAlertSummary(int Reminders, int Escalations, int Messages);

/// <summary>
/// SLA reminders and escalation (item 6). A clock that is due soon (less than
/// <see cref="ComplaintOptions.DueSoonShare"/> of its target left) reminds whoever must act: the OPD's operators once
/// the report is disposed, the coordinators (Admin, Verifier) before. A breached clock is escalated to the OPD head
/// (the official holding the head position, through their account) and to leadership. Each report, clock and level
/// is alerted once: the <see cref="SlaAlert"/> row is committed with the messages, and its unique key keeps two
/// passes (or two processes) from both sending.
/// </summary>
public sealed class SlaAlerts(IntegritasDbContext db, ComplaintClock clock, NotificationOutbox outbox, PublicLinks links, ILogger<SlaAlerts> logger)
{
    public const string ReminderEvent = "sla.reminder";
    public const string EscalationEvent = "sla.escalation";

    // Deferred reports are paused, so their clocks cannot come due.
    private static readonly ComplaintStatus[] Running =
        [ComplaintStatus.Received, ComplaintStatus.Verified, ComplaintStatus.Dispositioned, ComplaintStatus.InProgress];

    public async Task<SlaAlertSummary> RunAsync(CancellationToken ct)
    {
        var candidates = await db.Complaints.AsNoTracking()
            .Include(c => c.Category).Include(c => c.Opd).Include(c => c.Pauses)
            .Where(c => Running.Contains(c.Status))
            .Where(c => !db.SlaAlerts.Any(a => a.ComplaintId == c.Id && a.Clock == SlaClockKind.Resolution && a.Level == SlaAlertLevel.Escalation))
            .OrderBy(c => c.Id)
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var done = (await db.SlaAlerts.AsNoTracking().Where(a => ids.Contains(a.ComplaintId)).Select(a => new { a.ComplaintId, a.Clock, a.Level }).ToListAsync(ct))
            .Select(a => (a.ComplaintId, a.Clock, a.Level)).ToHashSet();

        int reminders = 0, escalations = 0, messages = 0;
        foreach (var complaint in candidates)
        {
            var (response, resolution) = await clock.StatesAsync(complaint, complaint.Category!, ComplaintClock.PausesOf(complaint.Pauses), ct);
            var due = new List<(SlaClockKind Clock, SlaAlertLevel Level)>();
            foreach (var (kind, state) in new[] { (SlaClockKind.Response, response), (SlaClockKind.Resolution, resolution) })
            {
                var level = state switch
                {
                    SlaState.DueSoon => SlaAlertLevel.Reminder,
                    SlaState.Breached => SlaAlertLevel.Escalation,
                    _ => (SlaAlertLevel?)null,
                };
                if (level is { } l && !done.Contains((complaint.Id, kind, l)))
                {
                    due.Add((kind, l));
                }
            }

            if (due.Count == 0)
            {
                continue;
            }

            var queued = 0;
            foreach (var (kind, level) in due)
            {
                var recipients = level == SlaAlertLevel.Reminder ? await RemindWhomAsync(complaint, ct) : await EscalateToWhomAsync(complaint, ct);
                var (subject, body) = Text(complaint, kind, level);
                foreach (var address in recipients)
                {
                    outbox.Email(address, level == SlaAlertLevel.Reminder ? ReminderEvent : EscalationEvent, subject, body, complaint.TrackingNumber);
                }

                db.SlaAlerts.Add(new SlaAlert { ComplaintId = complaint.Id, Clock = kind, Level = level, AtUtc = clock.UtcNow, Recipients = recipients.Count });
                queued += recipients.Count;
                if (recipients.Count == 0)
                {
                    logger.LogWarning("SLA {Level} for complaint {Id} ({Clock}) has nobody with an e-mail address to go to.", level, complaint.Id, kind);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                reminders += due.Count(d => d.Level == SlaAlertLevel.Reminder);
                escalations += due.Count(d => d.Level == SlaAlertLevel.Escalation);
                messages += queued;
            }
            catch (DbUpdateException)
            {
                // Another pass alerted this report first: its messages stand, ours are dropped.
                db.ChangeTracker.Clear();
            }
        }

        return new SlaAlertSummary(reminders, escalations, messages);
    }

    /// <summary>The OPD's operators once disposed (the coordinators if it has none), the coordinators before.</summary>
    public async Task<IReadOnlyList<string>> RemindWhomAsync(Complaint complaint, CancellationToken ct)
    {
        if (complaint.OpdId is { } opd)
        {
            var operators = await EmailsAsync(InRole(Roles.OpdOperator).Where(u => db.UserOpdScopes.Any(s => s.UserId == u.Id && s.OpdId == opd)), ct);
            if (operators.Count > 0)
            {
                return operators;
            }
        }

        return await EmailsAsync(InRole(Roles.Admin).Union(InRole(Roles.Verifier)), ct);
    }

    /// <summary>The OPD head (when disposed and the head has an account), the coordinators (when not yet disposed), and leadership.</summary>
    public async Task<IReadOnlyList<string>> EscalateToWhomAsync(Complaint complaint, CancellationToken ct)
    {
        var people = new List<string>();
        if (complaint.OpdId is { } opd)
        {
            var today = HolidayCalendar.WibDate(clock.UtcNow);
            var heads = db.Officials
                .Where(o => o.UserId != null && (o.ActiveUntil == null || o.ActiveUntil >= today) && o.Position!.IsHead && o.Position.OpdId == opd)
                .Select(o => o.UserId);
            people.AddRange(await EmailsAsync(db.Users.Where(u => heads.Contains(u.Id)), ct));
        }
        else
        {
            people.AddRange(await EmailsAsync(InRole(Roles.Admin).Union(InRole(Roles.Verifier)), ct));
        }

        people.AddRange(await EmailsAsync(InRole(Roles.Leadership), ct));
        return [.. people.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private IQueryable<AppUser> InRole(string role) => StaffRecipients.InRole(db, role);

    private Task<List<string>> EmailsAsync(IQueryable<AppUser> users, CancellationToken ct) => StaffRecipients.EmailsAsync(users, clock.UtcNow, ct);

    private (string Subject, string Body) Text(Complaint complaint, SlaClockKind kind, SlaAlertLevel level)
    {
        var number = complaint.TrackingNumber;
        var what = kind == SlaClockKind.Response ? "tanggapan pertama" : "penyelesaian";
        var dueUtc = kind == SlaClockKind.Response ? complaint.ResponseDueUtc : complaint.ResolutionDueUtc;
        var dueText = dueUtc is { } d ? Wib.FormatDateTime(d) : "-";
        var category = complaint.Category?.NameId ?? "";
        var opd = complaint.Opd?.Name ?? "belum didisposisikan";
        var status = ComplaintStatuses.Label(complaint.Status);
        return level == SlaAlertLevel.Reminder
            ? ($"Pengingat: batas waktu {what} laporan {number} segera tiba",
                $"Laporan {number} ({category}; OPD: {opd}; status: {status}) harus mendapat {what} paling lambat {dueText}. " +
                $"Mohon segera ditindaklanjuti: {links.StaffReport(number)}")
            : ($"Eskalasi: laporan {number} melewati batas waktu {what}",
                $"Batas waktu {what} laporan {number} ({category}; OPD: {opd}; status: {status}) telah lewat pada {dueText}. " +
                $"Laporan ini dieskalasikan kepada pimpinan OPD dan pimpinan daerah. Rincian: {links.StaffReport(number)}");
    }
}

/// <summary>Runs <see cref="SlaAlerts"/> and the quarterly report reminders every few minutes (<see cref="NotificationOptions.ReminderIntervalMinutes"/>).</summary>
public sealed class SlaAlertService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<SlaAlertService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RemindersEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ReminderIntervalMinutes)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<SlaAlerts>().RunAsync(stoppingToken);
                if (summary.Messages > 0)
                {
                    logger.LogInformation("SLA alerts: {Reminders} reminders and {Escalations} escalations, {Messages} messages queued.",
                        summary.Reminders, summary.Escalations, summary.Messages);
                }

                // Quarterly performance report deadlines ride on the same tick.
                if (await scope.ServiceProvider.GetRequiredService<Performance.ReportReminders>().RunAsync(stoppingToken) is > 0 and var reports)
                {
                    logger.LogInformation("Performance report reminders: {Messages} messages queued.", reports);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "SLA reminder pass failed; trying again at the next tick.");
            }
        }
    }
}
