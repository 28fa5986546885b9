using System.Globalization;
using System.Text;

namespace Integritas.Core.Evidence;

public enum EvidenceKind
{
    Photo = 1,
    Video = 2,
    Document = 3,
}

public enum ValueSource
{
    /// <summary>Read from the file's own metadata (EXIF, QuickTime).</summary>
    Metadata = 1,

    /// <summary>Typed by the uploader.</summary>
    Form = 2,
}

/// <summary>
/// The transparency-log record of one evidence upload: versioned UTF-8 lines in a fixed order that commit to the files
/// by hash. It names the uploader's role, never the person, and holds nothing else personal — a log entry is public forever.
/// </summary>
/// <example><code>
/// integritas.evidence/v1
/// evidence 42
/// package LKT-2026-PUPR-001
/// milestone 2
/// kind video
/// media sha256:9f86d0…0f00a08 1048576
/// captured 2026-03-04T02:15:00Z metadata
/// location 3.761234 98.456789 metadata
/// invoice sha256:2c26b4…e7ae
/// uploader Contractor
/// uploaded 2026-03-04T05:00:00Z
/// </code></example>
public sealed record EvidenceEntry(
    long EvidenceId,
    string PackageCode,
    int Milestone,
    EvidenceKind Kind,
    string MediaSha256,
    long MediaSize,
    DateTimeOffset CapturedAt,
    ValueSource CapturedFrom,
    GeoPoint Location,
    ValueSource LocationFrom,
    string? InvoiceSha256,
    string UploaderRole,
    DateTimeOffset UploadedAt)
{
    public const string Header = "integritas.evidence/v1";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Format());

    public string Format()
    {
        Require(IsToken(PackageCode), "package code");
        Require(IsToken(UploaderRole), "uploader role");
        Require(Sha256Hex.IsValid(MediaSha256), "media hash");
        Require(InvoiceSha256 is null || Sha256Hex.IsValid(InvoiceSha256), "invoice hash");
        Require(EvidenceId >= 0 && Milestone >= 0 && MediaSize >= 0, "number");
        var b = new StringBuilder();
        b.Append(Header).Append('\n');
        b.Append(CultureInfo.InvariantCulture, $"evidence {EvidenceId}\n");
        b.Append(CultureInfo.InvariantCulture, $"package {PackageCode}\n");
        b.Append(CultureInfo.InvariantCulture, $"milestone {Milestone}\n");
        b.Append(CultureInfo.InvariantCulture, $"kind {Name(Kind)}\n");
        b.Append(CultureInfo.InvariantCulture, $"media sha256:{MediaSha256} {MediaSize}\n");
        b.Append(CultureInfo.InvariantCulture, $"captured {Time(CapturedAt)} {Name(CapturedFrom)}\n");
        b.Append(CultureInfo.InvariantCulture, $"location {Location} {Name(LocationFrom)}\n");
        b.Append(InvoiceSha256 is null ? "invoice none\n" : $"invoice sha256:{InvoiceSha256}\n");
        b.Append(CultureInfo.InvariantCulture, $"uploader {UploaderRole}\n");
        b.Append(CultureInfo.InvariantCulture, $"uploaded {Time(UploadedAt)}\n");
        return b.ToString();
    }

    /// <summary>Reads an entry written by <see cref="Format"/>; null for anything else (other versions, other kinds of entry, damage).</summary>
    public static EvidenceEntry? TryParse(ReadOnlySpan<byte> data)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var lines = text.Split('\n');
        if (lines.Length != 12 || lines[0] != Header || lines[11] != string.Empty)
        {
            return null;
        }

        string[]? Field(int line, string key, int parts)
        {
            var words = lines[line].Split(' ');
            return words.Length == parts + 1 && words[0] == key ? words[1..] : null;
        }

        var id = Field(1, "evidence", 1);
        var package = Field(2, "package", 1);
        var milestone = Field(3, "milestone", 1);
        var kind = Field(4, "kind", 1);
        var media = Field(5, "media", 2);
        var captured = Field(6, "captured", 2);
        var location = Field(7, "location", 3);
        var invoice = Field(8, "invoice", 1);
        var uploader = Field(9, "uploader", 1);
        var uploaded = Field(10, "uploaded", 1);
        if (id is null || package is null || milestone is null || kind is null || media is null || captured is null ||
            location is null || invoice is null || uploader is null || uploaded is null ||
            !long.TryParse(id[0], NumberStyles.None, CultureInfo.InvariantCulture, out var evidenceId) ||
            !int.TryParse(milestone[0], NumberStyles.None, CultureInfo.InvariantCulture, out var milestoneNo) ||
            !TryKind(kind[0], out var evidenceKind) ||
            !media[0].StartsWith("sha256:", StringComparison.Ordinal) || !Sha256Hex.IsValid(media[0][7..]) ||
            !long.TryParse(media[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mediaSize) ||
            !TryTime(captured[0], out var capturedAt) || !TrySource(captured[1], out var capturedFrom) ||
            !double.TryParse(location[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
            !double.TryParse(location[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
            !GeoPoint.IsValid(lat, lon) || !TrySource(location[2], out var locationFrom) ||
            !(invoice[0] == "none" || (invoice[0].StartsWith("sha256:", StringComparison.Ordinal) && Sha256Hex.IsValid(invoice[0][7..]))) ||
            !IsToken(package[0]) || !IsToken(uploader[0]) || !TryTime(uploaded[0], out var uploadedAt))
        {
            return null;
        }

        var entry = new EvidenceEntry(evidenceId, package[0], milestoneNo, evidenceKind, media[0][7..], mediaSize, capturedAt, capturedFrom,
            new GeoPoint(lat, lon), locationFrom, invoice[0] == "none" ? null : invoice[0][7..], uploader[0], uploadedAt);

        // Only the canonical spelling is accepted, so one record has exactly one byte form.
        return entry.Format() == text ? entry : null;
    }

    /// <summary>Package codes and role names: printable ASCII without spaces, at most 100 characters.</summary>
    public static bool IsToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 100 && value.All(c => c is > ' ' and <= '~');

    /// <summary>UTC to the second, ISO 8601 with Z: the log's one time format.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops sub-second precision, which the log does not record.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static bool TryTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static string Name(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Photo => "photo",
        EvidenceKind.Video => "video",
        EvidenceKind.Document => "document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Name(ValueSource source) => source switch
    {
        ValueSource.Metadata => "metadata",
        ValueSource.Form => "form",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static bool TryKind(string text, out EvidenceKind kind)
    {
        kind = text switch { "photo" => EvidenceKind.Photo, "video" => EvidenceKind.Video, "document" => EvidenceKind.Document, _ => 0 };
        return kind != 0;
    }

    private static bool TrySource(string text, out ValueSource source)
    {
        source = text switch { "metadata" => ValueSource.Metadata, "form" => ValueSource.Form, _ => 0 };
        return source != 0;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"An evidence entry cannot hold this {what}.");
        }
    }
}
