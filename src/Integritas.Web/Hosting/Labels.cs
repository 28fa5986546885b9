using Integritas.Data.Audit;
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
