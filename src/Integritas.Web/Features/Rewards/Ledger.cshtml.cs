using System.Globalization;
using CsvHelper;
using Integritas.Core.Rewards;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Rewards;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Rewards;

/// <summary>
/// The reward programme for staff: points earned, taken back and spent, vouchers issued and consumed (by which
/// office, for what), with filters, paging and CSV export. No citizen's number is shown.
/// </summary>
public sealed class LedgerModel(IntegritasDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.Verifier, Roles.Auditor, Roles.Leadership];

    public sealed record Totals(int Accounts, int Verified, long Earned, long Reversed, long Redeemed, int Vouchers, int Consumed, int Expired, long ValueIssued, long ValueConsumed);

    public sealed record Row(string Code, VoucherPurpose Purpose, int Points, long ValueRupiah, DateTime IssuedAtUtc, DateTime ExpiresAtUtc,
        DateTime? ConsumedAtUtc, string? ConsumedBy, string? Reference, long AccountId);

    /// <summary><c>aktif</c>, <c>dipakai</c>, <c>kedaluwarsa</c>, or all.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "untuk")]
    public VoucherPurpose? Purpose { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Totals Summary { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReaderRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        NowUtc = time.GetUtcNow().UtcDateTime;
        var now = NowUtc;
        var vouchers = db.RewardVouchers.AsNoTracking();
        var lines = db.PointsEntries.AsNoTracking();
        Summary = new Totals(
            await db.CitizenAccounts.CountAsync(ct),
            await db.CitizenAccounts.CountAsync(a => a.PhoneVerifiedAtUtc != null, ct),
            await lines.Where(l => l.Reason == PointsReason.Earned).SumAsync(l => (long)l.Points, ct),
            -await lines.Where(l => l.Reason == PointsReason.Reversed).SumAsync(l => (long)l.Points, ct),
            -await lines.Where(l => l.Reason == PointsReason.Redeemed).SumAsync(l => (long)l.Points, ct),
            await vouchers.CountAsync(ct),
            await vouchers.CountAsync(v => v.ConsumedAtUtc != null, ct),
            await vouchers.CountAsync(v => v.ConsumedAtUtc == null && v.ExpiresAtUtc <= now, ct),
            await vouchers.SumAsync(v => v.ValueRupiah, ct),
            await vouchers.Where(v => v.ConsumedAtUtc != null).SumAsync(v => v.ValueRupiah, ct));

        var query = Filtered(now);
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await Project(query.OrderByDescending(v => v.IssuedAtUtc).ThenByDescending(v => v.Id).Skip(Pager.Skip).Take(PageSize)).ToListAsync(ct);
        return Page();
    }

    /// <summary>The filtered vouchers as CSV (UTF-8, comma-separated, ISO 8601 UTC times).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ReaderRoles.Any(User.IsInRole))
        {
            return Forbid();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await Project(Filtered(now).OrderBy(v => v.IssuedAtUtc).ThenBy(v => v.Id)).ToListAsync(ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "code", "purpose", "points", "value_rupiah", "issued_at_utc", "expires_at_utc", "status", "consumed_at_utc", "consumed_by", "reference", "account" })
            {
                csv.WriteField(header);
            }

            await csv.NextRecordAsync();
            foreach (var r in rows)
            {
                foreach (var field in new object?[]
                {
                    r.Code, r.Purpose == VoucherPurpose.PropertyTax ? "pbb" : "sekolah", r.Points, r.ValueRupiah, Iso(r.IssuedAtUtc), Iso(r.ExpiresAtUtc),
                    StateOf(r, now), r.ConsumedAtUtc is { } c ? Iso(c) : "", r.ConsumedBy ?? "", r.Reference ?? "", r.AccountId,
                })
                {
                    csv.WriteField(field);
                }

                await csv.NextRecordAsync();
            }
        }

        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "voucher-poin.csv");
    }

    public static string StateOf(Row r, DateTime nowUtc) => r.ConsumedAtUtc is not null ? "consumed" : r.ExpiresAtUtc <= nowUtc ? "expired" : "valid";

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private IQueryable<RewardVoucher> Filtered(DateTime now)
    {
        var query = db.RewardVouchers.AsNoTracking();
        query = Status switch
        {
            "aktif" => query.Where(v => v.ConsumedAtUtc == null && v.ExpiresAtUtc > now),
            "dipakai" => query.Where(v => v.ConsumedAtUtc != null),
            "kedaluwarsa" => query.Where(v => v.ConsumedAtUtc == null && v.ExpiresAtUtc <= now),
            _ => query,
        };
        if (Purpose is { } purpose)
        {
            query = query.Where(v => v.Purpose == purpose);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // A whole code as typed (any case, dashes or not), or a part of one.
            var term = VoucherCode.TryNormalize(Search, out var code) ? code : Search.Trim().ToUpperInvariant();
            query = query.Where(v => v.Code.Contains(term) || (v.ConsumedReference != null && v.ConsumedReference.Contains(Search.Trim())));
        }

        return query;
    }

    private IQueryable<Row> Project(IQueryable<RewardVoucher> query) =>
        from v in query
        join k in db.ApiKeys on v.ConsumedByKeyId equals (int?)k.Id into keys
        from k in keys.DefaultIfEmpty()
        select new Row(v.Code, v.Purpose, v.Points, v.ValueRupiah, v.IssuedAtUtc, v.ExpiresAtUtc, v.ConsumedAtUtc, k == null ? null : k.Name, v.ConsumedReference, v.AccountId);
}
