using Integritas.Core.Procurement;
using Integritas.Web.Hosting;

namespace Integritas.Web.Features.Procurement;

/// <summary>Indonesian-first labels of the procurement vocabulary.</summary>
public static class ProcurementLabels
{
    public static string Label(this Ui ui, ProcurementMethod method)
    {
        var (id, en) = ProcurementTerms.Label(method);
        return ui.T(id, en);
    }

    public static string Label(this Ui ui, ProcurementCategory category)
    {
        var (id, en) = ProcurementTerms.Label(category);
        return ui.T(id, en);
    }

    public static string Label(this Ui ui, ProcurementStage stage)
    {
        var (id, en) = ProcurementTerms.Label(stage);
        return ui.T(id, en);
    }

    public static string Label(this Ui ui, PactRole role)
    {
        var (id, en) = ProcurementTerms.Label(role);
        return ui.T(id, en);
    }

    /// <summary>The stages a package passes through in order (cancelled is shown only when it happened).</summary>
    public static readonly ProcurementStage[] Lifecycle =
    [
        ProcurementStage.Planned, ProcurementStage.TenderOpen, ProcurementStage.BidsClosed, ProcurementStage.Evaluation,
        ProcurementStage.Awarded, ProcurementStage.Contracted, ProcurementStage.Implementation,
    ];
}
