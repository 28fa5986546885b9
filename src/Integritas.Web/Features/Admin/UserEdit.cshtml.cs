using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class UserEditModel(IntegritasDbContext db, UserManager<AppUser> users, TimeProvider time, Ui ui)
    : UserFormModel(db, users, ui)
{
    public AppUser Target { get; private set; } = null!;

    public bool Locked => Target.LockoutEnd > time.GetUtcNow();

    private bool IsSelf => Target.Id == User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        DisplayName = Target.DisplayName;
        Email = Target.Email;
        SelectedRoles = (await Users.GetRolesAsync(Target)).ToList();
        SelectedOpds = Target.OpdScopes.Select(s => s.OpdId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await ValidateCommonAsync(ct);
        if (IsSelf && !SelectedRoles.Contains(Roles.Admin))
        {
            AddError("", Ui.T("Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri.", "You cannot remove the Administrator role from your own account."));
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Target.DisplayName = DisplayName!.Trim();
        var emailResult = await Users.SetEmailAsync(Target, Email!.Trim());
        if (!emailResult.Succeeded)
        {
            foreach (var e in emailResult.Errors)
            {
                AddError("Email", e.Description);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var current = await Users.GetRolesAsync(Target);
        await Users.RemoveFromRolesAsync(Target, current.Except(SelectedRoles));
        await Users.AddToRolesAsync(Target, SelectedRoles.Except(current));
        Target.OpdScopes.RemoveAll(s => !SelectedOpds.Contains(s.OpdId));
        foreach (var opdId in SelectedOpds.Where(o => Target.OpdScopes.All(s => s.OpdId != o)))
        {
            Target.OpdScopes.Add(new UserOpdScope { UserId = Target.Id, OpdId = opdId });
        }

        await Users.UpdateAsync(Target);
        // Invalidates the user's cookies: role changes reach them within a minute.
        await Users.UpdateSecurityStampAsync(Target);
        Message = Ui.T("Perubahan tersimpan.", "Changes saved.");
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            AddError("", Ui.T("Anda tidak dapat mengunci akun Anda sendiri.", "You cannot lock your own account."));
            await FillFormAsync();
            return Page();
        }

        await Users.SetLockoutEndDateAsync(Target, Locked ? null : DateTimeOffset.MaxValue);
        await Users.UpdateSecurityStampAsync(Target);
        Message = Locked ? Ui.T("Akun dikunci.", "Account locked.") : Ui.T("Kunci dibuka.", "Account unlocked.");
        await FillFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        SetPasswordLink = await MakeSetPasswordLinkAsync(Target);
        await FillFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await Users.SetTwoFactorEnabledAsync(Target, false);
        await Users.ResetAuthenticatorKeyAsync(Target);
        await Users.UpdateSecurityStampAsync(Target);
        Message = Ui.T("Autentikator diatur ulang; pengguna harus mendaftarkannya lagi saat masuk.", "Authenticator reset; the user must enrol again at next sign-in.");
        await FillFormAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        var target = await Db.Users.Include(u => u.OpdScopes).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null)
        {
            return false;
        }

        Target = target;
        return true;
    }

    private async Task FillFormAsync()
    {
        DisplayName = Target.DisplayName;
        Email = Target.Email;
        SelectedRoles = (await Users.GetRolesAsync(Target)).ToList();
        SelectedOpds = Target.OpdScopes.Select(s => s.OpdId).ToList();
    }
}
