using System.Threading.Channels;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>Uploaded import files waiting for the worker, one at a time (imports of one database never run side by side).</summary>
public sealed class BudgetImportQueue
{
    private readonly Channel<(long Id, BudgetImportRequest Request, string Path)> channel =
        Channel.CreateUnbounded<(long, BudgetImportRequest, string)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long id, BudgetImportRequest request, string path) => channel.Writer.TryWrite((id, request, path));

    public IAsyncEnumerable<(long Id, BudgetImportRequest Request, string Path)> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

/// <summary>Runs uploaded imports in the background, so a ten-million-row file does not hold a request open.</summary>
public sealed class BudgetImportWorker(BudgetImportQueue queue, BudgetImporter importer, ILogger<BudgetImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await importer.FailInterruptedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on a first start; nothing can be running then.
            logger.LogDebug(e, "Could not check for interrupted budget imports.");
        }

        await foreach (var (id, request, path) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var import = await importer.RunAsync(id, request, file, stoppingToken);
                logger.LogInformation("Budget import {Id} ({Kind}) finished: {Status}, {Added} added, {Unchanged} unchanged, {Errors} errors.",
                    id, request.Kind, import.Status, import.RowsAdded, import.RowsUnchanged, import.ErrorCount);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Budget import {Id} could not run.", id);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
