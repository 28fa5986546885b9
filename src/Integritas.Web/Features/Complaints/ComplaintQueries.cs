using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>Query pieces the public list and the workspace queue share.</summary>
public static class ComplaintQueries
{
    /// <summary>A tracking number (however typed) finds that report; other text searches the descriptions.</summary>
    public static IQueryable<Complaint> Matching(this IQueryable<Complaint> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var term = search.Trim();
        return TrackingNumber.TryNormalize(term, out var number)
            ? query.Where(c => c.TrackingNumber == number)
            : query.Where(c => EF.Functions.Like(c.Description, "%" + term.Replace("%", "", StringComparison.Ordinal) + "%"));
    }

    /// <summary>Running reports past a due moment: unanswered past the response due, or past the resolution due.</summary>
    public static IQueryable<Complaint> Overdue(this IQueryable<Complaint> query, DateTime nowUtc)
    {
        var running = ComplaintStatuses.Running.ToList();
        return query.Where(c => running.Contains(c.Status)
            && ((c.FirstResponseAtUtc == null && c.ResponseDueUtc < nowUtc) || c.ResolutionDueUtc < nowUtc));
    }

    /// <summary>Reports Open311 calls open.</summary>
    public static IQueryable<Complaint> OpenOnes(this IQueryable<Complaint> query)
    {
        var open = ComplaintStatuses.Open.ToList();
        return query.Where(c => open.Contains(c.Status));
    }

    public static IQueryable<Complaint> InCategory(this IQueryable<Complaint> query, string? category) =>
        string.IsNullOrWhiteSpace(category) ? query : query.Where(c => c.Category!.Code == category);

    /// <summary>Category codes and Indonesian names, in the form's order, for filter lists.</summary>
    public static async Task<List<(string Code, string Name)>> CategoryChoicesAsync(IntegritasDbContext db, CancellationToken ct) =>
        [.. (await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Code, c.NameId }).ToListAsync(ct)).Select(c => (c.Code, c.NameId))];
}
