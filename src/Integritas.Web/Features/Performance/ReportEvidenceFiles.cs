using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>An evidence file checked and put in the blob store, with its clean name and content type.</summary>
public sealed record StoredEvidenceFile(StoredBlob Blob, string Name, string ContentType);

/// <summary>
/// Evidence files of a quarterly report (issue 5 item 3): documents, photos and spreadsheets the OPD attaches while the
/// report is a draft (or returned), stored by their SHA-256 in the blob store. The kind is checked by the file's first
/// bytes, not only its name. Only staff who may read the report can download them: evidence may hold personal data.
/// </summary>
public sealed class ReportEvidenceFiles(IntegritasDbContext db, IBlobStore blobs, Ui ui, IOptions<PerformanceOptions> options, TimeProvider time)
{
    public const string Field = "Evidence";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".csv"] = "text/csv",
    };

    public async Task<PlanResult<ReportEvidence>> AddAsync(PlanAccess access, long reportId, long? indicatorId, IFormFile? file, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        static PlanResult<ReportEvidence> Fail(string message) => new(null, new() { [Field] = [message] });
        var report = await db.QuarterReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !access.MayWrite(report.OpdId))
        {
            return Fail(ui.T("Anda hanya dapat melampirkan bukti pada laporan OPD Anda sendiri.", "You can attach evidence only to your own agency's report."));
        }

        if (report.Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            return Fail(ui.T("Laporan sudah dikirim; bukti tidak dapat ditambah lagi.", "The report has been submitted; no more evidence can be added."));
        }

        if (indicatorId is { } i && !await db.Indicators.AnyAsync(x => x.Id == i && x.PlanNode!.OpdId == report.OpdId, ct))
        {
            return Fail(ui.T("Indikator ini bukan milik rencana OPD ini.", "This indicator is not in this agency's plan."));
        }

        var (stored, error) = await StoreAsync(file, ct);
        if (stored is null)
        {
            return Fail(error!);
        }

        var evidence = new ReportEvidence
        {
            QuarterReportId = reportId,
            IndicatorId = indicatorId,
            FileName = stored.Name,
            ContentType = stored.ContentType,
            Length = stored.Blob.Size,
            Sha256 = stored.Blob.Sha256,
            UploadedAtUtc = time.GetUtcNow().ToUniversalTime(),
            UploadedBy = actor,
        };
        db.ReportEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return new(evidence, []);
    }

    /// <summary>
    /// Checks an uploaded file (kind by name and first bytes, size) and puts it in the blob store; shared by every
    /// feature that takes evidence files. Returns the stored blob, its clean name and type, or why it was refused.
    /// </summary>
    public async Task<(StoredEvidenceFile? File, string? Error)> StoreAsync(IFormFile? file, CancellationToken ct)
    {
        static (StoredEvidenceFile?, string?) Refused(string message) => (null, message);
        if (file is null || file.Length == 0)
        {
            return Refused(ui.T("Pilih berkas bukti.", "Choose an evidence file."));
        }

        var max = options.Value.EvidenceMaxMegabytes * 1024L * 1024;
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        var extension = Path.GetExtension(name);
        if (name.Length is 0 or > 255 || !Types.TryGetValue(extension, out var contentType))
        {
            return Refused(ui.T("Jenis berkas: PDF, JPG, PNG, XLSX, DOCX atau CSV.", "File types: PDF, JPG, PNG, XLSX, DOCX or CSV."));
        }

        if (file.Length > max)
        {
            return Refused(ui.T($"Berkas paling besar {options.Value.EvidenceMaxMegabytes} MB.", $"Files of at most {options.Value.EvidenceMaxMegabytes} MB."));
        }

        await using var stream = await UploadStreams.SeekableAsync(file, ct);
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        stream.Position = 0;
        if (!Looks(contentType, head.AsSpan(0, read)))
        {
            return Refused(ui.T($"Isi berkas tidak sesuai dengan jenisnya ({extension}).", $"The file's content does not match its type ({extension})."));
        }

        StoredBlob stored;
        try
        {
            stored = await blobs.PutAsync(stream, max, ct);
        }
        catch (BlobTooLargeException)
        {
            return Refused(ui.T($"Berkas paling besar {options.Value.EvidenceMaxMegabytes} MB.", $"Files of at most {options.Value.EvidenceMaxMegabytes} MB."));
        }

        return (new StoredEvidenceFile(stored, name, contentType), null);
    }

    public async Task<PlanResult<ReportEvidence>> RemoveAsync(PlanAccess access, long evidenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var evidence = await db.ReportEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        var report = evidence is null ? null : await db.QuarterReports.AsNoTracking().SingleAsync(r => r.Id == evidence.QuarterReportId, ct);
        if (evidence is null || report is null || !access.MayWrite(report.OpdId) || report.Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            return new(null, new() { [Field] = [ui.T("Bukti ini tidak dapat dihapus.", "This evidence cannot be removed.")] });
        }

        db.ReportEvidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        return new(evidence, []);
    }

    /// <summary>The file for a reader of the report, or null.</summary>
    public async Task<(ReportEvidence Evidence, Stream Content)?> OpenAsync(PlanAccess access, long evidenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var found = await db.ReportEvidence.AsNoTracking().Where(e => e.Id == evidenceId)
            .Join(db.QuarterReports, e => e.QuarterReportId, r => r.Id, (e, r) => new { Evidence = e, r.OpdId }).SingleOrDefaultAsync(ct);
        if (found is null || !access.MayRead(found.OpdId) || await blobs.OpenReadAsync(found.Evidence.Sha256, ct) is not { } content)
        {
            return null;
        }

        return (found.Evidence, content);
    }

    /// <summary>Whether the first bytes fit the type: PDF, JPEG, PNG and ZIP-based Office files by signature; CSV as text without NUL bytes.</summary>
    public static bool Looks(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "application/pdf" => head.StartsWith("%PDF-"u8),
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "text/csv" => !head.Contains((byte)0),
        _ => head.StartsWith("PK\u0003\u0004"u8),
    };
}
