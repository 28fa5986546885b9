using System.Net;
using Integritas.Core.Organisation;
using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

public abstract class RegionAdminTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Admin_adds_a_desa_below_its_kecamatan_and_renames_it()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        const string url = "/admin/wilayah/12.05.07";
        var page = await admin.GetStringAsync(url, Ct);
        Assert.Contains("Kecamatan Stabat", page, StringComparison.Ordinal);

        var wrongParent = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=Add", new() { ["ChildCode"] = "12.05.08.2099", ["ChildName"] = "Desa Salah Tempat" }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongParent.StatusCode);
        Assert.Contains("langsung di bawah 12.05.07", await wrongParent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var badCode = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=Add", new() { ["ChildCode"] = "12.05.07.3001", ["ChildName"] = "Desa X" }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCode.StatusCode);

        var added = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=Add", new() { ["ChildCode"] = "12.05.07.2095", ["ChildName"] = "Desa Pemekaran" }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var desa = await F.WithDbAsync(db => db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "12.05.07.2095", Ct));
        Assert.Equal((RegionLevel.Village, "12.05.07"), (desa.Level, desa.Parent!.Code));

        var duplicate = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=Add", new() { ["ChildCode"] = "12.05.07.2095", ["ChildName"] = "Lagi" }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);

        var renamed = await IntegritasFactory.PostFormAsync(admin, "/admin/wilayah/12.05.07.2095?handler=Rename", new() { ["Name"] = "Desa Pemekaran Baru" }, formPage: "/admin/wilayah/12.05.07.2095");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Desa Pemekaran Baru", await F.WithDbAsync(db => db.Regions.Where(r => r.Code == "12.05.07.2095").Select(r => r.Name).SingleAsync(Ct)));
        Assert.Equal(2, await F.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Region" && a.EntityId == desa.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && (a.Action == AuditAction.Created || a.Action == AuditAction.Updated), Ct)));
    }

    [Fact]
    public async Task Only_admins_manage_areas()
    {
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "1.02.0.00.0.00.01.0000"));
        var refused = await op.GetAsync("/admin/wilayah/12.05", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/akun/ditolak", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/wilayah/99.99", Ct)).StatusCode);
    }
}

public sealed class SqliteRegionAdminTests(SqliteFactory factory) : RegionAdminTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRegionAdminTests(PostgresFactory factory) : RegionAdminTests(factory), IClassFixture<PostgresFactory>;
