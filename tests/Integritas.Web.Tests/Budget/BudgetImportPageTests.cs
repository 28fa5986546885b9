using System.Globalization;
using System.Net;
using System.Text;
using Integritas.Data.Budget;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Budget;

/// <summary>The import page over HTTP: upload, background import, status page, error list; administrators only.</summary>
public abstract class BudgetImportPageTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, BudgetImportKind kind, int year, string csv, string? adopted = null)
    {
        var token = IntegritasFactory.AntiforgeryToken(await client.GetStringAsync("/admin/anggaran/impor", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind.ToString()), "Kind" },
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "Year" },
            { new StringContent(nameof(BudgetStage.Murni)), "Stage" },
            { new StringContent(adopted ?? ""), "AdoptedOn" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "berkas.csv" },
        };
        return await client.PostAsync("/admin/anggaran/impor", form, Ct);
    }

    private async Task<string> FinishedStatusAsync(HttpClient client, string location)
    {
        // A deadline rather than a count of polls: a loaded machine may take a while.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetStringAsync(location, Ct);
            if (!page.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task An_administrator_uploads_and_sees_the_outcome_and_the_row_errors()
    {
        const int year = 2041;
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var lines = "opd_code,program_code,program_name,kegiatan_code,kegiatan_name,subkegiatan_code,subkegiatan_name,account_code,account_name,pagu\n"
            + $"{Dinkes},1.02.02,Program,1.02.02.2.02,Kegiatan,1.02.02.2.02.0001,Sub,5.1.02.01.01.0024,ATK,5000000\n";
        var missingDate = await UploadAsync(admin, BudgetImportKind.BudgetLines, year, lines);
        Assert.Equal(HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Contains("Tanggal penetapan wajib diisi", await missingDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var posted = await UploadAsync(admin, BudgetImportKind.BudgetLines, year, lines, $"{year - 1}-12-15");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var status = await FinishedStatusAsync(admin, posted.Headers.Location!.ToString());
        Assert.Contains("Impor berhasil", status, StringComparison.Ordinal);

        var payments = "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount\n"
            + $"P41-1,{year}-02-01,{Dinkes},1.02.02.2.02.0001,5.1.02.01.01.0024,V4101,CV Empat,ATK,1000000\n"
            + $"P41-2,{year}-02-30,{Dinkes},1.02.02.2.02.0001,5.1.02.01.01.0024,V4101,CV Empat,ATK,abc\n";
        posted = await UploadAsync(admin, BudgetImportKind.Payments, year, payments);
        var location = posted.Headers.Location!.ToString();
        status = await FinishedStatusAsync(admin, location);
        Assert.Contains("Impor gagal: 2 kesalahan", status, StringComparison.Ordinal);
        Assert.Contains("bukan tanggal", status, StringComparison.Ordinal);
        var errors = await admin.GetStringAsync(location + "?handler=Errors", Ct);
        Assert.StartsWith("row,column,problem\n3,date,", errors, StringComparison.Ordinal);
        Assert.Contains("3,amount,", errors, StringComparison.Ordinal);
        Assert.Equal(0, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));

        var history = await admin.GetStringAsync("/admin/anggaran/impor", Ct);
        Assert.Contains("berkas.csv", history, StringComparison.Ordinal);
        var template = await admin.GetStringAsync("/admin/anggaran/impor?handler=Template&kind=Payments", Ct);
        Assert.StartsWith("payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount,package_code\n", template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_cannot_import_budget_data()
    {
        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var page = await operatorClient.GetAsync("/admin/anggaran/impor", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/akun/ditolak", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteBudgetImportPageTests(SqliteFactory factory) : BudgetImportPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBudgetImportPageTests(PostgresFactory factory) : BudgetImportPageTests(factory), IClassFixture<PostgresFactory>;
