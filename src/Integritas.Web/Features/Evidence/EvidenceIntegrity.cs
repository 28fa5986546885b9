using System.Globalization;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

public enum IntegrityState
{
    /// <summary>File hashes, log entry and inclusion proof all agree.</summary>
    Verified,

    /// <summary>Stored, but not yet recorded in the log.</summary>
    Pending,

    /// <summary>Something was changed or removed after upload.</summary>
    Broken,
}

public sealed record IntegrityStatus(long EvidenceId, long? LedgerIndex, IntegrityState State, IReadOnlyList<(string Id, string En)> Problems);

/// <summary>
/// Checks evidence as an outside verifier would: the stored files still hash to the recorded names, the log entry is the
/// one the evidence row implies, and the entry is in the latest signed checkpoint by the same .tlog-proof the public
/// downloads. Any difference is reported with the log index, so a changed file, row, entry or tile is named.
/// </summary>
public sealed class EvidenceIntegrity(IntegritasDbContext db, IBlobStore blobs, LedgerReader ledger, LedgerKeys keys)
{
    public sealed record Subject(EvidenceItem Item, string PackageCode, int MilestoneSequence);

    public async Task<Dictionary<long, IntegrityStatus>> CheckAsync(IReadOnlyList<Subject> subjects, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var indices = subjects.Where(s => s.Item.LedgerIndex is not null).Select(s => s.Item.LedgerIndex!.Value).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => indices.Contains(e.Index))
            .ToDictionaryAsync(e => e.Index, e => e.Data, ct);

        // One checkpoint read and one read of each tile serve every item's proof.
        var proofs = indices.Count == 0 ? null : await ledger.FromStoreAsync(ct);
        var result = new Dictionary<long, IntegrityStatus>();
        foreach (var (item, code, sequence) in subjects)
        {
            var problems = new List<(string, string)>();
            var label = item.LedgerIndex is { } i ? string.Create(CultureInfo.InvariantCulture, $"#{i}") : string.Create(CultureInfo.InvariantCulture, $"(bukti {item.Id})");
            await CheckFileAsync(item.MediaSha256, "Berkas bukti", "The evidence file", label, problems, ct);
            if (item.InvoiceSha256 is not null)
            {
                await CheckFileAsync(item.InvoiceSha256, "Berkas faktur", "The invoice file", label, problems, ct);
            }

            if (item.LedgerIndex is not { } index)
            {
                result[item.Id] = new IntegrityStatus(item.Id, null, problems.Count == 0 ? IntegrityState.Pending : IntegrityState.Broken, problems);
                continue;
            }

            var expected = EvidenceService.EntryFor(item, code, sequence).ToBytes();
            if (!entries.TryGetValue(index, out var stored))
            {
                problems.Add(($"Entri log {label} tidak ditemukan.", $"Log entry {label} is missing."));
            }
            else
            {
                if (!stored.AsSpan().SequenceEqual(expected))
                {
                    problems.Add(($"Entri log {label} tidak sama dengan data bukti ini: data atau entri telah diubah.",
                        $"Log entry {label} does not match this evidence's record: the record or the entry was altered."));
                }

                await CheckInclusionAsync(proofs!, index, stored, label, problems, ct);
            }

            result[item.Id] = new IntegrityStatus(item.Id, index, problems.Count == 0 ? IntegrityState.Verified : IntegrityState.Broken, problems);
        }

        return result;
    }

    private async Task CheckFileAsync(string sha256, string whatId, string whatEn, string label, List<(string, string)> problems, CancellationToken ct)
    {
        switch (await blobs.VerifyAsync(sha256, ct))
        {
            case null:
                problems.Add(($"{whatId} untuk entri {label} hilang dari penyimpanan.", $"{whatEn} of entry {label} is missing from storage."));
                break;
            case false:
                problems.Add(($"{whatId} untuk entri {label} telah diubah: SHA-256-nya tidak lagi {sha256[..12]}…",
                    $"{whatEn} of entry {label} was altered: its SHA-256 is no longer {sha256[..12]}…"));
                break;
        }
    }

    private async Task CheckInclusionAsync(LedgerReader.StoreProofs proofs, long index, byte[] stored, string label, List<(string, string)> problems, CancellationToken ct)
    {
        string? proof;
        try
        {
            proof = await proofs.ProofAsync(index, ct);
        }
        catch (InvalidDataException e)
        {
            problems.Add(($"Bukti inklusi entri {label} tidak dapat dibuat: {e.Message}", $"The inclusion proof of entry {label} cannot be built: {e.Message}"));
            return;
        }

        if (proof is null)
        {
            problems.Add(($"Entri {label} belum termasuk checkpoint terbaru.", $"Entry {label} is not covered by the latest checkpoint."));
            return;
        }

        var check = TlogProofVerification.Verify(System.Text.Encoding.UTF8.GetBytes(proof), stored, keys.Verifier);
        if (!check.IsValid)
        {
            problems.Add(($"Entri {label} tidak terbukti termasuk dalam log bertanda tangan ({check.Message}): entri atau tile telah diubah.",
                $"Entry {label} cannot be proven in the signed log ({check.Message}): the entry or a tile was altered."));
        }
    }
}
