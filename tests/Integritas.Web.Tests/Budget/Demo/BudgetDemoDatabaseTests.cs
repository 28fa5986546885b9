using Integritas.Web.Features.Budget.Demo;

namespace Integritas.Web.Tests.Budget.Demo;

/// <summary>The demo budget made for the demo regency as loaded in the database: its 39 OPDs and 277 desa/kelurahan.</summary>
public sealed class BudgetDemoDatabaseTests(SqliteFactory factory) : FactoryTest(factory), IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_demo_regency_gets_an_apbd_of_about_two_triliun_with_realistic_absorption()
    {
        var input = await F.WithDbAsync(db => BudgetDemoInput.FromDatabaseAsync(db, 2026, ct: Ct));
        Assert.Equal(39, input.Opds.Count);
        Assert.Equal(277, input.Desa.Count);
        Assert.Equal(240, input.Desa.Count(d => d.IsDesa));
        Assert.All(input.Desa, d => Assert.False(string.IsNullOrEmpty(d.KecamatanName)));

        var files = BudgetDemoGenerator.Generate(input);
        var pagu = files.BudgetLinesPerubahan.Sum(l => l.Pagu);
        Assert.InRange(pagu, 1_700_000_000_000m, 2_400_000_000_000m);
        var absorption = files.Payments.Sum(p => p.Amount) / pagu;
        Assert.InRange(absorption, 0.6m, 0.85m);
        Assert.Equal(39, files.BudgetLinesPerubahan.Select(l => l.OpdCode).Distinct().Count());
        Assert.Equal(39, files.Payments.Select(p => p.OpdCode).Distinct().Count());
        Assert.InRange(files.Payments.Count, 27_000, 33_000);
        Assert.Equal(Enum.GetValues<DemoIrregularityKind>().Length, files.Irregularities.Select(i => i.Kind).Distinct().Count());
        Assert.True(files.Irregularities.Single(i => i.Kind == DemoIrregularityKind.VendorManyOpds).OpdCodes!.Count >= 30);
    }
}
