namespace Integritas.Core.Procurement;

/// <summary>How a bid stands against the package's HPS (procurement-id.md).</summary>
/// <param name="AboveHps">The bid exceeds HPS where HPS is the ceiling (goods, construction, other services): invalid.</param>
/// <param name="NeedsLargerGuarantee">The bid is below 80 % of HPS: it needs a larger performance guarantee.</param>
/// <param name="PercentOfHps">The bid as a percentage of HPS, when there is an HPS.</param>
public sealed record BidAssessment(bool AboveHps, bool NeedsLargerGuarantee, decimal? PercentOfHps);

/// <summary>
/// The pure procurement rules of Perpres 16/2018 as amended by Perpres 12/2021 and 46/2025, as listed in
/// <c>docs/standards/procurement-id.md</c>.
/// </summary>
public static class ProcurementRules
{
    /// <summary>No HPS is needed up to this value.</summary>
    public const decimal HpsNotRequiredUpTo = 10_000_000m;

    /// <summary>A bid below this share of HPS needs a larger performance guarantee.</summary>
    public const decimal LowBidShare = 0.80m;

    /// <summary>Packages up to this value are reserved for small businesses.</summary>
    public const decimal SmallBusinessReservationUpTo = 15_000_000_000m;

    /// <summary>
    /// The default direct-procurement limits: goods and other services Rp200 juta, consultancy Rp100 juta, construction
    /// Rp200 juta, raised to Rp400 juta by Perpres 46/2025 from <paramref name="perpres46EffectiveDate"/>. The standard
    /// does not state that date, so the caller must supply it from configuration.
    /// </summary>
    public static IReadOnlyList<DirectProcurementCeiling> DefaultCeilings(DateOnly perpres46EffectiveDate) =>
    [
        new(DateOnly.MinValue, ProcurementCategory.Goods, 200_000_000m),
        new(DateOnly.MinValue, ProcurementCategory.OtherServices, 200_000_000m),
        new(DateOnly.MinValue, ProcurementCategory.Consultancy, 100_000_000m),
        new(DateOnly.MinValue, ProcurementCategory.Construction, 200_000_000m),
        new(perpres46EffectiveDate, ProcurementCategory.Construction, 400_000_000m),
    ];

    /// <summary>Whether HPS caps a valid bid for the category (goods, construction, other services; not consultancy).</summary>
    public static bool HpsIsCeiling(ProcurementCategory category) => category != ProcurementCategory.Consultancy;

    /// <summary>The direct-procurement limit for the category on <paramref name="date"/>: the latest entry in force; null when none is.</summary>
    public static decimal? DirectCeiling(IEnumerable<DirectProcurementCeiling> ceilings, ProcurementCategory category, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(ceilings);
        return ceilings.Where(c => c.Category == category && c.FromDate <= date).OrderByDescending(c => c.FromDate)
            .Select(c => (decimal?)c.Ceiling).FirstOrDefault();
    }

    /// <summary>Whether a package needs an HPS: not up to Rp10 juta, not for e-purchasing.</summary>
    public static bool HpsRequired(ProcurementMethod method, decimal value) =>
        method != ProcurementMethod.EPurchasing && value > HpsNotRequiredUpTo;

    /// <summary>Checks a bid against HPS.</summary>
    public static BidAssessment AssessBid(ProcurementCategory category, decimal? hps, decimal amount)
    {
        if (hps is not { } h || h <= 0)
        {
            return new BidAssessment(false, false, null);
        }

        var percent = decimal.Round(amount * 100m / h, 2);
        return new BidAssessment(HpsIsCeiling(category) && amount > h, amount < h * LowBidShare, percent);
    }

    /// <summary>
    /// The problems with choosing <paramref name="method"/> for a package of <paramref name="category"/> and
    /// <paramref name="value"/> (HPS, or pagu where there is no HPS) on <paramref name="date"/>; empty when it is allowed.
    /// Each problem is a stable key: <c>direct-above-ceiling</c>, <c>seleksi-not-consultancy</c>,
    /// <c>tender-for-consultancy</c>.
    /// </summary>
    public static IReadOnlyList<string> MethodProblems(ProcurementMethod method, ProcurementCategory category, decimal value,
        DateOnly date, IEnumerable<DirectProcurementCeiling> ceilings)
    {
        var problems = new List<string>();
        if (method == ProcurementMethod.PengadaanLangsung && DirectCeiling(ceilings, category, date) is { } ceiling && value > ceiling)
        {
            problems.Add("direct-above-ceiling");
        }

        if (method == ProcurementMethod.Seleksi && category != ProcurementCategory.Consultancy)
        {
            problems.Add("seleksi-not-consultancy");
        }

        if (method is ProcurementMethod.Tender or ProcurementMethod.TenderCepat && category == ProcurementCategory.Consultancy)
        {
            problems.Add("tender-for-consultancy");
        }

        return problems;
    }

    /// <summary>
    /// The contract evidence the value calls for: <c>receipt</c> (bukti pembelian) up to Rp10 juta, <c>kuitansi</c> up to
    /// Rp50 juta, <c>spk</c> up to Rp200 juta (consultancy Rp100 juta), <c>contract</c> (surat perjanjian) above.
    /// </summary>
    public static string ContractEvidence(ProcurementCategory category, decimal value) =>
        value <= 10_000_000m ? "receipt"
        : value <= 50_000_000m ? "kuitansi"
        : value <= (category == ProcurementCategory.Consultancy ? 100_000_000m : 200_000_000m) ? "spk"
        : "contract";

    /// <summary>Whether an integrity pact is needed: the package's HPS or pagu is above the threshold (the local rule).</summary>
    public static bool PactRequired(decimal? hps, decimal? pagu, decimal threshold) =>
        (hps ?? 0) > threshold || (pagu ?? 0) > threshold;

    /// <summary>The stage that follows <paramref name="stage"/> in the lifecycle, or null at the end.</summary>
    public static ProcurementStage? Next(ProcurementStage stage) => stage switch
    {
        ProcurementStage.Planned => ProcurementStage.TenderOpen,
        ProcurementStage.TenderOpen => ProcurementStage.BidsClosed,
        ProcurementStage.BidsClosed => ProcurementStage.Evaluation,
        ProcurementStage.Evaluation => ProcurementStage.Awarded,
        ProcurementStage.Awarded => ProcurementStage.Contracted,
        ProcurementStage.Contracted => ProcurementStage.Implementation,
        _ => null,
    };

    /// <summary>Whether a package may move from one stage to another: one step forward, or cancelled before the contract.</summary>
    public static bool CanMove(ProcurementStage from, ProcurementStage to) =>
        to == ProcurementStage.Cancelled ? from is not (ProcurementStage.Cancelled or ProcurementStage.Contracted or ProcurementStage.Implementation)
        : Next(from) == to;

    /// <summary>Whether bids may be recorded in the stage: from the tender's opening until the award.</summary>
    public static bool AcceptsBids(ProcurementStage stage) =>
        stage is ProcurementStage.TenderOpen or ProcurementStage.BidsClosed or ProcurementStage.Evaluation;

    /// <summary>Whether a pact has the signatures the tender needs to open: the commitment officer, an NGO and a university witness.</summary>
    public static bool PactReadyForTender(IEnumerable<PactRole> validSignatures)
    {
        var roles = validSignatures.ToHashSet();
        return roles.Contains(PactRole.CommitmentOfficer) && roles.Contains(PactRole.NgoWitness) && roles.Contains(PactRole.UniversityWitness);
    }
}
