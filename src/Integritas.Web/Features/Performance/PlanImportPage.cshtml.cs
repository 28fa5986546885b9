using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// Import of an OPD's indicators, targets and realisations from the templates (issue 5 item 9): the empty templates
/// and the OPD's current data in template form to download, an upload that is imported whole or not at all, and the
/// row errors or the counts. Operators import only for their own OPDs.
/// </summary>
// Somewhat above the import's own limit, so a file a little too large is answered with a message rather than refused by the server.
[RequestSizeLimit(2L * PlanImportFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * PlanImportFile.MaxBytes)]
public sealed class PlanImportPageModel(IntegritasDbContext db, PlanImport import, Overview overview, Ui ui) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public PlanImportKind Kind { get; set; } = PlanImportKind.Indicators;

    [BindProperty(SupportsGet = true, Name = "opd")]
    public int? OpdId { get; set; }

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Year { get; set; }

    [BindProperty]
    public bool Late { get; set; }

    [BindProperty]
    public string? LateReason { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PlanAccess Access { get; private set; } = PlanAccess.Nobody;

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public Opd? Opd { get; private set; }

    public PlanImportResult? Result { get; private set; }

    public bool CanWrite => Opd is not null && Access.MayWrite(Opd.Id);

    public string KindLabel(PlanImportKind kind) => kind switch
    {
        PlanImportKind.Indicators => ui.T("Elemen rencana dan indikator", "Plan elements and indicators"),
        PlanImportKind.Targets => ui.T("Target", "Targets"),
        _ => ui.T("Realisasi triwulan (dan anggaran)", "Quarterly realisations (and budget)"),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>An empty template: the header and one example row (CSV), plus the notes sheet (XLSX).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        return await FileAsync(format, $"templat-{FileKind}", [PlanImport.ExampleRow(Kind, Opd?.Code ?? "1.02.0.00.0.00.01.0000", Year!.Value)], ct);
    }

    /// <summary>The OPD's current data for the year in template form, to edit and import again.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (Opd is null)
        {
            return NotFound();
        }

        return await FileAsync(format, $"{FileKind}-{Opd.Code}-{Year}", await import.ExportAsync(Kind, Opd, Year!.Value, ct), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        if (Opd is null || !Access.MayWrite(Opd.Id))
        {
            Result = new([new(0, "opd_code", ui.T("Anda hanya dapat mengimpor data OPD Anda sendiri.", "You can import only your own agency's data."))]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Result = new([new(0, "", ui.T("Pilih berkas CSV atau XLSX.", "Choose a CSV or XLSX file."))]);
        }
        else if (Upload.Length > PlanImportFile.MaxBytes)
        {
            Result = new([new(0, "", ui.T($"Berkas lebih dari {PlanImportFile.MaxBytes / 1024 / 1024} MB. Bagi menjadi beberapa berkas.",
                $"The file is larger than {PlanImportFile.MaxBytes / 1024 / 1024} MB. Split it into several files."))]);
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            Result = await import.ImportAsync(Access, new PlanImportRequest(Kind, Opd.Id, Year!.Value, Late, LateReason), stream, ct);
        }

        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private string FileKind => Kind switch
    {
        PlanImportKind.Indicators => "indikator",
        PlanImportKind.Targets => "target",
        _ => "realisasi",
    };

    private async Task<IActionResult> FileAsync(string? format, string name, IEnumerable<IReadOnlyDictionary<string, string>> rows, CancellationToken ct) =>
        format == "xlsx"
            ? File(await PlanImportFile.XlsxAsync(Kind, rows, ct), XlsxType, name + ".xlsx")
            : File(PlanImportFile.Csv(Kind, rows), "text/csv; charset=utf-8", name + ".csv");

    /// <returns>Null when the page can be shown; otherwise the response.</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Access = await PlanAccess.ForAsync(User, db, ct);
        if (!Access.IsStaff)
        {
            return Forbid();
        }

        if (!Enum.IsDefined(Kind))
        {
            Kind = PlanImportKind.Indicators;
        }

        Opds = Access.IsAdmin || Access.IsVerifier || Access.ReadsAll
            ? await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).ToListAsync(ct)
            : await db.Opds.AsNoTracking().Where(o => Access.OperatorOpds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).ToListAsync(ct);
        OpdId ??= Opds.Count == 1 ? Opds[0].Id : null;
        if (OpdId is { } id && Access.MayRead(id))
        {
            Opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        }

        Year ??= overview.Today.Year;
        if (Year is < 2000 or > 2999)
        {
            Year = overview.Today.Year;
        }

        return null;
    }
}
