using Integritas.Core.Procurement;

namespace Integritas.Core.Tests.Procurement;

/// <summary>Each fact of docs/standards/procurement-id.md the rules rely on.</summary>
public class ProcurementRulesTests
{
    private static readonly DateOnly Raised = new(2025, 6, 1);

    private static readonly IReadOnlyList<DirectProcurementCeiling> Ceilings = ProcurementRules.DefaultCeilings(Raised);

    [Theory]
    [InlineData(ProcurementCategory.Goods, 200_000_000)]
    [InlineData(ProcurementCategory.OtherServices, 200_000_000)]
    [InlineData(ProcurementCategory.Consultancy, 100_000_000)]
    public void Direct_procurement_ceilings_for_goods_services_and_consultancy(ProcurementCategory category, long ceiling)
    {
        Assert.Equal(ceiling, ProcurementRules.DirectCeiling(Ceilings, category, new DateOnly(2024, 1, 1)));
        Assert.Equal(ceiling, ProcurementRules.DirectCeiling(Ceilings, category, new DateOnly(2026, 1, 1)));
        Assert.Empty(ProcurementRules.MethodProblems(ProcurementMethod.PengadaanLangsung, category, ceiling, new DateOnly(2026, 1, 1), Ceilings));
        Assert.Equal(["direct-above-ceiling"], ProcurementRules.MethodProblems(ProcurementMethod.PengadaanLangsung, category, ceiling + 1, new DateOnly(2026, 1, 1), Ceilings));
    }

    [Fact]
    public void Construction_ceiling_is_200_juta_before_perpres_46_2025_and_400_juta_from_its_configured_date()
    {
        Assert.Equal(200_000_000m, ProcurementRules.DirectCeiling(Ceilings, ProcurementCategory.Construction, Raised.AddDays(-1)));
        Assert.Equal(400_000_000m, ProcurementRules.DirectCeiling(Ceilings, ProcurementCategory.Construction, Raised));
        Assert.NotEmpty(ProcurementRules.MethodProblems(ProcurementMethod.PengadaanLangsung, ProcurementCategory.Construction, 300_000_000m, Raised.AddDays(-1), Ceilings));
        Assert.Empty(ProcurementRules.MethodProblems(ProcurementMethod.PengadaanLangsung, ProcurementCategory.Construction, 300_000_000m, Raised, Ceilings));
        Assert.NotEmpty(ProcurementRules.MethodProblems(ProcurementMethod.PengadaanLangsung, ProcurementCategory.Construction, 400_000_001m, Raised, Ceilings));
    }

    [Fact]
    public void Above_the_ceilings_a_tender_or_a_selection_is_used()
    {
        var day = new DateOnly(2026, 3, 1);
        Assert.Empty(ProcurementRules.MethodProblems(ProcurementMethod.Tender, ProcurementCategory.Goods, 5_000_000_000m, day, Ceilings));
        Assert.Empty(ProcurementRules.MethodProblems(ProcurementMethod.Seleksi, ProcurementCategory.Consultancy, 5_000_000_000m, day, Ceilings));
        Assert.Equal(["seleksi-not-consultancy"], ProcurementRules.MethodProblems(ProcurementMethod.Seleksi, ProcurementCategory.Construction, 5_000_000_000m, day, Ceilings));
        Assert.Equal(["tender-for-consultancy"], ProcurementRules.MethodProblems(ProcurementMethod.Tender, ProcurementCategory.Consultancy, 5_000_000_000m, day, Ceilings));
    }

    [Theory]
    [InlineData(ProcurementCategory.Goods, true)]
    [InlineData(ProcurementCategory.Construction, true)]
    [InlineData(ProcurementCategory.OtherServices, true)]
    [InlineData(ProcurementCategory.Consultancy, false)]
    public void A_bid_above_HPS_is_invalid_for_goods_construction_and_other_services(ProcurementCategory category, bool invalid)
    {
        Assert.Equal(invalid, ProcurementRules.AssessBid(category, 1_000_000_000m, 1_000_000_001m).AboveHps);
        Assert.False(ProcurementRules.AssessBid(category, 1_000_000_000m, 1_000_000_000m).AboveHps);
    }

    [Fact]
    public void A_bid_below_80_percent_of_HPS_needs_a_larger_performance_guarantee()
    {
        Assert.True(ProcurementRules.AssessBid(ProcurementCategory.Construction, 1_000_000_000m, 799_999_999m).NeedsLargerGuarantee);
        Assert.False(ProcurementRules.AssessBid(ProcurementCategory.Construction, 1_000_000_000m, 800_000_000m).NeedsLargerGuarantee);
        Assert.Equal(99.5m, ProcurementRules.AssessBid(ProcurementCategory.Goods, 1_000_000_000m, 995_000_000m).PercentOfHps);
        Assert.Equal(new BidAssessment(false, false, null), ProcurementRules.AssessBid(ProcurementCategory.Goods, null, 5_000_000m));
    }

    [Fact]
    public void No_HPS_is_needed_up_to_10_juta_or_for_e_purchasing()
    {
        Assert.False(ProcurementRules.HpsRequired(ProcurementMethod.PengadaanLangsung, 10_000_000m));
        Assert.True(ProcurementRules.HpsRequired(ProcurementMethod.PengadaanLangsung, 10_000_001m));
        Assert.False(ProcurementRules.HpsRequired(ProcurementMethod.EPurchasing, 900_000_000m));
    }

    [Theory]
    [InlineData(ProcurementCategory.Goods, 10_000_000, "receipt")]
    [InlineData(ProcurementCategory.Goods, 10_000_001, "kuitansi")]
    [InlineData(ProcurementCategory.Goods, 50_000_000, "kuitansi")]
    [InlineData(ProcurementCategory.Goods, 200_000_000, "spk")]
    [InlineData(ProcurementCategory.Consultancy, 100_000_000, "spk")]
    [InlineData(ProcurementCategory.Consultancy, 100_000_001, "contract")]
    [InlineData(ProcurementCategory.Construction, 200_000_001, "contract")]
    public void Contract_evidence_by_value(ProcurementCategory category, long value, string evidence) =>
        Assert.Equal(evidence, ProcurementRules.ContractEvidence(category, value));

    [Fact]
    public void An_integrity_pact_is_needed_above_the_threshold_by_HPS_or_pagu()
    {
        Assert.False(ProcurementRules.PactRequired(1_000_000_000m, 1_000_000_000m, 1_000_000_000m));
        Assert.True(ProcurementRules.PactRequired(1_000_000_001m, null, 1_000_000_000m));
        Assert.True(ProcurementRules.PactRequired(null, 1_500_000_000m, 1_000_000_000m));
    }

    [Fact]
    public void The_tender_needs_the_commitment_officer_and_both_witnesses()
    {
        Assert.False(ProcurementRules.PactReadyForTender([PactRole.CommitmentOfficer, PactRole.NgoWitness, PactRole.Bidder]));
        Assert.False(ProcurementRules.PactReadyForTender([PactRole.NgoWitness, PactRole.UniversityWitness]));
        Assert.True(ProcurementRules.PactReadyForTender([PactRole.UniversityWitness, PactRole.CommitmentOfficer, PactRole.NgoWitness]));
    }

    [Fact]
    public void The_lifecycle_moves_one_stage_forward_or_is_cancelled_before_the_contract()
    {
        Assert.True(ProcurementRules.CanMove(ProcurementStage.Planned, ProcurementStage.TenderOpen));
        Assert.False(ProcurementRules.CanMove(ProcurementStage.Planned, ProcurementStage.Awarded));
        Assert.False(ProcurementRules.CanMove(ProcurementStage.Awarded, ProcurementStage.Evaluation));
        Assert.True(ProcurementRules.CanMove(ProcurementStage.Evaluation, ProcurementStage.Cancelled));
        Assert.False(ProcurementRules.CanMove(ProcurementStage.Contracted, ProcurementStage.Cancelled));
        Assert.False(ProcurementRules.CanMove(ProcurementStage.Cancelled, ProcurementStage.TenderOpen));
        Assert.Null(ProcurementRules.Next(ProcurementStage.Implementation));
        Assert.True(ProcurementRules.AcceptsBids(ProcurementStage.TenderOpen));
        Assert.False(ProcurementRules.AcceptsBids(ProcurementStage.Awarded));
        Assert.False(ProcurementRules.AcceptsBids(ProcurementStage.Planned));
    }

    [Fact]
    public void Small_business_reservation_is_up_to_15_miliar() =>
        Assert.Equal(15_000_000_000m, ProcurementRules.SmallBusinessReservationUpTo);
}
