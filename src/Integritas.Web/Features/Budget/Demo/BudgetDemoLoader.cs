using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Data.Demo;
using Integritas.Web.Features.Budget.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Budget.Demo;

/// <summary>
/// Loads the demo budget with the demo regency: the generated finance-system exports of the last complete year go
/// through the real importer, file by file in the documented order, so the demo is exactly what an import makes.
/// </summary>
public static class BudgetDemoLoader
{
    public static async Task<BudgetImport[]> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        var options = services.GetRequiredService<IOptions<BudgetOptions>>().Value;
        if (!options.SeedDemoBudget || await db.BudgetVersions.AnyAsync(ct)
            || !await db.Regions.AnyAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct))
        {
            return [];
        }

        // The last complete year, so no demo payment is dated in the future.
        var year = services.GetRequiredService<TimeProvider>().GetUtcNow().Year - 1;
        var files = BudgetDemoGenerator.Generate(await BudgetDemoInput.FromDatabaseAsync(db, year, ct: ct));
        var importer = services.GetRequiredService<BudgetImporter>();
        var imports = new List<BudgetImport>();
        foreach (var name in BudgetDemoFiles.FileNames)
        {
            var (kind, version) = name switch
            {
                BudgetDemoFiles.BudgetLinesMurniFile => (BudgetImportKind.BudgetLines, new BudgetVersionInfo(BudgetStage.Murni, new DateOnly(year - 1, 11, 28), $"Perda Kabupaten Langkat (demo) APBD {year}")),
                BudgetDemoFiles.BudgetLinesPerubahanFile => (BudgetImportKind.BudgetLines, new BudgetVersionInfo(BudgetStage.Perubahan, files.PerubahanAdoptedOn, $"Perda Kabupaten Langkat (demo) Perubahan APBD {year}")),
                BudgetDemoFiles.ReferencePricesFile => (BudgetImportKind.ReferencePrices, null),
                BudgetDemoFiles.PaymentsFile => (BudgetImportKind.Payments, null),
                BudgetDemoFiles.PaymentItemsFile => (BudgetImportKind.PaymentItems, (BudgetVersionInfo?)null),
                BudgetDemoFiles.VillageTransfersFile => (BudgetImportKind.VillageTransfers, null),
                _ => (BudgetImportKind.VillageSpending, null),
            };
            using var stream = new MemoryStream(files.Bytes(name));
            var import = await importer.ImportAsync(new BudgetImportRequest(kind, year, name, version, null, "demo"), stream, ct);
            if (import.Status != BudgetImportStatus.Succeeded)
            {
                throw new InvalidOperationException($"The demo file {name} did not import: {import.ErrorsJson}");
            }

            imports.Add(import);
        }

        return [.. imports];
    }
}
