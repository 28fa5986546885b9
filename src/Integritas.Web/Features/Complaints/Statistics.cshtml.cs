using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Complaints;

/// <summary>The public complaint dashboard: a year's figures overall, by category, kecamatan and OPD, by month, and on a map.</summary>
public sealed class StatisticsModel(ComplaintStatistics statistics) : PageModel
{
    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    public ComplaintDashboard Dashboard { get; private set; } = null!;

    public bool BadYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisYear = statistics.ThisYear;
        if (Year is { } y && (y < 2000 || y > thisYear))
        {
            BadYear = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Year = thisYear;
        }

        Year ??= thisYear;
        Dashboard = await statistics.ForYearAsync(Year.Value, ct);
    }

    public int ThisYear => statistics.ThisYear;

    /// <summary>Chart data for the page's script (the tables beside the charts carry the same numbers).</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        months = Dashboard.Monthly.Select(m => m.Month),
        received = Dashboard.Monthly.Select(m => m.Received),
        resolved = Dashboard.Monthly.Select(m => m.Resolved),
        categories = Dashboard.ByCategory.Select(c => c.Name),
        categoryCounts = Dashboard.ByCategory.Select(c => c.Figures.Received),
        districts = Dashboard.ByDistrict.Where(d => d.Code != ComplaintStatistics.NoDistrict).ToDictionary(d => d.Code, d => d.Figures.Received),
    });
}
