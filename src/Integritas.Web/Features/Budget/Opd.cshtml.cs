using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>One OPD's budget: program → kegiatan → sub kegiatan with pagu, realisation and absorption.</summary>
public sealed class OpdModel(BudgetPortal portal, Hosting.Ui ui) : PageModel
{
    [FromQuery(Name = "tahun")]
    public string? YearText { get; set; }

    public int Year { get; private set; }

    public List<int> Years { get; private set; } = [];

    public bool BadYear { get; private set; }

    public OpdRef Opd { get; private set; } = null!;

    public List<BudgetNode> Programs { get; private set; } = [];

    public BudgetAmounts Total { get; private set; }

    public string ChartJson { get; private set; } = "{}";

    public List<Crumb> Crumbs => [new(ui.T("Beranda", "Home"), "/"), new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)), new(Opd.Name)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await portal.OpdAsync(id, ct) is not { } opd)
        {
            return NotFound();
        }

        Opd = opd;
        (Year, Years, BadYear) = await portal.ChooseYearAsync(YearText, ct);
        Programs = await portal.OpdTreeAsync(id, Year, ct);
        Total = Programs.Aggregate(default(BudgetAmounts), (s, p) => s + p.Amounts);
        ChartJson = JsonSerializer.Serialize(new
        {
            programs = Programs.Select(p => p.Name.Length > 40 ? p.Name[..40] + "…" : p.Name),
            programAbsorption = Programs.Select(p => p.Amounts.AbsorptionPct),
        });
        return Page();
    }
}
