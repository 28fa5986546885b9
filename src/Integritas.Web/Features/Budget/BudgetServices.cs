using Integritas.Web.Features.Budget.Import;

namespace Integritas.Web.Features.Budget;

public static class BudgetServices
{
    /// <summary>The open budget portal's services (shared by the web host and the command line).</summary>
    public static void AddBudget(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BudgetOptions>(configuration.GetSection(BudgetOptions.Section));
        services.AddSingleton<BudgetImporter>();
        services.AddSingleton<BudgetImportQueue>();
    }
}
