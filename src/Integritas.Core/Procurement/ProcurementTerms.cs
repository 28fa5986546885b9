namespace Integritas.Core.Procurement;

/// <summary>Procurement methods of Perpres 16/2018 as amended (procurement-id.md, "Methods").</summary>
public enum ProcurementMethod
{
    EPurchasing = 0,
    PengadaanLangsung = 1,
    PenunjukanLangsung = 2,
    TenderCepat = 3,
    Tender = 4,
    Seleksi = 5,
}

/// <summary>What is bought: the rules (HPS ceiling, direct-procurement limits) differ by category.</summary>
public enum ProcurementCategory
{
    Goods = 0,
    Construction = 1,
    Consultancy = 2,
    OtherServices = 3,
}

/// <summary>
/// A package's lifecycle, in order. Each stage is entered once and recorded with its time, so the OCDS releases
/// (planning, tender, award, contract, implementation) can be built from the history.
/// </summary>
public enum ProcurementStage
{
    /// <summary>In the procurement plan (RUP), announced.</summary>
    Planned = 0,
    TenderOpen = 1,

    /// <summary>The tender period has closed; bids are opened.</summary>
    BidsClosed = 2,
    Evaluation = 3,
    Awarded = 4,
    Contracted = 5,
    Implementation = 6,
    Cancelled = 9,
}

/// <summary>A bid's standing after the procurement staff's check.</summary>
public enum BidStatus
{
    Valid = 0,
    Disqualified = 1,
}

/// <summary>Who signs an integrity pact.</summary>
public enum PactRole
{
    /// <summary>Pejabat pembuat komitmen: an OPD operator of the package's OPD signs for the OPD.</summary>
    CommitmentOfficer = 0,
    NgoWitness = 1,
    UniversityWitness = 2,

    /// <summary>A bidder (penyedia), through a Contractor account linked to its vendor.</summary>
    Bidder = 3,
}

/// <summary>The kind of organisation a Witness account speaks for.</summary>
public enum WitnessKind
{
    Ngo = 0,
    University = 1,
}

/// <summary>Stable lower-case keys and the bilingual labels of the procurement terms.</summary>
public static class ProcurementTerms
{
    public static string Key(ProcurementMethod m) => m switch
    {
        ProcurementMethod.EPurchasing => "e-purchasing",
        ProcurementMethod.PengadaanLangsung => "pengadaan-langsung",
        ProcurementMethod.PenunjukanLangsung => "penunjukan-langsung",
        ProcurementMethod.TenderCepat => "tender-cepat",
        ProcurementMethod.Tender => "tender",
        ProcurementMethod.Seleksi => "seleksi",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    public static string Key(ProcurementCategory c) => c switch
    {
        ProcurementCategory.Goods => "goods",
        ProcurementCategory.Construction => "construction",
        ProcurementCategory.Consultancy => "consultancy",
        ProcurementCategory.OtherServices => "other-services",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static (string Id, string En) Label(ProcurementMethod m) => m switch
    {
        ProcurementMethod.EPurchasing => ("E-purchasing", "E-purchasing"),
        ProcurementMethod.PengadaanLangsung => ("Pengadaan langsung", "Direct procurement"),
        ProcurementMethod.PenunjukanLangsung => ("Penunjukan langsung", "Direct appointment"),
        ProcurementMethod.TenderCepat => ("Tender cepat", "Quick tender"),
        ProcurementMethod.Tender => ("Tender", "Tender"),
        ProcurementMethod.Seleksi => ("Seleksi", "Selection (consultancy)"),
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    public static (string Id, string En) Label(ProcurementCategory c) => c switch
    {
        ProcurementCategory.Goods => ("Barang", "Goods"),
        ProcurementCategory.Construction => ("Pekerjaan konstruksi", "Construction"),
        ProcurementCategory.Consultancy => ("Jasa konsultansi", "Consultancy"),
        ProcurementCategory.OtherServices => ("Jasa lainnya", "Other services"),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static (string Id, string En) Label(ProcurementStage s) => s switch
    {
        ProcurementStage.Planned => ("Diumumkan (RUP)", "Announced (plan)"),
        ProcurementStage.TenderOpen => ("Tender dibuka", "Tender open"),
        ProcurementStage.BidsClosed => ("Pembukaan penawaran", "Bids opened"),
        ProcurementStage.Evaluation => ("Evaluasi", "Evaluation"),
        ProcurementStage.Awarded => ("Penetapan pemenang", "Award"),
        ProcurementStage.Contracted => ("Kontrak", "Contract"),
        ProcurementStage.Implementation => ("Pelaksanaan", "Implementation"),
        ProcurementStage.Cancelled => ("Dibatalkan", "Cancelled"),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static (string Id, string En) Label(PactRole r) => r switch
    {
        PactRole.CommitmentOfficer => ("Pejabat Pembuat Komitmen (PPK)", "Commitment officer (PPK)"),
        PactRole.NgoWitness => ("Saksi LSM", "NGO witness"),
        PactRole.UniversityWitness => ("Saksi perguruan tinggi", "University witness"),
        PactRole.Bidder => ("Penyedia / peserta", "Bidder"),
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    public static string Key(PactRole r) => r switch
    {
        PactRole.CommitmentOfficer => "commitment-officer",
        PactRole.NgoWitness => "ngo-witness",
        PactRole.UniversityWitness => "university-witness",
        PactRole.Bidder => "bidder",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };
}
