using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>The verifier's queue: evidence awaiting review across packages, flagged items first.</summary>
public sealed class ReviewQueueModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(long Id, string PackageCode, string PackageName, string Milestone, EvidenceKind Kind, DateTime CapturedAtUtc, DateTime UploadedAtUtc, EvidenceFlags Flags, double DistanceMeters);

    [FromQuery]
    public bool Flagged { get; set; }

    [FromQuery]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public EvidenceReview Review { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(User.IsInRole(Roles.Verifier) || User.IsInRole(Roles.Auditor) || User.IsInRole(Roles.Leadership)))
        {
            return Forbid();
        }

        Review = Enum.TryParse<EvidenceReview>(Status, out var review) && Enum.IsDefined(review) ? review : EvidenceReview.Pending;
        var query = db.EvidenceItems.AsNoTracking().Where(i => i.Review == Review);
        if (Flagged)
        {
            query = query.Where(i => i.Flags != EvidenceFlags.None);
        }

        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.OrderByDescending(i => i.Flags != EvidenceFlags.None).ThenBy(i => i.UploadedAtUtc).ThenBy(i => i.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(i => new Row(i.Id, i.Package!.Code, i.Package.Name, i.Milestone!.Name, i.Kind, i.CapturedAtUtc, i.UploadedAtUtc, i.Flags, i.DistanceFromSiteMeters))
            .ToListAsync(ct);
        return Page();
    }
}
