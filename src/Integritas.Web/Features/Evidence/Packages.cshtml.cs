using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>The public list of construction packages with their evidence counts.</summary>
public sealed class PackagesModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string Code, string Name, string OpdName, string? Contractor, decimal Value, DateOnly WorkStart, DateOnly WorkEnd, int Evidence, int Flagged);

    [FromQuery]
    public string? Q { get; set; }

    [FromQuery]
    public bool Flagged { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Site evidence is for construction work; goods and services packages are listed under /pengadaan.
        var query = db.ConstructionPackages.AsNoTracking().Where(p => p.Category == Core.Procurement.ProcurementCategory.Construction);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Code.ToLower().Contains(q) || p.Name.ToLower().Contains(q) || (p.ContractorCompany != null && p.ContractorCompany.ToLower().Contains(q)) || p.Opd!.Name.ToLower().Contains(q));
        }

        if (Flagged)
        {
            query = query.Where(p => db.EvidenceItems.Any(i => i.PackageId == p.Id && i.Flags != EvidenceFlags.None));
        }

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.OrderByDescending(p => p.WorkStart).ThenBy(p => p.Code).Skip(Pager.Skip).Take(PageSize)
            .Select(p => new Row(p.Code, p.Name, p.Opd!.Name, p.ContractorCompany, p.ContractValue, p.WorkStart, p.WorkEnd,
                db.EvidenceItems.Count(i => i.PackageId == p.Id),
                db.EvidenceItems.Count(i => i.PackageId == p.Id && i.Flags != EvidenceFlags.None)))
            .ToListAsync(ct);
    }
}
