using System.Data.Common;
using Integritas.Data.Budget;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>
/// One running import: its open connection and transaction (everything an import writes is in that one transaction,
/// so a failed import leaves nothing behind), the year, the import's id, its row errors and its progress.
/// </summary>
public sealed class ImportRun(DbConnection connection, DbTransaction transaction, bool postgres, int year, long importId, Action<long> progress)
{
    private long reportedAt;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public bool Postgres { get; } = postgres;

    public int Year { get; } = year;

    public long ImportId { get; } = importId;

    public ImportErrors Errors { get; } = new();

    public long RowsRead { get; set; }

    public long RowsAdded { get; set; }

    public long RowsUnchanged { get; set; }

    /// <summary>Counts a row read and passes progress on every so often.</summary>
    public void Tick()
    {
        RowsRead++;
        if (RowsRead - reportedAt >= 50_000)
        {
            reportedAt = RowsRead;
            progress(RowsRead);
        }
    }

    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    public DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Budget money columns hold whole cents (see IntegritasDbContext.Budget).</summary>
    public static long Cents(decimal amount) => (long)(amount * 100m);

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>A date parameter as each provider stores a DateOnly (PostgreSQL <c>date</c>, SQLite ISO text).</summary>
    public object DateValue(DateOnly date) =>
        Postgres ? date : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A UTC time parameter as each provider stores a DateTime (PostgreSQL <c>timestamptz</c>, SQLite text).</summary>
    public object DateTimeValue(DateTime utc) =>
        Postgres ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A decimal parameter as each provider stores an EF decimal (PostgreSQL <c>numeric</c>, SQLite invariant text).</summary>
    public object DecimalValue(decimal value) =>
        Postgres ? value : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id of the year's current APBD (its latest revision), or null when none is imported.</summary>
    public async Task<int?> CurrentVersionAsync(CancellationToken ct)
    {
        await using var command = Command("""SELECT "Id" FROM "BudgetVersions" WHERE "Year" = @y ORDER BY "Revision" DESC LIMIT 1""");
        Parameter(command, "@y", Year);
        return await command.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The OPD of the home regency by code.</summary>
    public async Task<Dictionary<string, int>> OpdsAsync(string homeRegionCode, CancellationToken ct)
    {
        await using var command = Command("""
            SELECT o."Code", o."Id" FROM "Opds" o JOIN "Regions" r ON r."Id" = o."RegionId" WHERE r."Code" = @home
            """);
        Parameter(command, "@home", homeRegionCode);
        var opds = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            opds[reader.GetString(0)] = reader.GetInt32(1);
        }

        return opds;
    }

    public static string KindName(BudgetImportKind kind) => kind switch
    {
        BudgetImportKind.BudgetLines => "budget_lines",
        BudgetImportKind.Payments => "payments",
        BudgetImportKind.PaymentItems => "payment_items",
        BudgetImportKind.ReferencePrices => "reference_prices",
        BudgetImportKind.VillageTransfers => "village_transfers",
        _ => "village_spending",
    };
}
