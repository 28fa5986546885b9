using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

/// <summary>An OPD's own data: details, service units, positions and officials. Admins, and operators of this OPD only.</summary>
public sealed class OpdEditModel(IntegritasDbContext db, IAuthorizationService authorization, Ui ui, TimeProvider time) : PageModel
{
    public sealed record Option(int Id, string Label);

    public sealed record District(int Id, string Name);

    public Opd Opd { get; private set; } = null!;

    [BindProperty]
    public OpdInput Input { get; set; } = new();

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public List<ServiceUnit> Units { get; private set; } = [];

    public List<Position> Positions { get; private set; } = [];

    public List<Option> SuperiorOptions { get; private set; } = [];

    public List<District> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input.IsActive = Request.Form["Input.IsActive"].Contains("true");
        OrganisationApi.KeepIdentityUnlessAdmin(User, Opd, Input);

        (Errors, var regencyId, var kind) = await OrganisationApi.ValidateAsync(db, Input, id, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Opd.Code = Input.Code!.Trim();
        Opd.Name = Input.Name!.Trim();
        Opd.RegionId = regencyId;
        OrganisationApi.Apply(Opd, Input, kind);
        await db.SaveChangesAsync(ct);
        Message = ui.T("Data OPD tersimpan.", "Agency details saved.");
        return Page();
    }

    public async Task<IActionResult> OnPostAddUnitAsync(int id, string? unitCode, string? unitName, ServiceUnitKind unitKind, int? unitRegion, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(unitCode) || unitCode.Trim().Length > 40)
        {
            Validation.Add(errors, "unitCode", ui.T("Kode unit wajib diisi (maks. 40 karakter).", "The unit code is required (at most 40 characters)."));
        }
        else if (await db.ServiceUnits.AnyAsync(u => u.Code == unitCode.Trim(), ct))
        {
            Validation.Add(errors, "unitCode", ui.T("Kode unit sudah dipakai.", "This unit code is already used."));
        }

        if (string.IsNullOrWhiteSpace(unitName) || unitName.Trim().Length > 250)
        {
            Validation.Add(errors, "unitName", ui.T("Nama unit wajib diisi (maks. 250 karakter).", "The unit name is required (at most 250 characters)."));
        }

        if (!Enum.IsDefined(unitKind))
        {
            Validation.Add(errors, "unitKind", ui.T("Jenis unit tidak dikenal.", "Unknown unit kind."));
        }

        if (unitRegion is { } regionId && !Districts.Any(d => d.Id == regionId))
        {
            Validation.Add(errors, "unitRegion", ui.T("Kecamatan tidak dikenal.", "Unknown district."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        db.ServiceUnits.Add(new ServiceUnit { Code = unitCode!.Trim(), Name = unitName!.Trim(), Kind = unitKind, OpdId = id, RegionId = unitRegion });
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = ui.T("Unit layanan ditambahkan.", "Service unit added.");
        return Page();
    }

    public async Task<IActionResult> OnPostAddPositionAsync(int id, string? positionTitle, string? positionGrade, int? superiorId, string? officialName, string? officialNip, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(positionTitle) || positionTitle.Trim().Length > 250)
        {
            Validation.Add(errors, "positionTitle", ui.T("Nama jabatan wajib diisi.", "The position title is required."));
        }

        if (string.IsNullOrWhiteSpace(officialName) || officialName.Trim().Length > 200)
        {
            Validation.Add(errors, "officialName", ui.T("Nama pejabat wajib diisi.", "The official's name is required."));
        }

        var nip = string.IsNullOrWhiteSpace(officialNip) ? null : officialNip.Trim();
        if (nip is not null && (nip.Length != 18 || !nip.All(char.IsAsciiDigit)))
        {
            Validation.Add(errors, "officialNip", ui.T("NIP harus 18 digit.", "The NIP must have 18 digits."));
        }
        else if (nip is not null && await db.Officials.AnyAsync(o => o.Nip == nip, ct))
        {
            Validation.Add(errors, "officialNip", ui.T("NIP sudah terdaftar.", "This NIP is already registered."));
        }

        if (superiorId is { } sid && SuperiorOptions.All(o => o.Id != sid))
        {
            Validation.Add(errors, "superiorId", ui.T("Atasan tidak dikenal.", "Unknown superior."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var position = new Position { Title = positionTitle!.Trim(), Grade = string.IsNullOrWhiteSpace(positionGrade) ? null : positionGrade.Trim(), OpdId = id, SuperiorId = superiorId };
        position.Holders.Add(new Official { Name = officialName!.Trim(), Nip = nip, Position = position });
        db.Positions.Add(position);
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = ui.T("Jabatan ditambahkan.", "Position added.");
        return Page();
    }

    public async Task<IActionResult> OnPostToggleUnitAsync(int id, int unitId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        var unit = await db.ServiceUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.OpdId == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        unit.IsActive = !unit.IsActive;
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = unit.IsActive ? ui.T($"{unit.Name} diaktifkan.", $"{unit.Name} activated.") : ui.T($"{unit.Name} dinonaktifkan.", $"{unit.Name} deactivated.");
        return Page();
    }

    /// <summary>Removes a position and its officials' records; refused while other positions report to it. The audit trail keeps what was removed.</summary>
    public async Task<IActionResult> OnPostRemovePositionAsync(int id, int positionId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        var position = await db.Positions.Include(p => p.Holders).SingleOrDefaultAsync(p => p.Id == positionId && p.OpdId == id, ct);
        if (position is null)
        {
            return NotFound();
        }

        var subordinates = await db.Positions.CountAsync(p => p.SuperiorId == positionId, ct);
        if (subordinates > 0)
        {
            Errors = new() { ["positionId"] = [ui.T($"{subordinates} jabatan lain melapor ke {position.Title}; pindahkan dulu atasan mereka.", $"{subordinates} other positions report to {position.Title}; move them to another superior first.")] };
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        db.Officials.RemoveRange(position.Holders);
        db.Positions.Remove(position);
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = ui.T($"Jabatan {position.Title} dihapus.", $"Position {position.Title} removed.");
        return Page();
    }

    /// <summary>A new official takes the post: the current holder's term ends today (WIB) and stays on record.</summary>
    public async Task<IActionResult> OnPostReplaceOfficialAsync(int id, int? replacePositionId, string? replacementName, string? replacementNip, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input = ToInput(Opd);
        var errors = new Dictionary<string, string[]>();
        var position = replacePositionId is { } pid
            ? await db.Positions.Include(p => p.Holders).SingleOrDefaultAsync(p => p.Id == pid && p.OpdId == id, ct)
            : null;
        if (position is null)
        {
            Validation.Add(errors, "replacePositionId", ui.T("Pilih jabatan OPD ini.", "Choose a position of this agency."));
        }

        if (string.IsNullOrWhiteSpace(replacementName) || replacementName.Trim().Length > 200)
        {
            Validation.Add(errors, "replacementName", ui.T("Nama pejabat wajib diisi.", "The official's name is required."));
        }

        var nip = string.IsNullOrWhiteSpace(replacementNip) ? null : replacementNip.Trim();
        if (nip is not null && (nip.Length != 18 || !nip.All(char.IsAsciiDigit)))
        {
            Validation.Add(errors, "replacementNip", ui.T("NIP harus 18 digit.", "The NIP must have 18 digits."));
        }
        else if (nip is not null && await db.Officials.AnyAsync(o => o.Nip == nip, ct))
        {
            Validation.Add(errors, "replacementNip", ui.T("NIP sudah terdaftar.", "This NIP is already registered."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var today = DateOnly.FromDateTime(Core.Time.Wib.FromUtc(time.GetUtcNow()).DateTime);
        foreach (var holder in position!.Holders.Where(h => h.ActiveUntil is null))
        {
            holder.ActiveUntil = today;
        }

        position.Holders.Add(new Official { Name = replacementName!.Trim(), Nip = nip, Position = position, ActiveFrom = today });
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = ui.T($"{replacementName.Trim()} kini menjabat {position.Title}.", $"{replacementName.Trim()} now holds {position.Title}.");
        return Page();
    }

    /// <summary>
    /// Links an official in office to a sign-in account (or unlinks with an empty e-mail). Only administrators: the
    /// link lets that account sign for the official (the yearly performance agreement), so an OPD's own operators
    /// cannot grant it.
    /// </summary>
    public async Task<IActionResult> OnPostLinkAccountAsync(int id, int? linkOfficialId, string? linkEmail, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        Input = ToInput(Opd);
        var errors = new Dictionary<string, string[]>();
        var official = linkOfficialId is { } oid
            ? await db.Officials.Include(o => o.Position).SingleOrDefaultAsync(o => o.Id == oid && o.Position!.OpdId == id && o.ActiveUntil == null, ct)
            : null;
        if (official is null)
        {
            Validation.Add(errors, "linkOfficialId", ui.T("Pilih pejabat yang sedang menjabat di OPD ini.", "Choose an official in office in this agency."));
        }

        AppUser? account = null;
        var email = linkEmail?.Trim();
        if (!string.IsNullOrEmpty(email))
        {
            var normalized = email.ToUpperInvariant();
            account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (account is null)
            {
                Validation.Add(errors, "linkEmail", ui.T("Tidak ada akun dengan e-mail ini.", "No account has this e-mail."));
            }
            else if (await db.Officials.AnyAsync(o => o.UserId == account.Id && o.ActiveUntil == null && o.Id != linkOfficialId, ct))
            {
                Validation.Add(errors, "linkEmail", ui.T("Akun ini sudah terhubung ke pejabat lain.", "This account is already linked to another official."));
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        official!.UserId = account?.Id;
        await db.SaveChangesAsync(ct);
        await LoadAsync(id, ct);
        Message = account is null
            ? ui.T($"{official.Name} tidak lagi terhubung ke akun.", $"{official.Name} is no longer linked to an account.")
            : ui.T($"{official.Name} terhubung ke akun {account.Email}.", $"{official.Name} is linked to the account {account.Email}.");
        return Page();
    }

    /// <summary>The e-mail of each linked official's account, for the positions table.</summary>
    public Dictionary<string, string> AccountEmails { get; private set; } = [];

    private static OpdInput ToInput(Opd opd) => new()
    {
        Code = opd.Code,
        Name = opd.Name,
        ShortName = opd.ShortName,
        Kind = opd.Kind.ToString(),
        RegencyCode = opd.Region?.Code,
        Address = opd.Address,
        Website = opd.Website,
        IsActive = opd.IsActive,
    };

    /// <summary>Loads the OPD and its lists; returns a 404 or 403 result when the OPD is missing or out of the user's scope.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var opd = await db.Opds.Include(o => o.Region).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, id, Policies.EditOpd)).Succeeded)
        {
            return Forbid();
        }

        Opd = opd;
        Units = await db.ServiceUnits.AsNoTracking().Include(u => u.Region).Where(u => u.OpdId == id).OrderBy(u => u.Code).ToListAsync(ct);
        Positions = await db.Positions.AsNoTracking().Include(p => p.Holders.Where(h => h.ActiveUntil == null)).Include(p => p.Superior).Where(p => p.OpdId == id)
            .OrderByDescending(p => p.IsHead).ThenBy(p => p.Title).ToListAsync(ct);
        var linked = Positions.SelectMany(p => p.Holders).Select(h => h.UserId).OfType<string>().ToList();
        AccountEmails = await db.Users.AsNoTracking().Where(u => linked.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
        // A superior may sit in this OPD or be the regency's leadership (the Sekda's office).
        SuperiorOptions = await db.Positions.AsNoTracking()
            .Where(p => p.OpdId == id || (p.Opd!.RegionId == opd.RegionId && p.Opd.Kind == OpdKind.Sekretariat && (p.IsHead || p.Grade == null)))
            .OrderBy(p => p.Title).Select(p => new Option(p.Id, p.Title)).ToListAsync(ct);
        Districts = await db.Regions.AsNoTracking().Where(r => r.ParentId == opd.RegionId && r.Level == RegionLevel.District)
            .OrderBy(r => r.Name).Select(r => new District(r.Id, r.Name)).ToListAsync(ct);
        return null;
    }
}
