namespace Integritas.Web.Features.Rewards;

/// <summary>The <c>Integritas:Rewards</c> configuration section: what points are worth and how citizens sign in.</summary>
public sealed class RewardOptions
{
    public const string Section = "Integritas:Rewards";

    /// <summary>What one point is worth on a voucher, in rupiah.</summary>
    public long RupiahPerPoint { get; set; } = 1000;

    /// <summary>The fewest points one voucher takes.</summary>
    public int MinimumRedemption { get; set; } = 50;

    /// <summary>How long a voucher can be used after it is issued.</summary>
    public int VoucherValidDays { get; set; } = 365;

    /// <summary>How long a sign-in code sent to a phone works.</summary>
    public int CodeValidMinutes { get; set; } = 10;

    /// <summary>Wrong codes allowed against one sent code before it stops working.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Codes sent to one number in an hour, at most.</summary>
    public int MaxCodesPerHour { get; set; } = 3;

    /// <summary>How long a citizen stays signed in.</summary>
    public int SessionDays { get; set; } = 30;

    /// <summary>
    /// Demo only: when no WhatsApp or SMS sender is configured, show the sign-in code on the page (it is still queued
    /// in the outbox), so the demo's points page can be tried. Default: as <c>Integritas:SeedDemoData</c> (on for the
    /// embedded demo database). Has no effect once a sender is configured; set false where real citizens sign in.
    /// </summary>
    public bool? ShowCodeWithoutSender { get; set; }
}
