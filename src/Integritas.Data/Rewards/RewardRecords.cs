using Integritas.Data.Audit;

namespace Integritas.Data.Rewards;

/// <summary>
/// A citizen's reward account, known by a mobile number. Created when a valid report with that number earns points or
/// when the citizen first signs in; only a signed-in citizen (who proved the number with a one-time code) can spend.
/// </summary>
public class CitizenAccount : IAudited
{
    public long Id { get; set; }

    /// <summary>The mobile number as <c>+62812…</c>.</summary>
    [Redacted]
    public required string Phone { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the citizen first proved the number with a code sent to it.</summary>
    public DateTime? PhoneVerifiedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }
}

/// <summary>A one-time sign-in code sent to a phone. Only a hash of the code is kept.</summary>
public class PhoneChallenge
{
    public long Id { get; set; }

    public required string Phone { get; set; }

    /// <summary>Lower-case hex SHA-256 of the challenge id and the code.</summary>
    public required string CodeHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Wrong codes tried against this challenge.</summary>
    public int Attempts { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}

public enum PointsReason
{
    /// <summary>A report was judged valid.</summary>
    Earned = 1,

    /// <summary>Points turned into a voucher.</summary>
    Redeemed = 2,

    /// <summary>Points of a report taken back (judged not valid after all, a duplicate, or rejected).</summary>
    Reversed = 3,
}

/// <summary>
/// One line of the append-only points ledger: lines are never changed or removed (the database context refuses), each
/// account's lines are numbered 1, 2, 3… without gaps (unique), and each carries the balance after it, so a balance is
/// one read and two concurrent spends cannot both take the same points. A report earns once (unique per report and
/// reason).
/// </summary>
public class PointsEntry
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public CitizenAccount? Account { get; set; }

    /// <summary>1 for the account's first line, then one more for each.</summary>
    public int Sequence { get; set; }

    /// <summary>Points added (positive) or taken (negative).</summary>
    public int Points { get; set; }

    public int BalanceAfter { get; set; }

    public PointsReason Reason { get; set; }

    public long? ComplaintId { get; set; }

    public long? VoucherId { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Who caused the line: a staff user name, or "warga" (the citizen).</summary>
    public string? Actor { get; set; }

    public string? Note { get; set; }
}

public enum VoucherPurpose
{
    /// <summary>Pajak Bumi dan Bangunan (property tax), checked by the regional revenue office.</summary>
    PropertyTax = 1,

    /// <summary>School fees, checked by the school.</summary>
    SchoolFee = 2,
}

/// <summary>Points turned into a voucher with a unique code that the tax office or a school consumes once.</summary>
public class RewardVoucher : IAudited
{
    public long Id { get; set; }

    /// <summary>E.g. <c>PBB-7K3Q-M9XD-A2FD</c> (<see cref="Core.Rewards.VoucherCode"/>).</summary>
    public required string Code { get; set; }

    public long AccountId { get; set; }

    public CitizenAccount? Account { get; set; }

    public VoucherPurpose Purpose { get; set; }

    public int Points { get; set; }

    /// <summary>The voucher's worth in rupiah, fixed when it is issued.</summary>
    public long ValueRupiah { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? ConsumedAtUtc { get; set; }

    /// <summary>The API key of the office that consumed it.</summary>
    public int? ConsumedByKeyId { get; set; }

    /// <summary>What it paid for, as the office records it (a tax object number, a student number).</summary>
    public string? ConsumedReference { get; set; }
}
