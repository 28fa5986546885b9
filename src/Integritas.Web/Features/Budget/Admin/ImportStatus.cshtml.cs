using System.Text;
using System.Text.Json;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Budget.Import;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget.Admin;

/// <summary>One import: its progress while it runs (the page refreshes itself), then its outcome and row errors.</summary>
[Authorize(Policy = Policies.ManageOrganisation)]
public sealed class ImportStatusModel(IntegritasDbContext db, BudgetImporter importer, Ui ui) : PageModel
{
    public BudgetImport Import { get; private set; } = null!;

    public List<ImportRowError> Errors { get; private set; } = [];

    public long RowsRead { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.BudgetImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        RowsRead = importer.ProgressOf(id) ?? import.RowsRead;
        Errors = import.ErrorsJson is { } json ? JsonSerializer.Deserialize<List<ImportRowError>>(json) ?? [] : [];
        return Page();
    }

    /// <summary>The kept row errors as CSV, to fix the file beside it.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(long id, CancellationToken ct)
    {
        if (await db.BudgetImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { ErrorsJson: { } json })
        {
            return NotFound();
        }

        var text = new StringBuilder("row,column,problem\n");
        foreach (var e in JsonSerializer.Deserialize<List<ImportRowError>>(json) ?? [])
        {
            text.Append(e.Row).Append(',').Append(Csv.Escape(e.Column)).Append(',').Append(Csv.Escape(ui.T(e.Id, e.En))).Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"impor-{id}-kesalahan.csv");
    }

    public string Message(ImportRowError e) => ui.T(e.Id, e.En);
}
