using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

/// <summary>Browse the administrative areas, rename one, or add one below it (Admin). Bulk changes go through CSV import.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class RegionsAdminModel(IntegritasDbContext db, Ui ui) : PageModel
{
    public Region? Current { get; private set; }

    public List<Region> Ancestors { get; } = [];

    public List<Region> Children { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ChildCode { get; set; }

    [BindProperty]
    public string? ChildName { get; set; }

    public string CodeExample => Current?.Level switch
    {
        null => "12",
        RegionLevel.Province => Current.Code + ".05",
        RegionLevel.Regency => Current.Code + ".01",
        _ => Current.Code + ".2001",
    };

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(string? code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct) || Current is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            Errors = new() { ["name"] = [ui.T("Nama wajib diisi (maks. 200 karakter).", "The name is required (at most 200 characters).")] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var region = await db.Regions.SingleAsync(r => r.Id == Current.Id, ct);
        region.Name = Name.Trim();
        await db.SaveChangesAsync(ct);
        await LoadAsync(code, ct);
        Name = null;
        Message = ui.T("Nama tersimpan.", "Name saved.");
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var parsed = RegionCode.TryParse(ChildCode, out var childCode) ? childCode : null;
        if (parsed is null)
        {
            Validation.Add(errors, "childCode", ui.T("Kode wilayah Kemendagri tidak valid (mis. 12.05.01.2001).", "Invalid Kemendagri area code (e.g. 12.05.01.2001)."));
        }
        else if (parsed.Value.ParentCode != Current?.Code)
        {
            Validation.Add(errors, "childCode", ui.T($"Kode harus berada langsung di bawah {Current?.Code ?? "(provinsi)"}, mis. {CodeExample}.", $"The code must sit directly below {Current?.Code ?? "(province)"}, e.g. {CodeExample}."));
        }
        else if (await db.Regions.AnyAsync(r => r.Code == parsed.Value.Value, ct))
        {
            Validation.Add(errors, "childCode", ui.T("Kode sudah ada.", "This code already exists."));
        }

        if (string.IsNullOrWhiteSpace(ChildName) || ChildName.Trim().Length > 200)
        {
            Validation.Add(errors, "childName", ui.T("Nama wajib diisi (maks. 200 karakter).", "The name is required (at most 200 characters)."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        db.Regions.Add(new Region { Code = parsed!.Value.Value, Name = ChildName!.Trim(), Level = parsed.Value.Level, ParentId = Current?.Id });
        await db.SaveChangesAsync(ct);
        await LoadAsync(code, ct);
        Message = ui.T($"{ChildName.Trim()} ditambahkan.", $"{ChildName.Trim()} added.");
        ChildCode = ChildName = null;
        return Page();
    }

    private async Task<bool> LoadAsync(string? code, CancellationToken ct)
    {
        Ancestors.Clear();
        if (code is not null)
        {
            Current = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
            if (Current is null)
            {
                return false;
            }

            Ancestors.AddRange(await Organisation.RegionQueries.AncestorsAsync(db, code, ct));
        }

        var parentId = Current?.Id;
        Children = await db.Regions.AsNoTracking().Where(r => r.ParentId == parentId).OrderBy(r => r.Code).ToListAsync(ct);
        return true;
    }
}
