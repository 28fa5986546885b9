using System.Net;
using Integritas.Data.Audit;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

/// <summary>Registering construction packages, their milestones and contractor accounts through the staff pages.</summary>
public abstract class PackageManagementTests(IntegritasFactory factory) : EvidenceTestBase(factory)
{
    private const string Pupr = "1.03.0.00.0.00.01.0000";
    private const string Dinkes = "1.02.0.00.0.00.01.0000";

    private async Task<Dictionary<string, string>> FieldsAsync(string opdCode, string code) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = "Pembangunan Jalan Usaha Tani",
        ["Input.OpdId"] = (await F.OpdIdAsync(opdCode)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.VillageCode"] = "12.05.07.1010",
        ["Input.Location"] = "Dusun II",
        ["Input.ContractorCompany"] = "CV Maju Bersama",
        ["Input.ContractValue"] = "1.250.000.000",
        ["Input.WorkStart"] = "2026-02-01",
        ["Input.WorkEnd"] = "2026-09-30",
        ["Input.SiteLatitude"] = "3,7531",
        ["Input.SiteLongitude"] = "98.4563",
        ["Input.GeofenceRadiusMeters"] = "250",
    };

    private static string NewCode() => $"RUP-{Guid.NewGuid():N}"[..14];

    [Fact]
    public async Task An_administrator_registers_a_package_adds_milestones_and_grants_a_contractor_upload_access()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var code = NewCode();
        var created = await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", await FieldsAsync(Pupr, code), "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var package = await F.WithDbAsync(db => db.ConstructionPackages.Include(p => p.Region).SingleAsync(p => p.Code == code, Ct));
        Assert.Equal(1_250_000_000m, package.ContractValue);
        Assert.Equal(3.7531, package.SiteLatitude);
        Assert.Equal(new DateOnly(2026, 9, 30), package.WorkEnd);
        Assert.Equal("12.05.07.1010", package.Region!.Code);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ConstructionPackage) && a.Action == AuditAction.Created && a.Changes!.Contains(code), Ct)));

        var page = $"/admin/paket/{package.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, page + "?handler=AddMilestone", new() { ["milestoneName"] = "Galian", ["milestoneProgress"] = "30", ["milestoneDue"] = "2026-04-01" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, page + "?handler=AddMilestone", new() { ["milestoneName"] = "Pengecoran" }, page)).StatusCode);
        var badProgress = await IntegritasFactory.PostFormAsync(admin, page + "?handler=AddMilestone", new() { ["milestoneName"] = "X", ["milestoneProgress"] = "150" }, page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badProgress.StatusCode);
        Assert.Contains("id=\"milestoneProgress-error\"", await badProgress.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var milestones = await F.WithDbAsync(db => db.PackageMilestones.Where(m => m.PackageId == package.Id).OrderBy(m => m.Sequence).ToListAsync(Ct));
        Assert.Equal([1, 2], milestones.Select(m => m.Sequence));
        Assert.Equal(30m, milestones[0].ProgressPercent);

        var verifier = await F.CreateUserAsync(Roles.Verifier);
        var notContractor = await IntegritasFactory.PostFormAsync(admin, page + "?handler=AddContractor", new() { ["contractorUser"] = verifier.UserName }, page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notContractor.StatusCode);
        Assert.Contains("id=\"contractorUser-error\"", await notContractor.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var contractor = await F.CreateUserAsync(Roles.Contractor);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, page + "?handler=AddContractor", new() { ["contractorUser"] = contractor.UserName }, page)).StatusCode);
        var contractorClient = await F.SignedInClientAsync(contractor);
        Assert.Equal(HttpStatusCode.OK, (await contractorClient.GetAsync($"/paket/{code}/unggah", Ct)).StatusCode);
        Assert.Contains("Pengecoran", await contractorClient.GetStringAsync($"/paket/{code}/unggah", Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, page + "?handler=RemoveContractor", new() { ["userId"] = contractor.Id }, page)).StatusCode);
        AssertDenied(await contractorClient.GetAsync($"/paket/{code}/unggah", Ct));
    }

    [Fact]
    public async Task Bad_package_input_gets_field_errors_and_stores_nothing()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var fields = await FieldsAsync(Pupr, "kode dengan spasi");
        fields["Input.Name"] = "";
        fields["Input.ContractValue"] = "satu miliar";
        fields["Input.WorkEnd"] = "2026-01-01";
        fields["Input.SiteLatitude"] = "91";
        fields["Input.GeofenceRadiusMeters"] = "5";
        fields["Input.VillageCode"] = "99.99";
        var before = await F.WithDbAsync(db => db.ConstructionPackages.CountAsync(Ct));
        var response = await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", fields, "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        foreach (var id in new[] { "Input_Code", "Input_Name", "Input_ContractValue", "Input_WorkStart", "Input_SiteLatitude", "Input_GeofenceRadiusMeters", "Input_VillageCode" })
        {
            Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await F.WithDbAsync(db => db.ConstructionPackages.CountAsync(Ct)));

        // A duplicate code is refused too.
        var code = NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", await FieldsAsync(Pupr, code), "/admin/paket/baru")).StatusCode);
        var duplicate = await IntegritasFactory.PostFormAsync(admin, "/admin/paket/baru?handler=Save", await FieldsAsync(Pupr, code), "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("sudah dipakai", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OPD_operator_manages_only_packages_of_the_own_OPD()
    {
        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Pupr));
        var code = NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(operatorClient, "/admin/paket/baru?handler=Save", await FieldsAsync(Pupr, code), "/admin/paket/baru")).StatusCode);

        var otherOpd = await IntegritasFactory.PostFormAsync(operatorClient, "/admin/paket/baru?handler=Save", await FieldsAsync(Dinkes, NewCode()), "/admin/paket/baru");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherOpd.StatusCode);
        Assert.Contains("id=\"Input_OpdId-error\"", await otherOpd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var dinkesPackage = await F.WithDbAsync(async db =>
        {
            var opd = await db.Opds.FirstAsync(o => o.Code == Dinkes, Ct);
            var p = new ConstructionPackage { Code = NewCode(), Name = "Puskesmas", OpdId = opd.Id, WorkStart = new DateOnly(2026, 1, 1), WorkEnd = new DateOnly(2026, 12, 31), SiteLatitude = 3.7, SiteLongitude = 98.4 };
            db.ConstructionPackages.Add(p);
            await db.SaveChangesAsync(Ct);
            return p;
        });
        AssertDenied(await operatorClient.GetAsync($"/admin/paket/{dinkesPackage.Id}", Ct));
        var token = IntegritasFactory.AntiforgeryToken(await operatorClient.GetStringAsync("/admin/paket/baru", Ct));
        var forged = await operatorClient.PostAsync($"/admin/paket/{dinkesPackage.Id}?handler=AddMilestone", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["milestoneName"] = "Sisipan" }), Ct);
        AssertDenied(forged);
        Assert.False(await F.WithDbAsync(db => db.PackageMilestones.AnyAsync(m => m.PackageId == dinkesPackage.Id, Ct)));

        var contractor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Contractor));
        AssertDenied(await contractor.GetAsync("/admin/paket/baru", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await F.Client().GetAsync("/admin/paket/baru", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_code_and_milestones_with_evidence_stay_fixed()
    {
        var package = await PackageAsync();
        var (_, contractor) = await ContractorAsync(package);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contractor, package, Web.Features.Evidence.DemoPhotos.Photo("x", TwoDaysAgoWib(), Site, 1))).StatusCode);

        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var page = $"/admin/paket/{package.Id}";
        var fields = await FieldsAsync(Pupr, "KODE-BARU");
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(admin, page + "?handler=Save", fields, page)).StatusCode);
        var saved = await F.WithDbAsync(db => db.ConstructionPackages.SingleAsync(p => p.Id == package.Id, Ct));
        Assert.Equal(package.Code, saved.Code);
        Assert.Equal("Pembangunan Jalan Usaha Tani", saved.Name);

        var removal = await IntegritasFactory.PostFormAsync(admin, page + "?handler=RemoveMilestone", new() { ["milestoneId"] = package.Milestones[0].ToString(System.Globalization.CultureInfo.InvariantCulture) }, page);
        Assert.Equal(HttpStatusCode.Conflict, removal.StatusCode);
        Assert.Equal(2, await F.WithDbAsync(db => db.PackageMilestones.CountAsync(m => m.PackageId == package.Id, Ct)));

        // The evidence still verifies: nothing the log recorded was changed.
        Assert.DoesNotContain("Peringatan integritas", await F.Client().GetStringAsync($"/paket/{package.Code}", Ct), StringComparison.Ordinal);
    }
}

public sealed class SqlitePackageManagementTests(SqliteFactory factory) : PackageManagementTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPackageManagementTests(PostgresFactory factory) : PackageManagementTests(factory), IClassFixture<PostgresFactory>;
