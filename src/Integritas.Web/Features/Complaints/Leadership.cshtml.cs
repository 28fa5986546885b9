using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>Leadership's view: breaches now, the oldest open reports, and the OPD ranking of the year.</summary>
public sealed class LeadershipModel(IntegritasDbContext db, ComplaintStatistics statistics, TimeProvider time) : PageModel
{
    public sealed record OpenRow(string TrackingNumber, string Category, ComplaintStatus Status, string? Opd, DateTime ReceivedAtUtc, DateTime? ResponseDueUtc, DateTime? FirstResponseAtUtc, DateTime? ResolutionDueUtc);

    public sealed record BreachRow(string Opd, int ResponseBreaches, int ResolutionBreaches);

    public List<BreachRow> Breaches { get; private set; } = [];

    public List<OpenRow> Oldest { get; private set; } = [];

    public ComplaintDashboard Year { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    public static readonly string[] AllowedRoles = [Roles.Leadership, Roles.Admin, Roles.Verifier, Roles.Auditor];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AllowedRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        NowUtc = time.GetUtcNow().UtcDateTime;
        var now = NowUtc;
        var overdue = await db.Complaints.AsNoTracking().Overdue(now)
            .Select(c => new { Opd = c.Opd!.Name, Response = c.FirstResponseAtUtc == null && c.ResponseDueUtc < now, Resolution = c.ResolutionDueUtc < now })
            .ToListAsync(ct);
        Breaches = [.. overdue.GroupBy(o => o.Opd ?? "(belum didisposisikan)")
            .Select(g => new BreachRow(g.Key, g.Count(x => x.Response), g.Count(x => x.Resolution)))
            .OrderByDescending(b => b.ResponseBreaches + b.ResolutionBreaches).ThenBy(b => b.Opd, StringComparer.Ordinal)];
        Oldest = await db.Complaints.AsNoTracking().OpenOnes()
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id).Take(15)
            .Select(c => new OpenRow(c.TrackingNumber, c.Category!.NameId, c.Status, c.Opd!.Name, c.ReceivedAtUtc, c.ResponseDueUtc, c.FirstResponseAtUtc, c.ResolutionDueUtc))
            .ToListAsync(ct);
        Year = await statistics.ForYearAsync(statistics.ThisYear, ct);
        return Page();
    }
}
