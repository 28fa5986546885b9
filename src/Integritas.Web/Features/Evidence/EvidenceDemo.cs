using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>
/// Demo construction packages in the home regency with site evidence uploaded through the real path (EXIF read,
/// checks, blob store, transparency log), one of them taken 2 km from its site so a new user sees a flag.
/// </summary>
public static class EvidenceDemo
{
    private sealed record Plan(string Code, string Name, string OpdCode, string VillageCode, string Location, string Company, decimal Value, double Lat, double Lon, int Radius, string[] Milestones);

    private static readonly Plan[] Plans =
    [
        new("LKT-2026-PUPR-001", "Peningkatan Jalan Stabat – Secanggang (beton K-350, 2,4 km)", "1.03.0.00.0.00.01.0000", "12.05.07.1010", "Jl. Stabat–Secanggang km 3", "CV Karya Langkat Mandiri", 4_850_000_000m, 3.7531, 98.4563, 400,
            ["Pekerjaan tanah dan lantai kerja", "Pengecoran perkerasan beton", "Bahu jalan dan marka"]),
        new("LKT-2026-PUPR-002", "Rehabilitasi Jembatan Sei Batang Serangan", "1.03.0.00.0.00.01.0000", "12.05.11.1001", "Desa Pekubuan, Tanjung Pura", "PT Sumatera Beton Utama", 2_175_000_000m, 3.9120, 98.4240, 250,
            ["Pembongkaran dan pondasi", "Pengecoran lantai jembatan", "Railing dan oprit"]),
        new("LKT-2026-PUPR-003", "Normalisasi Saluran Irigasi Bahorok", "1.03.0.00.0.00.01.0000", "12.05.01.1001", "Pekan Bahorok", "CV Tirta Bahorok", 1_320_000_000m, 3.5030, 98.1290, 500,
            ["Galian dan pembersihan saluran", "Pasangan batu kali", "Pintu air"]),
        new("LKT-2026-PERKIM-001", "Pembangunan Drainase Permukiman Pangkalan Susu", "1.04.2.10.0.00.01.0000", "12.05.15.1001", "Kelurahan Pangkalan Susu", "CV Pesisir Jaya", 865_000_000m, 4.1140, 98.2120, 300,
            ["Galian saluran", "Pengecoran U-ditch", "Penutup saluran"]),
    ];

    /// <summary>Loads the demo packages and uploads their evidence, unless <see cref="EvidenceOptions.SeedDemoEvidence"/> is off or packages exist; returns the uploads.</summary>
    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        if (!services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value.SeedDemoEvidence
            || await db.ConstructionPackages.AnyAsync(ct))
        {
            return 0;
        }

        var regency = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct);
        if (regency is null)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(Core.Time.Wib.FromUtc(services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        var packages = new List<(ConstructionPackage Package, Plan Plan)>();
        foreach (var (plan, n) in Plans.Select((p, i) => (p, i)))
        {
            var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.RegionId == regency.Id && o.Code == plan.OpdCode, ct);
            if (opd is null)
            {
                continue;
            }

            var village = await db.Regions.AsNoTracking().Where(r => r.Code == plan.VillageCode).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            var start = today.AddDays(-150 + (n * 12));
            var package = new ConstructionPackage
            {
                Code = plan.Code,
                Name = plan.Name,
                OpdId = opd.Id,
                RegionId = village,
                Location = plan.Location,
                ContractorCompany = plan.Company,
                ContractValue = plan.Value,
                WorkStart = start,
                WorkEnd = start.AddDays(210),
                SiteLatitude = plan.Lat,
                SiteLongitude = plan.Lon,
                GeofenceRadiusMeters = plan.Radius,
            };
            for (var m = 0; m < plan.Milestones.Length; m++)
            {
                package.Milestones.Add(new PackageMilestone
                {
                    Sequence = m + 1,
                    Name = plan.Milestones[m],
                    ProgressPercent = Math.Round(100m * (m + 1) / plan.Milestones.Length, 2),
                    DueDate = start.AddDays(70 * (m + 1)),
                });
            }

            db.ConstructionPackages.Add(package);
            packages.Add((package, plan));
        }

        await db.SaveChangesAsync(ct);

        var evidence = services.GetRequiredService<EvidenceService>();
        var random = new Random(DemoRegencyGenerator.Seed);
        var uploaded = 0;
        foreach (var (package, plan) in packages)
        {
            var site = new GeoPoint(package.SiteLatitude, package.SiteLongitude);
            var milestones = package.Milestones.OrderBy(m => m.Sequence).ToList();
            var photos = package.Code == "LKT-2026-PUPR-003" ? 2 : 3;
            for (var i = 0; i < photos; i++)
            {
                var milestone = milestones[Math.Min(i, milestones.Count - 1)];
                var day = package.WorkStart.AddDays(20 + (i * 35) + random.Next(0, 10));
                var taken = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + random.Next(0, 8), random.Next(0, 60))), Core.Time.Wib.Offset);

                // A few metres of GPS scatter around the site; the bridge's second photo was taken 2 km away.
                var offsite = package.Code == "LKT-2026-PUPR-002" && i == 1;
                var position = offsite
                    ? new GeoPoint(site.Latitude + 0.018, site.Longitude)
                    : new GeoPoint(site.Latitude + ((random.NextDouble() - 0.5) * 0.0015), site.Longitude + ((random.NextDouble() - 0.5) * 0.0015));
                var photo = DemoPhotos.Photo($"{plan.Code} · {milestone.Name}", taken, position, random.Next());
                var invoice = i == photos - 1 ? DemoPhotos.InvoicePdf($"{plan.Code}/{i + 1}", plan.Company, Math.Round(plan.Value * 0.3m)) : null;
                var result = await evidence.UploadAsync(new EvidenceUpload(
                    package.Id,
                    milestone.Id,
                    new UploadFile(new MemoryStream(photo), photo.Length),
                    invoice is null ? null : new UploadFile(new MemoryStream(invoice), invoice.Length),
                    null,
                    null,
                    null,
                    offsite ? "Foto pengecoran lantai jembatan" : $"Dokumentasi {milestone.Name.ToLowerInvariant()}",
                    Roles.Contractor,
                    null), ct);
                if (result.Succeeded)
                {
                    uploaded++;
                }
            }
        }

        return uploaded;
    }
}
