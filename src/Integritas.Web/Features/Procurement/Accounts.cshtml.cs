using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Procurement;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Procurement;

/// <summary>
/// Administrators set who may sign integrity pacts for whom: a Witness account's organisation (NGO or university) and
/// the vendor a Contractor account acts for.
/// </summary>
public sealed class AccountsModel(IntegritasDbContext db, UserManager<AppUser> users, Ui ui) : PageModel
{
    public sealed record WitnessRow(string UserName, string DisplayName, WitnessKind? Kind, string? Organisation);

    public sealed record VendorRow(string UserName, string VendorCode, string VendorName);

    public List<WitnessRow> Witnesses { get; private set; } = [];

    public List<VendorRow> VendorAccounts { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostWitnessAsync(string? userName, WitnessKind? kind, string? organisation, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Witness))
        {
            Errors["witnessUser"] = [ui.T("Tidak ada akun berperan Saksi dengan nama pengguna itu.", "No account with the Witness role has that user name.")];
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            Errors["kind"] = [ui.T("Pilih LSM atau perguruan tinggi.", "Choose NGO or university.")];
        }

        var org = organisation?.Trim();
        if (string.IsNullOrEmpty(org) || org.Length > 250)
        {
            Errors["organisation"] = [ui.T("Tulis nama organisasi (paling panjang 250 karakter).", "Give the organisation's name (at most 250 characters).")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var row = await db.WitnessAffiliations.SingleOrDefaultAsync(w => w.UserId == user!.Id, ct);
        if (row is null)
        {
            db.WitnessAffiliations.Add(new WitnessAffiliation { UserId = user!.Id, Kind = kind!.Value, Organisation = org! });
        }
        else
        {
            row.Kind = kind!.Value;
            row.Organisation = org!;
        }

        await db.SaveChangesAsync(ct);
        return Redirect("/admin/pengadaan/akun");
    }

    public async Task<IActionResult> OnPostVendorAsync(string? userName, string? vendorCode, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Contractor))
        {
            Errors["contractorUser"] = [ui.T("Tidak ada akun berperan Penyedia dengan nama pengguna itu.", "No account with the Contractor role has that user name.")];
        }

        var code = vendorCode?.Trim();
        var vendor = string.IsNullOrEmpty(code) ? null : await db.Vendors.SingleOrDefaultAsync(v => v.Code == code, ct);
        if (vendor is null)
        {
            Errors["vendorCode"] = [ui.T("Kode penyedia tidak dikenal.", "Unknown vendor code.")];
        }
        else if (user is not null && await db.VendorUsers.AnyAsync(v => v.UserId == user.Id, ct))
        {
            Errors["contractorUser"] = [ui.T("Akun ini sudah mewakili penyedia lain.", "This account already acts for a vendor.")];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        db.VendorUsers.Add(new VendorUser { VendorId = vendor!.Id, UserId = user!.Id });
        await db.SaveChangesAsync(ct);
        return Redirect("/admin/pengadaan/akun");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var witnessIds = (await users.GetUsersInRoleAsync(Roles.Witness)).ToDictionary(u => u.Id);
        var affiliations = await db.WitnessAffiliations.AsNoTracking().Where(w => witnessIds.Keys.Contains(w.UserId)).ToDictionaryAsync(w => w.UserId, ct);
        Witnesses = [.. witnessIds.Values.OrderBy(u => u.UserName).Select(u => new WitnessRow(u.UserName!, u.DisplayName,
            affiliations.GetValueOrDefault(u.Id)?.Kind, affiliations.GetValueOrDefault(u.Id)?.Organisation))];
        VendorAccounts = await (from link in db.VendorUsers.AsNoTracking()
                                join u in db.Users on link.UserId equals u.Id
                                join v in db.Vendors on link.VendorId equals v.Id
                                orderby v.Code
                                select new VendorRow(u.UserName!, v.Code, v.Name)).Take(500).ToListAsync(ct);
        return null;
    }
}
