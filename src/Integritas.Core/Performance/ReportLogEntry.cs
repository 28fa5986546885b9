using System.Globalization;
using System.Text;

namespace Integritas.Core.Performance;

/// <summary>
/// The transparency-log record of a published quarterly performance report: which OPD, which quarter, and the SHA-256
/// of the published file (the report's CSV), so anyone holding the file can show it is the one published then.
/// </summary>
/// <example><code>
/// integritas.performance/v1
/// opd 1.02.0.00.0.00.01.0000
/// year 2026
/// quarter 3
/// report 118
/// file text/csv sha256:9f86d0…0f00a08
/// at 2026-10-14T03:15:00Z
/// </code></example>
public sealed record ReportLogEntry(string OpdCode, int Year, int Quarter, long ReportId, string FileSha256, DateTimeOffset At)
{
    public const string Header = "integritas.performance/v1";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Format());

    public string Format()
    {
        if (string.IsNullOrEmpty(OpdCode) || OpdCode.Length > 100 || !OpdCode.All(c => c is > ' ' and < (char)127))
        {
            throw new ArgumentException("The OPD code must be a single token.", nameof(OpdCode));
        }

        if (Quarter is < 1 or > 4 || Year is < 2000 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(Quarter), "Year 2000–2999 and quarter 1–4.");
        }

        if (FileSha256.Length != 64 || !FileSha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The file hash must be 64 lower-case hex digits.", nameof(FileSha256));
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            {Header}
            opd {OpdCode}
            year {Year}
            quarter {Quarter}
            report {ReportId}
            file text/csv sha256:{FileSha256}
            at {At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}

            """).ReplaceLineEndings("\n");
    }
}
