using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Account;

/// <summary>Where a new user (or one whose password an administrator reset) chooses a password, through a one-time link.</summary>
public sealed class SetPasswordModel(UserManager<AppUser> users, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public List<string> Errors { get; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            Errors.Add(ui.T("Tautan tidak valid atau sudah kedaluwarsa. Minta tautan baru kepada administrator.", "The link is invalid or has expired. Ask the administrator for a new one."));
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token, Password ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        Done = true;
        return Page();
    }
}
