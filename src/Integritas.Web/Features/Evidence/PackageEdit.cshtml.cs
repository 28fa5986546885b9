using System.Globalization;
using System.Security.Claims;
using Integritas.Core.Evidence;
using Integritas.Core.Procurement;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>
/// Creates and edits a construction package: site, geofence, work window, milestones and the contractor accounts that
/// may upload. Administrators for every OPD; OPD operators for their own OPDs only.
/// </summary>
public sealed class PackageEditModel(IntegritasDbContext db, UserManager<AppUser> users, Ui ui) : PageModel
{
    public sealed class PackageInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public int OpdId { get; set; }

        public string? VillageCode { get; set; }

        public string? Location { get; set; }

        public string? ContractorCompany { get; set; }

        public string? ContractValue { get; set; }

        public DateOnly? WorkStart { get; set; }

        public DateOnly? WorkEnd { get; set; }

        public string? SiteLatitude { get; set; }

        public string? SiteLongitude { get; set; }

        public int? GeofenceRadiusMeters { get; set; }

        public string? Hps { get; set; }

        public string? Pagu { get; set; }

        public ProcurementMethod? Method { get; set; }

        public ProcurementCategory? Category { get; set; }

        public int? FiscalYear { get; set; }
    }

    public sealed record OpdOption(int Id, string Name);

    public sealed record ContractorRow(string UserId, string UserName, string DisplayName);

    public ConstructionPackage? Package { get; private set; }

    public bool HasEvidence { get; private set; }

    public List<OpdOption> Opds { get; private set; } = [];

    public List<PackageMilestone> Milestones { get; private set; } = [];

    public List<ContractorRow> Contractors { get; private set; } = [];

    [BindProperty]
    public PackageInput Input { get; set; } = new();

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (Package is not null)
        {
            FillInput();
        }
        else
        {
            Input.GeofenceRadiusMeters = 300;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var (value, latitude, longitude, villageId) = await ValidateAsync(ct);
        var (hps, pagu) = ValidateProcurement();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var package = Package is null ? new ConstructionPackage { Code = "", Name = "" } : await db.ConstructionPackages.SingleAsync(p => p.Id == Package.Id, ct);
        if (!HasEvidence)
        {
            // Log entries name the package by its code: it is fixed once evidence is recorded.
            package.Code = Input.Code!.Trim();
        }

        package.Name = Input.Name!.Trim();
        package.OpdId = Input.OpdId;
        package.RegionId = villageId;
        package.Location = Blank(Input.Location);
        package.ContractorCompany = Blank(Input.ContractorCompany);
        package.ContractValue = value;
        package.WorkStart = Input.WorkStart!.Value;
        package.WorkEnd = Input.WorkEnd!.Value;
        package.SiteLatitude = latitude;
        package.SiteLongitude = longitude;
        package.GeofenceRadiusMeters = Input.GeofenceRadiusMeters!.Value;
        package.Hps = hps;
        package.Pagu = pagu;
        package.Method = Input.Method ?? package.Method;
        package.Category = Input.Category ?? package.Category;
        package.FiscalYear = Input.FiscalYear ?? (package.FiscalYear > 0 ? package.FiscalYear : Input.WorkStart!.Value.Year);
        if (Package is null)
        {
            db.ConstructionPackages.Add(package);

            // The stage history starts with the announcement in the plan (OCDS builds its planning release from it).
            db.PackageStageEvents.Add(new Data.Procurement.PackageStageEvent
            {
                Package = package,
                Stage = ProcurementStage.Planned,
                AtUtc = db.UtcNow,
                ByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
                ByRole = User.IsInRole(Roles.Admin) ? Roles.Admin : Roles.OpdOperator,
            });
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/paket/{package.Id}?disimpan=1");
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(int id, string? milestoneName, string? milestoneProgress, DateOnly? milestoneDue, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (Package is null)
        {
            return NotFound();
        }

        decimal? progress = null;
        if (string.IsNullOrWhiteSpace(milestoneName) || milestoneName.Trim().Length > 300)
        {
            Errors["milestoneName"] = [ui.T("Tulis nama tahap (paling panjang 300 karakter).", "Give the milestone a name (at most 300 characters).")];
        }

        if (!string.IsNullOrWhiteSpace(milestoneProgress))
        {
            if (decimal.TryParse(milestoneProgress.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            {
                progress = p;
            }
            else
            {
                Errors["milestoneProgress"] = [ui.T("Progres adalah angka 0 sampai 100.", "Progress is a number from 0 to 100.")];
            }
        }

        if (Errors.Count > 0)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }

        db.PackageMilestones.Add(new PackageMilestone
        {
            PackageId = Package.Id,
            Sequence = Milestones.Count == 0 ? 1 : Milestones.Max(m => m.Sequence) + 1,
            Name = milestoneName!.Trim(),
            ProgressPercent = progress,
            DueDate = milestoneDue,
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/paket/{Package.Id}#tahap");
    }

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var milestone = await db.PackageMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.PackageId == id, ct);
        if (milestone is null)
        {
            return NotFound();
        }

        if (await db.EvidenceItems.AnyAsync(i => i.MilestoneId == milestoneId, ct))
        {
            Errors["milestones"] = [ui.T("Tahap yang sudah memiliki bukti tidak dapat dihapus.", "A milestone with evidence cannot be removed.")];
            return Refuse(StatusCodes.Status409Conflict);
        }

        db.PackageMilestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/paket/{id}#tahap");
    }

    public async Task<IActionResult> OnPostAddContractorAsync(int id, string? contractorUser, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (Package is null)
        {
            return NotFound();
        }

        var name = contractorUser?.Trim() ?? "";
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Contractor))
        {
            Errors["contractorUser"] = [ui.T("Tidak ada akun berperan Penyedia dengan nama pengguna atau surel itu.", "No account with the Contractor role has that user name or e-mail.")];
        }
        else if (Contractors.Any(c => c.UserId == user.Id))
        {
            Errors["contractorUser"] = [ui.T("Akun ini sudah terdaftar untuk paket ini.", "This account is already assigned to the package.")];
        }

        if (Errors.Count > 0)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }

        db.PackageContractors.Add(new PackageContractor { PackageId = Package.Id, UserId = user!.Id });
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/paket/{Package.Id}#penyedia");
    }

    public async Task<IActionResult> OnPostRemoveContractorAsync(int id, string userId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var row = await db.PackageContractors.SingleOrDefaultAsync(c => c.PackageId == id && c.UserId == userId, ct);
        if (row is null)
        {
            return NotFound();
        }

        db.PackageContractors.Remove(row);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/paket/{id}#penyedia");
    }

    /// <summary>Shows the page again with <see cref="Errors"/> for a refused milestone or contractor change, the package form filled.</summary>
    private PageResult Refuse(int status)
    {
        Response.StatusCode = status;
        FillInput();
        return Page();
    }

    private void FillInput()
    {
        if (Package is not null)
        {
            Input = new PackageInput
            {
                Code = Package.Code,
                Name = Package.Name,
                OpdId = Package.OpdId,
                VillageCode = Package.Region?.Code,
                Location = Package.Location,
                ContractorCompany = Package.ContractorCompany,
                ContractValue = Package.ContractValue.ToString("0.##", CultureInfo.InvariantCulture),
                WorkStart = Package.WorkStart,
                WorkEnd = Package.WorkEnd,
                SiteLatitude = Package.SiteLatitude.ToString("0.######", CultureInfo.InvariantCulture),
                SiteLongitude = Package.SiteLongitude.ToString("0.######", CultureInfo.InvariantCulture),
                GeofenceRadiusMeters = Package.GeofenceRadiusMeters,
                Hps = Package.Hps?.ToString("0.##", CultureInfo.InvariantCulture),
                Pagu = Package.Pagu?.ToString("0.##", CultureInfo.InvariantCulture),
                Method = Package.Method,
                Category = Package.Category,
                FiscalYear = Package.FiscalYear > 0 ? Package.FiscalYear : null,
            };
        }
    }

    private async Task<(decimal Value, double Latitude, double Longitude, int? VillageId)> ValidateAsync(CancellationToken ct)
    {
        void Error(string key, string id, string en) => Errors[key] = [ui.T(id, en)];
        var code = Input.Code?.Trim();
        if (!HasEvidence)
        {
            if (!EvidenceEntry.IsToken(code))
            {
                Error("code", "Kode paket wajib, tanpa spasi, paling panjang 100 karakter (mis. kode RUP).", "The package code is required, without spaces, at most 100 characters (e.g. the RUP code).");
            }
            else if (await db.ConstructionPackages.AnyAsync(p => p.Code == code && p.Id != (Package == null ? 0 : Package.Id), ct))
            {
                Error("code", "Kode paket ini sudah dipakai.", "This package code is already in use.");
            }
        }

        if (string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Trim().Length > 300)
        {
            Error("name", "Nama paket wajib, paling panjang 300 karakter.", "The package name is required, at most 300 characters.");
        }

        if (!Opds.Any(o => o.Id == Input.OpdId))
        {
            Error("opd", "Pilih OPD pelaksana (OPD yang boleh Anda kelola).", "Choose the implementing agency (one you may manage).");
        }

        int? villageId = null;
        if (!string.IsNullOrWhiteSpace(Input.VillageCode))
        {
            villageId = await db.Regions.Where(r => r.Code == Input.VillageCode.Trim()).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            if (villageId is null)
            {
                Error("village", "Kode wilayah tidak dikenal (mis. 12.05.07.1010).", "Unknown area code (e.g. 12.05.07.1010).");
            }
        }

        if (Input.Location?.Length > 400)
        {
            Error("location", "Lokasi paling panjang 400 karakter.", "The location may be at most 400 characters.");
        }

        if (Input.ContractorCompany?.Length > 250)
        {
            Error("company", "Nama penyedia paling panjang 250 karakter.", "The contractor name may be at most 250 characters.");
        }

        var valueText = (Input.ContractValue ?? "").Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1_000_000_000_000_000m)
        {
            Error("value", "Tulis nilai kontrak dalam rupiah, mis. 1500000000 atau 1.500.000.000.", "Write the contract value in rupiah, e.g. 1500000000 or 1.500.000.000.");
        }

        if (Input.WorkStart is null || Input.WorkEnd is null)
        {
            Error("window", "Isi tanggal mulai dan selesai pelaksanaan.", "Give the work window's start and end dates.");
        }
        else if (Input.WorkEnd < Input.WorkStart)
        {
            Error("window", "Tanggal selesai tidak boleh sebelum tanggal mulai.", "The end date cannot be before the start date.");
        }

        var latitude = GeoPoint.ParseDegrees(Input.SiteLatitude) ?? double.NaN;
        var longitude = GeoPoint.ParseDegrees(Input.SiteLongitude) ?? double.NaN;
        // Evidence is checked against the site of construction work; goods and services may have none (0, 0).
        if ((Input.Category ?? Package?.Category ?? ProcurementCategory.Construction) != ProcurementCategory.Construction
            && string.IsNullOrWhiteSpace(Input.SiteLatitude) && string.IsNullOrWhiteSpace(Input.SiteLongitude))
        {
            latitude = 0;
            longitude = 0;
        }

        if (!GeoPoint.IsValid(latitude, longitude))
        {
            Error("site", "Isi titik lokasi: lintang −90…90 dan bujur −180…180, mis. 3.7531 dan 98.4563.", "Give the site point: latitude −90…90 and longitude −180…180, e.g. 3.7531 and 98.4563.");
        }

        if (Input.GeofenceRadiusMeters is not (>= 10 and <= 50_000))
        {
            Error("radius", "Radius geofence 10 sampai 50.000 meter.", "The geofence radius is 10 to 50,000 metres.");
        }

        var site = Errors.ContainsKey("site") ? default : new GeoPoint(latitude, longitude);
        return (value, site.Latitude, site.Longitude, villageId);
    }

    /// <summary>The procurement plan's facts: HPS and pagu in rupiah (optional), method, category, fiscal year; fixed once the tender opens.</summary>
    private (decimal? Hps, decimal? Pagu) ValidateProcurement()
    {
        void Error(string key, string id, string en) => Errors[key] = [ui.T(id, en)];
        decimal? Money(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Core.Performance.Figures.TryParseRupiah(text, out var v) && v > 0 && v <= 1_000_000_000_000_000m)
            {
                return v;
            }

            Error(key, "Tulis nilai dalam rupiah, mis. 1500000000 atau 1.500.000.000.", "Write the value in rupiah, e.g. 1500000000 or 1.500.000.000.");
            return null;
        }

        var hps = Money(Input.Hps, "hps");
        var pagu = Money(Input.Pagu, "pagu");
        if (hps is not null && pagu is not null && hps > pagu)
        {
            Error("hps", "HPS tidak boleh melebihi pagu.", "HPS cannot exceed the budget ceiling (pagu).");
        }

        // A value that does not bind (e.g. an unknown method name) is an error, not the default.
        if (Input.Method is { } m && !Enum.IsDefined(m) || ModelState.GetFieldValidationState("Input.Method") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Error("method", "Pilih metode pengadaan.", "Choose the procurement method.");
        }

        if (Input.Category is { } c && !Enum.IsDefined(c) || ModelState.GetFieldValidationState("Input.Category") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Error("category", "Pilih kategori pengadaan.", "Choose the procurement category.");
        }

        if (Input.FiscalYear is { } y && y is < 2000 or > 2100 || ModelState.GetFieldValidationState("Input.FiscalYear") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Error("fiscalYear", "Tahun anggaran 2000 sampai 2100.", "The fiscal year is 2000 to 2100.");
        }

        // Once the tender is open the facts bidders and the integrity pact relied on stay as they were.
        if (Package is { Stage: not ProcurementStage.Planned } p
            && (hps != p.Hps || pagu != p.Pagu || (Input.Method ?? p.Method) != p.Method || (Input.Category ?? p.Category) != p.Category))
        {
            Error("hps", "HPS, pagu, metode dan kategori tidak dapat diubah setelah tender dibuka.", "HPS, ceiling, method and category cannot change once the tender is open.");
        }

        return (hps, pagu);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Loads the package (null id: a new one) and the OPDs the user may manage; refuses anyone else.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var isAdmin = User.IsInRole(Roles.Admin);
        if (!isAdmin && !User.IsInRole(Roles.OpdOperator))
        {
            return Forbid();
        }

        Opds = await (isAdmin
                ? db.Opds.AsNoTracking().Where(o => o.IsActive)
                : db.UserOpdScopes.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Opd!))
            .OrderBy(o => o.Name).Select(o => new OpdOption(o.Id, o.Name)).ToListAsync(ct);

        if (id is null)
        {
            return Opds.Count == 0 ? Forbid() : null;
        }

        Package = await db.ConstructionPackages.AsNoTracking().Include(p => p.Region).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (Package is null)
        {
            return NotFound();
        }

        if (!isAdmin && !Opds.Any(o => o.Id == Package.OpdId))
        {
            return Forbid();
        }

        HasEvidence = await db.EvidenceItems.AnyAsync(i => i.PackageId == Package.Id, ct);
        Milestones = await db.PackageMilestones.AsNoTracking().Where(m => m.PackageId == Package.Id).OrderBy(m => m.Sequence).ToListAsync(ct);
        Contractors = await db.PackageContractors.AsNoTracking().Where(c => c.PackageId == Package.Id)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new ContractorRow(u.Id, u.UserName!, u.DisplayName)).ToListAsync(ct);
        Message = Request.Query.ContainsKey("disimpan") ? ui.T("Paket tersimpan.", "Package saved.") : null;
        return null;
    }
}
