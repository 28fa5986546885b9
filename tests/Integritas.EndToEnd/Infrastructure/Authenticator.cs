using OtpNet;

namespace Integritas.EndToEnd.Infrastructure;

/// <summary>Plays the user's authenticator app: RFC 6238 codes (SHA-1, 30 s, 6 digits) like Google Authenticator.</summary>
public static class Authenticator
{
    public static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(Normalise(base32Key))).ComputeTotp();

    /// <summary>A six-digit code that is certainly wrong: none of the codes ASP.NET Core Identity accepts (±90 s) right now.</summary>
    public static string WrongCode(string base32Key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(Normalise(base32Key)));
        var now = DateTime.UtcNow;
        var accepted = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(now.AddSeconds(step * 30))).ToHashSet();
        var candidate = (int.Parse(totp.ComputeTotp(now), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000;
        while (accepted.Contains(candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
        {
            candidate = (candidate + 1) % 1_000_000;
        }

        return candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The key as shown to people ("abcd efgh ...") back to Base32.</summary>
    public static string Normalise(string key) => key.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
