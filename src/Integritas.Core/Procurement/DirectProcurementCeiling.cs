namespace Integritas.Core.Procurement;

/// <summary>
/// One dated limit of pengadaan langsung: from <see cref="FromDate"/> on, a package of <see cref="Category"/> up to
/// <see cref="Ceiling"/> rupiah may be bought directly. Limits change by regulation, so they are configuration.
/// </summary>
public sealed record DirectProcurementCeiling(DateOnly FromDate, ProcurementCategory Category, decimal Ceiling);
