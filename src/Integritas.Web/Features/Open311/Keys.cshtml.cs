using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Open311;

/// <summary>Administrators issue API keys (Open311 clients; offices that consume reward vouchers) (shown once, on the page that created them) and revoke them.</summary>
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

    [BindProperty]
    public string Scope { get; set; } = ApiKeyScopes.Open311;

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ApiKeys.CheckName(Name) is { } problem)
        {
            Errors = new() { ["name"] = [ui.T(problem.Id, problem.En)] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (!ApiKeyScopes.All.Contains(Scope))
        {
            Errors = new() { ["scope"] = [ui.T("Pilih kegunaan kunci.", "Choose what the key is for.")] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            var created = await keys.CreateAsync(Name!, User.Identity?.Name, ct, Scope);
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
            ? ui.T("Kunci dicabut; permintaan dengan kunci itu kini ditolak.", "Key revoked; requests with it are now refused.")
            : ui.T("Kunci itu tidak ada atau sudah dicabut.", "That key does not exist or is already revoked.");
        Keys = await keys.ListAsync(ct);
        return Page();
    }
}
