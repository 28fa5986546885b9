using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Budget.Import;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Budget.Admin;

/// <summary>
/// Upload of finance-system exports (issue 6 item 2): the file is stored, checked and imported in the background in one
/// transaction; the list shows every import with its outcome. Administrators only (the finance office's exports cover
/// every OPD).
/// </summary>
[Authorize(Policy = Policies.ManageOrganisation)]
[RequestSizeLimit(600L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 600L * 1024 * 1024)]
public sealed class ImportAdminModel(
    IntegritasDbContext db,
    BudgetImporter importer,
    BudgetImportQueue queue,
    IOptions<BudgetOptions> options,
    IOptions<IntegritasOptions> integritas,
    IWebHostEnvironment environment,
    UserManager<Data.Identity.AppUser> users,
    TimeProvider time,
    Ui ui) : PageModel
{
    public const int PageSize = 20;

    [BindProperty]
    public BudgetImportKind Kind { get; set; } = BudgetImportKind.Payments;

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public BudgetStage Stage { get; set; } = BudgetStage.Murni;

    [BindProperty]
    public DateOnly? AdoptedOn { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    public List<BudgetImport> Imports { get; private set; } = [];

    public int Total { get; private set; }

    public static readonly BudgetImportKind[] Kinds =
        [BudgetImportKind.BudgetLines, BudgetImportKind.ReferencePrices, BudgetImportKind.Payments, BudgetImportKind.PaymentItems, BudgetImportKind.VillageTransfers, BudgetImportKind.VillageSpending];

    public static (string Id, string En) KindLabel(BudgetImportKind kind) => kind switch
    {
        BudgetImportKind.BudgetLines => ("Rincian APBD (pagu)", "APBD lines (pagu)"),
        BudgetImportKind.ReferencePrices => ("Harga referensi (SSH/HPS)", "Reference prices (SSH/HPS)"),
        BudgetImportKind.Payments => ("Pembayaran (SP2D)", "Payments (SP2D)"),
        BudgetImportKind.PaymentItems => ("Rincian pembelian", "Payment line items"),
        BudgetImportKind.VillageTransfers => ("Transfer dana desa", "Village-fund transfers"),
        _ => ("Belanja desa", "Village spending"),
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= time.GetUtcNow().Year;
        await LoadAsync(ct);
    }

    /// <summary>An empty file of each kind with its header and one example row.</summary>
    public IActionResult OnGetTemplate(BudgetImportKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return NotFound();
        }

        var text = string.Join(',', BudgetImporter.Columns(kind)) + "\n" + Example(kind) + "\n";
        return File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", ImportRun.KindName(kind) + ".csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), ui.T("Pilih jenis data.", "Choose the kind of data."));
        }

        if (Year is not (>= 2000 and <= 2100))
        {
            ModelState.AddModelError(nameof(Year), ui.T("Tahun anggaran 2000–2100.", "Fiscal year 2000–2100."));
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), ui.T("Pilih berkas CSV atau XLSX.", "Choose a CSV or XLSX file."));
        }
        else if (Upload.Length > options.Value.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), ui.T($"Berkas lebih dari {options.Value.MaxUploadBytes / 1024 / 1024} MB: gunakan perintah `integritas budget import`.",
                $"The file is larger than {options.Value.MaxUploadBytes / 1024 / 1024} MB: use the `integritas budget import` command."));
        }

        BudgetVersionInfo? version = null;
        if (Kind == BudgetImportKind.BudgetLines)
        {
            if (!Enum.IsDefined(Stage))
            {
                ModelState.AddModelError(nameof(Stage), ui.T("Pilih jenis APBD.", "Choose the kind of APBD."));
            }

            if (AdoptedOn is null)
            {
                ModelState.AddModelError(nameof(AdoptedOn), ui.T("Tanggal penetapan wajib diisi.", "The adoption date is required."));
            }

            if (LegalBasis?.Length > 200)
            {
                ModelState.AddModelError(nameof(LegalBasis), ui.T("Paling banyak 200 karakter.", "At most 200 characters."));
            }

            version = AdoptedOn is { } on ? new BudgetVersionInfo(Stage, on, string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim()) : null;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        var folder = Path.Combine(integritas.Value.ResolveDataDirectory(environment.ContentRootPath), options.Value.ImportFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.upload");
        string sha;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        await using (var source = Upload!.OpenReadStream())
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var user = await users.GetUserAsync(User);
        var request = new BudgetImportRequest(Kind, Year!.Value, Upload.FileName, version, user?.Id, user?.UserName);
        var id = await importer.CreateAsync(request, sha, ct);
        queue.Enqueue(id, request, path);
        return Redirect($"/admin/anggaran/impor/{id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Total = await db.BudgetImports.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Imports = await db.BudgetImports.AsNoTracking().OrderByDescending(i => i.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private static string Example(BudgetImportKind kind) => kind switch
    {
        BudgetImportKind.BudgetLines => "1.02.0.00.0.00.01.0000,1.02.02,Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat,1.02.02.2.02,Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota,1.02.02.2.02.0001,Pengelolaan Pelayanan Kesehatan Ibu Hamil,5.1.02.01.01.0024,Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor,25000000",
        BudgetImportKind.Payments => "SP2D-2026-000001,2026-02-10,1.02.0.00.0.00.01.0000,1.02.02.2.02.0001,5.1.02.01.01.0024,V000123,CV Contoh Jaya,\"Belanja ATK: kertas HVS, tinta\",1650000,",
        BudgetImportKind.PaymentItems => "SP2D-2026-000001,1,ATK-HVS-A4,Kertas HVS A4 70 gram,20,rim,55000",
        BudgetImportKind.ReferencePrices => "ATK-HVS-A4,Kertas HVS A4 70 gram,rim,52000,SSH,2026-01-01",
        BudgetImportKind.VillageTransfers => "12.05.01.2001,DD,1,2026-03-15,380000000",
        _ => "12.05.01.2001,2.2.01,Pembangunan/rehabilitasi jalan desa,DD,2026-05-20,145000000",
    };

    public string Status(BudgetImport import) => import.Status switch
    {
        BudgetImportStatus.Running => ui.T("Berjalan", "Running"),
        BudgetImportStatus.Succeeded => ui.T("Berhasil", "Succeeded"),
        _ => ui.T("Gagal — tidak ada yang disimpan", "Failed — nothing saved"),
    };
}
