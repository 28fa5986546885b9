using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Notifications;
using Integritas.Web.Features.Rewards;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Notifications;

/// <summary>
/// Administrators watch the notification outbox: what is waiting, sent, given up or skipped, and why; a message given
/// up or skipped (e.g. before a channel was configured) can be queued again. Texts are never shown (they carry
/// reporters' private links and sign-in codes) and recipients are masked.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class OutboxModel(IntegritasDbContext db, TimeProvider time, Ui ui) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, NotificationChannel Channel, NotificationState State, string Recipient, string EventType, string? Reference,
        DateTime CreatedAtUtc, int Attempts, string? LastError, DateTime? SentAtUtc, DateTime NextAttemptUtc);

    [FromQuery(Name = "status")]
    public NotificationState? State { get; set; }

    [FromQuery(Name = "kanal")]
    public NotificationChannel? Channel { get; set; }

    /// <summary>A tracking number or event type.</summary>
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];

    public Dictionary<NotificationState, int> Counts { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Notifications.AsNoTracking().GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.Notifications.AsNoTracking();
        if (State is { } state)
        {
            query = query.Where(n => n.State == state);
        }

        if (Channel is { } channel)
        {
            query = query.Where(n => n.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(n => n.Reference == term.ToUpperInvariant() || n.EventType.StartsWith(term));
        }

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = [.. (await query.OrderByDescending(n => n.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(n => new Row(n.Id, n.Channel, n.State, n.Recipient, n.EventType, n.Reference, n.CreatedAtUtc, n.Attempts, n.LastError, n.SentAtUtc, n.NextAttemptUtc))
            .ToListAsync(ct)).Select(r => r with { Recipient = Mask(r.Channel, r.Recipient) })];
    }

    /// <summary>Queues a message given up or skipped once more, from its first attempt.</summary>
    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        var message = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (message is null || message.State is not (NotificationState.Dead or NotificationState.Skipped) || message.EventType == CitizenSignIn.CodeEvent)
        {
            TempData["Message"] = ui.T("Pesan itu tidak dapat dikirim ulang (hanya yang gagal atau dilewati; kode masuk tidak pernah).",
                "That message cannot be sent again (only given-up or skipped ones; sign-in codes never).");
            return Redirect("/admin/notifikasi");
        }

        message.State = NotificationState.Pending;
        message.Attempts = 0;
        message.NextAttemptUtc = time.GetUtcNow().UtcDateTime;
        message.LockedUntilUtc = null;
        message.LockToken = null;
        message.LastError = null;
        await db.SaveChangesAsync(ct);
        db.AddBulkAudit(nameof(Notification), System.Text.Json.JsonSerializer.Serialize(new { resent = id, by = User.Identity?.Name }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = ui.T($"Pesan #{id} diantrekan lagi.", $"Message #{id} queued again.");
        return Redirect("/admin/notifikasi");
    }

    /// <summary>Enough of a recipient to recognise it, not to copy it: <c>+62 812-****-7890</c>, <c>si***@langkatkab.go.id</c>, a webhook's host.</summary>
    public static string Mask(NotificationChannel channel, string recipient) => channel switch
    {
        NotificationChannel.Email when recipient.IndexOf('@', StringComparison.Ordinal) is > 0 and var at => recipient[..Math.Min(2, at)] + "***" + recipient[at..],
        NotificationChannel.Webhook => Uri.TryCreate(recipient, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/…" : "…",
        NotificationChannel.WhatsApp or NotificationChannel.Sms => CitizenSignIn.Masked(recipient),
        _ => "…",
    };
}
