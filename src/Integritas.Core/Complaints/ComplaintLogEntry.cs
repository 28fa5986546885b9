using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Integritas.Core.Complaints;

/// <summary>
/// The transparency-log record of one status change of a public report: versioned UTF-8 lines in a fixed order. The
/// public note is committed to by its SHA-256 only, and nothing names the reporter or the official: a log entry is
/// public forever, while a note may later have to be corrected.
/// </summary>
/// <example><code>
/// integritas.complaint/v1
/// report K7Q3-M9XD
/// update 118
/// category jalan-rusak
/// status in_progress open
/// actor OpdOperator
/// at 2026-11-29T03:15:00Z
/// note sha256:9f86d0…0f00a08
/// </code></example>
public sealed record ComplaintLogEntry(
    string TrackingNumber,
    long UpdateId,
    string CategoryCode,
    ComplaintStatus Status,
    string ActorRole,
    DateTimeOffset At,
    string? Note)
{
    public const string Header = "integritas.complaint/v1";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Format());

    public string Format()
    {
        if (!Complaints.TrackingNumber.TryNormalize(TrackingNumber, out var number) || number != TrackingNumber)
        {
            throw new ArgumentException("The tracking number is not canonical.", nameof(TrackingNumber));
        }

        if (!IsToken(CategoryCode) || !IsToken(ActorRole))
        {
            throw new ArgumentException("Category and actor must be single tokens.");
        }

        var note = string.IsNullOrEmpty(Note) ? "-" : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Note)));
        return string.Create(CultureInfo.InvariantCulture, $"""
            {Header}
            report {TrackingNumber}
            update {UpdateId}
            category {CategoryCode}
            status {ComplaintStatuses.Key(Status)} {ComplaintStatuses.Open311(Status)}
            actor {ActorRole}
            at {At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}
            note {note}

            """).ReplaceLineEndings("\n");
    }

    private static bool IsToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 100 && value.All(c => c is > ' ' and < (char)127);
}
