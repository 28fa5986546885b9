using System.Globalization;
using Integritas.Core.Evidence;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Evidence;

/// <summary>An uploaded file as the service needs it: a seekable stream and the length the client declared.</summary>
public sealed record UploadFile(Stream Content, long Length);

public sealed record EvidenceUpload(
    int PackageId,
    int MilestoneId,
    UploadFile? Media,
    UploadFile? Invoice,
    DateTimeOffset? FormCapturedAt,
    double? FormLatitude,
    double? FormLongitude,
    string? Caption,
    string UploaderRole,
    string? UploaderUserId);

public sealed record EvidenceUploadResult(EvidenceItem? Item, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Item is not null;
}

/// <summary>
/// Takes evidence uploads: sniffs and limits the files, reads capture time and place, flags what the verifier should
/// check, stores the files by hash and records the canonical entry in the transparency log.
/// </summary>
public sealed class EvidenceService(
    IntegritasDbContext db,
    IBlobStore blobs,
    LedgerSequencer sequencer,
    IOptions<EvidenceOptions> options,
    TimeProvider time,
    Ui ui,
    ILogger<EvidenceService> logger)
{
    public const string MediaField = "Media";
    public const string InvoiceField = "Invoice";
    public const string CapturedAtField = "CapturedAt";
    public const string LocationField = "Latitude";
    public const string MilestoneField = "MilestoneId";

    public async Task<EvidenceUploadResult> UploadAsync(EvidenceUpload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var package = await db.ConstructionPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == upload.PackageId, ct)
            ?? throw new InvalidOperationException($"Package {upload.PackageId} does not exist.");
        var milestone = await db.PackageMilestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == upload.MilestoneId && m.PackageId == package.Id, ct);
        if (milestone is null)
        {
            Error(MilestoneField, ui.T("Pilih tahap pekerjaan paket ini.", "Choose a milestone of this package."));
        }

        var limits = options.Value;
        SniffedType? media = null;
        if (upload.Media is null || upload.Media.Length == 0)
        {
            Error(MediaField, ui.T("Lampirkan foto, video, atau PDF bukti pekerjaan.", "Attach a photo, video or PDF of the work."));
        }
        else
        {
            media = MediaInspector.Sniff(upload.Media.Content);
            if (media is null)
            {
                Error(MediaField, ui.T("Berkas ini bukan foto, video, atau PDF (isi berkas diperiksa, bukan namanya).", "This file is not a photo, video or PDF (its content is checked, not its name)."));
            }
            else if (upload.Media.Length > limits.LimitFor(media.Kind))
            {
                var limit = Megabytes(limits.LimitFor(media.Kind));
                Error(MediaField, ui.T($"Berkas terlalu besar: paling besar {limit} untuk jenis ini.", $"The file is too large: at most {limit} for this kind."));
            }
        }

        SniffedType? invoice = null;
        if (upload.Invoice is { Length: > 0 })
        {
            invoice = MediaInspector.Sniff(upload.Invoice.Content);
            if (invoice is null || invoice.Kind == EvidenceKind.Video)
            {
                Error(InvoiceField, ui.T("Faktur harus PDF atau foto.", "The invoice must be a PDF or a photo."));
                invoice = null;
            }
            else if (upload.Invoice.Length > limits.LimitFor(invoice.Kind))
            {
                var limit = Megabytes(limits.LimitFor(invoice.Kind));
                Error(InvoiceField, ui.T($"Faktur terlalu besar: paling besar {limit}.", $"The invoice is too large: at most {limit}."));
            }
        }

        GeoPoint? formLocation = null;
        if (upload.FormLatitude is not null || upload.FormLongitude is not null)
        {
            if (upload.FormLatitude is { } lat && upload.FormLongitude is { } lon && GeoPoint.IsValid(lat, lon))
            {
                formLocation = new GeoPoint(lat, lon);
            }
            else
            {
                Error(LocationField, ui.T("Isi lintang (−90…90) dan bujur (−180…180) bersama-sama.", "Give both latitude (−90…90) and longitude (−180…180)."));
            }
        }

        var metadata = media is { Kind: not EvidenceKind.Document } && upload.Media is not null
            ? MediaInspector.ReadCapture(upload.Media.Content)
            : new CaptureMetadata(null, null);
        var (capturedAt, location, flags) = EvidenceChecks.Reconcile(metadata.CapturedAt, metadata.Location, upload.FormCapturedAt, formLocation, package.GeofenceRadiusMeters);
        if (media is not null && capturedAt is null)
        {
            Error(CapturedAtField, ui.T("Berkas tidak memuat waktu pengambilan: isi tanggal dan jam pengambilan.", "The file has no capture time: enter the date and time it was taken."));
        }

        if (media is not null && location is null && !errors.ContainsKey(LocationField))
        {
            Error(LocationField, ui.T("Berkas tidak memuat lokasi GPS: isi lintang dan bujur tempat pengambilan.", "The file has no GPS position: enter the latitude and longitude where it was taken."));
        }

        if (errors.Count > 0)
        {
            return new EvidenceUploadResult(null, errors);
        }

        var now = EvidenceEntry.ToSecond(time.GetUtcNow());
        var captured = EvidenceEntry.ToSecond(capturedAt!.Value);
        var site = new Site(
            new GeoPoint(package.SiteLatitude, package.SiteLongitude),
            package.GeofenceRadiusMeters,
            new DateTimeOffset(Wib.StartOfDayUtc(package.WorkStart)),
            new DateTimeOffset(Wib.StartOfDayUtc(package.WorkEnd.AddDays(1))).AddSeconds(-1));
        var check = EvidenceChecks.Check(site, location!.Value, captured, now);

        var mediaBlob = await blobs.PutAsync(upload.Media!.Content, limits.LimitFor(media!.Kind), ct);
        string? thumbnail = null;
        if (media.Kind == EvidenceKind.Photo)
        {
            upload.Media.Content.Position = 0;
            if (MediaInspector.Thumbnail(upload.Media.Content) is { } jpeg)
            {
                thumbnail = (await blobs.PutAsync(new MemoryStream(jpeg), jpeg.Length, ct)).Sha256;
            }
        }

        var invoiceBlob = invoice is null ? null : await blobs.PutAsync(upload.Invoice!.Content, limits.LimitFor(invoice.Kind), ct);

        var item = new EvidenceItem
        {
            PackageId = package.Id,
            MilestoneId = milestone!.Id,
            Kind = media.Kind,
            MediaSha256 = mediaBlob.Sha256,
            MediaContentType = media.ContentType,
            MediaSize = mediaBlob.Size,
            ThumbnailSha256 = thumbnail,
            InvoiceSha256 = invoiceBlob?.Sha256,
            InvoiceContentType = invoice?.ContentType,
            InvoiceSize = invoiceBlob?.Size,
            Caption = string.IsNullOrWhiteSpace(upload.Caption) ? null : upload.Caption.Trim(),
            CapturedAtUtc = captured.UtcDateTime,
            CapturedFrom = metadata.CapturedAt is null ? ValueSource.Form : ValueSource.Metadata,
            Latitude = location.Value.Latitude,
            Longitude = location.Value.Longitude,
            LocationFrom = metadata.Location is null ? ValueSource.Form : ValueSource.Metadata,
            DistanceFromSiteMeters = Math.Round(check.DistanceMeters, 1),
            Flags = flags | check.Flags,
            UploaderRole = upload.UploaderRole,
            UploadedByUserId = upload.UploaderUserId,
            UploadedAtUtc = now.UtcDateTime,
        };
        db.EvidenceItems.Add(item);
        await db.SaveChangesAsync(ct);

        await RecordAsync(item, package.Code, milestone.Sequence, ct);
        return new EvidenceUploadResult(item, errors);
    }

    /// <summary>The log entry an evidence row commits to; recomputed from the row to check both against each other.</summary>
    public static EvidenceEntry EntryFor(EvidenceItem item, string packageCode, int milestoneSequence)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new EvidenceEntry(
            item.Id,
            packageCode,
            milestoneSequence,
            item.Kind,
            item.MediaSha256,
            item.MediaSize,
            new DateTimeOffset(DateTime.SpecifyKind(item.CapturedAtUtc, DateTimeKind.Utc)),
            item.CapturedFrom,
            new GeoPoint(item.Latitude, item.Longitude),
            item.LocationFrom,
            item.InvoiceSha256,
            item.UploaderRole,
            new DateTimeOffset(DateTime.SpecifyKind(item.UploadedAtUtc, DateTimeKind.Utc)));
    }

    /// <summary>Appends the item's entry to the log and stores its index; on failure the item waits for <see cref="RecordPendingAsync"/>.</summary>
    private async Task RecordAsync(EvidenceItem item, string packageCode, int milestoneSequence, CancellationToken ct)
    {
        try
        {
            var index = (await sequencer.AppendAsync([EntryFor(item, packageCode, milestoneSequence).ToBytes()], ct))[0];
            item.LedgerIndex = index;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Evidence {EvidenceId} is stored but not yet in the transparency log; it will be retried.", item.Id);
        }
    }

    /// <summary>Records evidence stored without a log entry (the log was unavailable at upload). Returns how many were recorded.</summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        var pending = await db.EvidenceItems.Where(i => i.LedgerIndex == null).OrderBy(i => i.Id).Take(500)
            .Select(i => new { Item = i, i.Package!.Code, i.Milestone!.Sequence }).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var indices = await sequencer.AppendAsync([.. pending.Select(p => EntryFor(p.Item, p.Code, p.Sequence).ToBytes())], ct);
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].Item.LedgerIndex = indices[i];
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    private static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
