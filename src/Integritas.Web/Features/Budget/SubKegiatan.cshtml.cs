using Integritas.Core.Budget;
using Integritas.Data.Budget;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>One sub kegiatan of an OPD: its accounts with pagu and realisation, and its payments, paged.</summary>
public sealed class SubKegiatanModel(BudgetPortal portal, Ui ui) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "tahun")]
    public string? YearText { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Year { get; private set; }

    public OpdRef Opd { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public Dictionary<string, string> Names { get; private set; } = [];

    public List<AccountRow> Accounts { get; private set; } = [];

    public BudgetAmounts Total { get; private set; }

    public List<PaymentRow> Payments { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public string NameOf(string code) => Names.GetValueOrDefault(code) ?? code;

    public List<Crumb> Crumbs =>
    [
        new(ui.T("Beranda", "Home"), "/"),
        new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)),
        new(Opd.Name, BudgetLinks.Opd(Opd.Id, Year)),
        new(NameOf(Code)),
    ];

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        if (!BudgetCodes.IsSubKegiatan(code) || await portal.OpdAsync(id, ct) is not { } opd)
        {
            return NotFound();
        }

        Opd = opd;
        Code = code;
        (Year, _, _) = await portal.ChooseYearAsync(YearText, ct);
        Names = await portal.NamesAsync([BudgetCodes.ProgramOf(code), BudgetCodes.KegiatanOf(code), code], [BudgetCodeKind.Program, BudgetCodeKind.Kegiatan, BudgetCodeKind.SubKegiatan], ct);
        Accounts = await portal.AccountsAsync(id, Year, code, ct);
        Total = Accounts.Aggregate(default(BudgetAmounts), (s, a) => s + a.Amounts);
        var page = Math.Clamp(PageNumber, 1, Paging.MaxPage);
        var (rows, total) = await portal.SubKegiatanPaymentsAsync(id, Year, code, page, PageSize, ct);
        Pager = new Pager(Request, page, PageSize, total);
        if (rows.Count == 0 && total > 0)
        {
            // A page past the end shows the last page rather than an empty list.
            (rows, _) = await portal.SubKegiatanPaymentsAsync(id, Year, code, Pager.PageCount, PageSize, ct);
            Pager = new Pager(Request, Pager.PageCount, PageSize, total);
        }

        Payments = rows;
        return Page();
    }
}
