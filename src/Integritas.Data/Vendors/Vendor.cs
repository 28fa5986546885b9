using Integritas.Data.Audit;

namespace Integritas.Data.Vendors;

/// <summary>
/// A company or person the regency pays or buys from (penyedia): named on payments (SP2D) by the finance system's
/// vendor id, and on procurement packages as a bidder or contractor. One row per vendor, shared by the budget portal
/// and procurement so a vendor's payments and bids can be seen together.
/// </summary>
public class Vendor : IAudited
{
    public int Id { get; set; }

    /// <summary>The finance system's vendor id (e.g. <c>V000123</c>); unique, no spaces.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>NPWP (tax number), where known.</summary>
    public string? TaxNumber { get; set; }

    /// <summary>Usaha kecil/koperasi: packages up to Rp15 miliar are reserved for them (procurement-id.md).</summary>
    public bool IsSmallBusiness { get; set; }
}
