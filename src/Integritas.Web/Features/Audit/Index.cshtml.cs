using System.Text;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Audit;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Audit;

[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 50;

    [FromQuery]
    public string? Entity { get; set; }

    [FromQuery]
    public string? EntityId { get; set; }

    [FromQuery]
    public string? Actor { get; set; }

    [FromQuery]
    public AuditAction? Action { get; set; }

    [FromQuery]
    public DateOnly? From { get; set; }

    [FromQuery]
    public DateOnly? To { get; set; }

    [FromQuery]
    public string? Format { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<AuditEntry> Rows { get; private set; } = [];

    public List<string> EntityTypes { get; private set; } = [];

    private static DateOnly? Clamp(DateOnly? date) => date is { } d
        ? (d < new DateOnly(2000, 1, 1) ? new DateOnly(2000, 1, 1) : d > new DateOnly(2999, 12, 31) ? new DateOnly(2999, 12, 31) : d)
        : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.EntityType == Entity);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(a => a.EntityId == EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.ActorName.Contains(Actor.Trim()));
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        // Dates far outside any audit trail would overflow the conversion to UTC; keep them in a sane range.
        From = Clamp(From);
        To = Clamp(To);
        if (From is { } from)
        {
            var start = Wib.StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = Wib.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }

        query = query.OrderByDescending(a => a.Id);
        if (Format == "csv")
        {
            var csv = new StringBuilder("id,at_utc,at_wib,actor_id,actor_name,action,entity_type,entity_id,changes\n");
            await foreach (var a in query.Take(100_000).AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.AppendJoin(',', new[]
                {
                    a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    Wib.FromUtc(a.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    a.ActorId, a.ActorName, a.Action.ToString(), a.EntityType, a.EntityId, a.Changes,
                }.Select(Csv.Escape)).Append('\n');
            }

            return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "audit.csv");
        }

        EntityTypes = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
