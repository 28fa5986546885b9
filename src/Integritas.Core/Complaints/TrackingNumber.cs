using System.Security.Cryptography;

namespace Integritas.Core.Complaints;

/// <summary>
/// A report's public tracking number (also its Open311 <c>service_request_id</c>): eight characters of Crockford's
/// base 32 in two groups, e.g. <c>K7Q3-M9XD</c>. Random, so numbers reveal neither volume nor order, and short enough
/// to read out over the phone or type from a WhatsApp message; Crockford's alphabet has no I, L, O or U, and reading
/// folds those look-alikes (and lower case) back.
/// </summary>
public static class TrackingNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 9;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        for (int i = 0, j = 0; i < Length; i++)
        {
            chars[i] = i == 4 ? '-' : Alphabet[random[j++] & 31];
        }

        return new string(chars);
    }

    /// <summary>Reads a number as a person may type it (lower case, without the dash, O for 0, I/L for 1).</summary>
    public static bool TryNormalize(string? text, out string number)
    {
        number = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> chars = stackalloc char[8];
        var n = 0;
        foreach (var raw in text.Trim())
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (n == 8 || Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            chars[n++] = c;
        }

        if (n != 8)
        {
            return false;
        }

        number = string.Concat(chars[..4], "-", chars[4..]);
        return true;
    }
}
