namespace Integritas.Web.Features.Evidence;

/// <summary>The <c>Integritas:Evidence</c> configuration section.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Integritas:Evidence";

    /// <summary>Whether loading the demo regency also uploads demo evidence (and so appends to the transparency log).</summary>
    public bool SeedDemoEvidence { get; set; } = true;

    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>PDF documents, and the invoice.</summary>
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The largest upload request: a video plus an invoice plus the form.</summary>
    public long MaxRequestBytes => MaxVideoBytes + Math.Max(MaxDocumentBytes, MaxImageBytes) + (1024 * 1024);

    public long LimitFor(Core.Evidence.EvidenceKind kind) => kind switch
    {
        Core.Evidence.EvidenceKind.Video => MaxVideoBytes,
        Core.Evidence.EvidenceKind.Photo => MaxImageBytes,
        _ => MaxDocumentBytes,
    };
}
