using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Procurement;

/// <summary>The public list of procurement packages (the RUP and its tenders), filtered, sorted and paged.</summary>
public sealed class PackagesModel(IntegritasDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string Code, string Name, string OpdName, int FiscalYear, ProcurementMethod Method, ProcurementCategory Category,
        ProcurementStage Stage, decimal? Hps, decimal? Pagu, int Bids, string? Supplier);

    public sealed record Option(string Value, string Label);

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "opd")]
    public int? OpdId { get; set; }

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    [FromQuery(Name = "metode")]
    public ProcurementMethod? Method { get; set; }

    [FromQuery(Name = "tahap")]
    public ProcurementStage? Stage { get; set; }

    /// <summary>kode, nama, hps, hps-turun, tahun (default: newest year, then code).</summary>
    [FromQuery(Name = "urut")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<Option> Opds { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A bad filter value (e.g. ?metode=x) is a 400 with the field named, not a page that ignores it.
        if (!ModelState.IsValid)
        {
            return BadRequest(new ValidationProblemDetails(ModelState));
        }

        Opds = await db.ConstructionPackages.AsNoTracking().Select(p => new { p.OpdId, p.Opd!.Name }).Distinct().OrderBy(o => o.Name)
            .Select(o => new Option(o.OpdId.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name)).ToListAsync(ct);
        Years = await db.ConstructionPackages.AsNoTracking().Where(p => p.FiscalYear > 0).Select(p => p.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);

        var query = db.ConstructionPackages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Code.ToLower().Contains(q) || p.Name.ToLower().Contains(q) || (p.ContractorCompany != null && p.ContractorCompany.ToLower().Contains(q)));
        }

        if (OpdId is { } opd)
        {
            query = query.Where(p => p.OpdId == opd);
        }

        if (Year is { } year)
        {
            query = query.Where(p => p.FiscalYear == year);
        }

        if (Method is { } method)
        {
            query = query.Where(p => p.Method == method);
        }

        if (Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }

        query = Sort switch
        {
            "kode" => query.OrderBy(p => p.Code),
            "nama" => query.OrderBy(p => p.Name).ThenBy(p => p.Code),
            "hps" => query.OrderBy(p => p.Hps ?? p.Pagu).ThenBy(p => p.Code),
            "hps-turun" => query.OrderByDescending(p => p.Hps ?? p.Pagu).ThenBy(p => p.Code),
            _ => query.OrderByDescending(p => p.FiscalYear).ThenBy(p => p.Code),
        };
        Pager = new Pager(Request, PageNumber, PageSize, await query.CountAsync(ct));
        Rows = await query.Skip(Pager.Skip).Take(PageSize)
            .Select(p => new Row(p.Code, p.Name, p.Opd!.Name, p.FiscalYear, p.Method, p.Category, p.Stage, p.Hps, p.Pagu,
                db.Bids.Count(b => b.PackageId == p.Id), p.SupplierVendor != null ? p.SupplierVendor.Name : null))
            .ToListAsync(ct);
        return Page();
    }
}
