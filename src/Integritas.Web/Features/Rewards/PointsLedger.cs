using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Rewards;
using Integritas.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Rewards;

/// <summary>What marking a report valid or not did to the reporter's points.</summary>
public enum PointsOutcome
{
    /// <summary>Nothing to do (no change of validity, or already earned / already reversed).</summary>
    Unchanged,

    Earned,

    Reversed,

    /// <summary>Valid, but no points: the report has no phone number or account to credit.</summary>
    NoAccount,

    /// <summary>Valid, but the category earns no points.</summary>
    NoPointsForCategory,

    /// <summary>Valid again after its points were taken back: a report earns once.</summary>
    AlreadyReversed,
}

/// <summary>
/// The append-only points ledger (issue 4 item 8). Valid reports earn their category's points for the reporter's
/// account; duplicates and rejected reports earn nothing, and points of a report later found not valid, a duplicate
/// or rejected are taken back by a new line. Spending (<see cref="Vouchers"/>) is a line too. Every line carries the
/// account's next sequence number (unique) and the balance after it, so two writers racing for the same account cannot
/// both succeed: the loser re-reads and tries again.
/// </summary>
public sealed class PointsLedger(IntegritasDbContext db, TimeProvider time)
{
    /// <summary>Tries before giving up under contention (one account rarely has two writers; the tests use eight).</summary>
    private const int Attempts = 25;

    /// <summary>Statuses whose reports earn nothing: rejected ones and duplicates.</summary>
    public static bool EarnsNothing(Complaint complaint) =>
        complaint.MergedIntoId is not null || complaint.Status is ComplaintStatus.Duplicate or ComplaintStatus.NotAuthority or ComplaintStatus.Archived;

    public async Task<int> BalanceAsync(long accountId, CancellationToken ct) =>
        await db.PointsEntries.Where(e => e.AccountId == accountId).OrderByDescending(e => e.Sequence)
            .Select(e => (int?)e.BalanceAfter).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>The account for a phone (as <c>+62…</c>), created if there is none yet.</summary>
    public async Task<CitizenAccount> AccountForAsync(string phone, CancellationToken ct)
    {
        var existing = await db.CitizenAccounts.SingleOrDefaultAsync(a => a.Phone == phone, ct);
        if (existing is not null)
        {
            return existing;
        }

        var account = new CitizenAccount { Phone = phone, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.CitizenAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
            return account;
        }
        catch (DbUpdateException)
        {
            // Created by someone else a moment ago (unique phone): use theirs.
            db.Entry(account).State = EntityState.Detached;
            return await db.CitizenAccounts.SingleAsync(a => a.Phone == phone, ct);
        }
    }

    /// <summary>
    /// Applies a staff judgement of validity to the points: credits the category's points once when a report becomes
    /// valid, takes them back when it stops being valid. Saves the complaint's pending changes with the line.
    /// </summary>
    public async Task<PointsOutcome> JudgeAsync(Complaint complaint, bool valid, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var lines = await db.PointsEntries.AsNoTracking().Where(e => e.ComplaintId == complaint.Id)
            .Select(e => new { e.Reason, e.Points, e.AccountId }).ToListAsync(ct);
        var earned = lines.FirstOrDefault(l => l.Reason == PointsReason.Earned);
        var reversed = lines.Any(l => l.Reason == PointsReason.Reversed);
        if (!valid || EarnsNothing(complaint))
        {
            if (earned is null || reversed)
            {
                await db.SaveChangesAsync(ct);
                return PointsOutcome.Unchanged;
            }

            var why = EarnsNothing(complaint) ? "duplikat atau ditolak / duplicate or rejected" : "dinilai tidak sah / judged not valid";
            await AppendAsync(earned.AccountId, -earned.Points, PointsReason.Reversed, complaint.Id, null, actor,
                $"Laporan {complaint.TrackingNumber} {why}", ct);
            return PointsOutcome.Reversed;
        }

        if (earned is not null)
        {
            await db.SaveChangesAsync(ct);
            return reversed ? PointsOutcome.AlreadyReversed : PointsOutcome.Unchanged;
        }

        var points = complaint.Category?.RewardPoints
            ?? await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.RewardPoints).SingleAsync(ct);
        if (points <= 0)
        {
            await db.SaveChangesAsync(ct);
            return PointsOutcome.NoPointsForCategory;
        }

        if (complaint.CitizenAccountId is null)
        {
            if (complaint.ReporterPhone is null)
            {
                await db.SaveChangesAsync(ct);
                return PointsOutcome.NoAccount;
            }

            complaint.CitizenAccountId = (await AccountForAsync(complaint.ReporterPhone, ct)).Id;
        }

        var appended = await AppendAsync(complaint.CitizenAccountId.Value, points, PointsReason.Earned, complaint.Id, null, actor,
            $"Laporan {complaint.TrackingNumber} sah / valid report", ct);
        return appended is null ? PointsOutcome.Unchanged : PointsOutcome.Earned;
    }

    /// <summary>
    /// Appends a line (with whatever else the context has pending). Null when the line's report already has a line of
    /// that reason (a concurrent writer got there first). <paramref name="mayOverdraw"/> false refuses a line that would
    /// take the balance below zero (<see cref="InsufficientPointsException"/>).
    /// </summary>
    public async Task<PointsEntry?> AppendAsync(long accountId, int points, PointsReason reason, long? complaintId, long? voucherId,
        string? actor, string? note, CancellationToken ct, bool mayOverdraw = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.PointsEntries.AsNoTracking().Where(e => e.AccountId == accountId).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.BalanceAfter }).FirstOrDefaultAsync(ct);
            var balance = last?.BalanceAfter ?? 0;
            if (!mayOverdraw && balance + points < 0)
            {
                throw new InsufficientPointsException(balance);
            }

            var entry = new PointsEntry
            {
                AccountId = accountId,
                Sequence = (last?.Sequence ?? 0) + 1,
                Points = points,
                BalanceAfter = balance + points,
                Reason = reason,
                ComplaintId = complaintId,
                VoucherId = voucherId,
                AtUtc = time.GetUtcNow().UtcDateTime,
                Actor = actor,
                Note = note,
            };
            db.PointsEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                return entry;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.Entry(entry).State = EntityState.Detached;
                if (complaintId is { } id && await db.PointsEntries.AnyAsync(e => e.ComplaintId == id && e.Reason == reason, ct))
                {
                    // The report's line is already there: nothing more to write, but the rest must still be saved.
                    await db.SaveChangesAsync(ct);
                    return null;
                }

                // Another line took this sequence number: read the balance again and retry, after a short random
                // pause so that racing writers do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 5 + (5 * attempt)), ct);
            }
        }
    }

    public Task<int> LineCountAsync(long accountId, CancellationToken ct) => db.PointsEntries.CountAsync(e => e.AccountId == accountId, ct);

    /// <summary>An account's lines, newest first.</summary>
    public Task<List<PointsEntry>> LinesAsync(long accountId, int skip, int take, CancellationToken ct) =>
        db.PointsEntries.AsNoTracking().Where(e => e.AccountId == accountId).OrderByDescending(e => e.Sequence).Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>Tracking numbers of the reports behind the given lines, for links.</summary>
    public async Task<Dictionary<long, string>> ReportNumbersAsync(IEnumerable<PointsEntry> lines, CancellationToken ct)
    {
        var ids = lines.Where(l => l.ComplaintId is not null).Select(l => l.ComplaintId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TrackingNumber, ct);
    }
}

/// <summary>A spend larger than the balance.</summary>
public sealed class InsufficientPointsException(int balance) : InvalidOperationException($"Only {balance} points are available.")
{
    public int Balance { get; } = balance;
}
