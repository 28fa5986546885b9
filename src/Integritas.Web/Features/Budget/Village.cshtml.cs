using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Budget;

/// <summary>
/// Village funds: the flow from Dana Desa (APBN), ADD (APBD) and bagi hasil through the kabupaten to the kecamatan,
/// their desa and the activities (a Sankey), a map by kecamatan or desa, and the same figures as tables.
/// </summary>
public sealed class VillageModel(VillageFunds funds, BudgetPortal portal, Hosting.Ui ui) : PageModel
{
    [FromQuery(Name = "tahun")]
    public string? YearText { get; set; }

    [FromQuery(Name = "kecamatan")]
    public int? KecamatanId { get; set; }

    /// <summary>What the map colours: <c>diterima</c> (funds received, default) or <c>serapan</c> (share spent).</summary>
    [FromQuery(Name = "peta")]
    public string? MapMeasure { get; set; }

    public int Year { get; private set; }

    public List<int> Years { get; private set; } = [];

    public bool BadYear { get; private set; }

    public VillageOverview Overview { get; private set; } = null!;

    public bool ShareSpent => MapMeasure == "serapan";

    public string ChartJson { get; private set; } = "{}";

    public List<Crumb> Crumbs => Overview.Chosen is { } k
        ? [new(ui.T("Beranda", "Home"), "/"), new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)), new(ui.T("Dana desa", "Village funds"), BudgetLinks.Village(Year)), new(ui.T($"Kecamatan {k.Name}", $"{k.Name} district"))]
        : [new(ui.T("Beranda", "Home"), "/"), new(ui.T($"Anggaran {Year}", $"Budget {Year}"), BudgetLinks.Regency(Year)), new(ui.T("Dana desa", "Village funds"))];

    public string Label(string key) => Overview.Labels.GetValueOrDefault(key) ?? key;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Year, Years, BadYear) = BudgetPortal.ChooseYear(YearText, await funds.YearsAsync(ct), portal.ThisYear);
        if (await funds.OverviewAsync(Year, KecamatanId, ct) is not { } overview)
        {
            return NotFound();
        }

        Overview = overview;
        var areas = overview.Chosen is null ? overview.Kecamatan : overview.Desa;
        ChartJson = JsonSerializer.Serialize(new
        {
            flows = overview.Flows.Select(f => new { from = f.From, to = f.To, flow = f.Amount }),
            labels = overview.Labels,
            level = overview.Chosen is null ? "kecamatan" : "desa",
            district = overview.Chosen?.Code,
            values = areas.ToDictionary(a => a.Code, a => ShareSpent ? a.SpentPct ?? 0 : a.Received),
            measure = ShareSpent ? "%" : "Rp",
        });
        return Page();
    }
}
