using Integritas.Core.Evidence;
using Integritas.Data.Audit;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Data.Organisation;

namespace Integritas.Web.Hosting;

/// <summary>
/// What people read for the enums the pages show: <c>Rsud</c> is "RSUD" / "Regional hospital", not the C# name.
/// Forms keep posting the enum names as option values; only the visible text comes from here.
/// </summary>
public static class Labels
{
    public static string For(OpdKind kind) => kind switch
    {
        OpdKind.Sekretariat => T("Sekretariat", "Secretariat"),
        OpdKind.Dinas => T("Dinas", "Service agency"),
        OpdKind.Badan => T("Badan", "Agency"),
        OpdKind.Inspektorat => T("Inspektorat", "Inspectorate"),
        OpdKind.Kecamatan => T("Kecamatan", "District"),
        OpdKind.Rsud => T("RSUD", "Regional hospital"),
        OpdKind.Satpol => T("Satpol PP", "Civil service police"),
        OpdKind.Lainnya => T("Lainnya", "Other"),
        _ => kind.ToString(),
    };

    public static string For(ServiceUnitKind kind) => kind switch
    {
        ServiceUnitKind.Upt => T("UPT", "Technical unit"),
        ServiceUnitKind.Puskesmas => T("Puskesmas", "Community health centre"),
        ServiceUnitKind.KantorKecamatan => T("Kantor kecamatan", "District office"),
        ServiceUnitKind.KantorDesa => T("Kantor desa", "Village office"),
        ServiceUnitKind.Sekolah => T("Sekolah", "School"),
        ServiceUnitKind.RumahSakit => T("Rumah sakit", "Hospital"),
        ServiceUnitKind.Loket => T("Loket pelayanan", "Service counter"),
        ServiceUnitKind.Lainnya => T("Lainnya", "Other"),
        _ => kind.ToString(),
    };

    public static string For(AuditAction action) => action switch
    {
        AuditAction.Created => T("Dibuat", "Created"),
        AuditAction.Updated => T("Diubah", "Updated"),
        AuditAction.Deleted => T("Dihapus", "Deleted"),
        AuditAction.Bulk => T("Operasi massal", "Bulk operation"),
        _ => action.ToString(),
    };

    public static string For(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Photo => T("Foto", "Photo"),
        EvidenceKind.Video => T("Video", "Video"),
        EvidenceKind.Document => T("Dokumen", "Document"),
        _ => kind.ToString(),
    };

    public static string For(ValueSource source) => source switch
    {
        ValueSource.Metadata => T("dari metadata berkas", "from the file's metadata"),
        ValueSource.Form => T("diisi pengunggah", "typed by the uploader"),
        _ => source.ToString(),
    };

    public static string For(EvidenceReview review) => review switch
    {
        EvidenceReview.Pending => T("Menunggu verifikasi", "Awaiting review"),
        EvidenceReview.Accepted => T("Diterima", "Accepted"),
        EvidenceReview.Rejected => T("Ditolak", "Rejected"),
        _ => review.ToString(),
    };

    /// <summary>One label per flag set, in a fixed order.</summary>
    public static IEnumerable<string> Flags(EvidenceFlags flags)
    {
        foreach (var flag in flags.Each())
        {
            yield return flag switch
            {
                EvidenceFlags.OutsideGeofence => T("Di luar batas lokasi pekerjaan", "Outside the site's geofence"),
                EvidenceFlags.BeforeWorkWindow => T("Sebelum masa pelaksanaan", "Before the work window"),
                EvidenceFlags.AfterWorkWindow => T("Setelah masa pelaksanaan", "After the work window"),
                EvidenceFlags.CapturedInFuture => T("Waktu pengambilan di masa depan", "Capture time in the future"),
                EvidenceFlags.TimeFromForm => T("Waktu diisi manual (tidak ada di berkas)", "Time typed by hand (none in the file)"),
                EvidenceFlags.LocationFromForm => T("Lokasi diisi manual (tidak ada GPS di berkas)", "Location typed by hand (no GPS in the file)"),
                EvidenceFlags.FormDisagreesWithMetadata => T("Isian berbeda dengan metadata berkas", "Typed values differ from the file's metadata"),
                _ => flag.ToString(),
            };
        }
    }

    /// <summary>A role's label by its stable name; unknown names are shown as they are.</summary>
    public static string ForRole(string? name) =>
        Roles.All.FirstOrDefault(r => r.Name == name) is { } role ? T(role.LabelId, role.LabelEn) : name ?? "";

    /// <summary>The label of an OPD kind given by its enum name (as the read models carry it); unknown names are shown as they are.</summary>
    public static string ForOpdKind(string? name) => Parse<OpdKind>(name) is { } kind ? For(kind) : name ?? "";

    /// <summary>The label of a service unit kind given by its enum name; unknown names are shown as they are.</summary>
    public static string ForServiceUnitKind(string? name) => Parse<ServiceUnitKind>(name) is { } kind ? For(kind) : name ?? "";

    private static string T(string indonesian, string english) => Ui.IsEnglish ? english : indonesian;

    private static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is { Length: > 0 } && char.IsAsciiLetter(name[0]) && Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
