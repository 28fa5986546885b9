using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Integritas.Data;
using Integritas.Data.Notifications;
using Integritas.Data.Rewards;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Notifications;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Rewards;

/// <summary>
/// Citizens sign in with their mobile number: a six-digit code goes to the number (WhatsApp or SMS, through the
/// notification outbox) and typing it back proves the number. Citizens have their own cookie, apart from staff
/// accounts: signing in as a citizen opens the points page and nothing else.
/// </summary>
public sealed class CitizenSignIn(IntegritasDbContext db, NotificationOutbox outbox, PointsLedger ledger, TimeProvider time,
    IOptions<RewardOptions> options, IOptions<NotificationOptions> notifications, IOptions<IntegritasOptions> integritas, DatabaseInfo database, Ui ui)
{
    public const string Scheme = "Citizen";
    public const string PhoneField = "Phone";
    public const string CodeField = "Code";
    public const string PhoneClaim = "integritas:phone";
    public const string CodeEvent = "citizen.signin_code";

    public sealed record CodeSent(string? Phone, string? ShownCode, Dictionary<string, string[]> Errors);

    public sealed record Verified(CitizenAccount? Account, Dictionary<string, string[]> Errors);

    public static void AddCitizenAuthentication(IServiceCollection services, RewardOptions settings) =>
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "integritas.warga";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(settings.SessionDays);
            o.SlidingExpiration = true;
            o.LoginPath = "/poin/masuk";
            o.AccessDeniedPath = "/poin/masuk";
        });

    /// <summary>The signed-in citizen's account id, or null.</summary>
    public static async Task<long?> AccountIdAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded && long.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    /// <summary>Sends a new code to the number, unless the number has had too many in the last hour.</summary>
    public async Task<CodeSent> SendCodeAsync(string? phoneText, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phoneText) || !ComplaintIntake.TryNormalizePhone(phoneText, out var phone) || phone is null)
        {
            return new CodeSent(null, null, new() { [PhoneField] = [ui.T("Nomor HP tidak valid (contoh: 0812 3456 7890).", "Not a valid mobile number (e.g. 0812 3456 7890).")] });
        }

        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        if (await db.PhoneChallenges.CountAsync(c => c.Phone == phone && c.CreatedAtUtc > hourAgo, ct) >= settings.MaxCodesPerHour)
        {
            return new CodeSent(phone, null, new()
            {
                [PhoneField] = [ui.T($"Sudah {settings.MaxCodesPerHour} kode dikirim ke nomor ini dalam satu jam. Coba lagi nanti.",
                    $"{settings.MaxCodesPerHour} codes were sent to this number in the last hour. Try again later.")],
            });
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var challenge = new PhoneChallenge { Phone = phone, CodeHash = "", CreatedAtUtc = now, ExpiresAtUtc = now.AddMinutes(settings.CodeValidMinutes) };
        db.PhoneChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        challenge.CodeHash = Hash(challenge.Id, code);
        var channel = notifications.Value.CitizenPhoneChannel == NotificationChannel.Sms ? NotificationChannel.Sms : NotificationChannel.WhatsApp;
        outbox.Enqueue(channel, phone, CodeEvent, null,
            $"Kode masuk Integritas: {code}. Berlaku {settings.CodeValidMinutes} menit. Jangan berikan kode ini kepada siapa pun. / Your Integritas sign-in code: {code}.");
        await db.SaveChangesAsync(ct);

        var senderReady = channel == NotificationChannel.Sms ? notifications.Value.Sms.IsConfigured : notifications.Value.WhatsApp.IsConfigured;
        var demo = settings.ShowCodeWithoutSender ?? integritas.Value.SeedDemoData ?? database.Provider == DatabaseProvider.Sqlite;
        return new CodeSent(phone, demo && !senderReady ? code : null, []);
    }

    /// <summary>Checks a code against the number's latest unused code; a success proves the number.</summary>
    public async Task<Verified> VerifyAsync(string? phone, string? code, CancellationToken ct)
    {
        Verified Wrong(string id, string en) => new(null, new() { [CodeField] = [ui.T(id, en)] });
        var now = time.GetUtcNow().UtcDateTime;
        var challenge = phone is null ? null : await db.PhoneChallenges.Where(c => c.Phone == phone && c.UsedAtUtc == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (challenge is null || challenge.ExpiresAtUtc <= now)
        {
            return Wrong("Kode sudah kedaluwarsa. Minta kode baru.", "The code has expired. Ask for a new one.");
        }

        if (challenge.Attempts >= options.Value.MaxCodeAttempts)
        {
            return Wrong("Terlalu banyak kode salah. Minta kode baru.", "Too many wrong codes. Ask for a new one.");
        }

        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(challenge.Id, typed)), Encoding.ASCII.GetBytes(challenge.CodeHash)))
        {
            challenge.Attempts++;
            await db.SaveChangesAsync(ct);
            return Wrong("Kode salah.", "The code is wrong.");
        }

        challenge.UsedAtUtc = now;
        await db.SaveChangesAsync(ct);
        var account = await ledger.AccountForAsync(challenge.Phone, ct);
        account.PhoneVerifiedAtUtc ??= now;
        account.LastSignInAtUtc = now;
        await db.SaveChangesAsync(ct);
        return new Verified(account, []);
    }

    public static ClaimsPrincipal Principal(CitizenAccount account) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(PhoneClaim, account.Phone)],
        Scheme));

    private static string Hash(long challengeId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{challengeId}:{code}")));

    /// <summary>A number shown with most digits hidden: <c>+62 812-****-7890</c>.</summary>
    public static string Masked(string phone) =>
        phone.Length > 8 ? $"{phone[..3]} {phone[3..6]}-****-{phone[^4..]}" : phone;
}
