using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Admin;

/// <summary>Fields shared by the new-user and edit-user pages.</summary>
public abstract class UserFormModel(IntegritasDbContext db, UserManager<AppUser> users, Ui ui) : PageModel
{
    public sealed record OpdOption(int Id, string Name);

    protected IntegritasDbContext Db => db;

    protected UserManager<AppUser> Users => users;

    protected Ui Ui => ui;

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public List<int> SelectedOpds { get; set; } = [];

    public List<OpdOption> OpdOptions { get; private set; } = [];

    public Dictionary<string, List<string>> Errors { get; } = [];

    /// <summary>A one-time link for the user to choose a password, shown once to the administrator.</summary>
    public string? SetPasswordLink { get; protected set; }

    public string? Message { get; protected set; }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    protected void AddError(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(message);
    }

    protected async Task LoadOptionsAsync(CancellationToken ct) =>
        OpdOptions = await db.Opds.AsNoTracking().OrderBy(o => o.Name).Select(o => new OpdOption(o.Id, o.Name)).ToListAsync(ct);

    protected async Task ValidateCommonAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            AddError("DisplayName", ui.T("Wajib diisi.", "Required."));
        }

        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            AddError("Email", ui.T("Email tidak valid.", "Invalid e-mail."));
        }

        SelectedRoles = SelectedRoles.Where(Roles.IsKnown).Distinct().ToList();
        SelectedOpds = SelectedOpds.Distinct().ToList();
        var known = await db.Opds.Where(o => SelectedOpds.Contains(o.Id)).CountAsync(ct);
        if (known != SelectedOpds.Count)
        {
            AddError("SelectedOpds", ui.T("OPD tidak dikenal.", "Unknown agency."));
        }

        if (SelectedRoles.Contains(Roles.OpdOperator) && SelectedOpds.Count == 0)
        {
            AddError("SelectedOpds", ui.T("Operator OPD harus ditugaskan ke minimal satu OPD.", "An OPD operator must be assigned at least one agency."));
        }
    }

    protected async Task<string> MakeSetPasswordLinkAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegritasOptions>>().Value.PublicBaseUrl?.TrimEnd('/')
            ?? $"{Request.Scheme}://{Request.Host}";
        return $"{baseUrl}/akun/atur-sandi?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }
}
