using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Account;

/// <summary>The one-time page that creates the first administrator; 404 once one exists or without the console token.</summary>
public sealed class SetupModel(FirstRunSetup setup, UserProvisioning provisioning, SignInManager<AppUser> signIn, IServiceProvider services, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await setup.RefreshAsync(services);
        return setup.Accepts(Token) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await setup.RefreshAsync(services);
        if (!setup.Accepts(Token))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrWhiteSpace(DisplayName) || string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Errors.Add(ui.T("Semua isian wajib diisi.", "All fields are required."));
            return Page();
        }

        var (user, result) = await provisioning.CreateAsync(UserName, Email, DisplayName, Password, [Roles.Admin]);
        if (user is null || !result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        setup.Close();
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/akun/2fa?returnUrl=/admin");
    }
}
