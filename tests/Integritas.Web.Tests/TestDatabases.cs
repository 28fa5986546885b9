using Npgsql;

namespace Integritas.Web.Tests;

/// <summary>
/// Where the PostgreSQL tests find a server: <c>INTEGRITAS_TEST_POSTGRES</c>, else the local server that
/// <c>.ci/run</c> starts. Outside CI an unreachable server skips those tests (saying so); in CI it fails them.
/// </summary>
public static class TestDatabases
{
    public const string DefaultPostgres = "Host=127.0.0.1;Username=integritas;Password=integritas";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresBase => Environment.GetEnvironmentVariable("INTEGRITAS_TEST_POSTGRES") is { Length: > 0 } cs ? cs : DefaultPostgres;

    /// <summary>Skips (outside CI) or fails (in CI) when PostgreSQL cannot be reached.</summary>
    public static void RequirePostgres()
    {
        if (Unavailable.Value is not { } reason)
        {
            return;
        }

        var message = $"PostgreSQL is not reachable ({reason}); set INTEGRITAS_TEST_POSTGRES or start the server.";
        if (InCi)
        {
            Assert.Fail(message + " PostgreSQL tests are mandatory in CI.");
        }

        Assert.Skip(message + " PostgreSQL tests skipped outside CI.");
    }

    public static string NewPostgresDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(PostgresBase) { Database = $"{prefix}_{Guid.NewGuid():N}"[..40] }.ConnectionString;

    /// <summary>Drops a test database (after its application has stopped), closing any connection still open to it.</summary>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres", Timeout = 3 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return e.Message;
        }
    }
}
