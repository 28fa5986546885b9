using System.Security.Claims;
using Integritas.Core.Procurement;
using Integritas.Core.Signing;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Data.Procurement;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement;

/// <summary>
/// Integrity pacts (issue 6 item 7): a package above the threshold gets a canonical pact document (its facts and the
/// anti-bribery commitments) that the commitment officer, an NGO witness, a university witness and each bidder sign
/// with their passphrase-sealed Ed25519 keys, as performance agreements are signed. Every view checks every signature
/// again; each signature goes to the transparency log.
/// </summary>
public sealed class IntegrityPacts(IntegritasDbContext db, Ui ui, TimeProvider time, ILogger<IntegrityPacts> logger, LedgerSequencer? sequencer = null)
{
    public sealed record SignatureCheck(PactSignature Signature, bool Valid, string Fingerprint);

    /// <summary>How a stored pact stands now.</summary>
    /// <param name="Intact">The stored document still hashes to the hash recorded when it was made.</param>
    /// <param name="Current">It is the package's latest revision and the package's facts still give exactly this document.</param>
    public sealed record Standing(IntegrityPact Pact, PactDocument? Document, bool Intact, bool Current, IReadOnlyList<SignatureCheck> Signatures)
    {
        public IEnumerable<PactRole> ValidRoles => Signatures.Where(s => s.Valid).Select(s => s.Signature.Role);

        public bool ReadyForTender => Intact && Current && ProcurementRules.PactReadyForTender(ValidRoles);
    }

    /// <summary>Who the user may sign a package's pact as, and for which organisation.</summary>
    public sealed record Signer(PactRole Role, string Organisation, int? VendorId, string? VendorCode);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private ProcurementResult<T> Fail<T>(string field, string id, string en)
        where T : class => new(null, new() { [field] = [ui.T(id, en)] });

    /// <summary>The pact document the package's facts give now.</summary>
    public async Task<PactDocument> DraftAsync(ConstructionPackage package, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().Include(o => o.Region).SingleAsync(o => o.Id == package.OpdId, ct);
        return Draft(package, opd);
    }

    /// <summary>The pact document of the package of <paramref name="opd"/> (loaded with its region).</summary>
    public static PactDocument Draft(ConstructionPackage package, Data.Organisation.Opd opd)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(opd);
        var regency = opd.Region is { } r ? (r.Name.StartsWith(r.KindLabel, StringComparison.OrdinalIgnoreCase) ? r.Name : $"{r.KindLabel} {r.Name}") : "";
        return new PactDocument(regency, package.Code, package.Name, opd.Code, opd.Name, package.FiscalYear, package.Method, package.Category,
            package.Hps, package.Pagu, package.Location, PactDocument.StandardCommitments);
    }

    public Task<IntegrityPact?> LatestAsync(int packageId, CancellationToken ct) =>
        db.IntegrityPacts.AsNoTracking().Include(p => p.Signatures).Where(p => p.PackageId == packageId)
            .OrderByDescending(p => p.Revision).FirstOrDefaultAsync(ct);

    /// <summary>Stores the package's pact document as a new revision; refused when the latest revision already says the same.</summary>
    public async Task<ProcurementResult<IntegrityPact>> PrepareAsync(ConstructionPackage package, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (package.Stage is not (ProcurementStage.Planned or ProcurementStage.TenderOpen))
        {
            return Fail<IntegrityPact>("pact", "Pakta disiapkan sebelum penawaran dibuka.", "A pact is prepared before the bids are opened.");
        }

        var latest = await LatestAsync(package.Id, ct);
        var bytes = (await DraftAsync(package, ct)).ToCanonicalJson();
        if (latest is not null && bytes.AsSpan().SequenceEqual(latest.Document))
        {
            return Fail<IntegrityPact>("pact", $"Revisi {latest.Revision} sudah sesuai dengan data paket.", $"Revision {latest.Revision} already matches the package.");
        }

        var pact = new IntegrityPact
        {
            PackageId = package.Id,
            Revision = (latest?.Revision ?? 0) + 1,
            Document = bytes,
            Sha256 = PactDocument.Sha256Hex(bytes),
            CreatedAtUtc = Now,
        };
        db.IntegrityPacts.Add(pact);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Fail<IntegrityPact>("pact", "Revisi baru baru saja dibuat; muat ulang halaman.", "A new revision was just made; reload the page.");
        }

        return new(pact, []);
    }

    /// <summary>Checks a stored pact: its hash, each signature, and whether the package still gives the same document.</summary>
    public async Task<Standing> StandingAsync(IntegrityPact pact, ConstructionPackage package, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var intact = PactDocument.Sha256Hex(pact.Document) == pact.Sha256;
        PactDocument.TryParse(pact.Document, out var document);
        var keyIds = pact.Signatures.Select(s => s.SigningKeyId).ToList();
        var keys = await db.SigningKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var checks = pact.Signatures.OrderBy(s => s.SignedAtUtc).ThenBy(s => s.Id).Select(s =>
        {
            var key = keys.GetValueOrDefault(s.SigningKeyId);
            var valid = intact && key is not null && s.Sha256 == pact.Sha256
                && SealedSigningKey.Verify(key.PublicKey, PactDocument.SigningMessage(pact.Sha256), s.Signature);
            return new SignatureCheck(s, valid, key is null ? "" : SealedSigningKey.Fingerprint(key.PublicKey));
        }).ToList();
        var latest = await db.IntegrityPacts.Where(p => p.PackageId == pact.PackageId).MaxAsync(p => p.Revision, ct);
        var current = latest == pact.Revision && (await DraftAsync(package, ct)).ToCanonicalJson().AsSpan().SequenceEqual(pact.Document);
        return new Standing(pact, document, intact, current, checks);
    }

    /// <summary>Whether the package's current pact has the commitment officer's and both witnesses' valid signatures.</summary>
    public async Task<bool> ReadyForTenderAsync(ConstructionPackage package, CancellationToken ct) =>
        await LatestAsync(package.Id, ct) is { } pact && (await StandingAsync(pact, package, ct)).ReadyForTender;

    /// <summary>Whether the vendor has validly signed the package's current pact.</summary>
    public async Task<bool> BidderSignedAsync(ConstructionPackage package, int vendorId, CancellationToken ct) =>
        await LatestAsync(package.Id, ct) is { } pact
        && (await StandingAsync(pact, package, ct)) is { Intact: true, Current: true } standing
        && standing.Signatures.Any(s => s.Valid && s.Signature.Role == PactRole.Bidder && s.Signature.VendorId == vendorId);

    /// <summary>
    /// The role the user may sign the package's pact in: an OPD operator of the package's OPD as commitment officer, a
    /// Witness with an affiliation as NGO or university witness, a Contractor account linked to a vendor as that bidder.
    /// </summary>
    public async Task<Signer?> SignerAsync(ClaimsPrincipal user, ConstructionPackage package, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        if (user.IsInRole(Roles.OpdOperator) && await db.UserOpdScopes.AnyAsync(s => s.UserId == userId && s.OpdId == package.OpdId, ct))
        {
            var opd = await db.Opds.Where(o => o.Id == package.OpdId).Select(o => o.Name).SingleAsync(ct);
            return new Signer(PactRole.CommitmentOfficer, opd, null, null);
        }

        if (user.IsInRole(Roles.Witness) && await db.WitnessAffiliations.AsNoTracking().SingleOrDefaultAsync(w => w.UserId == userId, ct) is { } affiliation)
        {
            return new Signer(affiliation.Kind == WitnessKind.Ngo ? PactRole.NgoWitness : PactRole.UniversityWitness, affiliation.Organisation, null, null);
        }

        if (user.IsInRole(Roles.Contractor)
            && await db.VendorUsers.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.VendorId).Select(v => v.Vendor!).FirstOrDefaultAsync(ct) is { } vendor)
        {
            return new Signer(PactRole.Bidder, vendor.Name, vendor.Id, vendor.Code);
        }

        return null;
    }

    /// <summary>
    /// Signs the package's latest pact revision. A user without a key gives a new passphrase twice and the key is made
    /// in the same step; a user with a key gives its passphrase.
    /// </summary>
    public async Task<ProcurementResult<PactSignature>> SignAsync(ClaimsPrincipal user, int packageId, string? passphrase, string? newPassphraseRepeat, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var package = await db.ConstructionPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, ct);
        var pact = package is null ? null : await db.IntegrityPacts.Include(p => p.Signatures).Where(p => p.PackageId == packageId)
            .OrderByDescending(p => p.Revision).FirstOrDefaultAsync(ct);
        if (userId is null || package is null || pact is null)
        {
            return Fail<PactSignature>("pact", "Paket ini belum mempunyai pakta integritas.", "This package has no integrity pact yet.");
        }

        var standing = await StandingAsync(pact, package, ct);
        if (!standing.Intact || !standing.Current)
        {
            return Fail<PactSignature>("pact", "Pakta ini tidak lagi sesuai dengan data paket; siapkan revisi baru.", "This pact no longer matches the package; prepare a new revision.");
        }

        if (package.Stage is not (ProcurementStage.Planned or ProcurementStage.TenderOpen))
        {
            return Fail<PactSignature>("pact", "Pakta ditandatangani sebelum penawaran dibuka.", "The pact is signed before the bids are opened.");
        }

        var signer = await SignerAsync(user, package, ct);
        if (signer is null)
        {
            return Fail<PactSignature>("pact", "Hanya PPK OPD paket ini, saksi LSM/perguruan tinggi dan penyedia terdaftar yang dapat menandatangani pakta.",
                "Only the package's commitment officer, NGO/university witnesses and registered bidders can sign the pact.");
        }

        if (pact.Signatures.Any(s => s.UserId == userId || (s.Role == PactRole.CommitmentOfficer && signer.Role == PactRole.CommitmentOfficer)
            || (signer.VendorId is not null && s.VendorId == signer.VendorId)))
        {
            return Fail<PactSignature>("pact", "Pakta ini sudah Anda (atau pihak Anda) tandatangani.", "You (or your party) have already signed this pact.");
        }

        var key = await db.SigningKeys.Where(k => k.UserId == userId && k.RevokedAtUtc == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        var message = PactDocument.SigningMessage(pact.Sha256);
        byte[]? signature;
        if (key is null)
        {
            if (passphrase is null || passphrase.Length < SealedSigningKey.MinPassphraseLength)
            {
                return Fail<PactSignature>("Passphrase", $"Buat frasa sandi tanda tangan minimal {SealedSigningKey.MinPassphraseLength} karakter.",
                    $"Choose a signing passphrase of at least {SealedSigningKey.MinPassphraseLength} characters.");
            }

            if (passphrase != newPassphraseRepeat)
            {
                return Fail<PactSignature>("PassphraseRepeat", "Kedua frasa sandi tidak sama.", "The two passphrases differ.");
            }

            var sealedKey = SealedSigningKey.Create(userId, passphrase);
            key = new SigningKey
            {
                UserId = userId,
                PublicKey = sealedKey.PublicKey,
                Salt = sealedKey.Salt,
                Nonce = sealedKey.Nonce,
                SealedPrivateKey = sealedKey.Ciphertext,
                MemoryKib = sealedKey.MemoryKib,
                Passes = sealedKey.Passes,
                CreatedAtUtc = Now,
            };
            db.SigningKeys.Add(key);
            signature = sealedKey.TrySign(userId, passphrase, message);
        }
        else
        {
            signature = new SealedSigningKey(key.PublicKey, key.Salt, key.Nonce, key.SealedPrivateKey, key.MemoryKib, key.Passes)
                .TrySign(userId, passphrase ?? "", message);
            if (signature is null)
            {
                return Fail<PactSignature>("Passphrase", "Frasa sandi tanda tangan salah.", "Wrong signing passphrase.");
            }
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var signed = new PactSignature
        {
            Pact = pact,
            Role = signer.Role,
            UserId = userId,
            SignerName = name,
            Organisation = signer.Organisation,
            VendorId = signer.VendorId,
            SigningKey = key,
            Sha256 = pact.Sha256,
            Signature = signature!,
            SignedAtUtc = Now,
        };
        db.PactSignatures.Add(signed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Fail<PactSignature>("pact", "Pakta ini baru saja Anda tandatangani; muat ulang halaman.", "You just signed this pact; reload the page.");
        }

        await RecordAsync([(signed, package.Code, signer.VendorCode)], ct);
        return new(signed, []);
    }

    private async Task RecordAsync(IReadOnlyList<(PactSignature Signature, string PackageCode, string? VendorCode)> signatures, CancellationToken ct)
    {
        if (sequencer is null || signatures.Count == 0)
        {
            return;
        }

        try
        {
            var indices = await sequencer.AppendAsync([.. signatures.Select(s => PactDocument.SignatureLogEntry(s.PackageCode, s.Signature.Sha256, s.Signature.Role,
                s.VendorCode, s.Signature.SigningKey!.PublicKey, s.Signature.Signature, new DateTimeOffset(s.Signature.SignedAtUtc, TimeSpan.Zero)))], ct);
            for (var i = 0; i < signatures.Count; i++)
            {
                signatures[i].Signature.LedgerIndex = indices[i];
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "A pact signature is stored but not yet in the transparency log; it will be retried.");
        }
    }

    /// <summary>Records signatures whose entry is not in the log yet. Returns how many were recorded.</summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        if (sequencer is null)
        {
            return 0;
        }

        var pending = await db.PactSignatures.Include(s => s.Pact).ThenInclude(p => p!.Package).Include(s => s.SigningKey).Include(s => s.Vendor)
            .Where(s => s.LedgerIndex == null).OrderBy(s => s.Id).Take(500).ToListAsync(ct);
        await RecordAsync([.. pending.Select(s => (s, s.Pact!.Package!.Code, s.Vendor?.Code))], ct);
        return pending.Count(s => s.LedgerIndex is not null);
    }
}
