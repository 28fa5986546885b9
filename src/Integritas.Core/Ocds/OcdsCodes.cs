using System.Globalization;

namespace Integritas.Core.Ocds;

/// <summary>Mappings from the platform's procurement vocabulary to OCDS 1.1 codelists.</summary>
public static class OcdsCodes
{
    /// <summary>
    /// The OCDS method (closed codelist) of an Indonesian method. Tender is open to any provider; tender cepat
    /// (providers already qualified in SIKaP) and seleksi (pre-qualification and a shortlist) admit only qualified
    /// providers; penunjukan langsung is a provider chosen by the entity and negotiated with; pengadaan langsung and
    /// e-purchasing (a catalogue order) go to one provider without competition.
    /// </summary>
    public static string Method(ProcurementMethodId method) => method switch
    {
        ProcurementMethodId.Tender => "open",
        ProcurementMethodId.TenderCepat => "selective",
        ProcurementMethodId.Seleksi => "selective",
        ProcurementMethodId.PenunjukanLangsung => "limited",
        ProcurementMethodId.PengadaanLangsung => "direct",
        ProcurementMethodId.EPurchasing => "direct",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown procurement method."),
    };

    /// <summary>tender.procurementMethodDetails: the method's name in Indonesian, as the regulation spells it.</summary>
    public static string MethodDetails(ProcurementMethodId method) => method switch
    {
        ProcurementMethodId.Tender => "Tender",
        ProcurementMethodId.TenderCepat => "Tender Cepat",
        ProcurementMethodId.Seleksi => "Seleksi",
        ProcurementMethodId.PenunjukanLangsung => "Penunjukan Langsung",
        ProcurementMethodId.PengadaanLangsung => "Pengadaan Langsung",
        ProcurementMethodId.EPurchasing => "E-Purchasing",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown procurement method."),
    };

    /// <summary>tender.mainProcurementCategory (closed codelist: consultancy is a kind of services).</summary>
    public static string MainCategory(ProcurementCategoryId category) => category switch
    {
        ProcurementCategoryId.Goods => "goods",
        ProcurementCategoryId.Works => "works",
        ProcurementCategoryId.Services => "services",
        ProcurementCategoryId.ConsultingServices => "services",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown procurement category."),
    };

    /// <summary>tender.additionalProcurementCategories (extendedProcurementCategory codelist), or null.</summary>
    public static string? AdditionalCategory(ProcurementCategoryId category) =>
        category == ProcurementCategoryId.ConsultingServices ? "consultingServices" : null;

    public static string Bid(BidStatus status) => status switch
    {
        BidStatus.Pending => "pending",
        BidStatus.Valid => "valid",
        BidStatus.Disqualified => "disqualified",
        BidStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown bid status."),
    };

    public static string Award(AwardStatus status) => status switch
    {
        AwardStatus.Pending => "pending",
        AwardStatus.Active => "active",
        AwardStatus.Cancelled => "cancelled",
        AwardStatus.Unsuccessful => "unsuccessful",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown award status."),
    };

    public static string Contract(ContractStatus status) => status switch
    {
        ContractStatus.Pending => "pending",
        ContractStatus.Active => "active",
        ContractStatus.Cancelled => "cancelled",
        ContractStatus.Terminated => "terminated",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown contract status."),
    };

    /// <summary>A submitted bid in the sense of the red-flag indicators: pending, valid or disqualified.</summary>
    public static bool IsSubmitted(BidStatus status) =>
        status is BidStatus.Pending or BidStatus.Valid or BidStatus.Disqualified;

    /// <summary>An RFC 3339 date-time with its offset ("Z" for UTC), to the second.</summary>
    public static string Date(DateTimeOffset value)
    {
        var seconds = new DateTimeOffset(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
        return seconds.Offset == TimeSpan.Zero
            ? seconds.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : seconds.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
