using Integritas.Core.Performance;
using Integritas.Core.Signing;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Identity;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The yearly Perjanjian Kinerja (issue 5 item 2): generated from the OPD's plan (its sasaran and program indicators
/// with the year's targets, and the programs' budgets), stored as a canonical document whose SHA-256 the OPD head and
/// the regional head sign with their passphrase-sealed Ed25519 keys. A stored revision never changes; when the plan
/// changes afterwards the agreement shows that it no longer matches, and the OPD generates a new revision to sign.
/// Each signature goes to the transparency log.
/// </summary>
public sealed class Agreements(
    IntegritasDbContext db,
    Ui ui,
    TimeProvider time,
    ILogger<Agreements> logger,
    LedgerSequencer? sequencer = null)
{
    /// <summary>An official who signs for a party, with the account that may sign for them.</summary>
    public sealed record Signatory(int OfficialId, string Name, string? Nip, string Position, string? UserId)
    {
        public Core.Performance.AgreementParty ToParty() => new(Name, Nip, Position);
    }

    /// <summary>How a stored revision stands now.</summary>
    /// <param name="Intact">The stored document still hashes to the hash recorded when it was generated.</param>
    /// <param name="Current">It is the year's latest revision and the plan still gives exactly this document.</param>
    /// <param name="Changes">What differs between the signed document and the plan now (empty when current).</param>
    public sealed record Standing(PerformanceAgreement Agreement, AgreementDocument? Document, bool Intact, bool Current,
        IReadOnlyDictionary<AgreementSide, SignatureCheck> Signatures, IReadOnlyList<string> Changes)
    {
        public bool FullySigned => Signatures.Count == 2 && Signatures.Values.All(s => s.Valid);

        /// <summary>In force: intact, both signatures valid, and the plan has not moved since.</summary>
        public bool InForce => Intact && Current && FullySigned;
    }

    public sealed record SignatureCheck(AgreementSignature Signature, bool Valid, string Fingerprint);

    private DateTimeOffset Now => time.GetUtcNow().ToUniversalTime();

    private static PlanResult<T> Fail<T>(string field, string message)
        where T : class => new(null, new() { [field] = [message] });

    /// <summary>The OPD head (first party) and the regional head at the top of the head's reporting line (second party), as in office today.</summary>
    public async Task<(Signatory? First, Signatory? Second)> PartiesAsync(int opdId, CancellationToken ct)
    {
        var today = HolidayCalendar.WibDate(Now.UtcDateTime);
        var active = db.Officials.AsNoTracking().Where(o => o.ActiveFrom == null || o.ActiveFrom <= today).Where(o => o.ActiveUntil == null || o.ActiveUntil >= today);
        var head = await active.Where(o => o.Position!.OpdId == opdId && o.Position.IsHead)
            .OrderBy(o => o.Id).Select(o => new { Official = o, o.Position!.Title, o.Position.SuperiorId }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return (null, null);
        }

        var first = new Signatory(head.Official.Id, head.Official.Name, head.Official.Nip, head.Title, head.Official.UserId);
        var positions = await db.Positions.AsNoTracking().Select(p => new { p.Id, p.SuperiorId, p.Title }).ToDictionaryAsync(p => p.Id, ct);
        var topId = head.SuperiorId;
        for (var guard = 0; topId is { } id && positions.TryGetValue(id, out var p) && p.SuperiorId is { } up && guard < 50; guard++)
        {
            topId = up;
        }

        if (topId is null)
        {
            return (first, null);
        }

        var top = await active.Where(o => o.PositionId == topId).OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        return (first, top is null ? null : new Signatory(top.Id, top.Name, top.Nip, positions[topId.Value].Title, top.UserId));
    }

    /// <summary>The document the plan gives now for the OPD and year, numbered <paramref name="revision"/>; errors when it cannot be made.</summary>
    public async Task<PlanResult<AgreementDocument>> DraftAsync(int opdId, int year, int revision, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().Include(o => o.Region).SingleOrDefaultAsync(o => o.Id == opdId, ct);
        if (opd is null)
        {
            return Fail<AgreementDocument>("OpdId", ui.T("OPD tidak dikenal.", "Unknown agency."));
        }

        var (first, second) = await PartiesAsync(opdId, ct);
        if (first is null)
        {
            return Fail<AgreementDocument>("FirstParty", ui.T("OPD ini belum mempunyai kepala yang menjabat (atur di halaman OPD).", "This agency has no head in office (set one on the agency page)."));
        }

        if (second is null)
        {
            return Fail<AgreementDocument>("SecondParty", ui.T("Kepala daerah yang menjabat tidak ditemukan di garis atasan kepala OPD.", "No regional head in office was found up the head's reporting line."));
        }

        var period = await Scorecards.PeriodForAsync(db, year, ct);
        if (period is null)
        {
            return Fail<AgreementDocument>("Year", ui.T("Tidak ada periode rencana yang mencakup tahun ini.", "No plan period covers this year."));
        }

        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.OpdId == opdId && n.PeriodId == period.Id).ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => nodeIds.Contains(i.PlanNodeId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => indicatorIds.Contains(t.IndicatorId) && t.Year == year && t.Period == ReportPeriod.Year)
            .ToDictionaryAsync(t => t.IndicatorId, ct);
        var ceilings = await db.BudgetCeilings.AsNoTracking().Where(c => nodeIds.Contains(c.PlanNodeId) && c.Year == year).ToListAsync(ct);

        var order = Scorecards.TreeOrder(nodes);
        var rank = order.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var agreed = indicators
            .Where(i => byId[i.PlanNodeId].Level is PlanLevel.Sasaran or PlanLevel.Program)
            .OrderBy(i => rank[i.PlanNodeId]).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i =>
            {
                var node = byId[i.PlanNodeId];
                targets.TryGetValue(i.Id, out var t);
                return new AgreementTarget(node.Level.ToString().ToLowerInvariant(), node.Code, node.Name, i.Code, i.Name, i.Unit,
                    IndicatorData.PolarityKey(i.Polarity), t is null ? "" : Figures.Invariant(t.Value), t?.Max is { } max ? Figures.Invariant(max) : "");
            }).ToList();
        if (agreed.Count == 0)
        {
            return Fail<AgreementDocument>("Targets", ui.T("Rencana OPD ini belum mempunyai indikator sasaran atau program.", "This agency's plan has no sasaran or program indicators yet."));
        }

        if (agreed.Any(a => a.Target.Length == 0))
        {
            return Fail<AgreementDocument>("Targets", ui.T(
                "Target tahunan belum diisi untuk: " + string.Join(", ", agreed.Where(a => a.Target.Length == 0).Select(a => a.IndicatorCode)),
                "Yearly targets are missing for: " + string.Join(", ", agreed.Where(a => a.Target.Length == 0).Select(a => a.IndicatorCode))));
        }

        // A program's budget is what its sub kegiatan are given; the chain runs program → kegiatan → sub kegiatan.
        long? ProgramOf(long nodeId)
        {
            for (PlanNode? n = byId.GetValueOrDefault(nodeId); n is not null; n = n.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                if (n.Level == PlanLevel.Program)
                {
                    return n.Id;
                }
            }

            return null;
        }

        var budget = ceilings.GroupBy(c => ProgramOf(c.PlanNodeId)).Where(g => g.Key is not null)
            .Select(g => (Program: byId[g.Key!.Value], Pagu: g.Sum(c => c.Pagu))).OrderBy(p => rank[p.Program.Id])
            .Select(p => new AgreementBudget(p.Program.Code, p.Program.Name, AgreementDocument.Rupiah(p.Pagu)))
            .ToList();

        var regency = opd.Region is { } r ? (r.Name.StartsWith(r.KindLabel, StringComparison.OrdinalIgnoreCase) ? r.Name : $"{r.KindLabel} {r.Name}") : "";
        return new(new AgreementDocument(regency, opd.Code, opd.Name, year, revision, first.ToParty(), second.ToParty(), agreed, budget), []);
    }

    public Task<List<PerformanceAgreement>> RevisionsAsync(int opdId, int year, CancellationToken ct) =>
        db.PerformanceAgreements.AsNoTracking().Include(a => a.Signatures)
            .Where(a => a.OpdId == opdId && a.Year == year).OrderByDescending(a => a.Revision).ToListAsync(ct);

    /// <summary>Stores the plan's document as the next revision; refused when the latest revision already says the same.</summary>
    public async Task<PlanResult<PerformanceAgreement>> GenerateAsync(PlanAccess access, int opdId, int year, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.MayWrite(opdId))
        {
            return Fail<PerformanceAgreement>("OpdId", ui.T("Anda hanya dapat menyusun perjanjian kinerja OPD Anda sendiri.", "You can prepare only your own agency's performance agreement."));
        }

        var latest = await db.PerformanceAgreements.AsNoTracking().Where(a => a.OpdId == opdId && a.Year == year)
            .OrderByDescending(a => a.Revision).FirstOrDefaultAsync(ct);
        // The plan's document once: numbered as the latest revision to compare, as the next one to store.
        var plan = await DraftAsync(opdId, year, latest?.Revision ?? 0, ct);
        if (plan.Value is null)
        {
            return new(null, plan.Errors);
        }

        if (latest is not null && plan.Value.ToCanonicalJson().AsSpan().SequenceEqual(latest.Document))
        {
            return Fail<PerformanceAgreement>("Revision", ui.T(
                $"Revisi {latest.Revision} sudah sesuai dengan rencana saat ini; tidak ada yang perlu dibuat ulang.",
                $"Revision {latest.Revision} already matches the current plan; there is nothing to regenerate."));
        }

        var next = plan.Value with { Revision = (latest?.Revision ?? 0) + 1 };
        var bytes = next.ToCanonicalJson();
        var agreement = new PerformanceAgreement
        {
            OpdId = opdId,
            Year = year,
            Revision = next.Revision,
            Document = bytes,
            Sha256 = AgreementDocument.Sha256Hex(bytes),
            CreatedAtUtc = Now,
            CreatedBy = actor,
        };
        db.PerformanceAgreements.Add(agreement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people generating at once: the unique (OPD, year, revision) index lets one win.
            db.ChangeTracker.Clear();
            return Fail<PerformanceAgreement>("Revision", ui.T("Revisi baru baru saja dibuat oleh orang lain; muat ulang halaman.", "Someone else just generated a new revision; reload the page."));
        }

        return new(agreement, []);
    }

    /// <summary>Checks a stored revision: its hash, each signature, and whether the plan still gives the same document.</summary>
    public Task<Standing> StandingAsync(PerformanceAgreement agreement, CancellationToken ct) => StandingAsync(agreement, null, ct);

    /// <summary>
    /// As <see cref="StandingAsync(PerformanceAgreement, CancellationToken)"/>, with the plan's document already drafted
    /// (<see cref="DraftAsync"/>, any revision number) when several revisions of one OPD and year are checked at once.
    /// </summary>
    public async Task<Standing> StandingAsync(PerformanceAgreement agreement, PlanResult<AgreementDocument>? plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var intact = AgreementDocument.Sha256Hex(agreement.Document) == agreement.Sha256;
        AgreementDocument.TryParse(agreement.Document, out var document);
        var keyIds = agreement.Signatures.Select(s => s.SigningKeyId).ToList();
        var keys = await db.SigningKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var checks = agreement.Signatures.ToDictionary(s => s.Party, s =>
        {
            var key = keys.GetValueOrDefault(s.SigningKeyId);
            var valid = intact && key is not null && s.Sha256 == agreement.Sha256
                && SealedSigningKey.Verify(key.PublicKey, AgreementDocument.SigningMessage(agreement.Sha256), s.Signature);
            return new SignatureCheck(s, valid, key is null ? "" : SealedSigningKey.Fingerprint(key.PublicKey));
        });

        var latestRevision = await db.PerformanceAgreements.Where(a => a.OpdId == agreement.OpdId && a.Year == agreement.Year).MaxAsync(a => a.Revision, ct);
        var now = plan?.Value is { } drafted
            ? new PlanResult<AgreementDocument>(drafted with { Revision = agreement.Revision }, [])
            : plan ?? await DraftAsync(agreement.OpdId, agreement.Year, agreement.Revision, ct);
        var current = latestRevision == agreement.Revision && now.Value is not null && now.Value.ToCanonicalJson().AsSpan().SequenceEqual(agreement.Document);
        return new Standing(agreement, document, intact, current, checks, current ? [] : Differences(document, now.Value, now.Errors));
    }

    private List<string> Differences(AgreementDocument? signed, AgreementDocument? now, Dictionary<string, string[]> errors)
    {
        if (now is null)
        {
            return [.. errors.Values.SelectMany(v => v)];
        }

        if (signed is null)
        {
            return [ui.T("Dokumen tersimpan tidak dapat dibaca.", "The stored document cannot be read.")];
        }

        var changes = new List<string>();
        if (signed.FirstParty != now.FirstParty)
        {
            changes.Add(ui.T($"Pihak pertama kini {now.FirstParty.Name}.", $"The first party is now {now.FirstParty.Name}."));
        }

        if (signed.SecondParty != now.SecondParty)
        {
            changes.Add(ui.T($"Pihak kedua kini {now.SecondParty.Name}.", $"The second party is now {now.SecondParty.Name}."));
        }

        var before = signed.Targets.ToDictionary(t => t.IndicatorCode, StringComparer.Ordinal);
        var after = now.Targets.ToDictionary(t => t.IndicatorCode, StringComparer.Ordinal);
        foreach (var t in now.Targets.Where(t => !before.ContainsKey(t.IndicatorCode)))
        {
            changes.Add(ui.T($"Indikator baru {t.IndicatorCode} ({t.IndicatorName}).", $"New indicator {t.IndicatorCode} ({t.IndicatorName})."));
        }

        foreach (var t in signed.Targets.Where(t => !after.ContainsKey(t.IndicatorCode)))
        {
            changes.Add(ui.T($"Indikator {t.IndicatorCode} tidak ada lagi.", $"Indicator {t.IndicatorCode} is gone."));
        }

        foreach (var t in signed.Targets.Where(t => after.TryGetValue(t.IndicatorCode, out var a) && a != t))
        {
            var a = after[t.IndicatorCode];
            changes.Add(a.Target != t.Target || a.TargetMax != t.TargetMax
                ? ui.T($"Target {t.IndicatorCode} berubah dari {Range(t)} menjadi {Range(a)}.", $"The target of {t.IndicatorCode} changed from {Range(t)} to {Range(a)}.")
                : ui.T($"Uraian indikator {t.IndicatorCode} berubah.", $"The description of {t.IndicatorCode} changed."));
        }

        if (!signed.Budget.SequenceEqual(now.Budget))
        {
            changes.Add(ui.T("Anggaran program berubah.", "The programs' budget changed."));
        }

        if (changes.Count == 0 && signed.Revision == now.Revision)
        {
            changes.Add(ui.T("Ada revisi yang lebih baru.", "There is a newer revision."));
        }

        return changes;

        static string Range(AgreementTarget t) => t.TargetMax.Length > 0 ? $"{t.Target}–{t.TargetMax}" : t.Target;
    }

    /// <summary>The signing key the user has now, if any.</summary>
    public Task<SigningKey?> ActiveKeyAsync(string userId, CancellationToken ct) =>
        db.SigningKeys.AsNoTracking().Where(k => k.UserId == userId && k.RevokedAtUtc == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Signs the latest revision for the party the user is the official of. A user without a key gives a new
    /// passphrase twice and the key is made in the same step; a user with a key gives its passphrase.
    /// </summary>
    public async Task<PlanResult<AgreementSignature>> SignAsync(string userId, long agreementId, string? passphrase, string? newPassphraseRepeat, CancellationToken ct)
    {
        var agreement = await db.PerformanceAgreements.Include(a => a.Signatures).Include(a => a.Opd).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return Fail<AgreementSignature>("AgreementId", ui.T("Perjanjian kinerja tidak ditemukan.", "Performance agreement not found."));
        }

        var standing = await StandingAsync(agreement, ct);
        if (!standing.Intact || !standing.Current)
        {
            return Fail<AgreementSignature>("AgreementId", ui.T(
                "Dokumen ini tidak lagi sesuai dengan rencana; buat revisi baru lalu tandatangani revisi itu.",
                "This document no longer matches the plan; generate a new revision and sign that."));
        }

        var (first, second) = await PartiesAsync(agreement.OpdId, ct);
        var party = first?.UserId == userId ? AgreementSide.First
            : second?.UserId == userId ? AgreementSide.Second
            : (AgreementSide?)null;
        if (party is null)
        {
            return Fail<AgreementSignature>("AgreementId", ui.T(
                "Hanya kepala OPD dan kepala daerah yang tercantum dalam dokumen yang dapat menandatanganinya.",
                "Only the agency head and the regional head named in the document can sign it."));
        }

        if (agreement.Signatures.Any(s => s.Party == party))
        {
            return Fail<AgreementSignature>("AgreementId", ui.T("Anda sudah menandatangani revisi ini.", "You have already signed this revision."));
        }

        var signatory = party == AgreementSide.First ? first! : second!;
        var key = await db.SigningKeys.Where(k => k.UserId == userId && k.RevokedAtUtc == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        var message = AgreementDocument.SigningMessage(agreement.Sha256);
        byte[]? signature;
        if (key is null)
        {
            if (passphrase is null || passphrase.Length < SealedSigningKey.MinPassphraseLength)
            {
                return Fail<AgreementSignature>("Passphrase", ui.T(
                    $"Buat frasa sandi tanda tangan minimal {SealedSigningKey.MinPassphraseLength} karakter.",
                    $"Choose a signing passphrase of at least {SealedSigningKey.MinPassphraseLength} characters."));
            }

            if (passphrase != newPassphraseRepeat)
            {
                return Fail<AgreementSignature>("PassphraseRepeat", ui.T("Kedua frasa sandi tidak sama.", "The two passphrases differ."));
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
                return Fail<AgreementSignature>("Passphrase", ui.T("Frasa sandi tanda tangan salah.", "Wrong signing passphrase."));
            }
        }

        var signed = new AgreementSignature
        {
            Agreement = agreement,
            Party = party.Value,
            SigningKey = key,
            OfficialId = signatory.OfficialId,
            SignerName = signatory.Name,
            Sha256 = agreement.Sha256,
            Signature = signature!,
            SignedAtUtc = Now,
        };
        db.AgreementSignatures.Add(signed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Fail<AgreementSignature>("AgreementId", ui.T("Revisi ini baru saja ditandatangani; muat ulang halaman.", "This revision was just signed; reload the page."));
        }

        await RecordAsync([signed], ct);
        return new(signed, []);
    }

    private static byte[] LogEntry(AgreementSignature s) =>
        AgreementDocument.SignatureLogEntry(s.Agreement!.Opd!.Code, s.Agreement.Year, s.Agreement.Revision, s.Sha256,
            s.Party == AgreementSide.First ? "first" : "second", s.SigningKey!.PublicKey, s.Signature, s.SignedAtUtc);

    private async Task RecordAsync(IReadOnlyList<AgreementSignature> signatures, CancellationToken ct)
    {
        if (sequencer is null || signatures.Count == 0)
        {
            return;
        }

        try
        {
            var indices = await sequencer.AppendAsync([.. signatures.Select(LogEntry)], ct);
            for (var i = 0; i < signatures.Count; i++)
            {
                signatures[i].LedgerIndex = indices[i];
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "An agreement signature is stored but not yet in the transparency log; it will be retried.");
        }
    }

    /// <summary>Records signatures whose entry is not in the log yet. Returns how many were recorded.</summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        if (sequencer is null)
        {
            return 0;
        }

        var pending = await db.AgreementSignatures.Include(s => s.Agreement).ThenInclude(a => a!.Opd).Include(s => s.SigningKey)
            .Where(s => s.LedgerIndex == null).OrderBy(s => s.Id).Take(500).ToListAsync(ct);
        await RecordAsync(pending, ct);
        return pending.Count(s => s.LedgerIndex is not null);
    }
}
