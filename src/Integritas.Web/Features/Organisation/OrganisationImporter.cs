using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public enum ImportKind
{
    Regions,
    Opds,
    ServiceUnits,
    Officials,
}

public sealed record ImportError(int Line, string Column, string Message);

public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports organisation data from CSV (UTF-8, comma-separated, header row). Every row is validated first; if any row
/// is wrong nothing is written and the errors are reported per line. Rows are matched on their code, so importing
/// the same file twice changes nothing.
/// </summary>
public sealed class OrganisationImporter(IntegritasDbContext db)
{
    public const int MaxRows = 50_000;

    /// <summary>The columns of each format, in order. Documented in docs/import-formats.md.</summary>
    public static readonly IReadOnlyDictionary<ImportKind, string[]> Columns = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Regions] = ["code", "name"],
        [ImportKind.Opds] = ["code", "name", "short_name", "kind", "regency_code", "address", "website"],
        [ImportKind.ServiceUnits] = ["code", "name", "kind", "opd_code", "region_code", "address"],
        [ImportKind.Officials] = ["opd_code", "position_title", "grade", "is_head", "superior_opd_code", "superior_position_title", "name", "nip"],
    };

    /// <summary>
    /// Optional columns. <c>regency_code</c> says which kabupaten/kota an OPD code belongs to; it is needed only when the
    /// database holds several regencies (OPD codes repeat from one regency to the next).
    /// </summary>
    public static readonly IReadOnlyDictionary<ImportKind, string[]> OptionalColumns = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Regions] = [],
        [ImportKind.Opds] = [],
        [ImportKind.ServiceUnits] = ["regency_code"],
        [ImportKind.Officials] = ["regency_code"],
    };

    public async Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default)
    {
        List<Dictionary<string, string>> rows;
        var errors = new List<ImportError>();
        try
        {
            rows = ReadRows(kind, csv, errors);
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException)
        {
            return new ImportResult(0, 0, [new ImportError(0, "", "Berkas CSV tidak dapat dibaca / The CSV file could not be read: " + e.Message)]);
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (created, updated) = kind switch
        {
            ImportKind.Regions => await ImportRegionsAsync(rows, errors, ct),
            ImportKind.Opds => await ImportOpdsAsync(rows, errors, ct),
            ImportKind.ServiceUnits => await ImportUnitsAsync(rows, errors, ct),
            _ => await ImportOfficialsAsync(rows, errors, ct),
        };
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ImportResult(0, 0, errors);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(created, updated, errors);
    }

    private static List<Dictionary<string, string>> ReadRows(ImportKind kind, Stream csv, List<ImportError> errors)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, config);
        if (!parser.Read() || !parser.ReadHeader() || parser.HeaderRecord is null)
        {
            errors.Add(new ImportError(1, "", "Berkas kosong atau tanpa baris judul / The file is empty or has no header row."));
            return [];
        }

        var header = parser.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var expected = Columns[kind];
        var missing = expected.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, string.Join(",", missing),
                $"Kolom wajib tidak ada / Required columns are missing: {string.Join(", ", missing)}. Diharapkan / expected: {string.Join(",", expected)}"));
            return [];
        }

        var rows = new List<Dictionary<string, string>>();
        while (parser.Read())
        {
            if (rows.Count >= MaxRows)
            {
                errors.Add(new ImportError(parser.Parser.Row, "", $"Maksimal {MaxRows} baris per berkas / At most {MaxRows} rows per file."));
                break;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["#line"] = parser.Parser.Row.ToString(CultureInfo.InvariantCulture) };
            foreach (var column in expected)
            {
                row[column] = parser.GetField(Array.IndexOf(header, column))?.Trim() ?? "";
            }

            foreach (var column in OptionalColumns[kind])
            {
                row[column] = Array.IndexOf(header, column) is >= 0 and var index ? parser.GetField(index)?.Trim() ?? "" : "";
            }

            if (row.Where(kv => kv.Key != "#line").All(kv => kv.Value.Length == 0))
            {
                continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static int Line(Dictionary<string, string> row) => int.Parse(row["#line"], CultureInfo.InvariantCulture);

    private static bool Required(Dictionary<string, string> row, string column, int maxLength, List<ImportError> errors)
    {
        if (row[column].Length == 0)
        {
            errors.Add(new ImportError(Line(row), column, "Wajib diisi / Required."));
            return false;
        }

        if (row[column].Length > maxLength)
        {
            errors.Add(new ImportError(Line(row), column, $"Maksimal {maxLength} karakter / At most {maxLength} characters."));
            return false;
        }

        return true;
    }

    private static string? Optional(Dictionary<string, string> row, string column, int maxLength, List<ImportError> errors)
    {
        var value = row[column];
        if (value.Length > maxLength)
        {
            errors.Add(new ImportError(Line(row), column, $"Maksimal {maxLength} karakter / At most {maxLength} characters."));
        }

        return value.Length == 0 ? null : value;
    }

    private static void CheckDuplicates(List<Dictionary<string, string>> rows, Func<Dictionary<string, string>, string> key, string column, List<ImportError> errors)
    {
        foreach (var group in rows.GroupBy(key, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            foreach (var row in group.Skip(1))
            {
                errors.Add(new ImportError(Line(row), column, $"Duplikat dalam berkas / Duplicate in the file: {group.Key}"));
            }
        }
    }

    private async Task<(int, int)> ImportRegionsAsync(List<Dictionary<string, string>> rows, List<ImportError> errors, CancellationToken ct)
    {
        CheckDuplicates(rows, r => r["code"], "code", errors);
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        int created = 0, updated = 0;
        // Parents before children, so a file may hold a kecamatan and its desa in any order.
        foreach (var row in rows.OrderBy(r => r["code"].Length).ThenBy(r => r["code"], StringComparer.Ordinal))
        {
            if (!Required(row, "name", 200, errors))
            {
                continue;
            }

            if (!RegionCode.TryParse(row["code"], out var code))
            {
                errors.Add(new ImportError(Line(row), "code", "Kode wilayah Kemendagri tidak valid (mis. 12.05.01.2001) / Invalid Kemendagri area code (e.g. 12.05.01.2001)."));
                continue;
            }

            Region? parent = null;
            if (code.Value.ParentCode is { } parentCode && !existing.TryGetValue(parentCode, out parent))
            {
                errors.Add(new ImportError(Line(row), "code", $"Wilayah induk {parentCode} belum ada / Parent area {parentCode} does not exist."));
                continue;
            }

            if (existing.TryGetValue(code.Value.Value, out var region))
            {
                if (region.Name != row["name"])
                {
                    region.Name = row["name"];
                    updated++;
                }
            }
            else
            {
                region = new Region { Code = code.Value.Value, Name = row["name"], Level = code.Value.Level, Parent = parent };
                db.Regions.Add(region);
                existing[region.Code] = region;
                created++;
            }
        }

        return (created, updated);
    }

    private async Task<(int, int)> ImportOpdsAsync(List<Dictionary<string, string>> rows, List<ImportError> errors, CancellationToken ct)
    {
        CheckDuplicates(rows, r => r["regency_code"] + "|" + r["code"], "code", errors);
        var regencies = await db.Regions.Where(r => r.Level == RegionLevel.Regency).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        var existing = await db.Opds.ToListAsync(ct);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            var ok = Required(row, "name", 250, errors);
            if (!OpdCode.TryParse(row["code"], out var code, out var codeError))
            {
                errors.Add(new ImportError(Line(row), "code", codeError!));
                ok = false;
            }

            if (!Enum.TryParse<OpdKind>(row["kind"], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add(new ImportError(Line(row), "kind", $"Jenis OPD harus salah satu dari / Kind must be one of: {string.Join(", ", Enum.GetNames<OpdKind>())}"));
                ok = false;
            }

            if (!regencies.TryGetValue(row["regency_code"], out var regency))
            {
                errors.Add(new ImportError(Line(row), "regency_code", $"Kabupaten/kota {row["regency_code"]} tidak dikenal / Unknown regency."));
                ok = false;
            }

            var shortName = Optional(row, "short_name", 50, errors);
            var address = Optional(row, "address", 400, errors);
            var website = Optional(row, "website", 300, errors);
            if (website is not null && !Web.Hosting.WebAddress.IsHttp(website))
            {
                errors.Add(new ImportError(Line(row), "website", "Alamat web harus diawali http:// atau https:// / The website must start with http:// or https://."));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var opd = existing.FirstOrDefault(o => o.RegionId == regency!.Id && o.Code == code!.Value.Value);
            if (opd is null)
            {
                opd = new Opd { Code = code!.Value.Value, Name = row["name"], RegionId = regency!.Id };
                db.Opds.Add(opd);
                existing.Add(opd);
                created++;
            }
            else if (opd.Name != row["name"] || opd.ShortName != shortName || opd.Kind != kind || opd.Address != address || opd.Website != website)
            {
                updated++;
            }

            opd.Name = row["name"];
            opd.ShortName = shortName;
            opd.Kind = kind;
            opd.Address = address;
            opd.Website = website;
        }

        return (created, updated);
    }

    /// <summary>The one OPD a row means: by code, within <c>regency_code</c> when given; an error when unknown or ambiguous.</summary>
    private static Opd? ResolveOpd(List<Opd> opds, Dictionary<string, string> row, string column, List<ImportError> errors)
    {
        var regency = row.GetValueOrDefault("regency_code", "");
        var matches = opds.Where(o => o.Code == row[column] && (regency.Length == 0 || o.Region!.Code == regency)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        errors.Add(new ImportError(Line(row), column, matches.Count == 0
            ? $"OPD {row[column]} tidak dikenal{(regency.Length > 0 ? " di " + regency : "")} / Unknown OPD."
            : $"Kode OPD {row[column]} ada di beberapa kabupaten/kota; isi kolom regency_code / OPD code exists in several regencies: fill in regency_code."));
        return null;
    }

    private async Task<(int, int)> ImportUnitsAsync(List<Dictionary<string, string>> rows, List<ImportError> errors, CancellationToken ct)
    {
        CheckDuplicates(rows, r => r["code"], "code", errors);
        var opds = await db.Opds.Include(o => o.Region).ToListAsync(ct);
        var regions = await db.Regions.Where(r => r.Level >= RegionLevel.District).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        var existing = await db.ServiceUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            var ok = Required(row, "code", 40, errors) & Required(row, "name", 250, errors);
            if (!Enum.TryParse<ServiceUnitKind>(row["kind"], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add(new ImportError(Line(row), "kind", $"Jenis unit harus salah satu dari / Kind must be one of: {string.Join(", ", Enum.GetNames<ServiceUnitKind>())}"));
                ok = false;
            }

            var opd = ResolveOpd(opds, row, "opd_code", errors);
            ok &= opd is not null;

            Region? region = null;
            if (row["region_code"].Length > 0 && !regions.TryGetValue(row["region_code"], out region))
            {
                errors.Add(new ImportError(Line(row), "region_code", $"Kecamatan/desa {row["region_code"]} tidak dikenal / Unknown kecamatan or desa."));
                ok = false;
            }

            var address = Optional(row, "address", 400, errors);
            if (!ok)
            {
                continue;
            }

            if (!existing.TryGetValue(row["code"], out var unit))
            {
                unit = new ServiceUnit { Code = row["code"], Name = row["name"] };
                db.ServiceUnits.Add(unit);
                existing[unit.Code] = unit;
                created++;
            }
            else if (unit.Name != row["name"] || unit.Kind != kind || unit.OpdId != opd!.Id || unit.RegionId != region?.Id || unit.Address != address)
            {
                updated++;
            }

            unit.Name = row["name"];
            unit.Kind = kind;
            unit.OpdId = opd!.Id;
            unit.RegionId = region?.Id;
            unit.Address = address;
        }

        return (created, updated);
    }

    private async Task<(int, int)> ImportOfficialsAsync(List<Dictionary<string, string>> rows, List<ImportError> errors, CancellationToken ct)
    {
        CheckDuplicates(rows, r => r["opd_code"] + "|" + r["position_title"], "position_title", errors);
        CheckDuplicates(rows, r => r["nip"], "nip", errors);
        var opds = await db.Opds.Include(o => o.Region).ToListAsync(ct);
        var positions = await db.Positions.Include(p => p.Opd).ToListAsync(ct);
        var officials = await db.Officials.ToListAsync(ct);
        int created = 0, updated = 0;
        var resolved = new List<(Dictionary<string, string> Row, Position Position)>();
        foreach (var row in rows)
        {
            var ok = Required(row, "position_title", 250, errors) & Required(row, "name", 200, errors);
            var opd = ResolveOpd(opds, row, "opd_code", errors);
            ok &= opd is not null;

            if (row["nip"].Length > 0 && (row["nip"].Length != 18 || !row["nip"].All(char.IsAsciiDigit)))
            {
                errors.Add(new ImportError(Line(row), "nip", "NIP harus 18 digit / The NIP must have 18 digits."));
                ok = false;
            }

            if (row["is_head"].Length > 0 && !bool.TryParse(row["is_head"], out _) && row["is_head"] is not ("ya" or "tidak" or "1" or "0"))
            {
                errors.Add(new ImportError(Line(row), "is_head", "Isi true/false, ya/tidak atau 1/0 / Use true/false, ya/tidak or 1/0."));
                ok = false;
            }

            var grade = Optional(row, "grade", 20, errors);
            if (!ok)
            {
                continue;
            }

            var position = positions.FirstOrDefault(p => p.OpdId == opd!.Id && p.Title == row["position_title"]);
            if (position is null)
            {
                position = new Position { Title = row["position_title"], Opd = opd };
                db.Positions.Add(position);
                positions.Add(position);
            }

            position.Grade = grade;
            position.IsHead = row["is_head"] is "true" or "True" or "TRUE" or "ya" or "1";
            resolved.Add((row, position));
        }

        // Second pass: superiors may be defined anywhere in the file.
        foreach (var (row, position) in resolved)
        {
            if (row["superior_position_title"].Length == 0)
            {
                position.Superior = null;
            }
            else
            {
                var superiorOpdCode = row["superior_opd_code"].Length > 0 ? row["superior_opd_code"] : row["opd_code"];
                // The superior sits in the same regency as the position (a kepala dinas reports to that regency's Sekda).
                var superior = positions.FirstOrDefault(p => p.Opd?.Code == superiorOpdCode && p.Opd.RegionId == position.Opd!.RegionId && p.Title == row["superior_position_title"]);
                if (superior is null || superior == position)
                {
                    errors.Add(new ImportError(Line(row), "superior_position_title", $"Jabatan atasan '{row["superior_position_title"]}' di {superiorOpdCode} tidak ditemukan / Superior position not found."));
                    continue;
                }

                position.Superior = superior;
            }

            var official = row["nip"].Length > 0
                ? officials.FirstOrDefault(o => o.Nip == row["nip"])
                : officials.FirstOrDefault(o => o.ActiveUntil == null && (o.Position == position || (position.Id != 0 && o.PositionId == position.Id)));
            if (official is null)
            {
                official = new Official { Name = row["name"], Nip = row["nip"].Length > 0 ? row["nip"] : null, Position = position };
                db.Officials.Add(official);
                officials.Add(official);
                created++;
            }
            else
            {
                if (official.Name != row["name"] || official.Position != position)
                {
                    updated++;
                }

                official.Name = row["name"];
                official.Position = position;
            }
        }

        // A loop in the reporting line would make every chain walk meaningless.
        foreach (var (row, position) in resolved)
        {
            var seen = new HashSet<Position>();
            for (var p = position; p is not null; p = p.Superior)
            {
                if (!seen.Add(p))
                {
                    errors.Add(new ImportError(Line(row), "superior_position_title", "Garis atasan membentuk lingkaran / The reporting line forms a loop."));
                    break;
                }
            }
        }

        return (created, updated);
    }
}
