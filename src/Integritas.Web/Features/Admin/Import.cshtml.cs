using Integritas.Web.Features.Account;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Admin;

[Authorize(Policy = Policies.ManageOrganisation)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(OrganisationImporter importer, Ui ui) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    [BindProperty]
    public ImportKind Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Result = new ImportResult(0, 0, [new ImportError(0, "", ui.T("Pilih berkas CSV.", "Choose a CSV file."))]);
        }
        else if (!Enum.IsDefined(Kind))
        {
            Result = new ImportResult(0, 0, [new ImportError(0, "", ui.T("Jenis data tidak dikenal.", "Unknown kind of data."))]);
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            Result = await importer.ImportAsync(Kind, stream, ct);
        }

        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
