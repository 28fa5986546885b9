using Integritas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integritas.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntegritasDbContext>
{
    public IntegritasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntegritasDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
