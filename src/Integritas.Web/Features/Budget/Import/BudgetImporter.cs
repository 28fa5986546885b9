using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Integritas.Data;
using Integritas.Data.Audit;
using Integritas.Data.Budget;
using Integritas.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>What a budget-lines import adopts: which revision of the year's APBD the file is.</summary>
public sealed record BudgetVersionInfo(BudgetStage Stage, DateOnly AdoptedOn, string? LegalBasis);

/// <summary>An import to run: what the file holds, for which year, and who started it.</summary>
public sealed record BudgetImportRequest(BudgetImportKind Kind, int Year, string FileName, BudgetVersionInfo? Version = null, string? UserId = null, string? UserName = null);

/// <summary>
/// Runs budget imports (<c>docs/budget-import.md</c>): records each as a <see cref="BudgetImport"/>, runs it in one
/// transaction on its own connection (so nothing is half-imported), keeps its progress for the status page, and
/// records the outcome, the row errors and one audit entry.
/// </summary>
public sealed class BudgetImporter(
    IServiceScopeFactory scopes,
    IOptions<IntegritasOptions> integritas,
    IOptions<BudgetOptions> options,
    TimeProvider time,
    ILogger<BudgetImporter> logger)
{
    private readonly ConcurrentDictionary<long, long> progress = new();

    /// <summary>When this importer (one per process) came to be: imports started before it belong to a stopped process.</summary>
    private readonly DateTime createdAtUtc = time.GetUtcNow().UtcDateTime;

    /// <summary>Rows read so far by a running import in this process, or null.</summary>
    public long? ProgressOf(long importId) => progress.TryGetValue(importId, out var rows) ? rows : null;

    /// <summary>The imports running in this process and the rows each has read.</summary>
    public IEnumerable<KeyValuePair<long, long>> Running => progress;

    /// <summary>Records a new import as running; the file is not read yet.</summary>
    public async Task<long> CreateAsync(BudgetImportRequest request, string sha256, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var import = new BudgetImport
        {
            Kind = request.Kind,
            Year = request.Year,
            FileName = Path.GetFileName(request.FileName) is { Length: > 0 and <= 260 } name ? name : "import.csv",
            Sha256 = sha256,
            Status = BudgetImportStatus.Running,
            StartedByUserId = request.UserId,
            StartedByName = request.UserName,
            StartedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.BudgetImports.Add(import);
        await db.SaveChangesAsync(ct);
        return import.Id;
    }

    /// <summary>Creates and runs an import of <paramref name="file"/> (a seekable stream) at once: the command line, the demo and tests.</summary>
    public async Task<BudgetImport> ImportAsync(BudgetImportRequest request, Stream file, CancellationToken ct)
    {
        if (file is FileStream named)
        {
            // A file on disk is hashed by a second reader alongside the import (hashing 1.5 GB first would add seconds
            // before the first row); the hash is recorded, with the audit entry, when the import ends. An import that
            // fails stops the hashing rather than wait for the rest of the file.
            using var stopHashing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var hashing = Task.Run(async () =>
            {
                await using var again = new FileStream(named.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.SequentialScan);
                return Convert.ToHexStringLower(await SHA256.HashDataAsync(again, stopHashing.Token));
            }, stopHashing.Token);
            try
            {
                return await RunAsync(await CreateAsync(request, "", ct), request, file, ct, new SideHash(hashing, stopHashing));
            }
            finally
            {
                // Whatever happened, the second reader is done before the file is let go.
                await stopHashing.CancelAsync();
                try
                {
                    await hashing;
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        file.Position = 0;
        var id = await CreateAsync(request, sha, ct);
        return await RunAsync(id, request, file, ct);
    }

    /// <summary>The file's SHA-256 being computed alongside the import, and how to stop it.</summary>
    private sealed record SideHash(Task<string> Result, CancellationTokenSource Stop);

    /// <summary>Runs a recorded import (its file's SHA-256 recorded already).</summary>
    public Task<BudgetImport> RunAsync(long importId, BudgetImportRequest request, Stream file, CancellationToken ct) => RunAsync(importId, request, file, ct, null);

    private async Task<BudgetImport> RunAsync(long importId, BudgetImportRequest request, Stream file, CancellationToken ct, SideHash? hashing)
    {
        progress[importId] = 0;
        ImportRun? run = null;
        var failed = false;
        try
        {
            run = await ExecuteAsync(importId, request, file, ct);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Budget import {Id} stopped on an unreadable row: {Message}", importId, e.Message);
            failed = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Budget import {Id} failed.", importId);
            failed = true;
        }
        finally
        {
            progress.TryRemove(importId, out _);
        }

        return await RecordOutcomeAsync(importId, request, run, failed, hashing, ct);
    }

    private async Task<ImportRun> ExecuteAsync(long importId, BudgetImportRequest request, Stream file, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var run = new ImportRun(connection, transaction, connection is NpgsqlConnection, request.Year, importId, rows => progress[importId] = rows);
        var columns = Required(request.Kind);
        using (var table = ImportTable.Open(file, columns, run.Errors))
        {
            if (table is not null)
            {
                var home = integritas.Value.HomeRegionCode;
                await (request.Kind switch
                {
                    BudgetImportKind.Payments => PaymentImport.RunAsync(run, table, home, options.Value, ct),
                    BudgetImportKind.BudgetLines => BudgetLineImport.RunAsync(run, table, home, request.Version, time.GetUtcNow().UtcDateTime, ct),
                    BudgetImportKind.PaymentItems => PaymentItemImport.RunAsync(run, table, options.Value.PriceMarginPercent, ct),
                    BudgetImportKind.ReferencePrices => ReferencePriceImport.RunAsync(run, table, options.Value.PriceMarginPercent, ct),
                    BudgetImportKind.VillageTransfers => VillageImport.TransfersAsync(run, table, home, ct),
                    _ => VillageImport.SpendingAsync(run, table, home, ct),
                });
            }
        }

        if (run.Errors.Count == 0)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }

        return run;
    }

    /// <summary>The columns a file of each kind must have.</summary>
    public static IReadOnlyList<string> Required(BudgetImportKind kind) => kind switch
    {
        BudgetImportKind.Payments => PaymentImport.Required,
        BudgetImportKind.BudgetLines => BudgetLineImport.Columns,
        BudgetImportKind.PaymentItems => PaymentItemImport.Required,
        BudgetImportKind.ReferencePrices => ReferencePriceImport.Columns,
        BudgetImportKind.VillageTransfers => VillageImport.TransferColumns,
        _ => VillageImport.SpendingColumns,
    };

    /// <summary>The columns of each kind's file, in the documented order.</summary>
    public static IReadOnlyList<string> Columns(BudgetImportKind kind) => kind switch
    {
        BudgetImportKind.Payments => PaymentImport.Columns,
        BudgetImportKind.PaymentItems => PaymentItemImport.Columns,
        _ => Required(kind),
    };

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        DbConnection connection = db.Database.IsNpgsql()
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true, CommandTimeout = 0 }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 300 }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    private async Task<BudgetImport> RecordOutcomeAsync(long importId, BudgetImportRequest request, ImportRun? run, bool failed, SideHash? hashing, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var import = await db.BudgetImports.SingleAsync(i => i.Id == importId, ct);
        if (hashing is not null)
        {
            if (failed || run is not { Errors.Count: 0 })
            {
                // A failed import keeps no hash unless it is already there (the audit entry is for stored data).
                await hashing.Stop.CancelAsync();
            }

            try
            {
                import.Sha256 = await hashing.Result;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Budget import {Id}: the file could not be hashed.", importId);
            }
        }

        var errors = run?.Errors.Kept.ToList() ?? [];
        if (failed)
        {
            errors.Add(new(0, "", "Impor terhenti: berkas tidak dapat dibaca sampai akhir atau basis data menolak. Tidak ada yang disimpan.",
                "The import stopped: the file could not be read to the end or the database refused it. Nothing was saved."));
        }

        var ok = !failed && run is { Errors.Count: 0 };
        import.Status = ok ? BudgetImportStatus.Succeeded : BudgetImportStatus.Failed;
        import.RowsRead = run?.RowsRead ?? 0;
        import.RowsAdded = ok ? run!.RowsAdded : 0;
        import.RowsUnchanged = ok ? run!.RowsUnchanged : 0;
        import.ErrorCount = (run?.Errors.Count ?? 0) + (failed ? 1 : 0);
        import.ErrorsJson = errors.Count > 0 ? JsonSerializer.Serialize(errors) : null;
        import.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        if (ok)
        {
            db.AddBulkAudit(request.Kind.ToString(), JsonSerializer.Serialize(new
            {
                import = importId,
                file = import.FileName,
                sha256 = import.Sha256,
                year = request.Year,
                added = import.RowsAdded,
                unchanged = import.RowsUnchanged,
                by = request.UserName,
            }));
        }

        await db.SaveChangesAsync(ct);
        return import;
    }

    /// <summary>
    /// Imports still marked running from before this process started were cut off by a stop: their transaction was
    /// rolled back. (Imports started since, e.g. an upload that came before the worker got here, are left alone.)
    /// </summary>
    public async Task FailInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegritasDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var message = JsonSerializer.Serialize(new[]
        {
            new ImportRowError(0, "", "Impor terputus karena portal berhenti; tidak ada yang disimpan. Unggah lagi.", "The import was cut off when the portal stopped; nothing was saved. Upload it again."),
        });
        await db.BudgetImports.Where(i => i.Status == BudgetImportStatus.Running && i.StartedAtUtc < createdAtUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, BudgetImportStatus.Failed).SetProperty(i => i.FinishedAtUtc, now)
                .SetProperty(i => i.ErrorCount, 1).SetProperty(i => i.ErrorsJson, message), ct);
    }
}
