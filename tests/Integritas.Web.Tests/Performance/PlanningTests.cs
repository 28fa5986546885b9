using Integritas.Core.Performance;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Performance;

/// <summary>Issue 5 item 1: an OPD's plan structure, indicators, targets and ceilings, checked before anything is stored.</summary>
public abstract class PlanningTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";

    private static readonly PlanAccess Admin = new(true, []);

    private async Task<(Planning Planning, AsyncServiceScope Scope)> PlanningAsync()
    {
        var scope = F.Services.CreateAsyncScope();
        return (scope.ServiceProvider.GetRequiredService<Planning>(), scope);
    }

    /// <summary>A plan period of its own for each test (the start year is unique).</summary>
    private async Task<int> PeriodAsync()
    {
        var start = 2100 + Random.Shared.Next(0, 5000);
        return await F.WithDbAsync(async db =>
        {
            var period = new PlanPeriod { Name = $"Renstra {start}–{start + 4}", StartYear = start, EndYear = start + 4 };
            db.PlanPeriods.Add(period);
            await db.SaveChangesAsync(Ct);
            return period.Id;
        });
    }

    [Fact]
    public async Task A_plan_from_tujuan_to_sub_kegiatan_with_an_outcome_and_an_output_indicator()
    {
        var period = await PeriodAsync();
        var opd = await F.OpdIdAsync(Dinkes);
        var (planning, scope) = await PlanningAsync();
        await using (scope)
        {
            async Task<PlanNode> Add(long? parent, PlanLevel level, string code, string name)
            {
                var result = await planning.AddNodeAsync(Admin, new(period, opd, parent, level, code, name), Ct);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
                return result.Value!;
            }

            var tujuan = await Add(null, PlanLevel.Tujuan, "T1", "Meningkatkan derajat kesehatan masyarakat");
            var sasaran = await Add(tujuan.Id, PlanLevel.Sasaran, "S1.1", "Menurunnya angka stunting");
            var program = await Add(sasaran.Id, PlanLevel.Program, "1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat");
            var kegiatan = await Add(program.Id, PlanLevel.Kegiatan, "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota");
            var sub = await Add(kegiatan.Id, PlanLevel.SubKegiatan, "1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil");

            var stunting = await planning.AddIndicatorAsync(Admin, new(sasaran.Id, "IKU-1", "Prevalensi stunting balita", IndicatorKind.Outcome, true, "%",
                Polarity.Lower, Polarity.Higher, 21.4m, QuarterMode.Cumulative, "Balita stunting / balita diukur × 100", "e-PPGBM"), Ct);
            Assert.True(stunting.Succeeded);
            var visits = await planning.AddIndicatorAsync(Admin, new(sub.Id, "OUT-1", "Ibu hamil mendapat pelayanan K6", IndicatorKind.Output, false, "orang",
                Polarity.Higher, Polarity.Higher, null, QuarterMode.PerQuarter, null, null), Ct);
            Assert.True(visits.Succeeded);

            var start = await F.WithDbAsync(db => db.PlanPeriods.Where(p => p.Id == period).Select(p => p.StartYear).SingleAsync(Ct));
            Assert.True((await planning.SetTargetAsync(Admin, stunting.Value!.Id, start, ReportPeriod.Year, 18m, null, Ct)).Succeeded);
            Assert.True((await planning.SetTargetAsync(Admin, visits.Value!.Id, start, ReportPeriod.Q1, 1200m, null, Ct)).Succeeded);
            var replaced = await planning.SetTargetAsync(Admin, visits.Value.Id, start, ReportPeriod.Q1, 1250m, null, Ct);
            Assert.True((await planning.SetPaguAsync(Admin, sub.Id, start, 1_250_000_000m, Ct)).Succeeded);

            var targets = await F.WithDbAsync(db => db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == visits.Value.Id).ToListAsync(Ct));
            Assert.Equal(1250m, Assert.Single(targets).Value);
            Assert.Equal(1_250_000_000m, await F.WithDbAsync(db => db.BudgetCeilings.Where(b => b.PlanNodeId == sub.Id).Select(b => b.Pagu).SingleAsync(Ct)));
            Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PlanNode) && a.EntityId == sub.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));
            Assert.Equal(replaced.Value!.Id, targets[0].Id);
        }
    }

    [Fact]
    public async Task Misplaced_or_miscoded_elements_and_bad_targets_store_nothing()
    {
        var period = await PeriodAsync();
        var opd = await F.OpdIdAsync(Dinkes);
        var other = await F.OpdIdAsync("2.11.0.00.0.00.01.0000");
        var (planning, scope) = await PlanningAsync();
        await using (scope)
        {
            var tujuan = (await planning.AddNodeAsync(Admin, new(period, opd, null, PlanLevel.Tujuan, "T1", "Tujuan"), Ct)).Value!;
            var sasaran = (await planning.AddNodeAsync(Admin, new(period, opd, tujuan.Id, PlanLevel.Sasaran, "S1", "Sasaran"), Ct)).Value!;
            var program = (await planning.AddNodeAsync(Admin, new(period, opd, sasaran.Id, PlanLevel.Program, "1.02.02", "Program"), Ct)).Value!;
            var before = await F.WithDbAsync(db => db.PlanNodes.CountAsync(n => n.PeriodId == period, Ct));

            (Planning.NodeInput Input, string Field)[] bad =
            [
                (new(period, opd, program.Id, PlanLevel.SubKegiatan, "1.02.02.2.01.0001", "Lompat tingkat"), "ParentId"),
                (new(period, opd, program.Id, PlanLevel.Kegiatan, "1.02.02.2.1", "Kode salah"), "Code"),
                (new(period, opd, program.Id, PlanLevel.Kegiatan, "1.03.02.2.01", "Induk lain"), "Code"),
                (new(period, opd, sasaran.Id, PlanLevel.Program, "1.02.02", "Kode ganda"), "Code"),
                (new(period, other, sasaran.Id, PlanLevel.Program, "2.11.02", "Induk OPD lain"), "ParentId"),
                (new(period, opd, null, PlanLevel.Tujuan, "T2", " "), "Name"),
                (new(period, opd, null, (PlanLevel)9, "T3", "Tingkat asing"), "Level"),
            ];
            foreach (var (input, field) in bad)
            {
                var result = await planning.AddNodeAsync(Admin, input, Ct);
                Assert.False(result.Succeeded, input.ToString());
                Assert.Contains(field, result.Errors.Keys);
            }

            Assert.Equal(before, await F.WithDbAsync(db => db.PlanNodes.CountAsync(n => n.PeriodId == period, Ct)));

            var range = (await planning.AddIndicatorAsync(Admin, new(sasaran.Id, "R-1", "Waktu tunggu rujukan", IndicatorKind.Outcome, true, "menit",
                Polarity.Range, Polarity.Lower, null, QuarterMode.Cumulative, null, null), Ct)).Value!;
            var start = await F.WithDbAsync(db => db.PlanPeriods.Where(p => p.Id == period).Select(p => p.StartYear).SingleAsync(Ct));
            Assert.Contains("Max", (await planning.SetTargetAsync(Admin, range.Id, start, ReportPeriod.Year, 30m, null, Ct)).Errors.Keys);
            Assert.Contains("Max", (await planning.SetTargetAsync(Admin, range.Id, start, ReportPeriod.Year, 30m, 20m, Ct)).Errors.Keys);
            Assert.Contains("Year", (await planning.SetTargetAsync(Admin, range.Id, start + 5, ReportPeriod.Year, 20m, 30m, Ct)).Errors.Keys);
            Assert.True((await planning.SetTargetAsync(Admin, range.Id, start, ReportPeriod.Year, 20m, 30m, Ct)).Succeeded);
            Assert.Contains("Code", (await planning.AddIndicatorAsync(Admin, new(sasaran.Id, "R-1", "Ganda", IndicatorKind.Outcome, false, "menit",
                Polarity.Higher, Polarity.Higher, null, QuarterMode.Cumulative, null, null), Ct)).Errors.Keys);
            Assert.Contains("Unit", (await planning.AddIndicatorAsync(Admin, new(sasaran.Id, "R-2", "Tanpa satuan", IndicatorKind.Outcome, false, "",
                Polarity.Higher, Polarity.Higher, null, QuarterMode.Cumulative, null, null), Ct)).Errors.Keys);
            Assert.Contains("PlanNodeId", (await planning.SetPaguAsync(Admin, program.Id, start, 1000m, Ct)).Errors.Keys); // pagu is on sub kegiatan
            Assert.Equal(1, await F.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == range.Id, Ct)));
        }
    }
}

public abstract class PlanningScopeTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task An_operator_writes_only_their_own_OPDs_plan()
    {
        var dinkes = await F.OpdIdAsync("1.02.0.00.0.00.01.0000");
        var dlh = await F.OpdIdAsync("2.11.0.00.0.00.01.0000");
        var start = 7200 + Random.Shared.Next(0, 2000);
        var period = await F.WithDbAsync(async db =>
        {
            var p = new PlanPeriod { Name = $"Renstra {start}", StartYear = start, EndYear = start + 4 };
            db.PlanPeriods.Add(p);
            await db.SaveChangesAsync(Ct);
            return p.Id;
        });

        // The operator's scope comes from the account, as the pages will read it.
        var user = await F.CreateUserAsync(Data.Identity.Roles.OpdOperator, "2.11.0.00.0.00.01.0000");
        await using var scope = F.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.IntegritasDbContext>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id), new(System.Security.Claims.ClaimTypes.Role, Data.Identity.Roles.OpdOperator)], "test"));
        var access = await PlanAccess.ForAsync(principal, db, Ct);
        Assert.Equal([dlh], access.OperatorOpds);
        var planning = scope.ServiceProvider.GetRequiredService<Planning>();

        var own = await planning.AddNodeAsync(access, new(period, dlh, null, PlanLevel.Tujuan, "T1", "Lingkungan hidup yang lestari"), Ct);
        Assert.True(own.Succeeded);
        var foreign = await planning.AddNodeAsync(access, new(period, dinkes, null, PlanLevel.Tujuan, "T1", "Bukan OPD saya"), Ct);
        Assert.Contains("OpdId", foreign.Errors.Keys);

        // An element of another OPD (made by an administrator) cannot get indicators, targets or a ceiling from them.
        var admin = new PlanAccess(true, []);
        var other = (await planning.AddNodeAsync(admin, new(period, dinkes, null, PlanLevel.Tujuan, "T9", "Tujuan Dinkes"), Ct)).Value!;
        Assert.Contains("OpdId", (await planning.AddIndicatorAsync(access, new(other.Id, "I-1", "Indikator", IndicatorKind.Outcome, false, "%",
            Polarity.Higher, Polarity.Higher, null, QuarterMode.Cumulative, null, null), Ct)).Errors.Keys);
        var indicator = (await planning.AddIndicatorAsync(admin, new(other.Id, "I-1", "Indikator", IndicatorKind.Outcome, false, "%",
            Polarity.Higher, Polarity.Higher, null, QuarterMode.Cumulative, null, null), Ct)).Value!;
        Assert.Contains("OpdId", (await planning.SetTargetAsync(access, indicator.Id, start, ReportPeriod.Year, 10m, null, Ct)).Errors.Keys);
        Assert.False(await F.WithDbAsync(db2 => db2.IndicatorTargets.AnyAsync(t => t.IndicatorId == indicator.Id, Ct)));
        Assert.Contains("OpdId", (await planning.AddNodeAsync(PlanAccess.Nobody, new(period, dlh, null, PlanLevel.Tujuan, "T2", "Tanpa peran"), Ct)).Errors.Keys);
    }
}

public sealed class SqlitePlanningScopeTests(SqliteFactory factory) : PlanningScopeTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPlanningScopeTests(PostgresFactory factory) : PlanningScopeTests(factory), IClassFixture<PostgresFactory>;

public sealed class SqlitePlanningTests(SqliteFactory factory) : PlanningTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPlanningTests(PostgresFactory factory) : PlanningTests(factory), IClassFixture<PostgresFactory>;
