using Integritas.Data.Budget;
using Integritas.Web.Features.Budget.Demo;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Budget;

/// <summary>A factory whose demo regency includes the demo budget, loaded through the importer.</summary>
public abstract class BudgetDemoFactory(Provider provider) : IntegritasFactory(provider)
{
    protected override bool SeedBudget => true;
}

public sealed class SqliteBudgetDemoFactory() : BudgetDemoFactory(Provider.Sqlite);

public sealed class PostgresBudgetDemoFactory() : BudgetDemoFactory(Provider.Postgres);

/// <summary>The demo budget goes through the real importer: every file imports, and the planted irregularities are marked as an import marks them.</summary>
public abstract class BudgetDemoImportTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task The_demo_budget_is_imported_with_its_irregularities_marked()
    {
        var imports = await F.WithDbAsync(db => db.BudgetImports.Where(i => i.StartedByName == "demo").OrderBy(i => i.Id).ToListAsync(Ct));
        Assert.Equal(BudgetDemoFiles.FileNames.Count, imports.Count);
        Assert.All(imports, i => Assert.Equal(BudgetImportStatus.Succeeded, i.Status));
        var year = imports[0].Year;
        var files = BudgetDemoGenerator.Generate(await F.WithDbAsync(db => BudgetDemoInput.FromDatabaseAsync(db, year, ct: Ct)));
        Assert.Equal(files.Payments.Count, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));
        Assert.Equal(files.Payments.Sum(p => p.Amount), await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Amount, Ct)));
        Assert.Equal([BudgetStage.Murni, BudgetStage.Perubahan], await F.WithDbAsync(db => db.BudgetVersions.Where(v => v.Year == year).OrderBy(v => v.Revision).Select(v => v.Stage).ToListAsync(Ct)));

        var markup = files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.MarkedUpPrice);
        var flagged = await F.WithDbAsync(db => db.Payments.Where(p => (p.Flags & PaymentFlags.AboveReferencePrice) != 0).Select(p => p.Id).ToListAsync(Ct));
        Assert.Equal(markup.PaymentIds.Order(), flagged.Order());
        var over = files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.OverBudgetLine);
        var overPaid = await F.WithDbAsync(db => db.Payments.Where(p => (p.Flags & PaymentFlags.OverBudgetLine) != 0).Select(p => p.Id).ToListAsync(Ct));
        Assert.Equal(over.PaymentIds.Order(), overPaid.Order());
        Assert.True(await F.WithDbAsync(db => db.VillageTransfers.Where(t => t.Year == year).Select(t => t.DesaId).Distinct().CountAsync(Ct)) >= 200);

        // Last year's procured contracts are paid, each payment linked to its package; one is paid above its value.
        var contractPayments = files.Payments.Where(p => p.PackageCode.Length > 0).ToList();
        Assert.True(contractPayments.Select(p => p.PackageCode).Distinct().Count() >= 20);
        Assert.Equal(contractPayments.Count, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.PackageId != null, Ct)));
        var overContract = files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.OverContractValue);
        var overContractPaid = await F.WithDbAsync(db => db.Payments.Where(p => (p.Flags & PaymentFlags.OverContractValue) != 0).Select(p => p.Id).ToListAsync(Ct));
        Assert.Equal(overContract.PaymentIds.Order(), overContractPaid.Order());
    }

    [Fact]
    public async Task A_paid_contract_shows_its_payments_and_publishes_them_as_ocds_transactions()
    {
        var year = await F.WithDbAsync(db => db.BudgetImports.Where(i => i.StartedByName == "demo").Select(i => i.Year).FirstAsync(Ct));
        var files = BudgetDemoGenerator.Generate(await F.WithDbAsync(db => BudgetDemoInput.FromDatabaseAsync(db, year, ct: Ct)));
        var client = F.Client();
        foreach (var contract in files.Payments.Where(p => p.PackageCode.Length > 0).GroupBy(p => p.PackageCode))
        {
            var page = await client.GetStringAsync($"/pengadaan/{contract.Key}", Ct);
            Assert.All(contract, p => Assert.Contains(p.PaymentId, page, StringComparison.Ordinal));

            // The record validates against the official schema, with every payment as an implementation transaction.
            var json = await client.GetStringAsync($"/ocds/v1/records/ocds-lkt000-{contract.Key}.json", Ct);
            Integritas.Core.Tests.Ocds.OcdsSchemas.AssertValid(Integritas.Core.Tests.Ocds.OcdsSchemas.RecordPackage, json);
            var compiled = System.Text.Json.Nodes.JsonNode.Parse(json)!["records"]![0]!["compiledRelease"]!;
            var transactions = compiled["contracts"]![0]!["implementation"]!["transactions"]!.AsArray();
            Assert.Equal(contract.Select(p => p.PaymentId).Order(StringComparer.Ordinal), transactions.Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal));
            Assert.Equal(contract.Sum(p => p.Amount), transactions.Sum(t => (decimal)t!["value"]!["amount"]!));
            Assert.All(transactions, t => Assert.Equal((string?)compiled["awards"]![0]!["suppliers"]![0]!["id"], (string?)t!["payee"]!["id"]));
        }
    }
}

public sealed class SqliteBudgetDemoImportTests(SqliteBudgetDemoFactory factory) : BudgetDemoImportTests(factory), IClassFixture<SqliteBudgetDemoFactory>;

public sealed class PostgresBudgetDemoImportTests(PostgresBudgetDemoFactory factory) : BudgetDemoImportTests(factory), IClassFixture<PostgresBudgetDemoFactory>;
