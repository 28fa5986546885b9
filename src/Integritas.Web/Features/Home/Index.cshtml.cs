using Integritas.Core.Organisation;
using Integritas.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Home;

public sealed class IndexModel(IntegritasDbContext db) : PageModel
{
    public sealed record OpdRow(int Id, string Code, string Name, string? ShortName, string? HeadName);

    public string? RegencyName { get; private set; }

    public int Districts { get; private set; }

    public int Villages { get; private set; }

    public int ServiceUnits { get; private set; }

    public int OpdCount { get; private set; }

    public List<OpdRow> Opds { get; private set; } = [];

    public int Packages { get; private set; }

    public int Evidence { get; private set; }

    public int FlaggedEvidence { get; private set; }

    public long LogSize { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regencies = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Regency).OrderBy(r => r.Code).Select(r => r.Name).Take(2).ToListAsync(ct);
        RegencyName = regencies.Count == 1 ? regencies[0] : null;
        Districts = await db.Regions.CountAsync(r => r.Level == RegionLevel.District, ct);
        Villages = await db.Regions.CountAsync(r => r.Level == RegionLevel.Village, ct);
        ServiceUnits = await db.ServiceUnits.CountAsync(u => u.IsActive, ct);
        OpdCount = await db.Opds.CountAsync(o => o.IsActive, ct);
        Opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Region!.Code).ThenBy(o => o.Code)
            .Select(o => new OpdRow(o.Id, o.Code, o.Name, o.ShortName,
                o.Positions.Where(p => p.IsHead).SelectMany(p => p.Holders).Where(h => h.ActiveUntil == null).Select(h => h.Name).FirstOrDefault()))
            .Take(200)
            .ToListAsync(ct);
        Packages = await db.ConstructionPackages.CountAsync(ct);
        Evidence = await db.EvidenceItems.CountAsync(ct);
        FlaggedEvidence = await db.EvidenceItems.CountAsync(i => i.Flags != Core.Evidence.EvidenceFlags.None, ct);
        LogSize = await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0;
    }
}
