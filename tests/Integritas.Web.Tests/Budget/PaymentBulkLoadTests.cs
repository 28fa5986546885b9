using System.Data.Common;
using System.Text;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Features.Budget.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Integritas.Web.Tests.Budget;

/// <summary>
/// Large payments imports load without the secondary indexes and rebuild them (here the threshold is 10 rows): the
/// indexes and constraints come back exactly as the migrations made them, the rows and checks are the same, and a
/// failed import leaves the indexes (and everything else) as they were.
/// </summary>
public abstract class PaymentBulkLoadTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Sub = "1.02.02.2.02.0001";
    private const string Atk = "5.1.02.01.01.0024";
    private const string PaymentHeader = "payment_id,date,opd_code,subkegiatan_code,account_code,vendor_id,vendor_name,description,amount\n";

    private BudgetImporter Importer => F.Services.GetRequiredService<BudgetImporter>();

    protected Task<BudgetImport> ImportAsync(BudgetImportKind kind, int year, string csv, BudgetVersionInfo? version = null) =>
        Importer.ImportAsync(new BudgetImportRequest(kind, year, kind + ".csv", version, null, "test"), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Ct);

    protected async Task AdoptAsync(int year)
    {
        var lines = "opd_code,program_code,program_name,kegiatan_code,kegiatan_name,subkegiatan_code,subkegiatan_name,account_code,account_name,pagu\n"
            + $"{Dinkes},1.02.02,Program,1.02.02.2.02,Kegiatan,{Sub},Sub kegiatan,{Atk},Belanja Alat Tulis Kantor,1000000\n";
        var import = await ImportAsync(BudgetImportKind.BudgetLines, year, lines, new BudgetVersionInfo(BudgetStage.Murni, new DateOnly(year - 1, 12, 20), null));
        Assert.Equal(BudgetImportStatus.Succeeded, import.Status);
    }

    protected static string Payments(int year, int count, string prefix, string? badAmountAt = null)
    {
        var csv = new StringBuilder(PaymentHeader);
        for (var i = 1; i <= count; i++)
        {
            var id = $"{prefix}-{i:D3}";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{id},{year}-{1 + (i % 12):D2}-{1 + (i % 28):D2},{Dinkes},{Sub},{Atk},V{i % 5},CV Penyedia {i % 5},Belanja {i},{(id == badAmountAt ? "abc" : (1000 * i).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        }

        return csv.ToString();
    }

    /// <summary>The definitions of the payments table's indexes and constraints as the database reports them.</summary>
    protected Task<List<string>> SchemaAsync() => F.WithDbAsync(async db =>
    {
        var sql = db.Database.IsNpgsql()
            ? """
              SELECT indexdef FROM pg_indexes WHERE tablename = 'Payments'
              UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"Payments"'::regclass
              """
            : """SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE tbl_name = 'Payments'""";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    });

    [Fact]
    public async Task Begin_drops_the_secondary_indexes_and_end_builds_them_again_as_they_were()
    {
        var before = await SchemaAsync();
        Assert.Contains(before, d => d.Contains("IX_Payments_OpdId_Year_SubKegiatanCode_Date", StringComparison.Ordinal));

        await using var scope = F.Services.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Database.GetConnectionString()!;
        var postgres = F.Provider == Provider.Postgres;
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var run = new ImportRun(connection, transaction, postgres, 2040, 0, _ => { });
        var bulk = (await PaymentBulkLoad.BeginAsync(run, TimeSpan.FromSeconds(30), Ct))!;
        // The two composite indexes (the partial package index stays); on PostgreSQL also the OPD and package foreign
        // keys (checked row by row there).
        Assert.Equal(postgres ? 4 : 2, bulk.Restore.Count);
        await using (var count = run.Command(postgres
            ? """SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'Payments'"""
            : """SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Payments'"""))
        {
            // Only the primary key and the partial package index are left.
            Assert.Equal(2L, Convert.ToInt64(await count.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
        }

        await bulk.EndAsync(run, Ct);
        await transaction.CommitAsync(Ct);
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task A_large_import_stores_the_same_rows_and_checks_and_a_failed_one_leaves_everything_as_it_was()
    {
        const int year = 2042;
        await AdoptAsync(year);
        var schema = await SchemaAsync();

        var import = await ImportAsync(BudgetImportKind.Payments, year, Payments(year, 40, "BL"));
        Assert.True(import.Status == BudgetImportStatus.Succeeded, import.ErrorsJson);
        Assert.Equal(40, import.RowsAdded);
        Assert.Equal(schema, await SchemaAsync());
        var stored = await F.WithDbAsync(db => db.Payments.Where(p => p.Year == year).OrderBy(p => p.Id).ToListAsync(Ct));
        Assert.Equal(40, stored.Count);
        Assert.Equal(new DateOnly(year, 2, 2), stored[0].Date);
        Assert.Equal("V1", stored[0].VendorCode);
        Assert.Equal(1000m, stored[0].Amount);
        // The pagu of 1 juta is passed at the 44th thousand: payment 44 would be the first over it, so none is marked yet
        // (1000 × (1 + … + 40) = 820,000).
        Assert.All(stored, p => Assert.Equal(PaymentFlags.None, p.Flags));
        Assert.Equal(820_000m, await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Amount, Ct)));
        // The rebuilt index serves the portal's query.
        Assert.Equal(4, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year && p.Date.Month == 2, Ct)));

        // A repeated id in a large file and a bad row at its end: nothing is kept, the indexes are as before.
        var repeated = Payments(year, 50, "BR").Replace("BR-049,", "BR-007,", StringComparison.Ordinal);
        var twice = await ImportAsync(BudgetImportKind.Payments, year, repeated);
        Assert.Equal(BudgetImportStatus.Failed, twice.Status);
        Assert.Contains("BR-007", twice.ErrorsJson, StringComparison.Ordinal);
        var bad = await ImportAsync(BudgetImportKind.Payments, year, Payments(year, 50, "BX", badAmountAt: "BX-050"));
        Assert.Equal(BudgetImportStatus.Failed, bad.Status);
        Assert.Equal(schema, await SchemaAsync());
        Assert.Equal(40, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));
        Assert.Equal(820_000m, await F.WithDbAsync(db => db.PaymentTotals.Where(t => t.Year == year).SumAsync(t => t.Amount, Ct)));

        // A re-import of the same large file adds nothing.
        var again = await ImportAsync(BudgetImportKind.Payments, year, Payments(year, 40, "BL"));
        Assert.Equal((BudgetImportStatus.Succeeded, 0L, 40L), (again.Status, again.RowsAdded, again.RowsUnchanged));
        Assert.Equal(schema, await SchemaAsync());
    }
}

/// <summary>A factory whose payments imports take the bulk path from 10 rows on.</summary>
public abstract class BulkLoadFactory(Provider provider) : IntegritasFactory(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Integritas:Budget:BulkLoadRows", "10"), new("Integritas:Budget:BulkLoadLockTimeoutSeconds", "1")];
}

public sealed class SqliteBulkLoadFactory() : BulkLoadFactory(Provider.Sqlite);

public sealed class PostgresBulkLoadFactory() : BulkLoadFactory(Provider.Postgres);

public sealed class SqlitePaymentBulkLoadTests(SqliteBulkLoadFactory factory) : PaymentBulkLoadTests(factory), IClassFixture<SqliteBulkLoadFactory>;

public sealed class PostgresPaymentBulkLoadTests(PostgresBulkLoadFactory factory) : PaymentBulkLoadTests(factory), IClassFixture<PostgresBulkLoadFactory>
{
    [Fact]
    public async Task A_bulk_load_waits_only_so_long_for_a_reader_of_the_table_and_then_stops_with_nothing_changed()
    {
        const int year = 2043;
        await AdoptAsync(year);
        var schema = await SchemaAsync();
        await using var scope = F.Services.CreateAsyncScope();
        await using var reader = new NpgsqlConnection(scope.ServiceProvider.GetRequiredService<IntegritasDbContext>().Database.GetConnectionString());
        await reader.OpenAsync(Ct);
        await using (var open = await reader.BeginTransactionAsync(Ct))
        {
            // A long export holds the table (a share lock until its transaction ends).
            await using (var read = new NpgsqlCommand("""SELECT COUNT(*) FROM "Payments" """, reader, open))
            {
                await read.ExecuteScalarAsync(Ct);
            }

            var import = await ImportAsync(BudgetImportKind.Payments, year, Payments(year, 40, "LK"));
            Assert.Equal(BudgetImportStatus.Failed, import.Status);
            Assert.Contains("in use by another process", import.ErrorsJson, StringComparison.Ordinal);
            await open.RollbackAsync(Ct);
        }

        Assert.Equal(schema, await SchemaAsync());
        Assert.Equal(0, await F.WithDbAsync(db => db.Payments.CountAsync(p => p.Year == year, Ct)));
        var later = await ImportAsync(BudgetImportKind.Payments, year, Payments(year, 40, "LK"));
        Assert.Equal((BudgetImportStatus.Succeeded, 40L), (later.Status, later.RowsAdded));
        Assert.Equal(schema, await SchemaAsync());
    }
}
