using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Integritas.Core.Performance;
using Integritas.Web.Hosting;
using MiniExcelLibs;

namespace Integritas.Web.Features.Performance;

/// <summary>What an import file holds (issue 5 item 9).</summary>
public enum PlanImportKind
{
    Indicators = 1,
    Targets = 2,
    Realisations = 3,
}

/// <summary>A problem with an import file: the row as the user sees it (1 is the header, 0 the file as a whole), the column, what is wrong.</summary>
public sealed record PlanImportError(int Row, string Column, string Message);

/// <summary>A data row of an import file: its row number as a spreadsheet shows it, and its cells by (lower-case) column.</summary>
public sealed record PlanImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.GetValueOrDefault(column) ?? "";
}

/// <summary>
/// The import templates and how their files are read: CSV (comma or semicolon, UTF-8) or XLSX (the first sheet),
/// told apart by the file's first bytes rather than its name. A file that cannot be read becomes an error, never an
/// exception; its size and row count are limited.
/// </summary>
public static class PlanImportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 10_000;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The columns of each template, in order.</summary>
    public static readonly IReadOnlyDictionary<PlanImportKind, string[]> Columns = new Dictionary<PlanImportKind, string[]>
    {
        [PlanImportKind.Indicators] = ["opd_code", "level", "element_code", "element_name", "parent_code", "indicator_code", "indicator_name", "kind", "iku", "unit",
            "polarity", "range_direction", "baseline", "quarter_mode", "formula", "data_source"],
        [PlanImportKind.Targets] = ["opd_code", "element_code", "indicator_code", "year", "period", "target", "target_max"],
        [PlanImportKind.Realisations] = ["opd_code", "year", "quarter", "element_code", "indicator_code", "value", "year_value", "problems", "actions", "sub_kegiatan_code", "spent"],
    };

    /// <summary>Columns a file must have; the others may be left out (they read as empty).</summary>
    public static readonly IReadOnlyDictionary<PlanImportKind, string[]> RequiredColumns = new Dictionary<PlanImportKind, string[]>
    {
        [PlanImportKind.Indicators] = ["opd_code", "level", "element_code", "element_name", "parent_code", "indicator_code"],
        [PlanImportKind.Targets] = ["opd_code", "indicator_code", "year", "period", "target"],
        [PlanImportKind.Realisations] = ["opd_code", "year", "quarter", "indicator_code", "value"],
    };

    /// <summary>What each column means (Indonesian, English), for the template's notes sheet and the page.</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string En)> Notes = new Dictionary<string, (string, string)>
    {
        ["opd_code"] = ("Kode OPD (harus OPD yang dipilih).", "The agency's code (must be the chosen agency)."),
        ["level"] = ("tujuan, sasaran, program, kegiatan atau sub_kegiatan.", "tujuan, sasaran, program, kegiatan or sub_kegiatan."),
        ["element_code"] = ("Kode elemen rencana: kode sendiri untuk tujuan/sasaran (T1, S1.2), kode Permendagri 90/2019 untuk program (1.02.02), kegiatan (1.02.02.2.01), sub kegiatan (1.02.02.2.01.0001). Pada target dan realisasi: hanya bila kode indikator dipakai di beberapa elemen.",
            "Plan element code: own code for tujuan/sasaran (T1, S1.2), Permendagri 90/2019 code for program (1.02.02), kegiatan (1.02.02.2.01), sub kegiatan (1.02.02.2.01.0001). In targets and realisations: only when an indicator code is used on several elements."),
        ["element_name"] = ("Nama elemen rencana (dibuat bila belum ada).", "Name of the plan element (created when missing)."),
        ["parent_code"] = ("Kode induk elemen (kosong untuk tujuan).", "The element's parent code (empty for a tujuan)."),
        ["indicator_code"] = ("Kode indikator (huruf, angka, titik, tanda hubung). Kosong: baris hanya elemen rencana.", "Indicator code (letters, digits, dots, dashes). Empty: the row is a plan element only."),
        ["indicator_name"] = ("Nama indikator.", "Indicator name."),
        ["kind"] = ("output atau outcome.", "output or outcome."),
        ["iku"] = ("ya/tidak (atau 1/0): indikator kinerja utama.", "ya/tidak (or 1/0): key performance indicator."),
        ["unit"] = ("Satuan (%, ton, orang).", "Unit (%, tonnes, people)."),
        ["polarity"] = ("higher (makin tinggi makin baik), lower (makin rendah makin baik) atau range (rentang).", "higher, lower or range."),
        ["range_direction"] = ("Untuk rentang: higher atau lower (arah yang lebih baik di luar rentang).", "For a range: higher or lower (which way is better outside it)."),
        ["baseline"] = ("Nilai awal; titik atau koma desimal.", "Baseline; dot or comma decimals."),
        ["quarter_mode"] = ("cumulative (kumulatif) atau per_quarter (per triwulan).", "cumulative or per_quarter."),
        ["formula"] = ("Cara menghitung.", "How it is computed."),
        ["data_source"] = ("Sumber data.", "Data source."),
        ["year"] = ("Tahun (mis. 2026).", "Year (e.g. 2026)."),
        ["period"] = ("Q1, Q2, Q3, Q4 atau Y (tahunan).", "Q1, Q2, Q3, Q4 or Y (the year)."),
        ["target"] = ("Target (batas bawah untuk rentang).", "Target (lower bound for a range)."),
        ["target_max"] = ("Batas atas, hanya untuk indikator rentang.", "Upper bound, for range indicators only."),
        ["quarter"] = ("Triwulan 1 sampai 4.", "Quarter 1 to 4."),
        ["value"] = ("Realisasi triwulan.", "The quarter's realisation."),
        ["year_value"] = ("Realisasi tahunan, hanya triwulan 4 dan indikator per triwulan.", "Annual realisation, fourth quarter and per-quarter indicators only."),
        ["problems"] = ("Kendala.", "Problems met."),
        ["actions"] = ("Upaya / tindak lanjut.", "Actions taken."),
        ["sub_kegiatan_code"] = ("Baris anggaran: kode sub kegiatan (indicator_code kosong).", "Budget row: sub kegiatan code (indicator_code empty)."),
        ["spent"] = ("Baris anggaran: realisasi belanja tahun berjalan s.d. triwulan ini, rupiah (1.250.000).", "Budget row: spending so far this year, rupiah (1250000)."),
    };

    /// <summary>Columns whose values a workbook stores as numbers.</summary>
    private static readonly HashSet<string> NumberColumns = ["baseline", "year", "quarter", "target", "target_max", "value", "year_value", "spent"];

    public static bool IsXlsx(ReadOnlySpan<byte> head) => head.StartsWith(ZipMagic);

    /// <summary>The data rows of a file, or errors (then no rows).</summary>
    public static async Task<List<PlanImportRow>> ReadAsync(Stream file, PlanImportKind kind, Ui ui, List<PlanImportError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(ui);
        ArgumentNullException.ThrowIfNull(errors);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                errors.Add(new(0, "", ui.T($"Berkas lebih dari {MaxBytes / 1024 / 1024} MB. Bagi menjadi beberapa berkas.", $"The file is larger than {MaxBytes / 1024 / 1024} MB. Split it into several files.")));
                return [];
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            errors.Add(new(0, "", ui.T("Berkas kosong.", "The file is empty.")));
            return [];
        }

        buffer.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        List<string[]> table;
        if (IsXlsx(bytes))
        {
            try
            {
                table = [.. MiniExcel.Query(buffer, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                    .Take(MaxRows + 2).Select(r => r.Values.Select(Cell).ToArray())];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(new(0, "", ui.T("Berkas XLSX tidak dapat dibaca (rusak atau bukan buku kerja Excel).", "The XLSX file could not be read (damaged or not an Excel workbook).")));
                return [];
            }
        }
        else if (bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
        {
            errors.Add(new(0, "", ui.T("Berkas bukan CSV atau XLSX.", "The file is neither CSV nor XLSX.")));
            return [];
        }
        else
        {
            try
            {
                table = ReadCsv(buffer);
            }
            catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
            {
                errors.Add(new(0, "", ui.T("Berkas CSV tidak dapat dibaca (periksa tanda kutip dan pemisah kolom).", "The CSV file could not be read (check its quotes and separators).")));
                return [];
            }
        }

        return Rows(table, kind, ui, errors);
    }

    private static List<string[]> ReadCsv(Stream stream)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvParser(reader, config);
        var table = new List<string[]>();
        while (csv.Read() && table.Count < MaxRows + 2)
        {
            table.Add([.. csv.Record ?? []]);
        }

        return table;
    }

    /// <summary>Header row first; row numbers count from it as 1, the way a spreadsheet shows them.</summary>
    private static List<PlanImportRow> Rows(List<string[]> table, PlanImportKind kind, Ui ui, List<PlanImportError> errors)
    {
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(1, "", ui.T("Baris pertama harus baris judul kolom.", "The first row must be the column header.")));
            return [];
        }

        var header = table[0].Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = RequiredColumns[kind].Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(1, string.Join(", ", missing), ui.T($"Kolom wajib tidak ada. Gunakan templat: {string.Join(",", Columns[kind])}.",
                $"Required columns are missing. Use the template: {string.Join(",", Columns[kind])}.")));
            return [];
        }

        if (table.Count > MaxRows + 1)
        {
            errors.Add(new(0, "", ui.T($"Paling banyak {MaxRows} baris data per berkas.", $"At most {MaxRows} data rows per file.")));
            return [];
        }

        var known = Columns[kind].ToHashSet();
        var rows = new List<PlanImportRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length && c < table[i].Length; c++)
            {
                if (known.Contains(header[c]) && !cells.ContainsKey(header[c]))
                {
                    cells[header[c]] = table[i][c].Trim();
                }
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add(new PlanImportRow(i + 1, cells));
            }
        }

        if (rows.Count == 0)
        {
            errors.Add(new(0, "", ui.T("Berkas tidak berisi baris data.", "The file holds no data rows.")));
        }

        return rows;
    }

    /// <summary>A workbook cell as the text a CSV would hold: numbers with a dot decimal sign, no exponent.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when double.IsFinite(d) && Math.Abs(d) < 1e15 => Figures.Invariant((decimal)d),
        float f when float.IsFinite(f) && Math.Abs(f) < 1e15 => Figures.Invariant((decimal)f),
        decimal m => Figures.Invariant(m),
        bool b => b ? "1" : "0",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A CSV of the kind's columns (UTF-8 with a byte-order mark, so spreadsheet programs read it right).</summary>
    public static byte[] Csv(PlanImportKind kind, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var column in Columns[kind])
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in Columns[kind])
                {
                    csv.WriteField(row.GetValueOrDefault(column) ?? "");
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>A workbook: the rows on the first sheet (numbers as numbers), what the columns mean on the second.</summary>
    public static async Task<byte[]> XlsxAsync(PlanImportKind kind, IEnumerable<IReadOnlyDictionary<string, string>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = rows.Select(row => Columns[kind].ToDictionary(c => c, c => ValueOf(c, row.GetValueOrDefault(c) ?? ""))).ToList();
        if (data.Count == 0)
        {
            // A sheet takes its header from the first row: an empty one keeps the header in place.
            data.Add(Columns[kind].ToDictionary(c => c, _ => (object?)null));
        }

        var notes = Columns[kind].Select(c => new Dictionary<string, object?>
        {
            ["kolom / column"] = c,
            ["wajib / required"] = RequiredColumns[kind].Contains(c) ? "ya / yes" : "tidak / no",
            ["keterangan"] = Notes[c].Id,
            ["description"] = Notes[c].En,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["data"] = data, ["petunjuk"] = notes }, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    private static object? ValueOf(string column, string text) =>
        text.Length == 0 ? null
        : NumberColumns.Contains(column) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number
        : text;
}
