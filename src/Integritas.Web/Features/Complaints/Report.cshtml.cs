using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>A citizen reports a problem: category, description, photos, place (pin, desa or address), optional contact.</summary>
public sealed class ReportModel(IntegritasDbContext db, ComplaintIntake intake, Microsoft.Extensions.Options.IOptions<IntegritasOptions> options) : PageModel
{
    public const string ReporterKeyTempData = "ReporterKey";

    public List<ComplaintCategory> Categories { get; private set; } = [];

    /// <summary>Desa/kelurahan of the home regency by kecamatan, for the place picker.</summary>
    public List<(string District, List<(string Code, string Name)> Villages)> Villages { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool HideName { get; set; }

    /// <summary>Made when the form is shown, so a second press of "send" (or a retry after a dropped connection) does not report twice.</summary>
    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public async Task OnGetAsync(string? kategori, CancellationToken ct)
    {
        Category = kategori;
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using (var uploads = await FormPhotos.OpenAsync(Photos, ct))
        {
            var result = await intake.SubmitAsync(new ComplaintSubmission
            {
                CategoryCode = Category,
                Description = Description,
                Latitude = Latitude,
                Longitude = Longitude,
                RegionCode = string.IsNullOrWhiteSpace(Region) ? null : Region,
                Address = Address,
                Photos = uploads.Uploads,
                Name = Name,
                Phone = Phone,
                Email = Email,
                HideName = HideName,
                IdempotencyKey = IdempotencyKey,
                Channel = ComplaintChannel.Web,
                ReporterUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
                CitizenAccountId = await Rewards.CitizenSignIn.AccountIdAsync(HttpContext),
            }, ct);
            if (result.Succeeded)
            {
                if (result.ReporterKey is { } key)
                {
                    TempData[ReporterKeyTempData] = key;
                }

                return Redirect($"/lapor/{result.Complaint!.TrackingNumber}");
            }

            Errors = result.Errors;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.NameId).ToListAsync(ct);
        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == Core.Organisation.RegionLevel.Village && r.Code.StartsWith(options.Value.HomeRegionCode + "."))
            .OrderBy(r => r.Parent!.Name).ThenBy(r => r.Name)
            .Select(r => new { r.Code, r.Name, District = r.Parent!.Name })
            .ToListAsync(ct);
        Villages = [.. villages.GroupBy(v => v.District).Select(g => (g.Key, g.Select(v => (v.Code, v.Name)).ToList()))];
    }
}
