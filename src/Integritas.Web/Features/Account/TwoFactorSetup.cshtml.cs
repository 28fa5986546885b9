using System.Text;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Integritas.Web.Features.Account;

/// <summary>
/// Enrols an authenticator app, or replaces an enrolled one. The secret is shown only while enrolling: once two-step
/// verification is on, a session must prove it holds the current authenticator (a code from it) before a new secret is
/// made — so a hijacked session can neither read nor silently replace the user's second factor.
/// </summary>
[Authorize]
public sealed class TwoFactorSetupModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Set on the enrolment page shown right after the old authenticator was replaced.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Replaced { get; set; }

    public string SharedKey { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    /// <summary>Two-step verification is on: the page offers to replace the authenticator and shows no secret.</summary>
    public bool AlreadyEnabled { get; private set; }

    public string? Error { get; private set; }

    public IEnumerable<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ReturnUrl = LoginModel.SafeReturn(ReturnUrl);
        if (user.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return Page();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    /// <summary>Enrolment: the first code from the newly scanned secret turns two-step verification on.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ReturnUrl = LoginModel.SafeReturn(ReturnUrl);
        if (user.TwoFactorEnabled)
        {
            // Already enrolled: replacing goes through OnPostRotateAsync, which asks for the current code first.
            return RedirectToPage(new { returnUrl = ReturnUrl });
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalise(Code)))
        {
            Error = ui.T("Kode salah. Periksa jam ponsel Anda dan coba lagi.", "Wrong code. Check your phone's clock and try again.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    /// <summary>
    /// Replacing the authenticator: a code from the current one proves the session holds it; then the secret is reset,
    /// two-step verification is off until the new secret is enrolled (the enrolment middleware insists), and the page
    /// shows the new secret. Wrong codes count towards the account's lockout, as at sign-in.
    /// </summary>
    public async Task<IActionResult> OnPostRotateAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ReturnUrl = LoginModel.SafeReturn(ReturnUrl);
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage(new { returnUrl = ReturnUrl });
        }

        AlreadyEnabled = true;
        if (await users.IsLockedOutAsync(user))
        {
            Error = ui.T("Terlalu banyak kode salah. Coba lagi dalam 15 menit.", "Too many wrong codes. Try again in 15 minutes.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var code = Normalise(Code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            Error = await users.IsLockedOutAsync(user)
                ? ui.T("Terlalu banyak kode salah. Coba lagi dalam 15 menit.", "Too many wrong codes. Try again in 15 minutes.")
                : ui.T("Kode salah. Masukkan kode 6 digit yang sedang tampil di aplikasi autentikator Anda saat ini.", "Wrong code. Enter the 6-digit code your current authenticator app shows now.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { returnUrl = ReturnUrl, replaced = true });
    }

    private static string Normalise(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = FormatKey(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Integritas:" + user.UserName)}?secret={key}&issuer=Integritas&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
