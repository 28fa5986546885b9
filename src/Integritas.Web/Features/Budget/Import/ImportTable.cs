using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Integritas.Web.Features.Budget.Import;

/// <summary>A problem with one row (1 is the header; 0 the file as a whole), in both UI languages.</summary>
public sealed record ImportRowError(long Row, string Column, string Id, string En);

/// <summary>The row problems of an import: every one is counted, the first <see cref="Keep"/> are kept to show.</summary>
public sealed class ImportErrors
{
    public const int Keep = 500;

    private readonly List<ImportRowError> kept = [];

    public long Count { get; private set; }

    public IReadOnlyList<ImportRowError> Kept => kept;

    public void Add(long row, string column, string id, string en)
    {
        Count++;
        if (kept.Count < Keep)
        {
            kept.Add(new(row, column, id, en));
        }
    }
}

/// <summary>
/// Reads an import file row by row without holding it: CSV (comma or semicolon, UTF-8 with or without BOM, RFC 4180
/// quoting) or XLSX (the first sheet), told apart by the first bytes. Cells are looked up by the header's column
/// names, so column order does not matter and extra columns are ignored.
/// </summary>
public sealed class ImportTable : IDisposable
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private readonly IEnumerator<string[]> rows;
    private readonly IDisposable? owner;
    private readonly Dictionary<string, int> columns;
    private string[] current = [];

    private ImportTable(IEnumerator<string[]> rows, IDisposable? owner, string[] header, long estimatedRows)
    {
        this.rows = rows;
        this.owner = owner;
        EstimatedRows = estimatedRows;
        columns = [];
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant(), i);
        }
    }

    /// <summary>The row number of the current row as a spreadsheet shows it (the header is row 1).</summary>
    public long Row { get; private set; } = 1;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>About how many data rows a CSV file holds (its size over the mean line length of its start); 0 for XLSX.</summary>
    public long EstimatedRows { get; }

    /// <summary>Opens a seekable <paramref name="stream"/> and reads its header; null with an error when it cannot.</summary>
    public static ImportTable? Open(Stream stream, IReadOnlyList<string> required, ImportErrors errors)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Import files are read from a seekable stream (a file or a buffer).", nameof(stream));
        }

        var head = new byte[1 << 16];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (length == 0)
        {
            errors.Add(0, "", "Berkas kosong.", "The file is empty.");
            return null;
        }

        var whole = stream;
        IEnumerator<string[]> rows;
        IDisposable? owner;
        try
        {
            if (head.AsSpan(0, length).StartsWith(ZipMagic))
            {
                rows = MiniExcel.Query(whole, useHeaderRow: false, excelType: ExcelType.XLSX)
                    .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Cell).ToArray()).GetEnumerator();
                owner = null;
            }
            else if (head.AsSpan(0, length).Contains((byte)0))
            {
                errors.Add(0, "", "Berkas bukan CSV atau XLSX.", "The file is neither CSV nor XLSX.");
                return null;
            }
            else
            {
                var reader = new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    DetectDelimiter = true,
                    DetectDelimiterValues = [",", ";"],
                    BadDataFound = null,
                    IgnoreBlankLines = true,
                });
                rows = Csv(parser).GetEnumerator();
                owner = parser;
            }

            if (!rows.MoveNext() || rows.Current.All(string.IsNullOrWhiteSpace))
            {
                errors.Add(1, "", "Baris pertama harus baris judul kolom.", "The first row must be the column header.");
                return null;
            }
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException or InvalidDataException or InvalidOperationException or IOException)
        {
            errors.Add(0, "", "Berkas tidak dapat dibaca (CSV rusak atau bukan buku kerja Excel).", "The file could not be read (broken CSV or not an Excel workbook).");
            return null;
        }

        var header = rows.Current;
        var lineBreaks = head.AsSpan(0, length).Count((byte)'\n');
        var estimate = owner is null ? 0 : stream.Length * Math.Max(1, lineBreaks) / Math.Max(1, length);
        var table = new ImportTable(rows, owner, header, estimate);
        var missing = required.Where(c => !table.Has(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(1, string.Join(", ", missing), $"Kolom wajib tidak ada. Kolom berkas: {string.Join(",", required)}.",
                $"Required columns are missing. The file's columns: {string.Join(",", required)}.");
            table.Dispose();
            return null;
        }

        return table;
    }

    /// <summary>Moves to the next data row; false at the end. A broken CSV record becomes <see cref="InvalidDataException"/>.</summary>
    public bool Read()
    {
        try
        {
            if (!rows.MoveNext())
            {
                return false;
            }
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
        {
            throw new InvalidDataException($"Row {Row + 1} could not be read.", e);
        }

        Row++;
        current = rows.Current;
        return true;
    }

    /// <summary>The trimmed cell of <paramref name="column"/> in the current row ("" when absent).</summary>
    public string this[string column] => this[Column(column)];

    /// <summary>The position of <paramref name="column"/> in the header, or -1 when the file lacks it.</summary>
    public int Column(string column) => columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The trimmed cell at <paramref name="column"/> (from <see cref="Column"/>) in the current row ("" when absent).</summary>
    public string this[int column] => column >= 0 && column < current.Length ? current[column].Trim() : "";

    /// <summary>True when every cell of the current row is blank (skipped, like a blank line).</summary>
    public bool IsBlank => current.All(string.IsNullOrWhiteSpace);

    public void Dispose()
    {
        rows.Dispose();
        owner?.Dispose();
    }

    private static IEnumerable<string[]> Csv(CsvParser parser)
    {
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
