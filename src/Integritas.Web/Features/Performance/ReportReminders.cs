using Integritas.Core.Sla;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Deadline reminders for quarterly reports through the notification outbox (issue 5 item 3): from
/// <see cref="PerformanceOptions.ReminderDaysBefore"/> days before a quarter's due date, the operators of every OPD
/// with a plan that has not submitted are reminded once; after the due date, once more, with the verifiers copied.
/// The reminder row is committed with its messages, and its unique key keeps two passes from both sending.
/// </summary>
public sealed class ReportReminders(IntegritasDbContext db, NotificationOutbox outbox, PublicLinks links, IOptions<PerformanceOptions> options, TimeProvider time, Overview overview)
{
    public const string DueSoonEvent = "performance.due_soon";
    public const string OverdueEvent = "performance.overdue";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = HolidayCalendar.WibDate(now);
        var settings = options.Value;
        var queued = 0;
        // The quarters whose reminder window is open: this year's and last year's fourth quarter, overdue ones only
        // within a month of their due date (older gaps show on the workspace, not in mailboxes).
        var quarters = new[] { today.Year - 1, today.Year }
            .SelectMany(y => Enumerable.Range(1, 4).Select(q => (Year: y, Quarter: q, Due: settings.DueDate(y, q))))
            .Where(x => today >= x.Due.AddDays(-settings.ReminderDaysBefore) && today <= x.Due.AddDays(30))
            .ToList();
        foreach (var (year, quarter, due) in quarters)
        {
            var kind = today > due ? ReportReminderKind.Overdue : ReportReminderKind.DueSoon;
            var planned = await overview.PlannedOpdsAsync(year, ct);
            var submitted = await db.QuarterReports.AsNoTracking()
                .Where(r => r.Year == year && r.Quarter == quarter && r.Status != ReportStatus.Draft && r.Status != ReportStatus.Returned)
                .Select(r => r.OpdId).ToListAsync(ct);
            var reminded = await db.ReportReminders.AsNoTracking().Where(r => r.Year == year && r.Quarter == quarter && r.Kind == kind)
                .Select(r => r.OpdId).ToListAsync(ct);
            foreach (var opdId in planned.Keys.Except(submitted).Except(reminded).Order())
            {
                var opd = planned[opdId];
                var recipients = await EmailsAsync(InRole(Roles.OpdOperator).Where(u => db.UserOpdScopes.Any(s => s.UserId == u.Id && s.OpdId == opdId)), ct);
                if (kind == ReportReminderKind.Overdue)
                {
                    recipients = [.. recipients.Union(await EmailsAsync(InRole(Roles.Verifier), ct), StringComparer.OrdinalIgnoreCase)];
                }

                var dueText = Wib.FormatDate(new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), Wib.Offset));
                var (subject, body) = kind == ReportReminderKind.DueSoon
                    ? ($"Pengingat: laporan kinerja TW {quarter} {year} jatuh tempo {dueText}",
                        $"Laporan kinerja triwulan {quarter} tahun {year} {opd} harus dikirim paling lambat {dueText}. Isi dan kirim di {links.BaseUrl}/admin/kinerja?tahun={year}")
                    : ($"Terlambat: laporan kinerja TW {quarter} {year} {opd} belum dikirim",
                        $"Batas waktu laporan kinerja triwulan {quarter} tahun {year} {opd} telah lewat pada {dueText} dan laporan belum dikirim. " +
                        $"Laporan yang dikirim sekarang ditandai terlambat dan perlu alasan. {links.BaseUrl}/admin/kinerja?tahun={year}");
                foreach (var address in recipients)
                {
                    outbox.Email(address, kind == ReportReminderKind.DueSoon ? DueSoonEvent : OverdueEvent, subject, body, $"kinerja:{opdId}:{year}:{quarter}");
                }

                db.ReportReminders.Add(new ReportReminder { OpdId = opdId, Year = year, Quarter = quarter, Kind = kind, AtUtc = now, Recipients = recipients.Count });
                try
                {
                    await db.SaveChangesAsync(ct);
                    queued += recipients.Count;
                }
                catch (DbUpdateException)
                {
                    // Another pass reminded this OPD first: its messages stand, ours are dropped.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return queued;
    }

    private IQueryable<AppUser> InRole(string role) => StaffRecipients.InRole(db, role);

    private Task<List<string>> EmailsAsync(IQueryable<AppUser> users, CancellationToken ct) => StaffRecipients.EmailsAsync(users, time.GetUtcNow().UtcDateTime, ct);
}
