using Integritas.Data.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Data;

// Procurement (issue 6 items 6 and 7): bids, the stage history, integrity pacts and who signs them. The package itself
// is Evidence.ConstructionPackage, extended with the procurement plan's facts.
public partial class IntegritasDbContext
{
    public DbSet<PackageStageEvent> PackageStageEvents => Set<PackageStageEvent>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<VendorUser> VendorUsers => Set<VendorUser>();

    public DbSet<WitnessAffiliation> WitnessAffiliations => Set<WitnessAffiliation>();

    public DbSet<IntegrityPact> IntegrityPacts => Set<IntegrityPact>();

    public DbSet<PactSignature> PactSignatures => Set<PactSignature>();

    private static void ConfigureProcurement(ModelBuilder builder)
    {
        builder.Entity<Evidence.ConstructionPackage>(e =>
        {
            e.Property(p => p.Hps).HasPrecision(18, 2);
            e.Property(p => p.Pagu).HasPrecision(18, 2);
            e.Property(p => p.AwardValue).HasPrecision(18, 2);
            e.Property(p => p.ContractNumber).HasMaxLength(100);
            e.HasIndex(p => new { p.FiscalYear, p.Stage });
            e.HasIndex(p => p.Method);
            e.HasOne(p => p.SupplierVendor).WithMany().HasForeignKey(p => p.SupplierVendorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PackageStageEvent>(e =>
        {
            e.Property(x => x.ByRole).HasMaxLength(50);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => new { x.PackageId, x.AtUtc });
            e.HasOne(x => x.Package).WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Bid>(e =>
        {
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.DisqualificationReason).HasMaxLength(500);
            e.HasIndex(x => new { x.PackageId, x.VendorId }).IsUnique();
            e.HasIndex(x => x.VendorId);
            e.HasOne(x => x.Package).WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<VendorUser>(e =>
        {
            e.HasKey(x => new { x.VendorId, x.UserId });
            e.HasIndex(x => x.UserId);
            e.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WitnessAffiliation>(e =>
        {
            e.HasKey(x => x.UserId);
            e.Property(x => x.Organisation).HasMaxLength(250);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IntegrityPact>(e =>
        {
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => new { x.PackageId, x.Revision }).IsUnique();
            e.HasOne(x => x.Package).WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Signatures).WithOne(s => s.Pact).HasForeignKey(s => s.PactId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PactSignature>(e =>
        {
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Property(x => x.Organisation).HasMaxLength(250);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => new { x.PactId, x.UserId }).IsUnique();
            e.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.SigningKey).WithMany().HasForeignKey(x => x.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
