using Integritas.Core.Procurement;

namespace Integritas.Web.Features.Procurement;

/// <summary>The <c>Integritas:Procurement</c> configuration section.</summary>
public sealed class ProcurementOptions
{
    public const string Section = "Integritas:Procurement";

    /// <summary>Above this HPS or pagu a package needs a signed integrity pact before its tender opens (the local rule: Rp1 miliar).</summary>
    public decimal IntegrityPactThreshold { get; set; } = 1_000_000_000m;

    /// <summary>
    /// The day Perpres 46/2025 raised the construction direct-procurement limit from Rp200 juta to Rp400 juta. The
    /// standards we follow do not give it, so it is not guessed: set it from the regulation. Until it is set the
    /// Rp200 juta limit applies to construction (the stricter reading).
    /// </summary>
    public DateOnly? Perpres46ConstructionCeilingFrom { get; set; }

    /// <summary>Dated direct-procurement limits replacing the defaults entirely when given.</summary>
    public List<DirectProcurementCeiling> DirectProcurementCeilings { get; set; } = [];

    /// <summary>Whether loading the demo regency also loads demo procurement packages, bids and pacts.</summary>
    public bool SeedDemoProcurement { get; set; } = true;

    public IReadOnlyList<DirectProcurementCeiling> Ceilings()
    {
        if (DirectProcurementCeilings.Count > 0)
        {
            return DirectProcurementCeilings;
        }

        var defaults = ProcurementRules.DefaultCeilings(Perpres46ConstructionCeilingFrom ?? DateOnly.MaxValue);
        return Perpres46ConstructionCeilingFrom is null ? [.. defaults.Where(c => c.FromDate != DateOnly.MaxValue)] : defaults;
    }
}
