using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Appends each status change of a public report to the transparency log (issue 4, item 10): the tracking number, the
/// status, the actor's role and the SHA-256 of the public note — no personal data. A change whose append fails stays
/// stored and is recorded later by <see cref="RecordPendingAsync"/>. Appends go through <see cref="ComplaintLedgerAppender"/>,
/// which records concurrent callers' updates together.
/// </summary>
public sealed class ComplaintLedger(IntegritasDbContext db, ComplaintLedgerAppender appender, ILogger<ComplaintLedger> logger)
{
    /// <summary>Whether an update goes into the log: public changes of status (the receipt included).</summary>
    public static bool IsLogged(ComplaintUpdate update) => update.IsPublic && LoggedKinds.Contains(update.Kind);

    private static readonly UpdateKind[] LoggedKinds =
        [UpdateKind.Received, UpdateKind.StatusChange, UpdateKind.Disposition, UpdateKind.CitizenConfirmed, UpdateKind.CitizenReopened];

    /// <summary>The kinds of update that go into the log (for queries).</summary>
    public static IReadOnlyList<UpdateKind> LoggedKindList => LoggedKinds;

    public static ComplaintLogEntry EntryFor(ComplaintUpdate update, string trackingNumber, string categoryCode) =>
        new(trackingNumber, update.Id, categoryCode, update.Status, update.ActorRole,
            new DateTimeOffset(DateTime.SpecifyKind(update.AtUtc, DateTimeKind.Utc)), update.Text);

    /// <summary>Appends the logged ones of <paramref name="updates"/> (already saved) and stores their indices.</summary>
    public async Task RecordAsync(Complaint complaint, IReadOnlyList<ComplaintUpdate> updates, CancellationToken ct)
    {
        var logged = updates.Where(IsLogged).ToList();
        if (logged.Count == 0)
        {
            return;
        }

        var code = complaint.Category?.Code ?? await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.Code).SingleAsync(ct);
        try
        {
            // The appender stores the indices itself; the tracked updates only learn them (nothing left to save).
            var indices = await appender.AppendAsync([.. logged.Select(u => (u.Id, EntryFor(u, complaint.TrackingNumber, code).ToBytes()))], ct);
            for (var i = 0; i < logged.Count; i++)
            {
                logged[i].LedgerIndex = indices[i];
                var entry = db.Entry(logged[i]);
                if (entry.State != EntityState.Detached)
                {
                    entry.Property(u => u.LedgerIndex).OriginalValue = indices[i];
                    entry.Property(u => u.LedgerIndex).IsModified = false;
                }
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "A status change of report {ComplaintId} is stored but not yet in the transparency log; it will be retried.", complaint.Id);
        }
    }

    /// <summary>Records logged updates that are still without an index. Returns how many were recorded.</summary>
    public Task<int> RecordPendingAsync(CancellationToken ct) => appender.RecordPendingAsync(ct);
}
