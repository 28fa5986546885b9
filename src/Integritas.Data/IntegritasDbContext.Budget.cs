using Integritas.Data.Budget;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integritas.Data;

public partial class IntegritasDbContext
{
    public DbSet<BudgetVersion> BudgetVersions => Set<BudgetVersion>();

    public DbSet<BudgetCode> BudgetCodes => Set<BudgetCode>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentItem> PaymentItems => Set<PaymentItem>();

    public DbSet<PaymentTotal> PaymentTotals => Set<PaymentTotal>();

    public DbSet<ReferencePrice> ReferencePrices => Set<ReferencePrice>();

    public DbSet<VillageTransfer> VillageTransfers => Set<VillageTransfer>();

    public DbSet<VillageSpending> VillageSpending => Set<VillageSpending>();

    public DbSet<BudgetImport> BudgetImports => Set<BudgetImport>();

    // Budget money is stored as whole cents in a 64-bit integer: exact, summable in SQL on both providers (SQLite keeps
    // decimals as text), and compact for tens of millions of payments. Amounts with more than two decimals are refused
    // at import, so nothing is rounded here.
    private static readonly ValueConverter<decimal, long> Cents = new(d => (long)(d * 100m), c => c / 100m);

    private static readonly ValueConverter<decimal?, long?> CentsOrNull =
        new(d => d == null ? null : (long)(d.Value * 100m), c => c == null ? null : c.Value / 100m);

    // Table and column names are fixed (snake_case-free, as EF names them) because the bulk import writes to them
    // with PostgreSQL COPY and batched SQLite statements, not through EF.
    // On PostgreSQL the code columns of payments compare byte by byte (collation "C"): they are ASCII codes, which
    // sort the same either way, and under "C" the indexes keep up (and a bulk import rebuilds them) far faster than
    // under the database's locale collation. SQLite compares bytes already.
    private const string ByteOrder = "C";

    private static void ConfigureBudget(ModelBuilder builder, bool postgres)
    {
        builder.Entity<BudgetVersion>(e =>
        {
            e.Property(v => v.LegalBasis).HasMaxLength(200);
            e.HasIndex(v => new { v.Year, v.Revision }).IsUnique();
        });
        builder.Entity<BudgetCode>(e =>
        {
            e.HasKey(c => new { c.Kind, c.Code });
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(500);
        });
        builder.Entity<BudgetLine>(e =>
        {
            e.Property(l => l.SubKegiatanCode).HasMaxLength(40);
            e.Property(l => l.AccountCode).HasMaxLength(40);
            e.Property(l => l.Pagu).HasConversion(Cents);
            e.HasIndex(l => new { l.VersionId, l.OpdId, l.SubKegiatanCode, l.AccountCode }).IsUnique();
            e.HasOne(l => l.Version).WithMany().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Opd).WithMany().HasForeignKey(l => l.OpdId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Payment>(e =>
        {
            e.Property(p => p.Id).HasMaxLength(60);
            e.Property(p => p.SubKegiatanCode).HasMaxLength(40);
            e.Property(p => p.AccountCode).HasMaxLength(40);
            e.Property(p => p.VendorCode).HasMaxLength(50);
            e.Property(p => p.Description).HasMaxLength(500);
            e.Property(p => p.Amount).HasConversion(Cents);
            // OPD first: the same index serves the OPD foreign key (no separate one to keep up on every import).
            e.HasIndex(p => new { p.OpdId, p.Year, p.SubKegiatanCode, p.Date });
            e.HasIndex(p => new { p.VendorCode, p.Year });
            e.HasOne<Organisation.Opd>().WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
            // Most payments pay no procured contract: the index holds only those that do.
            e.HasIndex(p => new { p.PackageId, p.Date }).HasFilter("\"PackageId\" IS NOT NULL");
            e.HasOne<Evidence.ConstructionPackage>().WithMany().HasForeignKey(p => p.PackageId).OnDelete(DeleteBehavior.Restrict);
            if (postgres)
            {
                e.Property(p => p.Id).UseCollation(ByteOrder);
                e.Property(p => p.SubKegiatanCode).UseCollation(ByteOrder);
                e.Property(p => p.AccountCode).UseCollation(ByteOrder);
                e.Property(p => p.VendorCode).UseCollation(ByteOrder);
            }
        });
        builder.Entity<PaymentItem>(e =>
        {
            e.Property(i => i.PaymentId).HasMaxLength(60);
            e.Property(i => i.ItemCode).HasMaxLength(60);
            e.Property(i => i.Name).HasMaxLength(300);
            e.Property(i => i.Unit).HasMaxLength(40);
            e.Property(i => i.Quantity).HasPrecision(18, 4);
            e.Property(i => i.UnitPrice).HasConversion(Cents);
            e.Property(i => i.ReferenceUnitPrice).HasConversion(CentsOrNull);
            e.Property(i => i.MarkupPercent).HasPrecision(12, 2);
            e.HasIndex(i => new { i.PaymentId, i.LineNo }).IsUnique();
            e.HasIndex(i => i.ItemCode);
            e.HasOne<Payment>().WithMany().HasForeignKey(i => i.PaymentId).OnDelete(DeleteBehavior.Cascade);
            if (postgres)
            {
                e.Property(i => i.PaymentId).UseCollation(ByteOrder);
            }
        });
        builder.Entity<PaymentTotal>(e =>
        {
            e.HasKey(t => new { t.Year, t.OpdId, t.SubKegiatanCode, t.AccountCode, t.Month });
            e.Property(t => t.SubKegiatanCode).HasMaxLength(40);
            e.Property(t => t.AccountCode).HasMaxLength(40);
            e.Property(t => t.Amount).HasConversion(Cents);
        });
        builder.Entity<ReferencePrice>(e =>
        {
            e.Property(r => r.ItemCode).HasMaxLength(60);
            e.Property(r => r.Name).HasMaxLength(300);
            e.Property(r => r.Unit).HasMaxLength(40);
            e.Property(r => r.Price).HasConversion(Cents);
            e.HasIndex(r => new { r.ItemCode, r.Source, r.ValidFrom }).IsUnique();
        });
        builder.Entity<VillageTransfer>(e =>
        {
            e.Property(t => t.Amount).HasConversion(Cents);
            e.HasIndex(t => new { t.Year, t.DesaId, t.Source, t.Stage }).IsUnique();
            e.HasOne(t => t.Desa).WithMany().HasForeignKey(t => t.DesaId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<VillageSpending>(e =>
        {
            e.Property(s => s.ActivityCode).HasMaxLength(40);
            e.Property(s => s.ActivityName).HasMaxLength(300);
            e.Property(s => s.Amount).HasConversion(Cents);
            e.HasIndex(s => new { s.Year, s.DesaId, s.ActivityCode, s.Source, s.Date });
            e.HasOne(s => s.Desa).WithMany().HasForeignKey(s => s.DesaId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<BudgetImport>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(260);
            e.Property(i => i.Sha256).HasMaxLength(64);
            e.Property(i => i.StartedByUserId).HasMaxLength(450);
            e.Property(i => i.StartedByName).HasMaxLength(256);
            e.HasIndex(i => i.StartedAtUtc);
        });
    }
}
