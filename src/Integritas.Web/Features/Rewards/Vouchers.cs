using Integritas.Core.Rewards;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Rewards;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Rewards;

/// <summary>
/// Turns points into vouchers and lets the office a voucher is for check it and consume it exactly once. The voucher
/// and its ledger line are written in one transaction: no voucher without its points spent, no points spent without
/// a voucher.
/// </summary>
public sealed class Vouchers(IntegritasDbContext db, PointsLedger ledger, TimeProvider time, IOptions<RewardOptions> options, Ui ui)
{
    public const string PointsField = "Points";
    public const string PurposeField = "Purpose";
    public const string ReferenceField = "reference";
    public const int MaxReferenceLength = 100;

    public sealed record Redeemed(RewardVoucher? Voucher, Dictionary<string, string[]> Errors);

    public static string PrefixOf(VoucherPurpose purpose) => purpose == VoucherPurpose.PropertyTax ? "PBB" : "SKL";

    /// <summary>The API key scope that may consume vouchers of a purpose.</summary>
    public static string ScopeFor(VoucherPurpose purpose) =>
        purpose == VoucherPurpose.PropertyTax ? ApiKeyScopes.PropertyTaxVouchers : ApiKeyScopes.SchoolFeeVouchers;

    public static string Label(VoucherPurpose purpose, Ui ui) => purpose == VoucherPurpose.PropertyTax
        ? ui.T("Pajak Bumi dan Bangunan (PBB)", "Property tax (PBB)")
        : ui.T("Biaya sekolah", "School fees");

    /// <summary>Spends <paramref name="points"/> of the account on a voucher for <paramref name="purpose"/>.</summary>
    public async Task<Redeemed> RedeemAsync(long accountId, VoucherPurpose? purpose, int? points, CancellationToken ct)
    {
        var settings = options.Value;
        var errors = new Dictionary<string, string[]>();
        if (purpose is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors[PurposeField] = [ui.T("Pilih untuk apa voucher dipakai.", "Choose what the voucher is for.")];
        }

        var balance = await ledger.BalanceAsync(accountId, ct);
        if (points is not { } amount || amount < settings.MinimumRedemption)
        {
            errors[PointsField] = [ui.T($"Paling sedikit {settings.MinimumRedemption} poin.", $"At least {settings.MinimumRedemption} points.")];
        }
        else if (amount > balance)
        {
            errors[PointsField] = [ui.T($"Poin Anda hanya {balance}.", $"You have only {balance} points.")];
        }

        if (errors.Count > 0)
        {
            return new Redeemed(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var voucher = new RewardVoucher
        {
            Code = VoucherCode.New(PrefixOf(purpose!.Value)),
            AccountId = accountId,
            Purpose = purpose.Value,
            Points = points!.Value,
            ValueRupiah = points.Value * settings.RupiahPerPoint,
            IssuedAtUtc = now,
            ExpiresAtUtc = now.AddDays(settings.VoucherValidDays),
        };
        db.RewardVouchers.Add(voucher);
        await db.SaveChangesAsync(ct);
        try
        {
            await ledger.AppendAsync(accountId, -voucher.Points, PointsReason.Redeemed, null, voucher.Id, "warga",
                $"Voucher {voucher.Code}", ct, mayOverdraw: false);
        }
        catch (InsufficientPointsException short_)
        {
            // Spent elsewhere in the meantime: no voucher.
            await transaction.RollbackAsync(ct);
            db.Entry(voucher).State = EntityState.Detached;
            return new Redeemed(null, new() { [PointsField] = [ui.T($"Poin Anda hanya {short_.Balance}.", $"You have only {short_.Balance} points.")] });
        }

        await transaction.CommitAsync(ct);
        return new Redeemed(voucher, errors);
    }

    public Task<List<RewardVoucher>> OfAccountAsync(long accountId, CancellationToken ct) =>
        db.RewardVouchers.AsNoTracking().Where(v => v.AccountId == accountId).OrderByDescending(v => v.IssuedAtUtc).ThenByDescending(v => v.Id).ToListAsync(ct);

    public Task<RewardVoucher?> FindAsync(string code, CancellationToken ct) =>
        db.RewardVouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Code == code, ct);

    public enum ConsumeResult
    {
        Consumed,
        NotFound,
        AlreadyConsumed,
        Expired,
    }

    /// <summary>
    /// Consumes the voucher once: a single conditional update (not consumed yet, not expired), so of two offices
    /// consuming at the same moment exactly one succeeds. Returns the voucher as it stands afterwards.
    /// </summary>
    public async Task<(ConsumeResult Result, RewardVoucher? Voucher)> ConsumeAsync(string code, int keyId, string reference, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.RewardVouchers
            .Where(v => v.Code == code && v.ConsumedAtUtc == null && v.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ConsumedAtUtc, now).SetProperty(v => v.ConsumedByKeyId, keyId).SetProperty(v => v.ConsumedReference, reference), ct);
        if (changed == 1)
        {
            // The audit trail names the voucher, the office's key and what it paid for, in the same transaction.
            db.AddBulkAudit(nameof(RewardVoucher), System.Text.Json.JsonSerializer.Serialize(new { consumed = code, keyId, reference }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var voucher = await FindAsync(code, ct);
        var result = changed == 1 ? ConsumeResult.Consumed
            : voucher is null ? ConsumeResult.NotFound
            : voucher.ConsumedAtUtc is not null ? ConsumeResult.AlreadyConsumed
            : ConsumeResult.Expired;
        return (result, voucher);
    }
}
