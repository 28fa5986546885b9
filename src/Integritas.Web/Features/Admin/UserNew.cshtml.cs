using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Integritas.Web.Features.Admin;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class UserNewModel(IntegritasDbContext db, UserManager<AppUser> users, UserProvisioning provisioning, Ui ui)
    : UserFormModel(db, users, ui)
{
    [BindProperty]
    public string? UserName { get; set; }

    public string? CreatedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOptionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (string.IsNullOrWhiteSpace(UserName))
        {
            AddError("UserName", Ui.T("Wajib diisi.", "Required."));
        }

        await ValidateCommonAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var (user, result) = await provisioning.CreateAsync(UserName!, Email!, DisplayName!, password: null, SelectedRoles, SelectedOpds);
        if (user is null || !result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                AddError(e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : "UserName", e.Description);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        CreatedId = user.Id;
        SetPasswordLink = await MakeSetPasswordLinkAsync(user);
        return Page();
    }
}
