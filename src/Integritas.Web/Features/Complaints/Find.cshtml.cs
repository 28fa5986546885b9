using Integritas.Core.Complaints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Complaints;

/// <summary>Opens a report by its tracking number, however it was typed.</summary>
public sealed class FindModel : PageModel
{
    [FromQuery(Name = "nomor")]
    public string? Number { get; set; }

    public bool NotRecognised { get; private set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            return Page();
        }

        if (TrackingNumber.TryNormalize(Number, out var normalized))
        {
            return Redirect($"/lapor/{normalized}");
        }

        NotRecognised = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
