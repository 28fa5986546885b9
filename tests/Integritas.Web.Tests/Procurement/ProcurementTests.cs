using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Integritas.Core.Procurement;
using Integritas.Core.Signing;
using Integritas.Data.Identity;
using Integritas.Data.Vendors;
using Integritas.Web.Features.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Procurement;

/// <summary>
/// Issue 6 items 6 and 7 over HTTP: packages moving through the procurement lifecycle with their checks, bids recorded
/// by the OPD's staff, and the integrity pact that gates the tender and the bids, signed with sealed keys, verified on
/// every view and recorded in the transparency log.
/// </summary>
public abstract class ProcurementTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Pupr = "1.03.0.00.0.00.01.0000";
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Passphrase = "frasa sandi pakta integritas";

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>A code of a package of this class's own (not "PBJ-…", which the demo's packages are).</summary>
    private static string NewCode() => $"UJI-{Guid.NewGuid():N}"[..16];

    private static string WibLocal(DateTime utc) => utc.AddHours(7).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static void AssertFieldError(string html, string inputId) =>
        Assert.Contains($"id=\"{inputId}-error\"", html, StringComparison.Ordinal);

    /// <summary>Registers a package through the staff form; returns its id.</summary>
    private async Task<int> CreatePackageAsync(HttpClient admin, string code, string hps, ProcurementMethod method = ProcurementMethod.Tender,
        ProcurementCategory category = ProcurementCategory.Construction, string opdCode = Pupr)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Pembangunan Gedung Puskesmas Pembantu",
            ["Input.OpdId"] = (await F.OpdIdAsync(opdCode)).ToString(CultureInfo.InvariantCulture),
            ["Input.Location"] = "Desa Uji",
            ["Input.ContractValue"] = "0",
            ["Input.WorkStart"] = "2026-03-01",
            ["Input.WorkEnd"] = "2026-11-30",
            ["Input.SiteLatitude"] = "3.7531",
            ["Input.SiteLongitude"] = "98.4563",
            ["Input.GeofenceRadiusMeters"] = "300",
            ["Input.Hps"] = hps,
            ["Input.Pagu"] = hps,
            ["Input.Method"] = method.ToString(),
            ["Input.Category"] = category.ToString(),
            ["Input.FiscalYear"] = "2026",
        };
        var created = await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", fields, "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct));
    }

    private Task<Vendor> VendorAsync(string name, string? taxNumber = null) => F.WithDbAsync(async db =>
    {
        var vendor = new Vendor { Code = $"V{Random.Shared.Next(0, 99_999_999):D8}", Name = name, TaxNumber = taxNumber };
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync(Ct);
        return vendor;
    });

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, ProcurementStage to, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["Stage.Target"] = to.ToString() };
        return IntegritasFactory.PostFormAsync(client, $"/admin/pengadaan/{id}?handler=Move", form, $"/admin/pengadaan/{id}");
    }

    private static Task<HttpResponseMessage> OpenTenderAsync(HttpClient client, int id) => MoveAsync(client, id, ProcurementStage.TenderOpen, new()
    {
        ["Stage.TenderStart"] = WibLocal(DateTime.UtcNow.AddDays(-2)),
        ["Stage.TenderEnd"] = WibLocal(DateTime.UtcNow.AddDays(5)),
    });

    private static Task<HttpResponseMessage> BidAsync(HttpClient client, int id, string vendorCode, string amount, string? submitted = null) =>
        IntegritasFactory.PostFormAsync(client, $"/admin/pengadaan/{id}?handler=RecordBid", new()
        {
            ["VendorCode"] = vendorCode,
            ["Amount"] = amount,
            ["SubmittedAt"] = submitted ?? WibLocal(DateTime.UtcNow.AddHours(-1)),
        }, $"/admin/pengadaan/{id}");

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, string code) =>
        IntegritasFactory.PostFormAsync(client, $"/pengadaan/{code}?handler=Sign", new() { ["Passphrase"] = Passphrase, ["PassphraseRepeat"] = Passphrase }, $"/pengadaan/{code}");

    private async Task<HttpClient> WitnessAsync(HttpClient admin, WitnessKind kind, string organisation)
    {
        var witness = await F.CreateUserAsync(Roles.Witness);
        var set = await IntegritasFactory.PostFormAsync(admin, "/admin/pengadaan/akun?handler=Witness",
            new() { ["userName"] = witness.UserName, ["kind"] = kind.ToString(), ["organisation"] = organisation }, "/admin/pengadaan/akun");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        return await F.SignedInClientAsync(witness);
    }

    private async Task<HttpClient> VendorAccountAsync(HttpClient admin, Vendor vendor)
    {
        var contractor = await F.CreateUserAsync(Roles.Contractor);
        var linked = await IntegritasFactory.PostFormAsync(admin, "/admin/pengadaan/akun?handler=Vendor",
            new() { ["userName"] = contractor.UserName, ["vendorCode"] = vendor.Code }, "/admin/pengadaan/akun");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        return await F.SignedInClientAsync(contractor);
    }

    [Fact]
    public async Task A_tender_above_the_threshold_opens_only_with_the_pact_signed_by_the_commitment_officer_and_both_witnesses()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var code = NewCode();
        var id = await CreatePackageAsync(admin, code, "1.500.000.000");
        var ppk = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Pupr));
        var ngo = await WitnessAsync(admin, WitnessKind.Ngo, "Langkat Corruption Watch");
        var university = await WitnessAsync(admin, WitnessKind.University, "Universitas Sumatera Utara");
        var signedVendor = await VendorAsync("CV Jujur Membangun");
        var unsignedVendor = await VendorAsync("CV Belum Berjanji");
        var bidder = await VendorAccountAsync(admin, signedVendor);

        // No pact yet: the tender stays closed, and the page says why.
        var refused = await OpenTenderAsync(ppk, id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ambang pakta integritas", Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Pakta belum disiapkan", Text(await F.Client().GetStringAsync($"/pengadaan/{code}", Ct)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(ppk, $"/admin/pengadaan/{id}?handler=PreparePact", [], $"/admin/pengadaan/{id}")).StatusCode);
        var json = await F.Client().GetByteArrayAsync($"/pengadaan/{code}/pakta.json", Ct);
        Assert.True(PactDocument.TryParse(json, out var document));
        Assert.Equal(code, document!.PackageCode);
        Assert.Equal(1_500_000_000m, document.Hps);
        var hash = PactDocument.Sha256Hex(json);
        Assert.Contains(hash, await F.Client().GetStringAsync($"/pengadaan/{code}", Ct), StringComparison.Ordinal);

        // The public cannot sign; a bid cannot be recorded before the tender opens.
        Assert.DoesNotContain("sign-form", await F.Client().GetStringAsync($"/pengadaan/{code}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await BidAsync(ppk, id, signedVendor.Code, "1.400.000.000")).StatusCode);

        // The commitment officer and the NGO sign: still not enough.
        Assert.Contains("sign-form", await ppk.GetStringAsync($"/pengadaan/{code}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(ppk, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(ngo, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await OpenTenderAsync(ppk, id)).StatusCode);
        Assert.Equal(ProcurementStage.Planned, await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync(Ct)));

        // A second signature by the same party is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(ngo, code)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(university, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenTenderAsync(ppk, id)).StatusCode);
        Assert.Equal(ProcurementStage.TenderOpen, await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync(Ct)));
        var history = await F.WithDbAsync(db => db.PackageStageEvents.Where(e => e.PackageId == id).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal([ProcurementStage.Planned, ProcurementStage.TenderOpen], history.Select(e => e.Stage));
        Assert.True(history[1].AtUtc >= history[0].AtUtc);

        // A bid from a vendor who has not signed is refused; once its account signs, it is recorded.
        var unsigned = await BidAsync(ppk, id, unsignedVendor.Code, "1.300.000.000");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsigned.StatusCode);
        AssertFieldError(await unsigned.Content.ReadAsStringAsync(Ct), "VendorCode");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BidAsync(ppk, id, signedVendor.Code, "1.400.000.000")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(bidder, code)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BidAsync(ppk, id, signedVendor.Code, "1.400.000.000")).StatusCode);
        Assert.Equal(0, await F.WithDbAsync(db => db.Bids.CountAsync(b => b.VendorId == unsignedVendor.Id, Ct)));

        // Every signature verifies against the downloaded document's hash and is in the transparency log.
        var signatures = await F.WithDbAsync(db => db.PactSignatures.AsNoTracking().Include(s => s.SigningKey).Where(s => s.Pact!.PackageId == id).OrderBy(s => s.Id).ToListAsync(Ct));
        Assert.Equal([PactRole.CommitmentOfficer, PactRole.NgoWitness, PactRole.UniversityWitness, PactRole.Bidder], signatures.Select(s => s.Role));
        Assert.All(signatures, s => Assert.True(SealedSigningKey.Verify(s.SigningKey!.PublicKey, PactDocument.SigningMessage(hash), s.Signature)));
        Assert.All(signatures, s => Assert.NotNull(s.LedgerIndex));
        var entry = await F.WithDbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Index == signatures[3].LedgerIndex, Ct));
        Assert.Contains($"package {code}\ndocument sha256:{hash}\nrole bidder\nvendor {signedVendor.Code}\n", Encoding.UTF8.GetString(entry.Data), StringComparison.Ordinal);

        var page = Text(await F.Client().GetStringAsync($"/pengadaan/{code}", Ct));
        Assert.Equal(4, CountOf(page, "<span class=\"badge ok\">tanda tangan sah</span>"));
        Assert.Contains("Langkat Corruption Watch", page, StringComparison.Ordinal);
        Assert.Contains("Universitas Sumatera Utara", page, StringComparison.Ordinal);
        Assert.Contains(SealedSigningKey.Fingerprint(signatures[0].SigningKey!.PublicKey), page, StringComparison.Ordinal);
        Assert.Contains("Ditandatangani PPK dan disaksikan", page, StringComparison.Ordinal);

        using var signed = JsonDocument.Parse(await F.Client().GetStringAsync($"/pengadaan/{code}/pakta-tanda-tangan.json", Ct));
        Assert.Equal(hash, signed.RootElement.GetProperty("document_sha256").GetString());
        Assert.Equal(4, signed.RootElement.GetProperty("signatures").GetArrayLength());

        // A stored pact altered afterwards shows as damaged, every signature invalid.
        await F.WithDbAsync(async db =>
        {
            var pact = await db.IntegrityPacts.SingleAsync(p => p.PackageId == id, Ct);
            pact.Document = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(pact.Document).Replace("1500000000", "1400000000", StringComparison.Ordinal));
            return await db.SaveChangesAsync(Ct);
        });
        page = Text(await F.Client().GetStringAsync($"/pengadaan/{code}", Ct));
        Assert.Contains("Dokumen pakta rusak.", page, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(page, "<span class=\"badge ok\">tanda tangan sah</span>"));
        Assert.Equal(4, CountOf(page, "tanda tangan TIDAK sah"));

        // With the pact broken, no further bid is recorded.
        var other = await VendorAsync("CV Lain");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BidAsync(ppk, id, other.Code, "1.350.000.000")).StatusCode);
    }

    [Fact]
    public async Task Only_the_packages_own_OPD_staff_and_administrators_manage_it()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var code = NewCode();
        var id = await CreatePackageAsync(admin, code, "450.000.000");
        var otherOpd = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var witness = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Witness));
        var contractor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Contractor));
        var own = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Pupr));

        foreach (var client in new[] { otherOpd, witness, contractor })
        {
            AssertDenied(await client.GetAsync($"/admin/pengadaan/{id}", Ct));
        }

        var anonymous = await F.Client().GetAsync($"/admin/pengadaan/{id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/akun/masuk", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // A forged post from another OPD's operator (with a token from a page they may see) changes nothing.
        var token = IntegritasFactory.AntiforgeryToken(await otherOpd.GetStringAsync("/admin/paket/baru", Ct));
        var forged = new FormUrlEncodedContent([new("Stage.Target", "TenderOpen"), new("Stage.TenderStart", "2026-01-01T08:00"), new("Stage.TenderEnd", "2026-01-10T08:00"), new("__RequestVerificationToken", token)]);
        AssertDenied(await otherOpd.PostAsync($"/admin/pengadaan/{id}?handler=Move", forged, Ct));
        Assert.Equal(ProcurementStage.Planned, await F.WithDbAsync(db => db.ConstructionPackages.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync(Ct)));
        AssertDenied(await otherOpd.GetAsync($"/admin/paket/{id}", Ct));

        // Only administrators set witness affiliations and vendor accounts.
        AssertDenied(await own.GetAsync("/admin/pengadaan/akun", Ct));

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/admin/pengadaan/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenTenderAsync(own, id)).StatusCode);
        Assert.Contains("Kelola pengadaan paket ini", await own.GetStringAsync($"/pengadaan/{code}", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Kelola pengadaan paket ini", await otherOpd.GetStringAsync($"/pengadaan/{code}", Ct), StringComparison.Ordinal);

        // A package without a pact has nothing to sign: a contractor's post is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(contractor, code)).StatusCode);
    }

    [Fact]
    public async Task The_lifecycle_checks_bids_against_HPS_and_refuses_bad_input_with_field_errors()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var staff = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Pupr));
        var code = NewCode();
        var id = await CreatePackageAsync(admin, code, "800.000.000");
        var low = await VendorAsync("CV Murah Sekali");
        var fair = await VendorAsync("CV Wajar");
        var high = await VendorAsync("PT Mahal");

        // The tender period is required and must end after it starts; unreadable values are field errors.
        var noPeriod = await MoveAsync(staff, id, ProcurementStage.TenderOpen);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPeriod.StatusCode);
        AssertFieldError(await noPeriod.Content.ReadAsStringAsync(Ct), "Stage_TenderStart");
        var garbled = await MoveAsync(staff, id, ProcurementStage.TenderOpen, new() { ["Stage.TenderStart"] = "kemarin", ["Stage.TenderEnd"] = "besok" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbled.StatusCode);
        AssertFieldError(await garbled.Content.ReadAsStringAsync(Ct), "Stage_TenderStart");
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(staff, id, ProcurementStage.Awarded)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(staff, id, (ProcurementStage)77)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenTenderAsync(staff, id)).StatusCode);

        // Bad bids: unknown vendor, amount not in rupiah, time in the future.
        var bad = await BidAsync(staff, id, "V-TIDAK-ADA", "delapan ratus juta", WibLocal(DateTime.UtcNow.AddDays(3)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        AssertFieldError(html, "VendorCode");
        AssertFieldError(html, "Amount");
        AssertFieldError(html, "SubmittedAt");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BidAsync(staff, id, low.Code, "-5")).StatusCode);

        // Above HPS: recorded but disqualified. Below 80 %: flagged for a larger guarantee.
        Assert.Equal(HttpStatusCode.Redirect, (await BidAsync(staff, id, high.Code, "800.000.001")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BidAsync(staff, id, low.Code, "600.000.000")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BidAsync(staff, id, fair.Code, "790.000.000")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BidAsync(staff, id, fair.Code, "780.000.000")).StatusCode); // once per vendor
        var bids = await F.WithDbAsync(db => db.Bids.AsNoTracking().Where(b => b.PackageId == id).ToDictionaryAsync(b => b.VendorId, Ct));
        Assert.Equal(BidStatus.Disqualified, bids[high.Id].Status);
        Assert.True(bids[low.Id].NeedsLargerGuarantee);
        Assert.False(bids[fair.Id].NeedsLargerGuarantee);
        Assert.Equal(BidStatus.Valid, bids[fair.Id].Status);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProcurementStage.BidsClosed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProcurementStage.Evaluation)).StatusCode);

        // No award to a disqualified bid, nor without a date.
        var toHigh = await MoveAsync(staff, id, ProcurementStage.Awarded, new() { ["Stage.WinningBidId"] = bids[high.Id].Id.ToString(CultureInfo.InvariantCulture), ["Stage.AwardDate"] = "2026-04-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toHigh.StatusCode);
        AssertFieldError(await toHigh.Content.ReadAsStringAsync(Ct), "Stage_WinningBidId");
        var noDate = await MoveAsync(staff, id, ProcurementStage.Awarded, new() { ["Stage.WinningBidId"] = bids[fair.Id].Id.ToString(CultureInfo.InvariantCulture) });
        AssertFieldError(await noDate.Content.ReadAsStringAsync(Ct), "Stage_AwardDate");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProcurementStage.Awarded,
            new() { ["Stage.WinningBidId"] = bids[fair.Id].Id.ToString(CultureInfo.InvariantCulture), ["Stage.AwardDate"] = "2026-04-01" })).StatusCode);

        // The contract needs a number, a date not before the award, a value and a period.
        var badContract = await MoveAsync(staff, id, ProcurementStage.Contracted, new() { ["Stage.ContractDate"] = "2026-03-01", ["Stage.ContractValue"] = "nol" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badContract.StatusCode);
        html = await badContract.Content.ReadAsStringAsync(Ct);
        AssertFieldError(html, "Stage_ContractNumber");
        AssertFieldError(html, "Stage_ContractDate");
        AssertFieldError(html, "Stage_ContractValue");
        AssertFieldError(html, "Stage_ContractStart");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, ProcurementStage.Contracted, new()
        {
            ["Stage.ContractNumber"] = "027/PUPR/SP/2026",
            ["Stage.ContractDate"] = "2026-04-10",
            ["Stage.ContractValue"] = "790.000.000",
            ["Stage.ContractStart"] = "2026-04-15",
            ["Stage.ContractEnd"] = "2026-10-31",
        })).StatusCode);

        var package = await F.WithDbAsync(db => db.ConstructionPackages.AsNoTracking().SingleAsync(p => p.Id == id, Ct));
        Assert.Equal(fair.Id, package.SupplierVendorId);
        Assert.Equal(790_000_000m, package.AwardValue);
        Assert.Equal(new DateOnly(2026, 4, 1), package.AwardDate);
        Assert.Equal("027/PUPR/SP/2026", package.ContractNumber);
        Assert.Equal(new DateOnly(2026, 10, 31), package.WorkEnd);
        var stages = await F.WithDbAsync(db => db.PackageStageEvents.Where(e => e.PackageId == id).OrderBy(e => e.Id).Select(e => e.Stage).ToListAsync(Ct));
        Assert.Equal([ProcurementStage.Planned, ProcurementStage.TenderOpen, ProcurementStage.BidsClosed, ProcurementStage.Evaluation, ProcurementStage.Awarded, ProcurementStage.Contracted], stages);

        // HPS, method and category are fixed once the tender is open.
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Nama baru",
            ["Input.OpdId"] = package.OpdId.ToString(CultureInfo.InvariantCulture),
            ["Input.ContractValue"] = "790000000",
            ["Input.WorkStart"] = "2026-04-15",
            ["Input.WorkEnd"] = "2026-10-31",
            ["Input.SiteLatitude"] = "3.7531",
            ["Input.SiteLongitude"] = "98.4563",
            ["Input.GeofenceRadiusMeters"] = "300",
            ["Input.Hps"] = "900.000.000",
            ["Input.Pagu"] = "5.000.000.000",
            ["Input.Method"] = "Tender",
            ["Input.Category"] = "Construction",
        };
        var changed = await IntegritasFactory.PostFormAsync(staff, $"/admin/paket/{id}?handler=Save", fields, $"/admin/paket/{id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        AssertFieldError(await changed.Content.ReadAsStringAsync(Ct), "Input_Hps");

        // The public page shows the bids with their share of HPS, the award and the contract.
        var page = Text(await F.Client().GetStringAsync($"/pengadaan/{code}", Ct));
        Assert.Contains("98,75 %", page, StringComparison.Ordinal);
        Assert.Contains("027/PUPR/SP/2026", page, StringComparison.Ordinal);
        Assert.Contains("jaminan pelaksanaan diperbesar", page, StringComparison.Ordinal);
        Assert.Contains("Paket ini tidak memerlukan pakta integritas.", page, StringComparison.Ordinal);
        var english = Text(await F.Client().GetStringAsync($"/pengadaan/{code}?culture=en-US&ui-culture=en-US", Ct));
        Assert.Contains("Tender period", english, StringComparison.Ordinal);
        Assert.Contains("This package does not need an integrity pact.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direct_procurement_above_its_ceiling_cannot_open()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var code = NewCode();
        var id = await CreatePackageAsync(admin, code, "250.000.000", ProcurementMethod.PengadaanLangsung, ProcurementCategory.Goods);
        var refused = await OpenTenderAsync(admin, id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("batas pengadaan langsung", Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // Unknown method names in the package form are refused, not defaulted.
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = NewCode(),
            ["Input.Name"] = "X",
            ["Input.OpdId"] = (await F.OpdIdAsync(Pupr)).ToString(CultureInfo.InvariantCulture),
            ["Input.ContractValue"] = "0",
            ["Input.WorkStart"] = "2026-04-15",
            ["Input.WorkEnd"] = "2026-10-31",
            ["Input.GeofenceRadiusMeters"] = "300",
            ["Input.Method"] = "lelang-gelap",
            ["Input.Category"] = "Goods",
            ["Input.Hps"] = "-1",
        };
        var bad = await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", fields, "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        AssertFieldError(html, "Input_Method");
        AssertFieldError(html, "Input_Hps");

        // Goods need no site: without one the package is saved with no geofence point.
        fields["Input.Method"] = "EPurchasing";
        fields["Input.Hps"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", fields, "/admin/paket/baru")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_filters_sorts_and_refuses_unknown_filter_values()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var code = NewCode();
        await CreatePackageAsync(admin, code, "750.000.000", ProcurementMethod.Seleksi, ProcurementCategory.Consultancy);
        var opdId = await F.OpdIdAsync(Pupr);
        var list = Text(await F.Client().GetStringAsync($"/pengadaan?q={code}&opd={opdId}&tahun=2026&metode=Seleksi&tahap=Planned&urut=hps-turun", Ct));
        Assert.Contains($"href=\"/pengadaan/{code}\"", list, StringComparison.Ordinal);
        Assert.Contains("1 paket ditemukan", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/pengadaan/{code}\"", Text(await F.Client().GetStringAsync($"/pengadaan?q={code}&metode=Tender", Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await F.Client().GetAsync("/pengadaan?metode=lelang", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await F.Client().GetAsync("/pengadaan?tahun=dua", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync("/pengadaan/TIDAK-ADA", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync("/pengadaan/TIDAK-ADA/pakta.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_demo_has_packages_in_every_stage_signed_pacts_and_the_planted_irregularities()
    {
        var packages = await F.WithDbAsync(db => db.ConstructionPackages.AsNoTracking().ToListAsync(Ct));
        Assert.True(packages.Count(p => p.Code.StartsWith("PBJ-", StringComparison.Ordinal)) >= ProcurementDemo.PackageCount);
        Assert.All(Enum.GetValues<ProcurementStage>(), s => Assert.Contains(packages, p => p.Stage == s));
        Assert.All(Enum.GetValues<ProcurementMethod>(), m => Assert.Contains(packages, p => p.Method == m));
        Assert.All(Enum.GetValues<ProcurementCategory>(), c => Assert.Contains(packages, p => p.Category == c));
        var bids = await F.WithDbAsync(db => db.Bids.AsNoTracking().Include(b => b.Vendor).ToListAsync(Ct));
        var byCode = packages.ToDictionary(p => p.Code);

        var single = byCode[ProcurementDemo.SingleBidder];
        Assert.Equal(ProcurementMethod.Tender, single.Method);
        Assert.Single(bids, b => b.PackageId == single.Id);
        Assert.NotNull(single.AwardedBidId);

        var late = byCode[ProcurementDemo.LateWinner];
        var lateWin = bids.Single(b => b.Id == late.AwardedBidId);
        Assert.True(lateWin.SubmittedAtUtc > late.TenderEndUtc);

        var near = byCode[ProcurementDemo.NearHps];
        Assert.True(bids.Single(b => b.Id == near.AwardedBidId).Amount >= near.Hps * 0.99m);

        var shared = bids.Where(b => b.PackageId == byCode[ProcurementDemo.SharedTaxNumber].Id).GroupBy(b => b.Vendor!.TaxNumber).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(shared);
        Assert.True(shared[0].Select(b => b.VendorId).Distinct().Count() > 1);

        // Every awarded winner is one of the package's bids; every pact-gated package past planning has a pact ready for the tender.
        Assert.All(packages.Where(p => p.AwardedBidId is not null), p => Assert.Equal(p.Id, bids.Single(b => b.Id == p.AwardedBidId).PackageId));
        // Only the demo's own packages: the other tests of this class (sharing the factory) create and change packages of their own.
        var gated = packages.Where(p => p.Code.StartsWith("PBJ-", StringComparison.Ordinal) && p.Stage is not (ProcurementStage.Planned or ProcurementStage.Cancelled)
            && ProcurementRules.PactRequired(p.Hps, p.Pagu, 1_000_000_000m)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(gated);
        var page = Text(await F.Client().GetStringAsync($"/pengadaan/{gated[0].Code}", Ct));
        Assert.Contains("Ditandatangani PPK dan disaksikan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("TIDAK sah", page, StringComparison.Ordinal);
        Assert.Equal(0, await F.WithDbAsync(db => db.PactSignatures.CountAsync(s => s.LedgerIndex == null, Ct)));

        // Every demo package's history starts with its announcement, in time order.
        var events = await F.WithDbAsync(db => db.PackageStageEvents.AsNoTracking().ToListAsync(Ct));
        var byPackage = events.ToLookup(e => e.PackageId);
        Assert.All(packages.Where(p => p.Code.StartsWith("PBJ-", StringComparison.Ordinal)), p =>
        {
            var history = byPackage[p.Id].OrderBy(e => e.AtUtc).ToList();
            Assert.Equal(ProcurementStage.Planned, history[0].Stage);
            Assert.Equal(p.Stage, history[^1].Stage);
        });

        // The evidence packages are contracted work under way, their pages still served.
        var evidence = byCode["LKT-2026-PUPR-001"];
        Assert.Equal(ProcurementStage.Implementation, evidence.Stage);
        Assert.Equal(HttpStatusCode.OK, (await F.Client().GetAsync("/paket/LKT-2026-PUPR-001", Ct)).StatusCode);
        Assert.Contains("Ditandatangani PPK dan disaksikan", Text(await F.Client().GetStringAsync("/pengadaan/LKT-2026-PUPR-001", Ct)), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class SqliteProcurementTests(SqliteFactory factory) : ProcurementTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresProcurementTests(PostgresFactory factory) : ProcurementTests(factory), IClassFixture<PostgresFactory>;
