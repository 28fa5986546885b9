using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Admin;

public sealed record OpdFieldsView(OpdInput Input, Dictionary<string, string[]> Errors);

[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class OpdNewModel(IntegritasDbContext db) : PageModel
{
    [BindProperty]
    public OpdInput Input { get; set; } = new() { Kind = nameof(OpdKind.Dinas) };

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.IsActive = Request.Form["Input.IsActive"].Contains("true");
        (Errors, var regencyId, var kind) = await OrganisationApi.ValidateAsync(db, Input, null, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var opd = new Opd { Code = Input.Code!.Trim(), Name = Input.Name!.Trim(), RegionId = regencyId };
        OrganisationApi.Apply(opd, Input, kind);
        db.Opds.Add(opd);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/opd/{opd.Id}");
    }
}
