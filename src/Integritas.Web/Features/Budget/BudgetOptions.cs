namespace Integritas.Web.Features.Budget;

/// <summary>Settings of the open budget portal (<c>Integritas:Budget</c>).</summary>
public sealed class BudgetOptions
{
    public const string Section = "Integritas:Budget";

    /// <summary>A payment line item is marked when its unit price is above the reference by more than this (percent).</summary>
    public decimal PriceMarginPercent { get; set; } = 10m;

    /// <summary>Where uploaded import files wait for the import worker (under the data directory).</summary>
    public string ImportFolder { get; set; } = "imports";

    /// <summary>The largest file the import page accepts; the command line has no limit.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// A payments file of at least this many rows (estimated from its size), and at least as many as are stored, is
    /// loaded with the payments table's secondary indexes dropped and rebuilt at the end (<see cref="Import.PaymentBulkLoad"/>);
    /// 0 never does.
    /// </summary>
    public long BulkLoadRows { get; set; } = 500_000;

    /// <summary>
    /// How long (seconds) a bulk load waits on PostgreSQL for readers of the payments table before it gives up with
    /// a clear error (later readers queue behind the waiting import for at most this long); 0 waits without limit.
    /// </summary>
    public double BulkLoadLockTimeoutSeconds { get; set; } = 30;

    /// <summary>Load a year of demo APBD, payments, reference prices and village funds with the demo regency.</summary>
    public bool SeedDemoBudget { get; set; } = true;
}
