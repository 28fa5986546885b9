using System.Net;
using System.Text;
using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Integritas.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests;

public abstract class ImportTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private async Task<ImportResult> ImportAsync(ImportKind kind, string csv)
    {
        await using var scope = F.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OrganisationImporter>();
        return await importer.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), Ct);
    }

    [Fact]
    public async Task Regions_import_creates_parents_before_children_and_is_idempotent()
    {
        const string csv = """
            code,name
            12.05.07.2099,Desa Percobaan
            12.05.24,Kecamatan Percobaan
            12.05.24.2001,Desa Baru Satu
            12.05.24.1001,Kelurahan Baru
            """;
        var first = await ImportAsync(ImportKind.Regions, csv);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(4, first.Created);
        var second = await ImportAsync(ImportKind.Regions, csv);
        Assert.Equal((0, 0), (second.Created, second.Updated));
        var kelurahan = await F.WithDbAsync(db => db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "12.05.24.1001", Ct));
        Assert.Equal("12.05.24", kelurahan.Parent!.Code);
        Assert.Equal("Kelurahan", kelurahan.KindLabel);
    }

    [Fact]
    public async Task A_bad_row_reports_its_line_and_nothing_is_written()
    {
        var before = await F.WithDbAsync(db => db.Regions.CountAsync(Ct));
        const string csv = "code,name\n12.05.07.2098,Desa Baik\n12.05.07.3001,Kode Salah\n99.01.01,Induk Tidak Ada\n12.05.07.2097,\n";
        var result = await ImportAsync(ImportKind.Regions, csv);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Line == 3 && e.Column == "code");
        Assert.Contains(result.Errors, e => e.Line == 4 && e.Message.Contains("99.01", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 5 && e.Column == "name");
        Assert.Equal(before, await F.WithDbAsync(db => db.Regions.CountAsync(Ct)));
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var result = await ImportAsync(ImportKind.Opds, "code,name\n1.02.0.00.0.00.05.0000,Dinas X\n");
        var error = Assert.Single(result.Errors);
        Assert.Contains("kind", error.Column, StringComparison.Ordinal);
        Assert.Contains("regency_code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opds_units_and_officials_import_with_reporting_lines()
    {
        var opds = await ImportAsync(ImportKind.Opds, """
            code,name,short_name,kind,regency_code,address,website
            3.29.0.00.0.00.01.0000,Dinas Kelautan Percobaan,DKP2,Dinas,12.05,"Jl. Pantai No. 1, Pangkalan Susu",
            """);
        Assert.True(opds.Succeeded, string.Join("; ", opds.Errors));
        var units = await ImportAsync(ImportKind.ServiceUnits, """
            code,name,kind,opd_code,region_code,address
            12.05-TPI-01,Tempat Pelelangan Ikan Pangkalan Susu,Upt,3.29.0.00.0.00.01.0000,12.05.15,
            """);
        Assert.True(units.Succeeded, string.Join("; ", units.Errors));
        var officials = await ImportAsync(ImportKind.Officials, """
            opd_code,position_title,grade,is_head,superior_opd_code,superior_position_title,name,nip
            3.29.0.00.0.00.01.0000,Kepala Bidang Perikanan Tangkap,III.b,false,,Kepala Dinas Kelautan Percobaan,Rahmat Tanjung,197801012005011001
            3.29.0.00.0.00.01.0000,Kepala Dinas Kelautan Percobaan,II.b,ya,4.01.0.00.0.00.01.0000,Sekretaris Daerah,Ir. Hasibuan,197001012000011002
            """);
        Assert.True(officials.Succeeded, string.Join("; ", officials.Errors));
        Assert.Equal(2, officials.Created);
        var kabid = await F.WithDbAsync(db => db.Officials.Include(o => o.Position!).ThenInclude(p => p.Superior!).ThenInclude(p => p.Superior).SingleAsync(o => o.Nip == "197801012005011001", Ct));
        Assert.Equal("Kepala Dinas Kelautan Percobaan", kabid.Position!.Superior!.Title);
        Assert.Equal("Sekretaris Daerah", kabid.Position.Superior.Superior!.Title);

        var again = await ImportAsync(ImportKind.Officials, """
            opd_code,position_title,grade,is_head,superior_opd_code,superior_position_title,name,nip
            3.29.0.00.0.00.01.0000,Kepala Dinas Kelautan Percobaan,II.b,ya,4.01.0.00.0.00.01.0000,Sekretaris Daerah,Ir. Hasibuan,197001012000011002
            """);
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }

    [Fact]
    public async Task A_loop_in_the_reporting_line_is_refused()
    {
        var result = await ImportAsync(ImportKind.Officials, """
            opd_code,position_title,grade,is_head,superior_opd_code,superior_position_title,name,nip
            1.06.0.00.0.00.01.0000,Jabatan A,III.b,false,,Jabatan B,Orang A,198001012005011003
            1.06.0.00.0.00.01.0000,Jabatan B,III.b,false,,Jabatan A,Orang B,198001012005011004
            """);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("lingkaran", StringComparison.Ordinal));
        Assert.False(await F.WithDbAsync(db => db.Positions.AnyAsync(p => p.Title == "Jabatan A", Ct)));
    }

    [Fact]
    public async Task Import_page_imports_for_admins_and_records_the_changes()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var page = await admin.GetStringAsync("/admin/impor", Ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(IntegritasFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Regions"), "Kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("code,name\n12.05.07.2096,Desa Unggah\n")), "Upload", "wilayah.csv" },
        };
        var response = await admin.PostAsync("/admin/impor", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 baru", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Region" && a.Action == AuditAction.Created && a.Changes.Contains("Desa Unggah"), Ct)));

        using var bad = new MultipartFormDataContent
        {
            { new StringContent(IntegritasFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Regions"), "Kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("kode,nama\n1,2\n")), "Upload", "salah.csv" },
        };
        var refused = await admin.PostAsync("/admin/impor", bad, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Impor dibatalkan", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteImportTests(SqliteFactory factory) : ImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresImportTests(PostgresFactory factory) : ImportTests(factory), IClassFixture<PostgresFactory>;
