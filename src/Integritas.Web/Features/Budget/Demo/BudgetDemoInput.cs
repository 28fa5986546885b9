using Integritas.Core.Organisation;
using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget.Demo;

/// <summary>An OPD the demo budget is made for (its Kepmendagri unit code, e.g. <c>1.02.0.00.0.00.01.0000</c>).</summary>
public sealed record DemoOpd(string Code, string Name, string ShortName, OpdKind Kind);

/// <summary>A sub kegiatan of an OPD; program and kegiatan names are taken from the built-in nomenclature when not given.</summary>
public sealed record DemoSubKegiatan(string Code, string Name, string? KegiatanName = null, string? ProgramName = null);

/// <summary>A desa or kelurahan; only desa (fourth segment starting with 2) receive village funds.</summary>
public sealed record DemoDesa(string Code, string Name, string KecamatanCode, string KecamatanName)
{
    /// <summary>A desa (<c>12.05.01.2001</c>) rather than a kelurahan (<c>12.05.01.1001</c>).</summary>
    public bool IsDesa => Code.Length > 9 && Code[9] == '2';
}

/// <summary>A procured contract of the year (a procurement package with a signed contract) whose payments the demo makes.</summary>
public sealed record DemoPackage(
    string Code, string OpdCode, string Name, ProcurementCategory Category, decimal ContractValue, DateOnly ContractDate, DateOnly WorkStart, DateOnly WorkEnd,
    string VendorId, string VendorName);

/// <summary>What the demo budget generator needs; the same input always gives the same files.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="Opds">The regency's OPDs.</param>
/// <param name="Desa">The regency's desa and kelurahan.</param>
/// <param name="SubKegiatan">Program sub kegiatan per OPD code; OPDs missing here get the built-in fallback. The supporting-affairs sub kegiatan are always added.</param>
/// <param name="PaymentCount">About how many payments (SP2D) to write; salaries and village transfers come first, so very small counts are exceeded.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Packages">The year's procured contracts; their payments name them (<c>package_code</c>).</param>
/// <param name="TakenVendorIds">Vendor ids in use already (e.g. the procurement demo's): the budget's own vendors get other ids.</param>
public sealed record BudgetDemoInput(
    int Year,
    IReadOnlyList<DemoOpd> Opds,
    IReadOnlyList<DemoDesa> Desa,
    IReadOnlyDictionary<string, IReadOnlyList<DemoSubKegiatan>>? SubKegiatan = null,
    int PaymentCount = BudgetDemoInput.DefaultPaymentCount,
    int Seed = BudgetDemoInput.DefaultSeed,
    IReadOnlyList<DemoPackage>? Packages = null,
    IReadOnlyCollection<string>? TakenVendorIds = null)
{
    public const int DefaultPaymentCount = 30_000;
    public const int DefaultSeed = 1205;

    /// <summary>
    /// The demo regency as loaded in the database: the home regency's active OPDs, its desa and kelurahan, and the
    /// sub kegiatan of the performance plans covering <paramref name="year"/> (with their kegiatan and program names).
    /// </summary>
    public static async Task<BudgetDemoInput> FromDatabaseAsync(IntegritasDbContext db, int year, int paymentCount = DefaultPaymentCount, CancellationToken ct = default)
    {
        var regency = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct);
        var opdRows = await db.Opds.AsNoTracking().Where(o => o.RegionId == regency.Id && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct);
        var opds = opdRows.Select(o => new DemoOpd(o.Code, o.Name, o.ShortName ?? o.Name, o.Kind)).ToList();

        var prefix = DemoRegencyGenerator.HomeRegencyCode + ".";
        var areas = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(prefix) && (r.Level == RegionLevel.District || r.Level == RegionLevel.Village))
            .Select(r => new { r.Code, r.Name, r.Level })
            .ToListAsync(ct);
        var kecamatan = areas.Where(a => a.Level == RegionLevel.District).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var desa = areas.Where(a => a.Level == RegionLevel.Village && a.Code.Length > 9)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new DemoDesa(a.Code, a.Name, a.Code[..8], kecamatan.GetValueOrDefault(a.Code[..8], "")))
            .ToList();

        var opdIds = opdRows.ToDictionary(o => o.Id, o => o.Code);
        var periods = await db.PlanPeriods.AsNoTracking().Where(p => p.StartYear <= year && p.EndYear >= year).Select(p => p.Id).ToListAsync(ct);
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => periods.Contains(n.PeriodId))
            .Select(n => new { n.Id, n.ParentId, n.OpdId, n.Level, n.Code, n.Name, n.SortOrder })
            .ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var subs = new Dictionary<string, IReadOnlyList<DemoSubKegiatan>>(StringComparer.Ordinal);
        foreach (var group in nodes.Where(n => n.Level == Core.Performance.PlanLevel.SubKegiatan && opdIds.ContainsKey(n.OpdId)).GroupBy(n => n.OpdId))
        {
            subs[opdIds[group.Key]] = group.OrderBy(n => n.SortOrder).Select(n =>
            {
                var kegiatan = n.ParentId is { } k && byId.TryGetValue(k, out var kn) ? kn : null;
                var program = kegiatan?.ParentId is { } p && byId.TryGetValue(p, out var pn) ? pn : null;
                return new DemoSubKegiatan(n.Code, n.Name, kegiatan?.Name, program?.Name);
            }).DistinctBy(s => s.Code).ToList();
        }

        // The year's signed contracts.
        var opdIdList = opdIds.Keys.ToList();
        var packages = await db.ConstructionPackages.AsNoTracking()
            .Where(p => p.FiscalYear == year && (p.Stage == ProcurementStage.Contracted || p.Stage == ProcurementStage.Implementation)
                && p.ContractDate != null && p.SupplierVendorId != null && opdIdList.Contains(p.OpdId))
            .OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.OpdId, p.Name, p.Category, p.ContractValue, p.ContractDate, p.WorkStart, p.WorkEnd, Vendor = p.SupplierVendor!.Code, VendorName = p.SupplierVendor.Name })
            .ToListAsync(ct);
        // Procurement's vendors (bidders and suppliers) keep their ids; the budget's own vendors are numbered around them.
        var taken = await db.Vendors.AsNoTracking()
            .Where(v => db.Bids.Any(b => b.VendorId == v.Id) || db.ConstructionPackages.Any(p => p.SupplierVendorId == v.Id))
            .Select(v => v.Code).ToListAsync(ct);
        return new BudgetDemoInput(year, opds, desa, subs, paymentCount, DefaultSeed,
            [.. packages.Select(p => new DemoPackage(p.Code, opdIds[p.OpdId], p.Name, p.Category, p.ContractValue, p.ContractDate!.Value, p.WorkStart, p.WorkEnd, p.Vendor, p.VendorName))],
            taken);
    }
}
