using System.Globalization;
using System.Net;
using Integritas.Core.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Complaints;

public abstract class ComplaintStatisticsTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    private static int ThisYear => Core.Time.Wib.FromUtc(DateTimeOffset.UtcNow).Year;

    [Fact]
    public async Task The_csv_gives_the_same_overall_figures_as_the_rule_applied_to_the_stored_reports()
    {
        var response = await F.Client().GetAsync($"/api/v1/complaints/statistics.csv?year={ThisYear}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith(ComplaintApi.StatisticsCsvHeader + "\n", text, StringComparison.Ordinal);
        var rows = new List<string[]>();
        using (var parser = new CsvHelper.CsvParser(new StringReader(text), CultureInfo.InvariantCulture))
        {
            while (parser.Read())
            {
                rows.Add(parser.Record!);
            }
        }

        var from = Core.Time.Wib.StartOfDayUtc(new DateOnly(ThisYear, 1, 1));
        var facts = await F.WithDbAsync(db => db.Complaints.Where(c => c.ReceivedAtUtc >= from)
            .Select(c => new ReportFacts(c.ReceivedAtUtc, c.ResponseDueUtc, c.FirstResponseAtUtc, c.ResolvedAtUtc, c.Status, c.Rating)).ToListAsync(Ct));
        var expected = ComplaintFigures.Compute(facts, DateTime.UtcNow);
        var overall = rows[1];
        Assert.Equal("overall", overall[0]);
        Assert.Equal(expected.Received.ToString(CultureInfo.InvariantCulture), overall[3]);
        Assert.Equal(expected.Resolved.ToString(CultureInfo.InvariantCulture), overall[5]);
        Assert.Equal(expected.AnsweredOnTimePercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", overall[9]);
        Assert.True(expected.Received >= 24);

        // Every category, district and month row is there, and the category rows add up to the total.
        Assert.All(rows, r => Assert.Equal(12, r.Length));
        var categories = rows.Where(r => r[0] == "category").ToList();
        Assert.Contains(categories, r => r[2] == "KTP, KK atau akta");
        Assert.Equal(expected.Received, categories.Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture)));
        Assert.Equal(12, rows.Count(r => r[0] == "month"));
        Assert.Contains(rows, r => r[0] == "district" && r[1] == "12.05.07" && r[2] == "Stabat");
        Assert.Contains(rows, r => r[0] == "opd");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?year=1999")]
    [InlineData("?year=3000")]
    [InlineData("?year=dua")]
    public async Task A_missing_or_bad_year_is_a_400(string query)
    {
        var response = await F.Client().GetAsync($"/api/v1/complaints/statistics.csv{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_public_dashboard_shows_figures_tables_and_how_they_are_computed()
    {
        var page = await F.Client().GetStringAsync("/aduan/statistik", Ct);
        Assert.Contains("Statistik pengaduan " + ThisYear, page, StringComparison.Ordinal);
        Assert.Contains("ditanggapi tepat waktu", page, StringComparison.Ordinal);
        Assert.Contains("Cara menghitung", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Stabat</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Jalan rusak atau berlubang</th>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-monthly\"", page, StringComparison.Ordinal);

        var bad = await F.Client().GetAsync("/aduan/statistik?tahun=1990", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var empty = await F.Client().GetStringAsync("/aduan/statistik?tahun=2001", Ct);
        Assert.Contains("Belum ada data.", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leadership_sees_breaches_oldest_reports_and_the_ranking_and_operators_do_not()
    {
        var leader = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Leadership));
        var page = await leader.GetStringAsync("/admin/aduan/dasbor", Ct);
        Assert.Contains("Pelanggaran batas waktu saat ini", page, StringComparison.Ordinal);
        Assert.Contains("Laporan terbuka tertua", page, StringComparison.Ordinal);
        Assert.Contains("Peringkat OPD", page, StringComparison.Ordinal);
        // The demo's oldest open report is linked.
        var oldest = await F.WithDbAsync(db => db.Complaints.Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.InProgress
            || c.Status == ComplaintStatus.Verified || c.Status == ComplaintStatus.Dispositioned || c.Status == ComplaintStatus.Deferred)
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id).Select(c => c.TrackingNumber).FirstAsync(Ct));
        Assert.Contains($"/admin/aduan/{oldest}", page, StringComparison.Ordinal);

        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.15.0.00.0.00.01.0000"));
        var denied = await operatorClient.GetAsync("/admin/aduan/dasbor", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/akun/ditolak", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var anonymous = await F.Client().GetAsync("/admin/aduan/dasbor", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/akun/masuk", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class SqliteComplaintStatisticsTests(SqliteFactory factory) : ComplaintStatisticsTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintStatisticsTests(PostgresFactory factory) : ComplaintStatisticsTests(factory), IClassFixture<PostgresFactory>;
