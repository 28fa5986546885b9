using System.Security.Cryptography;

namespace Integritas.Core.Rewards;

/// <summary>
/// A reward voucher's code: a purpose prefix and twelve characters of Crockford's base 32 in three groups, the last
/// character a check symbol (mod 37, Crockford's own), e.g. <c>PBB-7K3Q-M9XD-A2F5</c>. Random (55 bits of entropy),
/// so codes cannot be guessed or enumerated; the check symbol catches a mistyped character before the tax office or
/// school asks the server. Reading folds lower case, dashes, spaces and the look-alikes O→0, I/L→1.
/// </summary>
public static class VoucherCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Crockford's check symbols: the 32 digits and <c>*~$=U</c> for 32–36.</summary>
    private const string CheckSymbols = Alphabet + "*~$=U";

    public const int Symbols = 12;

    /// <summary>Purpose prefixes: PBB for the property tax, SKL for school fees.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["PBB", "SKL"];

    /// <summary>A new random code with the given prefix.</summary>
    public static string New(string prefix)
    {
        CheckPrefix(prefix);
        Span<char> body = stackalloc char[Symbols];
        Span<byte> random = stackalloc byte[Symbols - 1];
        do
        {
            // Codes whose check symbol would be one of *~$=U are drawn again: every issued code is letters and digits.
            RandomNumberGenerator.Fill(random);
            for (var i = 0; i < Symbols - 1; i++)
            {
                body[i] = Alphabet[random[i] & 31];
            }

            body[^1] = Check(body[..^1]);
        }
        while (Alphabet.IndexOf(body[^1], StringComparison.Ordinal) < 0);

        return Format(prefix, body);
    }

    /// <summary>Reads a code as a person may type it; false when it is malformed or its check symbol is wrong.</summary>
    public static bool TryNormalize(string? text, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string([.. text.Trim().Where(c => c is not ('-' or ' '))]).ToUpperInvariant();
        var prefix = Prefixes.FirstOrDefault(p => compact.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null || compact.Length != prefix.Length + Symbols)
        {
            return false;
        }

        Span<char> body = stackalloc char[Symbols];
        for (var i = 0; i < Symbols; i++)
        {
            var c = compact[prefix.Length + i] switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            var allowed = i == Symbols - 1 ? CheckSymbols : Alphabet;
            if (allowed.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            body[i] = c;
        }

        if (Check(body[..^1]) != body[^1])
        {
            return false;
        }

        code = Format(prefix, body);
        return true;
    }

    /// <summary>Crockford's check symbol: the value of the symbols as one base-32 number, modulo 37.</summary>
    public static char Check(ReadOnlySpan<char> symbols)
    {
        var remainder = 0;
        foreach (var c in symbols)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not a Crockford base-32 digit.", nameof(symbols));
            }

            remainder = ((remainder * 32) + value) % 37;
        }

        return CheckSymbols[remainder];
    }

    private static void CheckPrefix(string prefix)
    {
        if (!Prefixes.Contains(prefix))
        {
            throw new ArgumentException($"Unknown voucher prefix '{prefix}'.", nameof(prefix));
        }
    }

    private static string Format(string prefix, ReadOnlySpan<char> body) =>
        $"{prefix}-{body[..4]}-{body[4..8]}-{body[8..]}";
}
