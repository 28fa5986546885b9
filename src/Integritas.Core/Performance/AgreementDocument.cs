using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Integritas.Core.Performance;

/// <summary>A party to a performance agreement: the OPD head (first party) or the regional head (second party).</summary>
public sealed record AgreementParty(string Name, string? Nip, string Position);

/// <summary>One target of the agreement: an indicator of a sasaran or program with its yearly target.</summary>
/// <param name="Level">The plan level, as <see cref="PlanLevel"/>'s name in lower case (<c>sasaran</c>, <c>program</c>).</param>
/// <param name="Target">The yearly target (a range's lower bound), as an invariant number; empty when none is set.</param>
/// <param name="TargetMax">A range's upper bound, or empty.</param>
public sealed record AgreementTarget(string Level, string ElementCode, string ElementName, string IndicatorCode, string IndicatorName,
    string Unit, string Polarity, string Target, string TargetMax);

/// <summary>A program's budget in the agreement: the sum of its sub kegiatan's ceilings for the year, in rupiah.</summary>
public sealed record AgreementBudget(string ProgramCode, string ProgramName, string Pagu);

/// <summary>
/// The Perjanjian Kinerja (PermenPAN-RB 53/2014; <c>sakip.md</c>, "The cycle"): an OPD head's yearly agreement with
/// the regional head on the targets of the OPD's sasaran and programs, and the programs' budgets. Its canonical form
/// is a JSON document written field by field in a fixed order with numbers as invariant strings, so the same content
/// always gives the same bytes and the same SHA-256 — the hash is what the parties sign.
/// </summary>
public sealed record AgreementDocument(
    string Regency, string OpdCode, string OpdName, int Year, int Revision,
    AgreementParty FirstParty, AgreementParty SecondParty,
    IReadOnlyList<AgreementTarget> Targets, IReadOnlyList<AgreementBudget> Budget)
{
    public const string Schema = "integritas.perjanjian-kinerja/v1";

    /// <summary>The document's canonical bytes (UTF-8 JSON, no insignificant white space).</summary>
    public byte[] ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("regency", Regency);
            w.WriteStartObject("opd");
            w.WriteString("code", OpdCode);
            w.WriteString("name", OpdName);
            w.WriteEndObject();
            w.WriteNumber("year", Year);
            w.WriteNumber("revision", Revision);
            WriteParty(w, "first_party", FirstParty);
            WriteParty(w, "second_party", SecondParty);
            w.WriteStartArray("targets");
            foreach (var t in Targets)
            {
                w.WriteStartObject();
                w.WriteString("level", t.Level);
                w.WriteString("element_code", t.ElementCode);
                w.WriteString("element_name", t.ElementName);
                w.WriteString("indicator_code", t.IndicatorCode);
                w.WriteString("indicator_name", t.IndicatorName);
                w.WriteString("unit", t.Unit);
                w.WriteString("polarity", t.Polarity);
                w.WriteString("target", t.Target);
                w.WriteString("target_max", t.TargetMax);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("budget");
            foreach (var b in Budget)
            {
                w.WriteStartObject();
                w.WriteString("program_code", b.ProgramCode);
                w.WriteString("program_name", b.ProgramName);
                w.WriteString("pagu", b.Pagu);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteParty(Utf8JsonWriter w, string name, AgreementParty party)
    {
        w.WriteStartObject(name);
        w.WriteString("name", party.Name);
        w.WriteString("nip", party.Nip ?? "");
        w.WriteString("position", party.Position);
        w.WriteEndObject();
    }

    /// <summary>Reads a canonical document back; false (never an exception) for anything that is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out AgreementDocument? document)
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

            static AgreementParty Party(JsonElement e) =>
                new(e.GetProperty("name").GetString()!, e.GetProperty("nip").GetString() is { Length: > 0 } nip ? nip : null, e.GetProperty("position").GetString()!);
            static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

            var opd = root.GetProperty("opd");
            document = new AgreementDocument(
                S(root, "regency"), S(opd, "code"), S(opd, "name"), root.GetProperty("year").GetInt32(), root.GetProperty("revision").GetInt32(),
                Party(root.GetProperty("first_party")), Party(root.GetProperty("second_party")),
                [.. root.GetProperty("targets").EnumerateArray().Select(t => new AgreementTarget(S(t, "level"), S(t, "element_code"), S(t, "element_name"),
                    S(t, "indicator_code"), S(t, "indicator_name"), S(t, "unit"), S(t, "polarity"), S(t, "target"), S(t, "target_max")))],
                [.. root.GetProperty("budget").EnumerateArray().Select(b => new AgreementBudget(S(b, "program_code"), S(b, "program_name"), S(b, "pagu")))]);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            return false;
        }
    }

    /// <summary>The lower-case hex SHA-256 of canonical bytes.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>
    /// What a party signs: the schema and the document's hash, <c>integritas.perjanjian-kinerja/v1\nsha256:&lt;hex&gt;\n</c>.
    /// Signing the hash rather than the bytes lets anyone check a signature with the downloaded document and a
    /// standard SHA-256 and Ed25519 tool; the schema line keeps the signature from being read as anything else.
    /// </summary>
    public static byte[] SigningMessage(string sha256Hex)
    {
        if (sha256Hex is not { Length: 64 } || !sha256Hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The document hash must be 64 lower-case hex digits.", nameof(sha256Hex));
        }

        return Encoding.UTF8.GetBytes($"{Schema}\nsha256:{sha256Hex}\n");
    }

    /// <summary>
    /// The transparency-log record of a signature: which agreement (OPD, year, revision), the document hash, the party,
    /// the public key and the signature, so the signature can be checked from the log alone and cannot quietly vanish.
    /// </summary>
    public static byte[] SignatureLogEntry(string opdCode, int year, int revision, string sha256Hex, string party,
        ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(opdCode) || opdCode.Length > 100 || !opdCode.All(c => c is > ' ' and < (char)127))
        {
            throw new ArgumentException("The OPD code must be a single token.", nameof(opdCode));
        }

        if (party is not ("first" or "second"))
        {
            throw new ArgumentException("The party is 'first' or 'second'.", nameof(party));
        }

        SigningMessage(sha256Hex);
        return Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Schema}\nopd {opdCode}\nyear {year}\nrevision {revision}\ndocument sha256:{sha256Hex}\nparty {party}\nkey ed25519:{Convert.ToBase64String(publicKey)}\nsignature {Convert.ToBase64String(signature)}\nat {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n"));
    }

    /// <summary>The sum of a program's ceilings as the document writes money: whole rupiah, invariant.</summary>
    public static string Rupiah(decimal value) => Figures.Invariant(decimal.Round(value, 2));
}
