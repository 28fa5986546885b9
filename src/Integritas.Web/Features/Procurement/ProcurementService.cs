using System.Security.Claims;
using Integritas.Core.Performance;
using Integritas.Core.Procurement;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Data.Procurement;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement;

/// <summary>A command's outcome: the value, or field errors keyed by form field.</summary>
public sealed record ProcurementResult<T>(T? Value, Dictionary<string, string[]> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}

/// <summary>What the staff give when moving a package to the next stage.</summary>
public sealed class StageInput
{
    public ProcurementStage? Target { get; set; }

    /// <summary>Tender period start and end as WIB wall-clock times (datetime-local inputs).</summary>
    public DateTime? TenderStart { get; set; }

    public DateTime? TenderEnd { get; set; }

    public long? WinningBidId { get; set; }

    public DateOnly? AwardDate { get; set; }

    public string? AwardValue { get; set; }

    public string? ContractNumber { get; set; }

    public DateOnly? ContractDate { get; set; }

    public string? ContractValue { get; set; }

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// The procurement lifecycle of a package (issue 6 item 6): stage transitions with their checks and history, and the
/// bids the OPD's procurement staff record. Integrity pacts are in <see cref="IntegrityPacts"/>. Administrators act for
/// every OPD, OPD operators for their own OPDs only.
/// </summary>
public sealed class ProcurementService(IntegritasDbContext db, IntegrityPacts pacts, IOptions<ProcurementOptions> options, TimeProvider time, Ui ui)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private ProcurementResult<T> Fail<T>(string field, string id, string en)
        where T : class => new(null, new() { [field] = [ui.T(id, en)] });

    /// <summary>Whether the user may manage packages of the OPD: an administrator, or an OPD operator scoped to it.</summary>
    public async Task<bool> MayManageAsync(ClaimsPrincipal user, int opdId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && user.IsInRole(Roles.OpdOperator)
            && await db.UserOpdScopes.AnyAsync(s => s.UserId == userId && s.OpdId == opdId, ct);
    }

    private static string RoleOf(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) ? Roles.Admin : Roles.OpdOperator;

    /// <summary>Moves the package to <see cref="StageInput.Target"/> when the lifecycle and the package's data allow it.</summary>
    public async Task<ProcurementResult<PackageStageEvent>> MoveAsync(ClaimsPrincipal user, int packageId, StageInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var package = await db.ConstructionPackages.SingleOrDefaultAsync(p => p.Id == packageId, ct);
        if (package is null)
        {
            return Fail<PackageStageEvent>("package", "Paket tidak ditemukan.", "Package not found.");
        }

        if (input.Target is not { } to || !Enum.IsDefined(to) || !ProcurementRules.CanMove(package.Stage, to))
        {
            return Fail<PackageStageEvent>("stage", "Tahap itu tidak dapat dituju dari tahap sekarang.", "The package cannot move to that stage from its current one.");
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string key, string id, string en) => errors[key] = [ui.T(id, en)];
        var note = input.Note?.Trim();
        if (note?.Length > 1000)
        {
            Error("note", "Catatan paling panjang 1000 karakter.", "The note may be at most 1000 characters.");
        }

        switch (to)
        {
            case ProcurementStage.TenderOpen:
                await CheckTenderOpeningAsync(package, input, Error, ct);
                break;
            case ProcurementStage.Evaluation:
                if (!await db.Bids.AnyAsync(b => b.PackageId == package.Id, ct))
                {
                    Error("stage", "Belum ada penawaran yang dicatat.", "No bids have been recorded.");
                }

                break;
            case ProcurementStage.Awarded:
                await CheckAwardAsync(package, input, Error, ct);
                break;
            case ProcurementStage.Contracted:
                CheckContract(package, input, Error);
                break;
            case ProcurementStage.Cancelled:
                if (string.IsNullOrEmpty(note))
                {
                    Error("note", "Tulis alasan pembatalan.", "Give the reason for the cancellation.");
                }

                break;
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        package.Stage = to;
        var stageEvent = new PackageStageEvent
        {
            PackageId = package.Id,
            Stage = to,
            AtUtc = Now,
            ByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            ByRole = RoleOf(user),
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
        db.PackageStageEvents.Add(stageEvent);
        await db.SaveChangesAsync(ct);
        return new(stageEvent, []);
    }

    private async Task CheckTenderOpeningAsync(ConstructionPackage package, StageInput input, Action<string, string, string> error, CancellationToken ct)
    {
        var value = package.Hps ?? package.Pagu ?? 0m;
        if (package.Hps is null && ProcurementRules.HpsRequired(package.Method, package.Pagu ?? 0m))
        {
            error("hps", "Isi HPS paket sebelum tender dibuka.", "Set the package's HPS before the tender opens.");
        }

        // The limits in force when the tender opens, i.e. today.
        var date = DateOnly.FromDateTime(Wib.FromUtc(Now).DateTime);
        foreach (var problem in ProcurementRules.MethodProblems(package.Method, package.Category, value, date, options.Value.Ceilings()))
        {
            error("method", problem switch
            {
                "direct-above-ceiling" => "Nilai paket di atas batas pengadaan langsung untuk kategori ini: gunakan tender atau seleksi.",
                "seleksi-not-consultancy" => "Seleksi hanya untuk jasa konsultansi.",
                _ => "Tender tidak dipakai untuk jasa konsultansi: gunakan seleksi.",
            }, problem switch
            {
                "direct-above-ceiling" => "The package is above the direct-procurement limit for its category: use a tender or selection.",
                "seleksi-not-consultancy" => "Selection is for consultancy only.",
                _ => "Consultancy is not tendered: use selection.",
            });
        }

        if (input.TenderStart is null || input.TenderEnd is null)
        {
            error("tenderPeriod", "Isi awal dan akhir masa penawaran.", "Give the start and end of the tender period.");
        }
        else if (input.TenderEnd <= input.TenderStart)
        {
            error("tenderPeriod", "Akhir masa penawaran harus setelah awalnya.", "The tender period must end after it starts.");
        }
        else
        {
            package.TenderStartUtc = WibToUtc(input.TenderStart.Value);
            package.TenderEndUtc = WibToUtc(input.TenderEnd.Value);
        }

        if (ProcurementRules.PactRequired(package.Hps, package.Pagu, options.Value.IntegrityPactThreshold)
            && !await pacts.ReadyForTenderAsync(package, ct))
        {
            error("pact", "Nilai paket di atas ambang pakta integritas: tender baru dapat dibuka setelah pakta ditandatangani PPK, saksi LSM dan saksi perguruan tinggi.",
                "The package is above the integrity-pact threshold: the tender opens only once the pact is signed by the commitment officer, an NGO witness and a university witness.");
        }
    }

    private async Task CheckAwardAsync(ConstructionPackage package, StageInput input, Action<string, string, string> error, CancellationToken ct)
    {
        var bid = input.WinningBidId is { } id ? await db.Bids.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.PackageId == package.Id, ct) : null;
        if (bid is null)
        {
            error("winningBid", "Pilih penawaran pemenang dari daftar penawaran paket ini.", "Choose the winning bid from this package's bids.");
        }
        else if (bid.Status != BidStatus.Valid || ProcurementRules.AssessBid(package.Category, package.Hps, bid.Amount).AboveHps)
        {
            error("winningBid", "Pemenang harus penawaran yang sah (tidak digugurkan, tidak di atas HPS).", "The winner must be a valid bid (not disqualified, not above HPS).");
        }

        if (input.AwardDate is null)
        {
            error("awardDate", "Isi tanggal penetapan pemenang.", "Give the award date.");
        }

        decimal value = bid?.Amount ?? 0m;
        if (!string.IsNullOrWhiteSpace(input.AwardValue) && (!Figures.TryParseRupiah(input.AwardValue, out value) || value <= 0))
        {
            error("awardValue", "Tulis nilai penetapan dalam rupiah, mis. 1.250.000.000.", "Write the award value in rupiah, e.g. 1.250.000.000.");
        }

        if (bid is not null)
        {
            package.AwardedBidId = bid.Id;
            package.SupplierVendorId = bid.VendorId;
            package.AwardValue = value;
            package.AwardDate = input.AwardDate;
            package.ContractorCompany ??= await db.Vendors.Where(v => v.Id == bid.VendorId).Select(v => v.Name).SingleAsync(ct);
        }
    }

    private void CheckContract(ConstructionPackage package, StageInput input, Action<string, string, string> error)
    {
        var number = input.ContractNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 100)
        {
            error("contractNumber", "Isi nomor kontrak (paling panjang 100 karakter).", "Give the contract number (at most 100 characters).");
        }

        if (input.ContractDate is null)
        {
            error("contractDate", "Isi tanggal kontrak.", "Give the contract date.");
        }
        else if (package.AwardDate is { } award && input.ContractDate < award)
        {
            error("contractDate", "Tanggal kontrak tidak boleh sebelum penetapan pemenang.", "The contract cannot be dated before the award.");
        }

        if (!Figures.TryParseRupiah(input.ContractValue, out var value) || value <= 0)
        {
            error("contractValue", "Tulis nilai kontrak dalam rupiah, mis. 1.250.000.000.", "Write the contract value in rupiah, e.g. 1.250.000.000.");
        }

        if (input.ContractStart is null || input.ContractEnd is null || input.ContractEnd < input.ContractStart)
        {
            error("contractPeriod", "Isi masa kontrak: tanggal selesai tidak sebelum tanggal mulai.", "Give the contract period: the end not before the start.");
        }

        if (number is { Length: > 0 and <= 100 } && input.ContractDate is not null && value > 0 && input.ContractStart is { } start && input.ContractEnd is { } end && end >= start)
        {
            package.ContractNumber = number;
            package.ContractDate = input.ContractDate;
            package.ContractValue = value;
            package.WorkStart = start;
            package.WorkEnd = end;
        }
    }

    /// <summary>Records a bid: refused outside the bidding stages, for an unknown vendor, twice for one vendor, or — for a pact-gated package — without the vendor's signature on the pact.</summary>
    public async Task<ProcurementResult<Bid>> RecordBidAsync(ClaimsPrincipal user, int packageId, string? vendorCode, string? amountText, DateTime? submittedWib, CancellationToken ct)
    {
        var package = await db.ConstructionPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, ct);
        if (package is null)
        {
            return Fail<Bid>("package", "Paket tidak ditemukan.", "Package not found.");
        }

        if (!ProcurementRules.AcceptsBids(package.Stage))
        {
            return Fail<Bid>("stage", "Penawaran hanya dicatat sejak tender dibuka sampai penetapan pemenang.", "Bids are recorded only from the tender's opening until the award.");
        }

        var errors = new Dictionary<string, string[]>();
        var code = vendorCode?.Trim();
        var vendor = string.IsNullOrEmpty(code) ? null : await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Code == code, ct);
        if (vendor is null)
        {
            errors["vendorCode"] = [ui.T("Kode penyedia tidak dikenal (mis. V000123).", "Unknown vendor code (e.g. V000123).")];
        }
        else if (await db.Bids.AnyAsync(b => b.PackageId == packageId && b.VendorId == vendor.Id, ct))
        {
            errors["vendorCode"] = [ui.T("Penawaran penyedia ini sudah dicatat.", "This vendor's bid is already recorded.")];
        }

        if (!Figures.TryParseRupiah(amountText, out var amount) || amount <= 0 || amount > 1_000_000_000_000_000m)
        {
            errors["amount"] = [ui.T("Tulis nilai penawaran dalam rupiah, mis. 1.250.000.000.", "Write the bid amount in rupiah, e.g. 1.250.000.000.")];
        }

        if (submittedWib is null)
        {
            errors["submittedAt"] = [ui.T("Isi waktu penawaran dimasukkan.", "Give the time the bid was submitted.")];
        }
        else if (WibToUtc(submittedWib.Value) > Now)
        {
            errors["submittedAt"] = [ui.T("Waktu penawaran tidak boleh di masa depan.", "The submission time cannot be in the future.")];
        }

        if (vendor is not null && !errors.ContainsKey("vendorCode")
            && ProcurementRules.PactRequired(package.Hps, package.Pagu, options.Value.IntegrityPactThreshold)
            && !await pacts.BidderSignedAsync(package, vendor.Id, ct))
        {
            errors["vendorCode"] = [ui.T("Penyedia ini belum menandatangani pakta integritas paket ini: penawarannya tidak dapat dicatat.",
                "This vendor has not signed the package's integrity pact: its bid cannot be recorded.")];
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var assessment = ProcurementRules.AssessBid(package.Category, package.Hps, amount);
        var bid = new Bid
        {
            PackageId = packageId,
            VendorId = vendor!.Id,
            Amount = amount,
            SubmittedAtUtc = WibToUtc(submittedWib!.Value),
            Status = assessment.AboveHps ? BidStatus.Disqualified : BidStatus.Valid,
            DisqualificationReason = assessment.AboveHps ? "Penawaran di atas HPS / Bid above HPS" : null,
            NeedsLargerGuarantee = assessment.NeedsLargerGuarantee,
            RecordedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            RecordedAtUtc = Now,
        };
        db.Bids.Add(bid);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Fail<Bid>("vendorCode", "Penawaran penyedia ini baru saja dicatat.", "This vendor's bid was just recorded.");
        }

        return new(bid, []);
    }

    /// <summary>Disqualifies a bid with a reason; not after the award.</summary>
    public async Task<ProcurementResult<Bid>> DisqualifyAsync(int packageId, long bidId, string? reason, CancellationToken ct)
    {
        var bid = await db.Bids.Include(b => b.Package).SingleOrDefaultAsync(b => b.Id == bidId && b.PackageId == packageId, ct);
        if (bid is null)
        {
            return Fail<Bid>("bid", "Penawaran tidak ditemukan.", "Bid not found.");
        }

        if (!ProcurementRules.AcceptsBids(bid.Package!.Stage))
        {
            return Fail<Bid>("stage", "Penawaran tidak dapat digugurkan pada tahap ini.", "Bids cannot be disqualified at this stage.");
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 500)
        {
            return Fail<Bid>("reason", "Tulis alasan gugur (paling panjang 500 karakter).", "Give the reason (at most 500 characters).");
        }

        bid.Status = BidStatus.Disqualified;
        bid.DisqualificationReason = text;
        await db.SaveChangesAsync(ct);
        return new(bid, []);
    }

    /// <summary>A WIB wall-clock time (from a datetime-local input) as UTC.</summary>
    public static DateTime WibToUtc(DateTime wib) => DateTime.SpecifyKind(wib - Wib.Offset, DateTimeKind.Utc);
}
