using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>Every citizen's report, public fields only: search, filters, paging, newest first.</summary>
public sealed class ListModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string TrackingNumber, string Category, string CategoryEn, ComplaintStatus Status, string? Opd, string? District, DateTime ReceivedAtUtc, string Description);

    [FromQuery(Name = "kategori")]
    public string? Category { get; set; }

    /// <summary><c>open</c>, <c>closed</c> or a detailed status key.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "kecamatan")]
    public string? District { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<(string Code, string Name)> Categories { get; private set; } = [];

    public List<(string Code, string Name)> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Complaints.AsNoTracking();
        query = query.InCategory(Category);

        var open = ComplaintStatuses.Open.ToList();
        if (Status == "open")
        {
            query = query.Where(c => open.Contains(c.Status));
        }
        else if (Status == "closed")
        {
            query = query.Where(c => !open.Contains(c.Status));
        }
        else if (ComplaintStatuses.TryParseKey(Status, out var status))
        {
            query = query.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(District))
        {
            query = query.Where(c => c.Region!.Parent!.Code == District);
        }

        query = query.Matching(Search);

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(c => new Row(c.TrackingNumber, c.Category!.NameId, c.Category.NameEn, c.Status, c.Opd!.ShortName ?? c.Opd.Name,
                c.Region!.Parent!.Name, c.ReceivedAtUtc, c.Description))
            .ToListAsync(ct);
        Categories = await ComplaintQueries.CategoryChoicesAsync(db, ct);
        Districts = [.. (await db.Complaints.AsNoTracking().Where(c => c.RegionId != null).Select(c => new { c.Region!.Parent!.Code, c.Region.Parent.Name }).Distinct()
            .OrderBy(d => d.Name).ToListAsync(ct)).Select(d => (d.Code, d.Name))];
    }
}
