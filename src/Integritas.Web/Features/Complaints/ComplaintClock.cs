using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// The SLA clocks of reports: the holiday calendar from the database, the due moments kept on each report (so
/// breaches can be queried), and each clock's state now.
/// </summary>
public sealed class ComplaintClock(IntegritasDbContext db, TimeProvider time, IOptions<ComplaintOptions> options, ComplaintReferenceCache? reference = null)
{
    private HolidayCalendar? calendar;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public async Task<HolidayCalendar> CalendarAsync(CancellationToken ct) =>
        calendar ??= reference is not null
            ? await reference.HolidaysAsync(db, ct)
            : new HolidayCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    /// <summary>Recomputes the response and resolution due moments from the receipt time and the pauses.</summary>
    public async Task UpdateDueAsync(Complaint complaint, ComplaintCategory category, IReadOnlyList<SlaPause> pauses, CancellationToken ct)
    {
        var cal = await CalendarAsync(ct);
        complaint.ResponseDueUtc = SlaClock.Due(complaint.ReceivedAtUtc, category.ResponseTarget, cal, pauses);
        complaint.ResolutionDueUtc = SlaClock.Due(complaint.ReceivedAtUtc, category.ResolutionTarget, cal, pauses);
    }

    public async Task<(SlaState Response, SlaState Resolution)> StatesAsync(Complaint complaint, ComplaintCategory category,
        IReadOnlyList<SlaPause> pauses, CancellationToken ct)
    {
        var cal = await CalendarAsync(ct);
        var now = UtcNow;
        var share = options.Value.DueSoonShare;
        var response = SlaClock.State(complaint.ReceivedAtUtc, category.ResponseTarget, cal, pauses, now,
            complaint.FirstResponseAtUtc ?? (Core.Complaints.ComplaintStatuses.IsOpen(complaint.Status) ? null : complaint.UpdatedAtUtc), share);
        var resolution = SlaClock.State(complaint.ReceivedAtUtc, category.ResolutionTarget, cal, pauses, now,
            complaint.ResolvedAtUtc ?? (Core.Complaints.ComplaintStatuses.IsOpen(complaint.Status) ? null : complaint.ClosedAtUtc ?? complaint.UpdatedAtUtc), share);
        return (response, resolution);
    }

    public static IReadOnlyList<SlaPause> PausesOf(IEnumerable<ComplaintPause> pauses) =>
        [.. pauses.Select(p => new SlaPause(p.FromUtc, p.ToUtc))];

    public static string Label(SlaState state, bool english = false) => (state, english) switch
    {
        (SlaState.OnTrack, false) => "Sesuai jadwal",
        (SlaState.OnTrack, true) => "On track",
        (SlaState.DueSoon, false) => "Segera jatuh tempo",
        (SlaState.DueSoon, true) => "Due soon",
        (SlaState.Breached, false) => "Melewati batas waktu",
        (SlaState.Breached, true) => "Overdue",
        (SlaState.Paused, false) => "Dihentikan sementara",
        (SlaState.Paused, true) => "Paused",
        (SlaState.Met, false) => "Tepat waktu",
        (SlaState.Met, true) => "On time",
        (SlaState.MetLate, false) => "Terlambat",
        (SlaState.MetLate, true) => "Late",
        _ => state.ToString(),
    };
}
