using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>One desa's funds in a year: transfers received per source and tahap, and spending per activity.</summary>
public sealed class DesaModel(VillageFunds funds, BudgetPortal portal, Hosting.Ui ui) : PageModel
{
    [FromQuery(Name = "tahun")]
    public string? YearText { get; set; }

    public int Year { get; private set; }

    public List<int> Years { get; private set; } = [];

    public DesaFunds Desa { get; private set; } = null!;

    public string ChartJson { get; private set; } = "{}";

    public VillageFunds Funds => funds;

    public List<Crumb> Crumbs =>
    [
        new(ui.T("Beranda", "Home"), "/"),
        new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)),
        new(ui.T("Dana desa", "Village funds"), BudgetLinks.Village(Year)),
        .. Desa.KecamatanId is { } k ? new[] { new Crumb(ui.T($"Kecamatan {Desa.KecamatanName}", $"{Desa.KecamatanName} district"), BudgetLinks.Village(Year, k)) } : [],
        new($"{Desa.KindLabel} {Desa.Name}"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        (Year, Years, _) = BudgetPortal.ChooseYear(YearText, await funds.YearsAsync(ct), portal.ThisYear);
        if (await funds.DesaAsync(id, Year, ct) is not { } desa)
        {
            return NotFound();
        }

        Desa = desa;
        var byActivity = desa.Spending.GroupBy(s => (s.ActivityCode, s.ActivityName)).Select(g => (g.Key.ActivityName, Amount: g.Sum(s => s.Amount))).ToList();
        ChartJson = JsonSerializer.Serialize(new { activities = byActivity.Select(a => a.ActivityName), activityAmounts = byActivity.Select(a => a.Amount) });
        return Page();
    }
}
