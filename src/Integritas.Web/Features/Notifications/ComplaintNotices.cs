using Integritas.Core.Complaints;
using Integritas.Core.Time;
using Integritas.Data.Complaints;
using Integritas.Data.Notifications;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Notifications;

/// <summary>
/// What the reporter is told, and when: on receipt (the tracking number and the private link, which exists only
/// then), on each public staff word or status change, when the expected date moves, and on resolution (asking to
/// confirm and rate). WhatsApp (or SMS) if they gave a phone, e-mail if they gave an address; short Indonesian texts.
/// Webhook subscribers hear of the same public changes, without personal data. Messages are only queued here:
/// the complaint services call this before their <c>SaveChanges</c>, so they commit with the change.
/// </summary>
public sealed class ComplaintNotices(NotificationOutbox outbox, PublicLinks links, IOptions<NotificationOptions> options)
{
    public const string ReceivedEvent = "complaint.received";
    public const string UpdatedEvent = "complaint.updated";
    public const string ResolvedEvent = "complaint.resolved";

    private const int MaxQuotedText = 300;

    /// <summary>The receipt, with the private link (<paramref name="reporterKey"/> is never stored in clear anywhere else).</summary>
    public void Received(Complaint complaint, string reporterKey)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var number = complaint.TrackingNumber;
        var text =
            $"Laporan Anda diterima dengan nomor {number}. " +
            $"Tautan pribadi untuk menambah informasi, mengonfirmasi dan menilai (jangan dibagikan): {links.PrivateReport(number, reporterKey)} " +
            $"Status publik: {links.Report(number)}";
        Tell(complaint, ReceivedEvent, $"Laporan {number} diterima", text);
        Webhook(complaint, ReceivedEvent, complaint.ReceivedAtUtc, null);
    }

    /// <summary>Staff changed a report: tells the reporter about the public updates among <paramref name="updates"/>, if any.</summary>
    public void Updated(Complaint complaint, IReadOnlyList<ComplaintUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(updates);
        var visible = updates.Where(u => u.IsPublic && u.Kind != UpdateKind.InternalNote).ToList();
        if (visible.Count == 0)
        {
            return;
        }

        var number = complaint.TrackingNumber;
        var parts = new List<string> { $"Laporan {number}: {ComplaintStatuses.Label(complaint.Status)}." };
        foreach (var note in visible.Select(u => u.Text).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            parts.Add(Quote(note!));
        }

        if (visible.Any(u => u.Photos.Count > 0))
        {
            parts.Add("Foto perkembangan ditambahkan.");
        }

        if (visible.Any(u => u.Kind == UpdateKind.ExpectedDate) && complaint.ExpectedAtUtc is { } expected)
        {
            parts.Add($"Perkiraan selesai: {Wib.FormatDate(Wib.FromUtc(expected))}.");
        }

        var resolved = complaint.Status == ComplaintStatus.Resolved && visible.Any(u => u.Kind == UpdateKind.StatusChange);
        string subject;
        if (resolved)
        {
            subject = $"Laporan {number} selesai: mohon konfirmasi dan penilaian";
            parts.Add("Mohon konfirmasi apakah masalahnya sudah beres dan beri penilaian 1–5 melalui tautan pribadi yang Anda terima saat melapor.");
        }
        else
        {
            subject = $"Perkembangan laporan {number}";
        }

        parts.Add($"Lihat: {links.Report(number)}");
        var eventType = resolved ? ResolvedEvent : UpdatedEvent;
        Tell(complaint, eventType, subject, string.Join(" ", parts));
        Webhook(complaint, eventType, visible[^1].AtUtc, visible[^1].Kind);
    }

    /// <summary>The reporter acted (confirmed, reopened, rated, added information): webhook subscribers hear of it; the reporter needs no message.</summary>
    public void CitizenActed(Complaint complaint, ComplaintUpdate update)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(update);
        Webhook(complaint, UpdatedEvent, update.AtUtc, update.Kind);
    }

    private void Tell(Complaint complaint, string eventType, string subject, string text)
    {
        if (complaint.ReporterPhone is { Length: > 0 } phone)
        {
            var channel = options.Value.CitizenPhoneChannel == NotificationChannel.Sms ? NotificationChannel.Sms : NotificationChannel.WhatsApp;
            outbox.Enqueue(channel, phone, eventType, null, text, complaint.TrackingNumber);
        }

        if (complaint.ReporterEmail is { Length: > 0 } email)
        {
            outbox.Email(email, eventType, subject, text, complaint.TrackingNumber);
        }
    }

    // Public facts only: the same a visitor of the public page sees.
    private void Webhook(Complaint complaint, string eventType, DateTime atUtc, UpdateKind? kind) =>
        outbox.Webhook(eventType, new
        {
            Event = eventType,
            TrackingNumber = complaint.TrackingNumber,
            Status = ComplaintStatuses.Key(complaint.Status),
            Open311Status = ComplaintStatuses.Open311(complaint.Status),
            Update = kind?.ToString(),
            At = Wib.FromUtc(atUtc),
            ExpectedAt = complaint.ExpectedAtUtc is { } e ? Wib.FromUtc(e) : (DateTimeOffset?)null,
            Url = links.Report(complaint.TrackingNumber),
        }, complaint.TrackingNumber);

    private static string Quote(string text)
    {
        var t = text.ReplaceLineEndings(" ").Trim();
        return t.Length > MaxQuotedText ? $"\"{t[..MaxQuotedText]}…\"" : $"\"{t}\"";
    }
}
