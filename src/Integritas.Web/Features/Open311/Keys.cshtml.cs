using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Open311;

/// <summary>Administrators issue Open311 clients' API keys (shown once, on the page that created them) and revoke them.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class KeysModel(ApiKeys keys, Ui ui) : PageModel
{
    public List<ApiKey> Keys { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The key just created: on this response only, never stored.</summary>
    public string? NewKey { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ApiKeys.CheckName(Name) is { } problem)
        {
            Errors = new() { ["name"] = [ui.T(problem.Id, problem.En)] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            var created = await keys.CreateAsync(Name!, User.Identity?.Name, ct);
            NewKey = created.Key;
            Name = null;
            Message = ui.T($"Kunci '{created.Record.Name}' dibuat. Salin sekarang: kunci ini tidak ditampilkan lagi.",
                $"Key '{created.Record.Name}' created. Copy it now: it is not shown again.");
        }

        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        Message = await keys.RevokeAsync(id, ct)
            ? ui.T("Kunci dicabut; permintaan Open311 dengan kunci itu kini ditolak (403).", "Key revoked; Open311 requests with it are now refused (403).")
            : ui.T("Kunci itu tidak ada atau sudah dicabut.", "That key does not exist or is already revoked.");
        Keys = await keys.ListAsync(ct);
        return Page();
    }
}
