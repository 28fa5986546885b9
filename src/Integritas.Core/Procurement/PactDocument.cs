using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Integritas.Core.Procurement;

/// <summary>
/// An integrity pact (pakta integritas) for one procurement package: the package's facts and the anti-bribery
/// commitments everyone taking part signs. Its canonical form is JSON written field by field in a fixed order with
/// money as invariant strings, so the same content always gives the same bytes and SHA-256 — the hash is what each
/// party signs with their Ed25519 key (as the performance agreement, <c>Performance.AgreementDocument</c>).
/// </summary>
public sealed record PactDocument(
    string Regency, string PackageCode, string PackageName, string OpdCode, string OpdName, int FiscalYear,
    ProcurementMethod Method, ProcurementCategory Category, decimal? Hps, decimal? Pagu, string? Location,
    IReadOnlyList<string> Commitments)
{
    public const string Schema = "integritas.pakta-integritas/v1";

    /// <summary>
    /// The commitments of the pact (after the LKPP model of the pakta integritas): no bribery, gratification or
    /// collusion; reporting any attempt; and accepting sanctions.
    /// </summary>
    public static readonly IReadOnlyList<string> StandardCommitments =
    [
        "Tidak akan melakukan praktik korupsi, kolusi, dan nepotisme (KKN) dalam pengadaan paket ini.",
        "Tidak akan memberi, menjanjikan, meminta atau menerima suap, gratifikasi, hadiah atau imbalan dalam bentuk apa pun kepada atau dari siapa pun yang terkait dengan paket ini.",
        "Tidak akan bersekongkol dengan peserta lain atau pihak mana pun untuk mengatur harga atau hasil pemilihan.",
        "Akan melaporkan kepada APIP, aparat penegak hukum atau saluran pengaduan Integritas bila mengetahui atau diminta melakukan hal di atas.",
        "Akan mengikuti proses pengadaan secara bersih, transparan dan profesional sesuai Perpres 16/2018 beserta perubahannya.",
        "Bersedia menerima sanksi administratif, dimasukkan dalam daftar hitam, digugat secara perdata dan/atau dilaporkan secara pidana bila melanggar pakta ini.",
    ];

    /// <summary>The canonical bytes (UTF-8 JSON, no insignificant white space).</summary>
    public byte[] ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("regency", Regency);
            w.WriteStartObject("package");
            w.WriteString("code", PackageCode);
            w.WriteString("name", PackageName);
            w.WriteString("fiscal_year", FiscalYear.ToString(CultureInfo.InvariantCulture));
            w.WriteString("method", ProcurementTerms.Key(Method));
            w.WriteString("category", ProcurementTerms.Key(Category));
            w.WriteString("hps", Money(Hps));
            w.WriteString("pagu", Money(Pagu));
            w.WriteString("location", Location ?? "");
            w.WriteEndObject();
            w.WriteStartObject("opd");
            w.WriteString("code", OpdCode);
            w.WriteString("name", OpdName);
            w.WriteEndObject();
            w.WriteStartArray("commitments");
            foreach (var c in Commitments)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a canonical document back; false for anything that is not one (tampered bytes included).</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out PactDocument? document)
    {
        document = null;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            if (root.GetProperty("schema").GetString() != Schema)
            {
                return false;
            }

            var p = root.GetProperty("package");
            var o = root.GetProperty("opd");
            var method = Enum.GetValues<ProcurementMethod>().Single(m => ProcurementTerms.Key(m) == p.GetProperty("method").GetString());
            var category = Enum.GetValues<ProcurementCategory>().Single(c => ProcurementTerms.Key(c) == p.GetProperty("category").GetString());
            static decimal? ReadMoney(string? s) => string.IsNullOrEmpty(s) ? null : decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var location = p.GetProperty("location").GetString();
            document = new PactDocument(
                root.GetProperty("regency").GetString()!,
                p.GetProperty("code").GetString()!,
                p.GetProperty("name").GetString()!,
                o.GetProperty("code").GetString()!,
                o.GetProperty("name").GetString()!,
                int.Parse(p.GetProperty("fiscal_year").GetString()!, CultureInfo.InvariantCulture),
                method,
                category,
                ReadMoney(p.GetProperty("hps").GetString()),
                ReadMoney(p.GetProperty("pagu").GetString()),
                string.IsNullOrEmpty(location) ? null : location,
                [.. root.GetProperty("commitments").EnumerateArray().Select(c => c.GetString()!)]);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    public static string Sha256Hex(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>What a party signs: <c>integritas.pakta-integritas/v1\nsha256:&lt;hex&gt;\n</c>.</summary>
    public static byte[] SigningMessage(string sha256Hex)
    {
        if (sha256Hex is not { Length: 64 } || !sha256Hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The document hash must be 64 lower-case hex digits.", nameof(sha256Hex));
        }

        return Encoding.UTF8.GetBytes($"{Schema}\nsha256:{sha256Hex}\n");
    }

    /// <summary>
    /// The transparency-log record of a signature: the package, the pact's hash, the signer's role (and the vendor code
    /// for a bidder), the public key and the signature, so it can be checked from the log alone.
    /// </summary>
    public static byte[] SignatureLogEntry(string packageCode, string sha256Hex, PactRole role, string? vendorCode,
        ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, DateTimeOffset at)
    {
        static bool Token(string? s) => !string.IsNullOrEmpty(s) && s.Length <= 100 && s.All(c => c is > ' ' and < (char)127);
        if (!Token(packageCode))
        {
            throw new ArgumentException("The package code must be a single token.", nameof(packageCode));
        }

        if (vendorCode is not null && !Token(vendorCode))
        {
            throw new ArgumentException("The vendor code must be a single token.", nameof(vendorCode));
        }

        SigningMessage(sha256Hex);
        var vendor = vendorCode is null ? "" : $"vendor {vendorCode}\n";
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Schema}\npackage {packageCode}\ndocument sha256:{sha256Hex}\nrole {ProcurementTerms.Key(role)}\n{vendor}key ed25519:{Convert.ToBase64String(publicKey)}\nsignature {Convert.ToBase64String(signature)}\nat {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n"));
    }

    private static string Money(decimal? value) => value is { } v ? decimal.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
