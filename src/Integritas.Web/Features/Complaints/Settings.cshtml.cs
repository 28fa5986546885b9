using System.Globalization;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Coordinators keep the complaint settings current: the holiday calendar the working-day clock skips, the routing
/// rules that choose the OPD at disposition, and each category's SLA targets and reward points. Every change goes to
/// the audit trail.
/// </summary>
public sealed class SettingsModel(IntegritasDbContext db, Ui ui) : PageModel
{
    public sealed record RuleRow(int Id, int Priority, string? Category, string? District, string Opd);

    public List<ComplaintCategory> CategoryTargets { get; private set; } = [];

    public List<Holiday> Holidays { get; private set; } = [];

    public List<RuleRow> Rules { get; private set; } = [];

    public List<(int Id, string Name)> Categories { get; private set; } = [];

    public List<(int Id, string Name)> Districts { get; private set; } = [];

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [FromQuery(Name = "tahun")]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? HolidayDate { get; set; }

    [BindProperty]
    public string? HolidayName { get; set; }

    [BindProperty]
    public int? RuleCategoryId { get; set; }

    [BindProperty]
    public int? RuleDistrictId { get; set; }

    [BindProperty]
    public int? RuleOpdId { get; set; }

    [BindProperty]
    public int RulePriority { get; set; } = 100;

    [BindProperty]
    public int? ResponseHours { get; set; }

    [BindProperty]
    public int? ResolutionWorkingDays { get; set; }

    [BindProperty]
    public int? RewardPoints { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    /// <summary>The category whose row has errors (its inputs show them).</summary>
    public int? EditedCategoryId { get; private set; }

    private bool Allowed => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Verifier);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostHolidayAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        var name = HolidayName?.Trim();
        if (HolidayDate is null)
        {
            Errors["HolidayDate"] = [ui.T("Isi tanggal.", "Give the date.")];
        }
        else if (await db.Holidays.AnyAsync(h => h.Date == HolidayDate, ct))
        {
            Errors["HolidayDate"] = [ui.T("Tanggal ini sudah ada di kalender.", "This date is already in the calendar.")];
        }

        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            Errors["HolidayName"] = [ui.T("Isi nama hari libur (paling banyak 200 karakter).", "Give the holiday's name (at most 200 characters).")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        db.Holidays.Add(new Holiday { Date = HolidayDate!.Value, Name = name! });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = ui.T("Hari libur ditambahkan. Batas waktu laporan baru memperhitungkannya.", "Holiday added. New reports' due dates take it into account.");
        return Redirect($"/admin/aduan/pengaturan?tahun={HolidayDate.Value.Year}#libur");
    }

    public async Task<IActionResult> OnPostDeleteHolidayAsync(int id, CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        if (await db.Holidays.SingleOrDefaultAsync(h => h.Id == id, ct) is { } holiday)
        {
            db.Holidays.Remove(holiday);
            await db.SaveChangesAsync(ct);
        }

        TempData["Message"] = ui.T("Hari libur dihapus.", "Holiday removed.");
        return Redirect("/admin/aduan/pengaturan#libur");
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        if (RuleOpdId is null || !await db.Opds.AnyAsync(o => o.Id == RuleOpdId && o.IsActive, ct))
        {
            Errors["RuleOpdId"] = [ui.T("Pilih OPD tujuan.", "Choose the agency.")];
        }

        if (RuleCategoryId is { } c && !await db.ComplaintCategories.AnyAsync(x => x.Id == c, ct))
        {
            Errors["RuleCategoryId"] = [ui.T("Kategori tidak dikenal.", "Unknown category.")];
        }

        if (RuleDistrictId is { } d && !await db.Regions.AnyAsync(x => x.Id == d && x.Level == Core.Organisation.RegionLevel.District, ct))
        {
            Errors["RuleDistrictId"] = [ui.T("Kecamatan tidak dikenal.", "Unknown district.")];
        }

        if (RulePriority is < 1 or > 10_000)
        {
            Errors["RulePriority"] = [ui.T("Prioritas 1–10.000.", "Priority 1–10,000.")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        db.RoutingRules.Add(new RoutingRule { CategoryId = RuleCategoryId, DistrictId = RuleDistrictId, OpdId = RuleOpdId!.Value, Priority = RulePriority });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = ui.T("Aturan disposisi ditambahkan.", "Routing rule added.");
        return Redirect("/admin/aduan/pengaturan#aturan");
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(int id, CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        if (await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct) is { } rule)
        {
            db.RoutingRules.Remove(rule);
            await db.SaveChangesAsync(ct);
        }

        TempData["Message"] = ui.T("Aturan disposisi dihapus.", "Routing rule removed.");
        return Redirect("/admin/aduan/pengaturan#aturan");
    }

    /// <summary>A category's SLA targets, reward points and whether citizens can choose it.</summary>
    public async Task<IActionResult> OnPostCategoryAsync(int id, CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        var category = await db.ComplaintCategories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return NotFound();
        }

        if (ResponseHours is not (>= 1 and <= 720))
        {
            Errors["ResponseHours"] = [ui.T("Target tanggapan 1–720 jam.", "Response target 1–720 hours.")];
        }

        if (ResolutionWorkingDays is not (>= 1 and <= 365))
        {
            Errors["ResolutionWorkingDays"] = [ui.T("Target penyelesaian 1–365 hari kerja.", "Resolution target 1–365 working days.")];
        }

        if (RewardPoints is not (>= 0 and <= 10_000))
        {
            Errors["RewardPoints"] = [ui.T("Poin 0–10.000.", "Points 0–10,000.")];
        }

        if (Errors.Count > 0)
        {
            EditedCategoryId = id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        category.ResponseHours = ResponseHours!.Value;
        category.ResolutionWorkingDays = ResolutionWorkingDays!.Value;
        category.RewardPoints = RewardPoints!.Value;
        category.IsActive = IsActive;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = ui.T($"Kategori {category.NameId} disimpan. Target baru berlaku untuk laporan baru dan perubahan status berikutnya.",
            $"Category {category.NameEn} saved. New targets apply to new reports and the next status changes.");
        return Redirect("/admin/aduan/pengaturan#kategori");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CategoryTargets = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.NameId).ToListAsync(ct);
        Year ??= Core.Time.Wib.FromUtc(DateTimeOffset.UtcNow).Year;
        var from = new DateOnly(Year.Value, 1, 1);
        var to = from.AddYears(1);
        Holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date < to).OrderBy(h => h.Date).ToListAsync(ct);
        Rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Priority).ThenBy(r => r.Id)
            .Select(r => new RuleRow(r.Id, r.Priority, r.Category!.NameId, r.District!.Name, r.Opd!.Name)).ToListAsync(ct);
        Categories = [.. (await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.NameId }).ToListAsync(ct)).Select(c => (c.Id, c.NameId))];
        var home = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegritasOptions>>().Value.HomeRegionCode;
        Districts = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == Core.Organisation.RegionLevel.District && r.Code.StartsWith(home + "."))
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name))];
        Opds = [.. (await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
