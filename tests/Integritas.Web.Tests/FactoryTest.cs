namespace Integritas.Web.Tests;

/// <summary>Base of the functional tests: each concrete class runs the same tests on SQLite or on PostgreSQL.</summary>
public abstract class FactoryTest(IntegritasFactory factory)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The factory; on PostgreSQL, reaching for it skips (outside CI) or fails (in CI) when no server is available.</summary>
    protected IntegritasFactory F
    {
        get
        {
            if (factory.Provider == Provider.Postgres)
            {
                TestDatabases.RequirePostgres();
            }

            return factory;
        }
    }
}
