using Integritas.Core.Budget;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>One payment (SP2D) with its line items: the "box of paper" at the end of the drill-down.</summary>
public sealed class PaymentModel(BudgetPortal portal, Hosting.Ui ui) : PageModel
{
    public PaymentDetail Detail { get; private set; } = null!;

    public int Year => Detail.Payment.Date.Year;

    public List<Crumb> Crumbs
    {
        get
        {
            var p = Detail.Payment;
            return
            [
                new(ui.T("Beranda", "Home"), "/"),
                new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)),
                new(Detail.OpdName, BudgetLinks.Opd(p.OpdId, Year)),
                new(Detail.NameOf(p.SubKegiatanCode), BudgetLinks.Sub(p.OpdId, p.SubKegiatanCode, Year)),
                new(p.Id),
            ];
        }
    }

    public string NameOf(string code) => Detail.NameOf(code);

    public static string ProgramOf(string code) => BudgetCodes.ProgramOf(code);

    public static string KegiatanOf(string code) => BudgetCodes.KegiatanOf(code);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 60 || await portal.PaymentAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
