using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Rewards;

/// <summary>A citizen signs in with a mobile number and the code sent to it.</summary>
public sealed class SignInModel(CitizenSignIn signIn) : PageModel
{
    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The number a code went to (normalised): the page then asks for the code.</summary>
    public string? SentTo { get; private set; }

    /// <summary>Demo only: the code, when no WhatsApp/SMS sender is configured and the demo option is on.</summary>
    public string? ShownCode { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await CitizenSignIn.AccountIdAsync(HttpContext) is not null ? Redirect("/poin") : Page();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var sent = await signIn.SendCodeAsync(Phone, ct);
        if (sent.Errors.Count > 0)
        {
            Errors = sent.Errors;
            Response.StatusCode = sent.Phone is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status429TooManyRequests;
            return Page();
        }

        SentTo = sent.Phone;
        ShownCode = sent.ShownCode;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var verified = await signIn.VerifyAsync(Phone, Code, ct);
        if (verified.Account is null)
        {
            Errors = verified.Errors;
            SentTo = Phone;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await HttpContext.SignInAsync(CitizenSignIn.Scheme, CitizenSignIn.Principal(verified.Account));
        return Redirect("/poin");
    }
}
