using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = ui.T("Isi nama pengguna dan kata sandi.", "Enter your user name and password.");
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim()) ?? await users.FindByEmailAsync(UserName.Trim());
        if (user is null)
        {
            Error = ui.T("Nama pengguna atau kata sandi salah.", "Wrong user name or password.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturn(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        }

        Error = result.IsLockedOut
            ? ui.T("Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.", "The account is locked for a while after too many failed attempts. Try again in 15 minutes.")
            : ui.T("Nama pengguna atau kata sandi salah.", "Wrong user name or password.");
        return Page();
    }

    public static string SafeReturn(string? returnUrl) => LocalUrl.OrDefault(returnUrl, "/admin");
}
