using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Performance;

public class PerformanceDemoFactory(Provider provider) : IntegritasFactory(provider)
{
    protected override bool SeedPerformance => true;
}

public sealed class SqlitePerformanceDemoFactory() : PerformanceDemoFactory(Provider.Sqlite);

public sealed class PostgresPerformanceDemoFactory() : PerformanceDemoFactory(Provider.Postgres);

/// <summary>Issue 5 item 10: five years of demo plans and reports with a realistic spread, published as publication does.</summary>
public abstract class PerformanceDemoTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Five_years_of_reports_with_late_ones_under_achievers_and_lagging_outcomes()
    {
        var period = await F.WithDbAsync(db => db.PlanPeriods.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(4, period.EndYear - period.StartYear);
        var reports = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(5, reports.Select(r => r.Year).Distinct().Count());
        Assert.Contains(reports, r => r.IsLate && r.Status == ReportStatus.Published);
        Assert.Contains(reports, r => r.Status == ReportStatus.Draft);
        Assert.Contains(reports, r => r.Status == ReportStatus.Submitted);
        Assert.Contains(reports, r => r.CapaianMean < 90);
        Assert.Contains(reports, r => r.CapaianMean >= 95);
        Assert.All(reports.Where(r => r.Status == ReportStatus.Published), r =>
        {
            Assert.Equal(IndicatorData.Sha256(r.PublishedCsv!), r.PublishedSha256);
            Assert.NotNull(r.LedgerIndex);
            Assert.NotNull(r.CapaianMean);
        });

        // The seed's example: fertiliser goes out (output on target) while the yield of its receivers lags (outcome).
        var distan = await F.OpdIdAsync(PerformanceDemo.Distan);
        await using var scope = F.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IndicatorData>().RowsAsync(period.StartYear + 3, distan, Ct);
        var fertiliser = rows.Single(r => r.IndicatorCode == "OUT-1" && r.Period == ReportPeriod.Year).CapaianPct!.Value;
        var yield = rows.Single(r => r.IndicatorCode == "IKU-2" && r.Period == ReportPeriod.Year).CapaianPct!.Value;
        Assert.True(fertiliser > yield + 15, $"output {fertiliser} vs outcome {yield}");
    }
}

public sealed class SqlitePerformanceDemoTests(SqlitePerformanceDemoFactory factory) : PerformanceDemoTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresPerformanceDemoTests(PostgresPerformanceDemoFactory factory) : PerformanceDemoTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
