using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Account;

public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code?.Trim() ?? "");
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        }

        Error = result.IsLockedOut
            ? ui.T("Akun dikunci sementara. Coba lagi dalam 15 menit.", "The account is locked for a while. Try again in 15 minutes.")
            : ui.T("Kode salah atau sudah kedaluwarsa.", "The code is wrong or has expired.");
        return Page();
    }
}
