using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Integritas.Data.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Data;

/// <summary>
/// The one database of a regency's Integritas. Feature modules add their own entity sets here;
/// every change to business data (<see cref="IAudited"/>) is written to the audit trail in the same transaction.
/// </summary>
public partial class IntegritasDbContext(
    DbContextOptions<IntegritasDbContext> options,
    IAuditActor? actor = null,
    TimeProvider? time = null) : IdentityDbContext<AppUser>(options)
{
    private readonly IAuditActor actor = actor ?? new SystemAuditActor();
    private readonly TimeProvider time = time ?? TimeProvider.System;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Opd> Opds => Set<Opd>();

    public DbSet<ServiceUnit> ServiceUnits => Set<ServiceUnit>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Official> Officials => Set<Official>();

    public DbSet<UserOpdScope> UserOpdScopes => Set<UserOpdScope>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Ledger.LedgerEntry> LedgerEntries => Set<Ledger.LedgerEntry>();

    public DbSet<Ledger.LedgerTile> LedgerTiles => Set<Ledger.LedgerTile>();

    public DbSet<Ledger.LedgerCheckpoint> LedgerCheckpoints => Set<Ledger.LedgerCheckpoint>();

    public DbSet<Ledger.LedgerCosignature> LedgerCosignatures => Set<Ledger.LedgerCosignature>();

    public DbSet<Evidence.ConstructionPackage> ConstructionPackages => Set<Evidence.ConstructionPackage>();

    public DbSet<Evidence.PackageMilestone> PackageMilestones => Set<Evidence.PackageMilestone>();

    public DbSet<Evidence.PackageContractor> PackageContractors => Set<Evidence.PackageContractor>();

    public DbSet<Evidence.EvidenceItem> EvidenceItems => Set<Evidence.EvidenceItem>();

    public DbSet<Complaints.ComplaintCategory> ComplaintCategories => Set<Complaints.ComplaintCategory>();

    public DbSet<Complaints.ComplaintCategoryAttribute> ComplaintCategoryAttributes => Set<Complaints.ComplaintCategoryAttribute>();

    public DbSet<Complaints.Complaint> Complaints => Set<Complaints.Complaint>();

    public DbSet<Complaints.ComplaintUpdate> ComplaintUpdates => Set<Complaints.ComplaintUpdate>();

    public DbSet<Complaints.ComplaintPhoto> ComplaintPhotos => Set<Complaints.ComplaintPhoto>();

    public DbSet<Complaints.ComplaintPause> ComplaintPauses => Set<Complaints.ComplaintPause>();

    public DbSet<Complaints.Holiday> Holidays => Set<Complaints.Holiday>();

    public DbSet<Complaints.RoutingRule> RoutingRules => Set<Complaints.RoutingRule>();

    public DbSet<Complaints.ApiKey> ApiKeys => Set<Complaints.ApiKey>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.SlaAlert> SlaAlerts => Set<Notifications.SlaAlert>();

    public DbSet<Rewards.CitizenAccount> CitizenAccounts => Set<Rewards.CitizenAccount>();

    public DbSet<Rewards.PhoneChallenge> PhoneChallenges => Set<Rewards.PhoneChallenge>();

    public DbSet<Rewards.PointsEntry> PointsEntries => Set<Rewards.PointsEntry>();

    public DbSet<Rewards.RewardVoucher> RewardVouchers => Set<Rewards.RewardVoucher>();

    public DbSet<Performance.PlanPeriod> PlanPeriods => Set<Performance.PlanPeriod>();

    public DbSet<Performance.PlanNode> PlanNodes => Set<Performance.PlanNode>();

    public DbSet<Performance.Indicator> Indicators => Set<Performance.Indicator>();

    public DbSet<Performance.IndicatorTarget> IndicatorTargets => Set<Performance.IndicatorTarget>();

    public DbSet<Performance.BudgetCeiling> BudgetCeilings => Set<Performance.BudgetCeiling>();

    public DbSet<Performance.QuarterReport> QuarterReports => Set<Performance.QuarterReport>();

    public DbSet<Performance.IndicatorRealisation> IndicatorRealisations => Set<Performance.IndicatorRealisation>();

    public DbSet<Performance.BudgetRealisation> BudgetRealisations => Set<Performance.BudgetRealisation>();

    public DbSet<Performance.QuarterReportEvent> QuarterReportEvents => Set<Performance.QuarterReportEvent>();

    public DbSet<Performance.ReportEvidence> ReportEvidence => Set<Performance.ReportEvidence>();

    public DbSet<Performance.ReportReminder> ReportReminders => Set<Performance.ReportReminder>();

    public DbSet<Performance.PerformanceAgreement> PerformanceAgreements => Set<Performance.PerformanceAgreement>();

    public DbSet<Performance.AgreementSignature> AgreementSignatures => Set<Performance.AgreementSignature>();

    public DbSet<Identity.SigningKey> SigningKeys => Set<Identity.SigningKey>();

    // SAKIP evaluation worksheets (issue 5 item 8).
    public DbSet<Performance.LkeEvaluation> LkeEvaluations => Set<Performance.LkeEvaluation>();

    public DbSet<Performance.LkeAnswerRecord> LkeAnswers => Set<Performance.LkeAnswerRecord>();

    public DbSet<Performance.LkeEvidence> LkeEvidence => Set<Performance.LkeEvidence>();

    public DbSet<Vendors.Vendor> Vendors => Set<Vendors.Vendor>();

    // Changes saved on behalf of someone other than this context's actor (see AuditAs).
    private Dictionary<object, IAuditActor>? actorsByEntity;

    /// <summary>Who this context's changes are recorded as made by.</summary>
    public IAuditActor AuditActor => actor;

    /// <summary>
    /// Records the change to <paramref name="entity"/> as made by <paramref name="by"/> instead of this context's actor:
    /// for a context that saves other requests' changes together (the batched intake of reports).
    /// </summary>
    public void AuditAs(object entity, IAuditActor by) =>
        (actorsByEntity ??= new Dictionary<object, IAuditActor>(ReferenceEqualityComparer.Instance))[entity] = by;

    /// <summary>When false, per-row audit entries are skipped (bulk loads record one <see cref="AuditAction.Bulk"/> entry instead).</summary>
    public bool AuditEnabled { get; set; } = true;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Records one summary entry for a bulk operation (import, demo data).</summary>
    public void AddBulkAudit(string entityType, string summaryJson) =>
        AuditEntries.Add(new AuditEntry
        {
            AtUtc = UtcNow,
            ActorId = actor.ActorId,
            ActorName = actor.ActorName,
            Action = AuditAction.Bulk,
            EntityType = entityType,
            EntityId = "*",
            Changes = summaryJson,
        });

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The points ledger is append-only: a line is never changed or removed, a correction is a new line.
        if (ChangeTracker.Entries<Rewards.PointsEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The points ledger is append-only: lines cannot be changed or removed.");
        }

        var pending = AuditEnabled ? AuditRecorder.Capture(ChangeTracker) : [];
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit rows commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null && Database.AutoTransactionBehavior != AutoTransactionBehavior.Never
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        // In a transaction of our own a failure rolls everything back, so the savepoint EF would set around each save
        // (two more round trips each) protects nothing.
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && ownTransaction is null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(AuditRecorder.Complete(pending, actor, UtcNow, actorsByEntity));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureProcurement(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });

        builder.Entity<UserOpdScope>(e =>
        {
            e.HasKey(s => new { s.UserId, s.OpdId });
            e.HasOne(s => s.User).WithMany(u => u.OpdScopes).HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Opd).WithMany().HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Region>(e =>
        {
            e.Property(r => r.Code).HasMaxLength(13);
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasIndex(r => r.Code).IsUnique();
            e.HasIndex(r => new { r.ParentId, r.Name });
            e.HasOne(r => r.Parent).WithMany(r => r.Children).HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(r => r.KindLabel);
        });

        builder.Entity<Opd>(e =>
        {
            e.Property(o => o.Code).HasMaxLength(22);
            e.Property(o => o.Name).HasMaxLength(250);
            e.Property(o => o.ShortName).HasMaxLength(50);
            e.Property(o => o.Address).HasMaxLength(400);
            e.Property(o => o.Website).HasMaxLength(300);
            e.HasIndex(o => new { o.RegionId, o.Code }).IsUnique();
            e.HasIndex(o => o.Name);
            e.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ServiceUnit>(e =>
        {
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.Name).HasMaxLength(250);
            e.Property(s => s.Address).HasMaxLength(400);
            e.HasIndex(s => s.Code).IsUnique();
            e.HasOne(s => s.Opd).WithMany(o => o.ServiceUnits).HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Position>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(250);
            e.Property(p => p.Grade).HasMaxLength(20);
            e.HasOne(p => p.Opd).WithMany(o => o.Positions).HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.ServiceUnit).WithMany().HasForeignKey(p => p.ServiceUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Superior).WithMany().HasForeignKey(p => p.SuperiorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Official>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Nip).HasMaxLength(18);
            e.HasIndex(o => o.Nip).IsUnique();
            e.HasOne(o => o.Position).WithMany(p => p.Holders).HasForeignKey(o => o.PositionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Ledger.LedgerEntry>(e =>
        {
            e.HasKey(x => x.Index);
            e.Property(x => x.Index).ValueGeneratedNever();
            e.Property(x => x.Data).HasMaxLength(ushort.MaxValue);
            e.Property(x => x.EntrySha256).HasMaxLength(32);
            e.HasIndex(x => x.EntrySha256);
        });

        builder.Entity<Ledger.LedgerTile>(e =>
        {
            e.HasKey(x => new { x.Level, x.Index });
            e.Property(x => x.Index).ValueGeneratedNever();
            e.Property(x => x.Hashes).HasMaxLength(8192);
            e.Property(x => x.Inner).HasMaxLength(8160);
        });

        builder.Entity<Ledger.LedgerCheckpoint>(e =>
        {
            e.HasKey(x => x.Size);
            e.Property(x => x.Size).ValueGeneratedNever();
            e.Property(x => x.RootHash).HasMaxLength(32);
        });

        builder.Entity<Ledger.LedgerCosignature>(e =>
        {
            e.HasKey(x => new { x.Size, x.KeyName, x.KeyId });
            e.Property(x => x.KeyName).HasMaxLength(200);
            e.Property(x => x.Line).HasMaxLength(400);
        });

        builder.Entity<Evidence.ConstructionPackage>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(100);
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.Location).HasMaxLength(400);
            e.Property(p => p.ContractorCompany).HasMaxLength(250);
            e.Property(p => p.ContractValue).HasPrecision(18, 2);
            e.HasIndex(p => p.Code).IsUnique();
            e.HasIndex(p => p.OpdId);
            e.HasOne(p => p.Opd).WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Evidence.PackageMilestone>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(300);
            e.Property(m => m.ProgressPercent).HasPrecision(5, 2);
            e.HasIndex(m => new { m.PackageId, m.Sequence }).IsUnique();
            e.HasOne(m => m.Package).WithMany(p => p.Milestones).HasForeignKey(m => m.PackageId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Evidence.PackageContractor>(e =>
        {
            e.HasKey(c => new { c.PackageId, c.UserId });
            e.HasOne(c => c.Package).WithMany(p => p.Contractors).HasForeignKey(c => c.PackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Evidence.EvidenceItem>(e =>
        {
            e.Property(i => i.MediaSha256).HasMaxLength(64);
            e.Property(i => i.MediaContentType).HasMaxLength(100);
            e.Property(i => i.ThumbnailSha256).HasMaxLength(64);
            e.Property(i => i.InvoiceSha256).HasMaxLength(64);
            e.Property(i => i.InvoiceContentType).HasMaxLength(100);
            e.Property(i => i.Caption).HasMaxLength(500);
            e.Property(i => i.UploaderRole).HasMaxLength(50);
            e.Property(i => i.ReviewNote).HasMaxLength(1000);
            e.HasIndex(i => new { i.PackageId, i.CapturedAtUtc });
            e.HasIndex(i => i.MediaSha256);
            e.HasIndex(i => i.LedgerIndex).IsUnique();
            e.HasOne(i => i.Package).WithMany().HasForeignKey(i => i.PackageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Milestone).WithMany().HasForeignKey(i => i.MilestoneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(i => i.ReviewedByUserId).OnDelete(DeleteBehavior.SetNull);
        });

        ConfigureComplaints(builder);
        ConfigureNotifications(builder);

        // Features with many entities keep their configuration in a partial file of their own
        // (IntegritasDbContext.<Feature>.cs) and are called from here.
        var postgres = Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        ConfigureBudget(builder, postgres);
        builder.Entity<Vendors.Vendor>(e =>
        {
            e.Property(v => v.Code).HasMaxLength(50);
            e.Property(v => v.Name).HasMaxLength(300);
            e.Property(v => v.TaxNumber).HasMaxLength(30);
            e.HasIndex(v => v.Code).IsUnique();
            e.HasIndex(v => v.Name);
            if (postgres)
            {
                // The same byte-order collation as Payments.VendorCode, so PostgreSQL can join them by this index.
                e.Property(v => v.Code).UseCollation("C");
            }
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.ActorName).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.ActorId);
        });
    }

    private static void ConfigureNotifications(ModelBuilder builder)
    {
        builder.Entity<Notifications.Notification>(e =>
        {
            e.Property(n => n.Recipient).HasMaxLength(512);
            e.Property(n => n.EventType).HasMaxLength(64);
            e.Property(n => n.Reference).HasMaxLength(64);
            e.Property(n => n.Subject).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(16000);
            e.Property(n => n.LastError).HasMaxLength(1000);
            e.HasIndex(n => new { n.State, n.NextAttemptUtc });
            e.HasIndex(n => n.Reference);
            e.HasIndex(n => n.LockToken);
        });

        builder.Entity<Notifications.SlaAlert>(e =>
        {
            e.HasIndex(a => new { a.ComplaintId, a.Clock, a.Level }).IsUnique();
            e.HasOne<Complaints.Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void ConfigureComplaints(ModelBuilder builder)
    {
        builder.Entity<Complaints.ComplaintCategory>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(64);
            e.Property(c => c.NameId).HasMaxLength(200);
            e.Property(c => c.NameEn).HasMaxLength(200);
            e.Property(c => c.DescriptionId).HasMaxLength(1000);
            e.Property(c => c.DescriptionEn).HasMaxLength(1000);
            e.Property(c => c.Group).HasMaxLength(100);
            e.Property(c => c.Keywords).HasMaxLength(400);
            e.HasIndex(c => c.Code).IsUnique();
            e.HasOne(c => c.DefaultOpd).WithMany().HasForeignKey(c => c.DefaultOpdId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Complaints.ComplaintCategoryAttribute>(e =>
        {
            e.Property(a => a.Code).HasMaxLength(64);
            e.Property(a => a.Description).HasMaxLength(500);
            e.Property(a => a.DatatypeDescription).HasMaxLength(300);
            e.Property(a => a.Values).HasMaxLength(4000);
            e.HasIndex(a => new { a.CategoryId, a.Code }).IsUnique();
            e.HasOne(a => a.Category).WithMany(c => c.Attributes).HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Complaints.Complaint>(e =>
        {
            e.Property(c => c.TrackingNumber).HasMaxLength(9);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.Address).HasMaxLength(400);
            e.Property(c => c.AttributesJson).HasMaxLength(8000);
            e.Property(c => c.RatingComment).HasMaxLength(1000);
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.Property(c => c.ReporterSecretHash).HasMaxLength(64);
            e.Property(c => c.ReporterName).HasMaxLength(200);
            e.Property(c => c.ReporterEmail).HasMaxLength(256);
            e.Property(c => c.ReporterPhone).HasMaxLength(32);
            e.Property(c => c.DeviceId).HasMaxLength(200);
            e.Property(c => c.AccountId).HasMaxLength(200);
            e.HasIndex(c => c.TrackingNumber).IsUnique();
            e.HasIndex(c => c.IdempotencyKey).IsUnique();
            e.HasIndex(c => new { c.Status, c.ReceivedAtUtc });
            e.HasIndex(c => new { c.OpdId, c.Status });
            e.HasIndex(c => c.ReceivedAtUtc);
            e.HasIndex(c => c.UpdatedAtUtc);
            e.HasIndex(c => new { c.CategoryId, c.ReceivedAtUtc });
            e.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Opd).WithMany().HasForeignKey(c => c.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.MergedInto).WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ReporterUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Complaints.ApiKey>().WithMany().HasForeignKey(c => c.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Rewards.CitizenAccount>().WithMany().HasForeignKey(c => c.CitizenAccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ReporterPhone);
        });

        builder.Entity<Complaints.ComplaintUpdate>(e =>
        {
            e.Property(u => u.Text).HasMaxLength(4000);
            e.Property(u => u.ActorRole).HasMaxLength(50);
            e.HasIndex(u => new { u.ComplaintId, u.AtUtc });
            e.HasIndex(u => u.AtUtc);
            // The pending sweep (updates not yet in the transparency log) reads only these rows.
            e.HasIndex(u => u.Id).HasFilter("\"LedgerIndex\" IS NULL").HasDatabaseName("IX_ComplaintUpdates_LedgerPending");
            e.HasOne(u => u.Complaint).WithMany(c => c.Updates).HasForeignKey(u => u.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(u => u.ActorUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Opd>().WithMany().HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Complaints.ComplaintPhoto>(e =>
        {
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.ThumbnailSha256).HasMaxLength(64);
            e.HasIndex(p => p.ComplaintId);
            e.HasOne(p => p.Complaint).WithMany(c => c.Photos).HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Update).WithMany(u => u.Photos).HasForeignKey(p => p.UpdateId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Complaints.ComplaintPause>(e =>
        {
            e.HasIndex(p => p.ComplaintId);
            e.HasOne(p => p.Complaint).WithMany(c => c.Pauses).HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Complaints.Holiday>(e =>
        {
            e.Property(h => h.Name).HasMaxLength(200);
            e.HasIndex(h => h.Date).IsUnique();
        });

        builder.Entity<Complaints.RoutingRule>(e =>
        {
            e.HasIndex(r => r.Priority);
            e.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.District).WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Opd).WithMany().HasForeignKey(r => r.OpdId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Complaints.ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.Property(k => k.CreatedBy).HasMaxLength(256);
            e.Property(k => k.Scope).HasMaxLength(32);
            e.HasIndex(k => k.KeyHash).IsUnique();
        });

        builder.Entity<Performance.PlanPeriod>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(100);
            e.HasIndex(p => p.StartYear).IsUnique();
        });

        builder.Entity<Performance.PlanNode>(e =>
        {
            e.Property(n => n.Code).HasMaxLength(Core.Performance.PlanRules.MaxOwnCodeLength);
            e.Property(n => n.Name).HasMaxLength(500);
            e.HasIndex(n => new { n.PeriodId, n.OpdId, n.Code }).IsUnique();
            e.HasIndex(n => n.ParentId);
            e.HasOne(n => n.Period).WithMany().HasForeignKey(n => n.PeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(n => n.Opd).WithMany().HasForeignKey(n => n.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(n => n.Parent).WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Performance.Indicator>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(40);
            e.Property(i => i.Name).HasMaxLength(500);
            e.Property(i => i.Unit).HasMaxLength(50);
            e.Property(i => i.Baseline).HasPrecision(20, 4);
            e.Property(i => i.Formula).HasMaxLength(1000);
            e.Property(i => i.DataSource).HasMaxLength(500);
            e.HasIndex(i => new { i.PlanNodeId, i.Code }).IsUnique();
            e.HasOne(i => i.PlanNode).WithMany().HasForeignKey(i => i.PlanNodeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Performance.IndicatorTarget>(e =>
        {
            e.Property(t => t.Value).HasPrecision(20, 4);
            e.Property(t => t.Max).HasPrecision(20, 4);
            e.HasIndex(t => new { t.IndicatorId, t.Year, t.Period }).IsUnique();
            e.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.BudgetCeiling>(e =>
        {
            e.Property(b => b.Pagu).HasPrecision(20, 2);
            e.HasIndex(b => new { b.PlanNodeId, b.Year }).IsUnique();
            e.HasOne(b => b.PlanNode).WithMany().HasForeignKey(b => b.PlanNodeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.QuarterReport>(e =>
        {
            e.HasIndex(r => new { r.OpdId, r.Year, r.Quarter }).IsUnique();
            e.HasIndex(r => new { r.Year, r.Status });
            e.Property(r => r.SubmittedBy).HasMaxLength(256);
            e.Property(r => r.VerifiedBy).HasMaxLength(256);
            e.Property(r => r.LateReason).HasMaxLength(1000);
            e.Property(r => r.PublishedSha256).HasMaxLength(64);
            e.Property(r => r.CapaianMean).HasPrecision(20, 4);
            e.Property(r => r.IkuCapaianMean).HasPrecision(20, 4);
            e.Property(r => r.Pagu).HasPrecision(20, 2);
            e.Property(r => r.Spent).HasPrecision(20, 2);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne(r => r.Opd).WithMany().HasForeignKey(r => r.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Realisations).WithOne(x => x.Report).HasForeignKey(x => x.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Budget).WithOne(x => x.Report).HasForeignKey(x => x.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Events).WithOne().HasForeignKey(x => x.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.IndicatorRealisation>(e =>
        {
            e.Property(x => x.Value).HasPrecision(20, 4);
            e.Property(x => x.Problems).HasMaxLength(2000);
            e.Property(x => x.Actions).HasMaxLength(2000);
            e.HasIndex(x => new { x.QuarterReportId, x.IndicatorId, x.Period }).IsUnique();
            e.HasIndex(x => x.IndicatorId);
            e.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Performance.BudgetRealisation>(e =>
        {
            e.Property(x => x.Spent).HasPrecision(20, 2);
            e.HasIndex(x => new { x.QuarterReportId, x.PlanNodeId }).IsUnique();
            e.HasOne(x => x.PlanNode).WithMany().HasForeignKey(x => x.PlanNodeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Performance.QuarterReportEvent>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => x.QuarterReportId);
        });

        builder.Entity<Performance.ReportReminder>(e =>
        {
            e.HasIndex(x => new { x.OpdId, x.Year, x.Quarter, x.Kind }).IsUnique();
            e.HasOne<Opd>().WithMany().HasForeignKey(x => x.OpdId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.ReportEvidence>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => x.QuarterReportId);
            e.HasOne<Performance.QuarterReport>().WithMany().HasForeignKey(x => x.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.PerformanceAgreement>(e =>
        {
            e.HasIndex(a => new { a.OpdId, a.Year, a.Revision }).IsUnique();
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.CreatedBy).HasMaxLength(256);
            e.HasOne(a => a.Opd).WithMany().HasForeignKey(a => a.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Signatures).WithOne(s => s.Agreement).HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Performance.AgreementSignature>(e =>
        {
            e.HasIndex(s => new { s.AgreementId, s.Party }).IsUnique();
            e.Property(s => s.SignerName).HasMaxLength(200);
            e.Property(s => s.Sha256).HasMaxLength(64);
            e.HasOne(s => s.SigningKey).WithMany().HasForeignKey(s => s.SigningKeyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation.Official>().WithMany().HasForeignKey(s => s.OfficialId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Identity.SigningKey>(e =>
        {
            e.HasIndex(k => k.UserId);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        // SAKIP evaluation worksheets (issue 5 item 8).
        builder.Entity<Performance.LkeEvaluation>(e =>
        {
            // One evaluation per OPD and year. Both providers treat NULLs as distinct in a unique index, so the regency's
            // own evaluation (no OPD) gets its own partial index: one per year.
            e.HasIndex(x => new { x.OpdId, x.Year }).IsUnique();
            e.HasIndex(x => x.Year).IsUnique().HasFilter("\"OpdId\" IS NULL").HasDatabaseName("IX_LkeEvaluations_RegencyYear");
            e.Property(x => x.StartedBy).HasMaxLength(256);
            e.Property(x => x.Evaluator).HasMaxLength(256);
            e.Property(x => x.FinalisedBy).HasMaxLength(256);
            e.Property(x => x.Total).HasPrecision(5, 2);
            e.Property(x => x.Grade).HasMaxLength(2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Opd).WithMany().HasForeignKey(x => x.OpdId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Performance.LkeAnswerRecord>(e =>
        {
            e.Property(x => x.CriterionCode).HasMaxLength(16);
            e.Property(x => x.Answer).HasMaxLength(1);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => new { x.EvaluationId, x.CriterionCode }).IsUnique();
        });

        builder.Entity<Performance.LkeEvidence>(e =>
        {
            e.Property(x => x.CriterionCode).HasMaxLength(16);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.EvaluationId, x.CriterionCode });
            e.HasOne<Performance.LkeEvaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Rewards.CitizenAccount>(e =>
        {
            e.Property(a => a.Phone).HasMaxLength(32);
            e.HasIndex(a => a.Phone).IsUnique();
        });

        builder.Entity<Rewards.PhoneChallenge>(e =>
        {
            e.Property(c => c.Phone).HasMaxLength(32);
            e.Property(c => c.CodeHash).HasMaxLength(64);
            e.HasIndex(c => new { c.Phone, c.CreatedAtUtc });
        });

        builder.Entity<Rewards.PointsEntry>(e =>
        {
            e.Property(p => p.Actor).HasMaxLength(256);
            e.Property(p => p.Note).HasMaxLength(400);
            e.HasIndex(p => new { p.AccountId, p.Sequence }).IsUnique();
            e.HasIndex(p => new { p.ComplaintId, p.Reason }).IsUnique();
            e.HasIndex(p => p.AtUtc);
            e.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Complaints.Complaint>().WithMany().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Rewards.RewardVoucher>().WithMany().HasForeignKey(p => p.VoucherId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Rewards.RewardVoucher>(e =>
        {
            e.Property(v => v.Code).HasMaxLength(20);
            e.Property(v => v.ConsumedReference).HasMaxLength(100);
            e.HasIndex(v => v.Code).IsUnique();
            e.HasIndex(v => new { v.AccountId, v.IssuedAtUtc });
            e.HasOne(v => v.Account).WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Complaints.ApiKey>().WithMany().HasForeignKey(v => v.ConsumedByKeyId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
