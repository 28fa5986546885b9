using System.Security.Cryptography;
using Integritas.Core.Procurement;
using Integritas.Core.Signing;
using Integritas.Core.Time;
using Integritas.Data;
using Integritas.Data.Demo;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Data.Procurement;
using Integritas.Data.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement;

/// <summary>
/// Demo procurement for the home regency: a few hundred packages across OPDs, methods and categories in every stage,
/// with bidders and bids, integrity pacts for the packages above the threshold — signed with demo keys made here
/// (their passphrases are random and forgotten, so nobody can sign with them later) — and irregularities for the
/// early-warning system: a single-bidder tender, a late bid that won, a winner at ≥ 99 % of HPS, and bids from two
/// vendors sharing a tax number. The demo evidence packages become contracted packages under implementation.
/// </summary>
public static class ProcurementDemo
{
    public const int PackageCount = 300;

    /// <summary>
    /// Packages of the previous fiscal year, contracted and under implementation (or done): the demo budget is of
    /// that year (the last complete one) and pays their contracts, so a package page shows its SP2D payments.
    /// </summary>
    public const int PreviousYearPackageCount = 40;

    /// <summary>Codes of the packages carrying the planted irregularities.</summary>
    public const string SingleBidder = "PBJ-DEMO-RF01";
    public const string LateWinner = "PBJ-DEMO-RF02";
    public const string NearHps = "PBJ-DEMO-RF03";
    public const string SharedTaxNumber = "PBJ-DEMO-RF04";

    private static readonly string[] Prefixes = ["CV", "CV", "PT", "CV", "UD"];

    private static readonly string[] Words =
    [
        "Karya", "Langkat", "Mandiri", "Sejahtera", "Bersama", "Utama", "Jaya", "Makmur", "Abadi", "Sentosa", "Bahorok", "Stabat",
        "Wampu", "Serapit", "Sumatera", "Pesisir", "Tirta", "Beton", "Cipta", "Rekayasa", "Nusantara", "Gemilang", "Teknik", "Persada",
    ];

    private static readonly (ProcurementCategory Category, string[] Names)[] Works =
    [
        (ProcurementCategory.Construction, ["Rehabilitasi Jalan Desa", "Pembangunan Drainase", "Peningkatan Jalan Lingkungan", "Pembangunan Jembatan Gantung", "Rehabilitasi Gedung Sekolah", "Pembangunan Puskesmas Pembantu", "Normalisasi Saluran Irigasi", "Pembangunan Talud"]),
        (ProcurementCategory.Goods, ["Pengadaan Alat Tulis Kantor", "Pengadaan Komputer dan Printer", "Pengadaan Obat dan Bahan Medis Habis Pakai", "Pengadaan Meubeler Sekolah", "Pengadaan Kendaraan Operasional", "Pengadaan Bibit Kelapa Sawit Rakyat", "Pengadaan Seragam Petugas"]),
        (ProcurementCategory.Consultancy, ["Jasa Konsultansi Perencanaan Teknis", "Jasa Konsultansi Pengawasan", "Penyusunan Dokumen Lingkungan", "Kajian Tata Ruang Kawasan"]),
        (ProcurementCategory.OtherServices, ["Jasa Kebersihan Gedung", "Jasa Pemeliharaan Kendaraan", "Sewa Tenda dan Perlengkapan Acara", "Jasa Keamanan Kantor", "Jasa Pencetakan Dokumen"]),
    ];

    private const int DemoKeyMemoryKib = 64;

    private sealed record DemoSigner(AppUser User, SealedSigningKey Key, SigningKey Row, string Passphrase);

    /// <summary>Loads the demo unless it is switched off, the home regency is missing, or bids exist already; returns the packages made.</summary>
    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        var options = services.GetRequiredService<IOptions<ProcurementOptions>>().Value;
        if (!options.SeedDemoProcurement || await db.Bids.AnyAsync(ct) || await db.ConstructionPackages.AnyAsync(p => p.Code.StartsWith("PBJ-"), ct))
        {
            return 0;
        }

        var regency = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct);
        if (regency is null)
        {
            return 0;
        }

        var nowUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Wib.FromUtc(nowUtc).DateTime);
        var random = new Random(DemoRegencyGenerator.Seed + 6);
        var opds = await db.Opds.AsNoTracking().Include(o => o.Region).Where(o => o.RegionId == regency.Id && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == Core.Organisation.RegionLevel.Village && r.Code.StartsWith(regency.Code + "."))
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        if (opds.Count == 0)
        {
            return 0;
        }

        var pacts = services.GetRequiredService<IntegrityPacts>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Integritas.ProcurementDemo");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var made = 0;
        var audit = db.AuditEnabled;
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var vendors = await VendorsAsync(db, random, ct);
            var threshold = options.IntegrityPactThreshold;

            // The demo evidence packages are contracted construction work under way.
            var existing = await db.ConstructionPackages.Where(p => p.FiscalYear == 0).ToListAsync(ct);
            var plans = new List<(ConstructionPackage Package, ProcurementStage Stage, int Bidders, string? Irregularity, DateOnly? Planned)>();
            foreach (var p in existing)
            {
                p.Hps = Round(p.ContractValue * 1.04m, 1000000m);
                p.Pagu = Round(p.ContractValue * 1.08m, 1000000m);
                p.Method = ProcurementMethod.Tender;
                p.Category = ProcurementCategory.Construction;
                p.FiscalYear = p.WorkStart.Year;
                plans.Add((p, ProcurementStage.Implementation, 4, null, null));
            }

            // A package of the plan at an OPD (and a desa, for most) chosen with the given random stream.
            ConstructionPackage NewPackage(Random r, string code, ProcurementCategory category, string[] names, decimal value, ProcurementMethod method)
            {
                var opd = opds[r.Next(opds.Count)];
                var village = villages.Count > 0 ? villages[r.Next(villages.Count)] : null;
                return new ConstructionPackage
                {
                    Code = code,
                    Name = $"{names[r.Next(names.Length)]}{(village is null ? "" : $" {village.Name}")}",
                    OpdId = opd.Id,
                    RegionId = village?.Id,
                    Location = village is null ? null : $"Desa {village.Name}",
                    Hps = value,
                    Pagu = Round(value * (1m + (decimal)r.NextDouble() * 0.1m), 100000m),
                    Method = method,
                    Category = category,
                    SiteLatitude = category == ProcurementCategory.Construction ? 3.55 + (r.NextDouble() * 0.6) : 0,
                    SiteLongitude = category == ProcurementCategory.Construction ? 98.05 + (r.NextDouble() * 0.45) : 0,
                    GeofenceRadiusMeters = 300,
                };
            }

            var stages = new (ProcurementStage Stage, int Weight)[]
            {
                (ProcurementStage.Planned, 15), (ProcurementStage.TenderOpen, 10), (ProcurementStage.BidsClosed, 5), (ProcurementStage.Evaluation, 8),
                (ProcurementStage.Awarded, 7), (ProcurementStage.Contracted, 15), (ProcurementStage.Implementation, 35), (ProcurementStage.Cancelled, 5),
            };
            for (var n = 1; n <= PackageCount; n++)
            {
                var irregularity = n switch { 1 => SingleBidder, 2 => LateWinner, 3 => NearHps, 4 => SharedTaxNumber, _ => null };
                var (category, names) = irregularity is null ? Works[random.Next(Works.Length)] : Works[0];
                var value = irregularity is null
                    ? Round((decimal)Math.Exp(random.NextDouble() * Math.Log(900.0 / 15.0)) * 15_000_000m, 100000m)
                    : 850_000_000m + (n * 10_000_000m);
                if (irregularity is null && random.Next(100) < 5)
                {
                    value = Round(1_100_000_000m + (decimal)random.NextDouble() * 4_000_000_000m, 1000000m); // a few above the pact threshold
                }

                var method = MethodFor(category, value, random);
                var stage = irregularity is null ? Pick(stages, random) : ProcurementStage.Contracted;
                var package = NewPackage(random, irregularity ?? $"PBJ-{today.Year}-{n:0000}", category, names, value, method);
                var bidders = Bidders(method, random);
                plans.Add((package, stage, irregularity == SingleBidder ? 1 : irregularity == SharedTaxNumber ? 4 : bidders, irregularity, null));
            }

            // Last year's tendered contracts (their own random stream, so this year's packages stay as they were).
            var past = new Random(DemoRegencyGenerator.Seed + 7);
            for (var n = 1; n <= PreviousYearPackageCount; n++)
            {
                var (category, names) = Works[past.Next(Works.Length)];
                var value = Round((decimal)Math.Exp(past.NextDouble() * Math.Log(2_500.0 / 250.0)) * 250_000_000m, 1_000_000m);
                var method = MethodFor(category, value, past);
                var package = NewPackage(past, $"PBJ-{today.Year - 1}-{n:0000}", category, names, value, method);
                var bidders = Bidders(method, past);
                plans.Add((package, ProcurementStage.Implementation, bidders, null, new DateOnly(today.Year - 1, 1, 6).AddDays(past.Next(150))));
            }

            // Demo signers for the pacts: a commitment officer per OPD, one NGO and one university witness, an account per vendor.
            var signers = new Dictionary<string, DemoSigner>();
            var witnessRole = await db.Roles.Where(r => r.Name == Roles.Witness).Select(r => r.Id).SingleOrDefaultAsync(ct);
            var contractorRole = await db.Roles.Where(r => r.Name == Roles.Contractor).Select(r => r.Id).SingleOrDefaultAsync(ct);
            var operatorRole = await db.Roles.Where(r => r.Name == Roles.OpdOperator).Select(r => r.Id).SingleOrDefaultAsync(ct);
            DemoSigner Signer(string key, string displayName, string? roleId)
            {
                if (signers.TryGetValue(key, out var existingSigner))
                {
                    return existingSigner;
                }

                var user = new AppUser
                {
                    UserName = $"demo-{key}",
                    NormalizedUserName = $"DEMO-{key}".ToUpperInvariant(),
                    DisplayName = displayName,
                    CreatedAtUtc = nowUtc,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                if (roleId is not null)
                {
                    db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                }

                // A 192-bit random passphrase needs no costly key stretching (the cheapest Argon2id keeps the demo fast);
                // it is forgotten once the demo is loaded.
                var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
                var sealedKey = SealedSigningKey.Create(user.Id, passphrase, DemoKeyMemoryKib, 1);
                var row = new SigningKey
                {
                    UserId = user.Id,
                    PublicKey = sealedKey.PublicKey,
                    Salt = sealedKey.Salt,
                    Nonce = sealedKey.Nonce,
                    SealedPrivateKey = sealedKey.Ciphertext,
                    MemoryKib = sealedKey.MemoryKib,
                    Passes = sealedKey.Passes,
                    CreatedAtUtc = nowUtc,
                };
                db.SigningKeys.Add(row);
                return signers[key] = new DemoSigner(user, sealedKey, row, passphrase);
            }

            var ngo = Signer("saksi-lsm", "Rahmat Hidayat (demo)", witnessRole);
            var university = Signer("saksi-kampus", "Dr. Nurhayati Siregar (demo)", witnessRole);
            db.WitnessAffiliations.Add(new WitnessAffiliation { UserId = ngo.User.Id, Kind = WitnessKind.Ngo, Organisation = "Langkat Corruption Watch (demo)" });
            db.WitnessAffiliations.Add(new WitnessAffiliation { UserId = university.User.Id, Kind = WitnessKind.University, Organisation = "Universitas Sumatera Utara (demo)" });

            var opdById = opds.ToDictionary(o => o.Id);
            foreach (var (package, stage, bidderCount, irregularity, plannedOn) in plans)
            {
                // Dates run backwards from today so every recorded step is in the past (an open tender closes in the future).
                var planned = stage switch
                {
                    ProcurementStage.Planned => today.AddDays(-random.Next(5, 60)),
                    ProcurementStage.TenderOpen => today.AddDays(-random.Next(3, 8) - 7),
                    _ => today.AddDays(-random.Next(70, 320)),
                };
                if (package.Id != 0)
                {
                    planned = package.WorkStart.AddDays(-60);
                }
                else if (plannedOn is { } on)
                {
                    planned = on;
                }

                package.FiscalYear = planned.Year;
                package.Stage = stage == ProcurementStage.Cancelled ? ProcurementStage.Cancelled : stage;
                if (package.Id == 0)
                {
                    package.WorkStart = planned.AddDays(60);
                    package.WorkEnd = planned.AddDays(60 + random.Next(60, 200));
                    db.ConstructionPackages.Add(package);
                    made++;
                }

                var cancelledAt = stage == ProcurementStage.Cancelled ? (ProcurementStage)random.Next(1, 4) : (ProcurementStage?)null;
                var reached = stage == ProcurementStage.Cancelled ? cancelledAt!.Value : stage;
                var tenderStart = Wib.StartOfDayUtc(planned.AddDays(7)).AddHours(1);
                var tenderEnd = stage == ProcurementStage.TenderOpen ? Wib.StartOfDayUtc(today.AddDays(7)).AddHours(9) : tenderStart.AddDays(14).AddHours(8);
                if (reached >= ProcurementStage.TenderOpen)
                {
                    package.TenderStartUtc = tenderStart;
                    package.TenderEndUtc = tenderEnd;
                }

                var steps = new List<(ProcurementStage Stage, DateTime At)> { (ProcurementStage.Planned, Wib.StartOfDayUtc(planned).AddHours(2)) };
                foreach (var s in ProcurementLabels.Lifecycle.Where(s => s != ProcurementStage.Planned && s <= reached))
                {
                    steps.Add((s, s switch
                    {
                        ProcurementStage.TenderOpen => tenderStart,
                        ProcurementStage.BidsClosed => tenderEnd.AddMinutes(5),
                        ProcurementStage.Evaluation => tenderEnd.AddDays(2),
                        ProcurementStage.Awarded => tenderEnd.AddDays(10),
                        ProcurementStage.Contracted => tenderEnd.AddDays(20),
                        _ => Wib.StartOfDayUtc(package.WorkStart).AddHours(2),
                    }));
                }

                if (stage == ProcurementStage.Cancelled)
                {
                    steps.Add((ProcurementStage.Cancelled, steps[^1].At.AddDays(3)));
                }

                foreach (var (s, at) in steps)
                {
                    db.PackageStageEvents.Add(new PackageStageEvent
                    {
                        Package = package,
                        Stage = s,
                        AtUtc = at,
                        ByRole = Roles.OpdOperator,
                        Note = s == ProcurementStage.Cancelled ? "Anggaran dialihkan untuk penanganan bencana (demo)" : null,
                    });
                }

                // Bids: from the tender's opening (later stages keep the bids they had).
                var gated = ProcurementRules.PactRequired(package.Hps, package.Pagu, threshold);
                var bids = new List<Bid>();
                if (reached >= ProcurementStage.TenderOpen && !(stage == ProcurementStage.TenderOpen && random.Next(3) == 0))
                {
                    var pool = irregularity == SharedTaxNumber ? vendors.Take(2).Concat(vendors.Skip(2 + random.Next(20)).Take(2)).ToList()
                        : vendors.Skip(2).OrderBy(_ => random.Next()).Take(bidderCount).ToList();
                    foreach (var (vendor, i) in pool.Select((v, i) => (v, i)))
                    {
                        var share = irregularity == NearHps && i == 0 ? 0.995m : 0.78m + ((decimal)random.NextDouble() * 0.24m);
                        var amount = Round(package.Hps!.Value * share, 1000m);
                        if (package.Id != 0)
                        {
                            // An evidence package keeps its contract value: the winning bid is exactly that, the others a little above.
                            amount = i == 0 ? package.ContractValue : Round(package.ContractValue * (1.005m + (i * 0.008m)), 1000m);
                        }

                        var submitted = tenderStart.AddHours(random.Next(2, 300));
                        if (submitted > tenderEnd)
                        {
                            submitted = tenderEnd.AddHours(-1);
                        }

                        if (submitted > nowUtc)
                        {
                            submitted = nowUtc.AddHours(-1);
                        }

                        if (irregularity == LateWinner && i == 0)
                        {
                            amount = Round(package.Hps!.Value * 0.81m, 1000m);
                            submitted = tenderEnd.AddHours(3); // after the tender closed, and it still wins
                        }

                        var assessment = ProcurementRules.AssessBid(package.Category, package.Hps, amount);
                        bids.Add(new Bid
                        {
                            Package = package,
                            Vendor = vendor,
                            Amount = amount,
                            SubmittedAtUtc = submitted,
                            Status = assessment.AboveHps ? BidStatus.Disqualified : BidStatus.Valid,
                            DisqualificationReason = assessment.AboveHps ? "Penawaran di atas HPS / Bid above HPS" : null,
                            NeedsLargerGuarantee = assessment.NeedsLargerGuarantee,
                            RecordedAtUtc = submitted.AddHours(1) > nowUtc ? nowUtc : submitted.AddHours(1),
                        });
                    }

                    // A few ordinary disqualifications at evaluation.
                    if (bids.Count > 2 && reached >= ProcurementStage.Evaluation && random.Next(4) == 0 && irregularity is null)
                    {
                        var lost = bids.Where(b => b.Status == BidStatus.Valid).OrderByDescending(b => b.Amount).First();
                        lost.Status = BidStatus.Disqualified;
                        lost.DisqualificationReason = "Tidak memenuhi persyaratan kualifikasi (demo)";
                    }

                    if (reached >= ProcurementStage.Awarded && bids.Count > 0 && !bids.Any(b => b.Status == BidStatus.Valid))
                    {
                        // An award needs a valid bid (the service refuses otherwise): the lowest comes in under the HPS.
                        var lowest = bids.OrderBy(b => b.Amount).First();
                        lowest.Amount = Round(package.Hps!.Value * 0.97m, 1000m);
                        lowest.Status = BidStatus.Valid;
                        lowest.DisqualificationReason = null;
                        lowest.NeedsLargerGuarantee = false;
                    }

                    db.Bids.AddRange(bids);
                }

                var winner = irregularity == LateWinner || irregularity == NearHps ? bids.FirstOrDefault()
                    : bids.Where(b => b.Status == BidStatus.Valid).OrderBy(b => b.Amount).FirstOrDefault();
                if (reached >= ProcurementStage.Awarded && winner is not null)
                {
                    package.SupplierVendorId = null;
                    package.SupplierVendor = winner.Vendor;
                    package.AwardValue = winner.Amount;
                    package.AwardDate = DateOnly.FromDateTime(Wib.FromUtc(steps.First(s => s.Stage == ProcurementStage.Awarded).At).DateTime);
                    package.ContractorCompany = winner.Vendor!.Name;
                }

                if (reached >= ProcurementStage.Contracted && winner is not null)
                {
                    var signedAt = steps.First(s => s.Stage == ProcurementStage.Contracted).At;
                    package.ContractNumber = $"{opdById[package.OpdId].ShortName ?? "OPD"}/{package.Code}/SP/{package.FiscalYear}";
                    package.ContractDate = DateOnly.FromDateTime(Wib.FromUtc(signedAt).DateTime);
                    package.ContractValue = winner.Amount;
                }

                if (gated && (reached >= ProcurementStage.TenderOpen || random.Next(2) == 0))
                {
                    // The pact: prepared before the tender; signed before it opened when it did.
                    var bytes = IntegrityPacts.Draft(package, opdById[package.OpdId]).ToCanonicalJson();
                    var pact = new IntegrityPact { Package = package, Revision = 1, Document = bytes, Sha256 = PactDocument.Sha256Hex(bytes), CreatedAtUtc = Wib.StartOfDayUtc(planned).AddHours(3) };
                    db.IntegrityPacts.Add(pact);
                    if (reached >= ProcurementStage.TenderOpen)
                    {
                        var opd = opdById[package.OpdId];
                        var ppk = Signer($"ppk-{opd.Id}", $"PPK {opd.ShortName ?? opd.Name} (demo)", operatorRole);
                        Sign(db, pact, ppk, PactRole.CommitmentOfficer, opd.Name, null, tenderStart.AddHours(-30));
                        Sign(db, pact, ngo, PactRole.NgoWitness, "Langkat Corruption Watch (demo)", null, tenderStart.AddHours(-26));
                        Sign(db, pact, university, PactRole.UniversityWitness, "Universitas Sumatera Utara (demo)", null, tenderStart.AddHours(-25));
                        foreach (var bid in bids)
                        {
                            var account = Signer($"penyedia-{bid.Vendor!.Code.ToLowerInvariant()}", $"Direktur {bid.Vendor.Name} (demo)", contractorRole);
                            Sign(db, pact, account, PactRole.Bidder, bid.Vendor.Name, bid.Vendor, bid.SubmittedAtUtc.AddHours(-2));
                        }
                    }
                }
            }

            foreach (var vendor in vendors)
            {
                if (signers.TryGetValue($"penyedia-{vendor.Code.ToLowerInvariant()}", out var account))
                {
                    db.VendorUsers.Add(new VendorUser { Vendor = vendor, UserId = account.User.Id });
                }
            }

            var built = started.Elapsed;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Procurement demo: built in {Built} ms, saved in {Saved} ms.", (int)built.TotalMilliseconds, (int)(started.Elapsed - built).TotalMilliseconds);

            // The award names the winning bid, which has an id only now.
            var awarded = await db.ConstructionPackages.Where(p => p.SupplierVendorId != null && p.AwardedBidId == null).ToListAsync(ct);
            var awardedIds = awarded.Select(p => p.Id).ToList();
            var winners = await db.Bids.Where(b => awardedIds.Contains(b.PackageId)).Select(b => new { b.Id, b.PackageId, b.VendorId }).ToListAsync(ct);
            var byPackage = winners.ToLookup(w => w.PackageId);
            foreach (var p in awarded)
            {
                p.AwardedBidId = byPackage[p.Id].First(w => w.VendorId == p.SupplierVendorId).Id;
            }

            db.ChangeTracker.DetectChanges();
            db.AddBulkAudit("ProcurementDemo", $"{{\"packages\":{made},\"bids\":{await db.Bids.CountAsync(ct)}}}");
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audit;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        var stored = started.Elapsed;

        // The demo signatures go to the transparency log like any other.
        while (await pacts.RecordPendingAsync(ct) > 0)
        {
        }

        logger.LogInformation("Procurement demo: stored in {Stored} ms, logged in {Total} ms.", (int)stored.TotalMilliseconds, (int)started.Elapsed.TotalMilliseconds);

        return made;
    }

    private static void Sign(IntegritasDbContext db, IntegrityPact pact, DemoSigner signer, PactRole role, string organisation, Vendor? vendor, DateTime at)
    {
        var signature = signer.Key.TrySign(signer.User.Id, signer.Passphrase, PactDocument.SigningMessage(pact.Sha256))
            ?? throw new InvalidOperationException("A demo key did not open with its own passphrase.");
        db.PactSignatures.Add(new PactSignature
        {
            Pact = pact,
            Role = role,
            UserId = signer.User.Id,
            SignerName = signer.User.DisplayName,
            Organisation = organisation,
            Vendor = vendor,
            SigningKey = signer.Row,
            Sha256 = pact.Sha256,
            Signature = signature,
            SignedAtUtc = at,
        });
    }

    /// <summary>Rounds to a whole multiple of <paramref name="unit"/> (e.g. thousands of rupiah).</summary>
    private static decimal Round(decimal value, decimal unit) => decimal.Round(value / unit) * unit;

    private static ProcurementMethod MethodFor(ProcurementCategory category, decimal value, Random random) => category switch
    {
        ProcurementCategory.Goods when value <= 200_000_000m => random.Next(10) < 6 ? ProcurementMethod.PengadaanLangsung : ProcurementMethod.EPurchasing,
        ProcurementCategory.Goods => random.Next(10) < 3 ? ProcurementMethod.EPurchasing : ProcurementMethod.Tender,
        ProcurementCategory.Consultancy when value <= 100_000_000m => ProcurementMethod.PengadaanLangsung,
        ProcurementCategory.Consultancy => ProcurementMethod.Seleksi,
        _ when value <= 200_000_000m => ProcurementMethod.PengadaanLangsung,
        ProcurementCategory.Construction when random.Next(12) == 0 => ProcurementMethod.PenunjukanLangsung,
        _ => random.Next(10) == 0 ? ProcurementMethod.TenderCepat : ProcurementMethod.Tender,
    };

    private static int Bidders(ProcurementMethod method, Random random) =>
        method is ProcurementMethod.Tender or ProcurementMethod.TenderCepat or ProcurementMethod.Seleksi ? 2 + random.Next(5) : 1;

    private static ProcurementStage Pick((ProcurementStage Stage, int Weight)[] weights, Random random)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (stage, weight) in weights)
        {
            if ((roll -= weight) < 0)
            {
                return stage;
            }
        }

        return weights[^1].Stage;
    }

    /// <summary>Sixty vendors V000101…V000160 (reused when the budget demo made them); the first two share an NPWP.</summary>
    private static async Task<List<Vendor>> VendorsAsync(IntegritasDbContext db, Random random, CancellationToken ct)
    {
        var codes = Enumerable.Range(101, 60).Select(i => $"V{i:000000}").ToList();
        var existing = await db.Vendors.Where(v => codes.Contains(v.Code)).ToDictionaryAsync(v => v.Code, ct);
        var list = new List<Vendor>();
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            if (!existing.TryGetValue(code, out var vendor))
            {
                var name = $"{Prefixes[random.Next(Prefixes.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}";
                vendor = new Vendor
                {
                    Code = code,
                    Name = i == 1 ? $"{name} Dua" : name,
                    TaxNumber = i < 2 ? "01.234.567.8-123.000" : $"{random.Next(10, 99)}.{random.Next(100, 999)}.{random.Next(100, 999)}.{random.Next(0, 9)}-{random.Next(100, 999)}.000",
                    IsSmallBusiness = random.Next(3) > 0,
                };
                db.Vendors.Add(vendor);
            }

            list.Add(vendor);
        }

        return list;
    }
}
