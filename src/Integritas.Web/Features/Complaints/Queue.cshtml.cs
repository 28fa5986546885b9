using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// The workspace's report list: the verification queue for coordinators, the OPD's own reports for operators; filters
/// by view, category, OPD and text; overdue first.
/// </summary>
public sealed class QueueModel(IntegritasDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(string TrackingNumber, string Category, ComplaintStatus Status, string? Opd, DateTime ReceivedAtUtc,
        DateTime? ResponseDueUtc, DateTime? FirstResponseAtUtc, DateTime? ResolutionDueUtc, string Description);

    /// <summary><c>verifikasi</c> (received and deferred), <c>proses</c> (open after verification), <c>terlambat</c> (past a due moment), <c>semua</c>.</summary>
    [FromQuery(Name = "tampil")]
    public string? View { get; set; }

    [FromQuery(Name = "kategori")]
    public string? Category { get; set; }

    [FromQuery(Name = "opd")]
    public int? OpdId { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ComplaintAccess Access { get; private set; } = null!;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<(string Code, string Name)> Categories { get; private set; } = [];

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Access = await ComplaintAccess.ForAsync(User, db, ct);
        if (!Access.MayEnter)
        {
            return Forbid();
        }

        NowUtc = time.GetUtcNow().UtcDateTime;
        View ??= Access.IsCoordinator ? "verifikasi" : "proses";
        var query = db.Complaints.AsNoTracking();
        if (!Access.MayReadAll)
        {
            var mine = Access.OperatorOpds.ToList();
            query = query.Where(c => c.OpdId != null && mine.Contains(c.OpdId.Value));
        }

        var now = NowUtc;
        query = View switch
        {
            "verifikasi" => query.Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Deferred || c.Status == ComplaintStatus.Verified),
            "proses" => query.Where(c => c.Status == ComplaintStatus.Dispositioned || c.Status == ComplaintStatus.InProgress),
            "terlambat" => query.Overdue(now),
            "selesai" => query.Where(c => c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed),
            _ => query,
        };
        query = query.InCategory(Category);

        if (OpdId is { } opd)
        {
            query = query.Where(c => c.OpdId == opd);
        }

        query = query.Matching(Search);

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query
            .OrderBy(c => c.FirstResponseAtUtc == null ? c.ResponseDueUtc : c.ResolutionDueUtc)
            .ThenBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(c => new Row(c.TrackingNumber, c.Category!.NameId, c.Status, c.Opd!.ShortName ?? c.Opd.Name, c.ReceivedAtUtc,
                c.ResponseDueUtc, c.FirstResponseAtUtc, c.ResolutionDueUtc, c.Description))
            .ToListAsync(ct);
        Categories = await ComplaintQueries.CategoryChoicesAsync(db, ct);
        Opds = Access.MayReadAll
            ? [.. (await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))]
            : [];
        return Page();
    }

    public bool Overdue(Row r) => ComplaintStatuses.Running.Contains(r.Status) &&
        ((r.FirstResponseAtUtc is null && r.ResponseDueUtc < NowUtc) || r.ResolutionDueUtc < NowUtc);
}
