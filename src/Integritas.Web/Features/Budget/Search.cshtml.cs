using Integritas.Data;
using Integritas.Web.Features.Shared;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget;

/// <summary>
/// Payment search: OPD, vendor, account, month, amount range and description text, sorted and paged, with a CSV
/// export of the same result. Bad filter values answer 400 with the fields named, never a server error.
/// </summary>
public sealed class SearchModel(IntegritasDbContext db, BudgetPortal portal, Ui ui) : PageModel
{
    public sealed record OpdOption(string Code, string Name);

    public PaymentSearchInput Input { get; private set; } = new();

    public PaymentSearch? Search { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public List<OpdOption> Opds { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public List<PaymentRow> Rows { get; private set; } = [];

    public const int CountCap = 10_000;

    public Pager? Pager { get; private set; }

    public bool Capped { get; private set; }

    public int Year => Search?.Year ?? portal.ThisYear;

    public List<Crumb> Crumbs => [new(ui.T("Beranda", "Home"), "/"), new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)), new(ui.T("Cari pembayaran", "Search payments"))];

    public FieldErrors ErrorsOf(string field) => FieldErrors.For(field, Errors, field);

    public string? SortLink(string sort) => Search is null ? null : $"/anggaran/cari?{Search.QueryString(withSort: false)}&sort={sort}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = PaymentSearchInput.From(Request.Query);
        var (defaultYear, years, _) = await portal.ChooseYearAsync(null, ct);
        Years = years;
        Opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Code).Select(o => new OpdOption(o.Code, o.Name)).ToListAsync(ct);
        (Search, Errors) = await PaymentSearch.ParseAsync(Input with { PageSize = null }, db, defaultYear, "date_desc", ct);
        if (Search is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!Years.Contains(Search.Year))
        {
            Years = [.. Years.Append(Search.Year).OrderDescending()];
        }

        var query = await Search.ApplyAsync(db, ct);
        // Counting every payment of a year is slow at tens of millions: the page counts up to a cap and says "more
        // than"; the CSV export and the JSON API give the whole result.
        var total = await query.Take(CountCap + 1).CountAsync(ct);
        Capped = total > CountCap;
        Pager = new Pager(Request, Search.Page, Search.PageSize, Math.Min(total, CountCap));
        Rows = await Search.Ordered(portal.Rows(query)).Skip(Pager.Skip).Take(Search.PageSize).ToListAsync(ct);
        return Page();
    }
}
