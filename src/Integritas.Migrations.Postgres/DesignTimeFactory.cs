using Integritas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integritas.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntegritasDbContext>
{
    public IntegritasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntegritasDbContext>()
            .UseNpgsql("Host=localhost;Database=integritas_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
