using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>The regency total of a year: pagu, realisation and absorption per OPD, by month and by account group.</summary>
public sealed class IndexModel(BudgetPortal portal, Hosting.Ui ui) : PageModel
{
    [FromQuery(Name = "tahun")]
    public string? YearText { get; set; }

    [FromQuery(Name = "urut")]
    public string? SortBy { get; set; }

    [FromQuery(Name = "arah")]
    public string? Direction { get; set; }

    public int Year { get; private set; }

    public List<int> Years { get; private set; } = [];

    public bool BadYear { get; private set; }

    public RegencyBudget Budget { get; private set; } = null!;

    public List<OpdAbsorption> Rows { get; private set; } = [];

    public string ChartJson { get; private set; } = "{}";

    public bool Ascending => Direction == "naik";

    public List<Crumb> Crumbs => [new(ui.T("Beranda", "Home"), "/"), new(ui.T($"Anggaran {Year}", $"Budget {Year}"))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Year, Years, BadYear) = await portal.ChooseYearAsync(YearText, ct);
        Budget = await portal.RegencyAsync(Year, ct);
        Rows = Sort(Budget.Opds, SortBy, Ascending);
        ChartJson = JsonSerializer.Serialize(new
        {
            opds = Rows.Select(o => o.ShortName ?? o.Name),
            absorption = Rows.Select(o => o.Amounts.AbsorptionPct),
            months = Budget.ByMonth,
        });
    }

    public static List<OpdAbsorption> Sort(IEnumerable<OpdAbsorption> rows, string? by, bool ascending)
    {
        Func<OpdAbsorption, object?> key = by switch
        {
            "nama" => o => o.Name,
            "pagu" => o => o.Amounts.Pagu,
            "realisasi" => o => o.Amounts.Realisation,
            "serapan" => o => o.Amounts.AbsorptionPct ?? -1m,
            _ => o => o.Code,
        };
        var byKey = by is "nama" or "pagu" or "realisasi" or "serapan";
        return ascending || !byKey ? [.. rows.OrderBy(key).ThenBy(o => o.Code, StringComparer.Ordinal)] : [.. rows.OrderByDescending(key).ThenBy(o => o.Code, StringComparer.Ordinal)];
    }
}
