using System.Globalization;
using System.Text.Json;
using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record PlanImportResult(IReadOnlyList<PlanImportError> Errors, int Created = 0, int Updated = 0, int Unchanged = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>An import into one OPD's plan: the year picks the plan period (indicators) and labels the export; late says the operator knows a quarter is past its due date.</summary>
public sealed record PlanImportRequest(PlanImportKind Kind, int OpdId, int Year, bool Late = false, string? LateReason = null);

/// <summary>
/// Imports an OPD's indicators (with the plan elements they sit on), targets, and quarterly realisations from the
/// templates (issue 5 item 9). Every row goes through the checks of <see cref="Planning"/> and <see cref="Reporting"/>
/// and all the problems are reported by row and column; if there is any, nothing is written. Otherwise everything is
/// written in one transaction, with the audit trail. Rows are matched on their codes and rows equal to what is stored
/// are left alone, so importing the same file again changes nothing.
/// </summary>
public sealed partial class PlanImport(IntegritasDbContext db, Ui ui, Planning planning, Reporting reporting)
{
    private sealed class Tally
    {
        public int Created;
        public int Updated;
        public int Unchanged;

        /// <summary>Counts a row: created (true), updated (false) or left as it was (null).</summary>
        public void Count(bool? created)
        {
            if (created is null)
            {
                Unchanged++;
            }
            else if (created.Value)
            {
                Created++;
            }
            else
            {
                Updated++;
            }
        }
    }

    public async Task<PlanImportResult> ImportAsync(PlanAccess access, PlanImportRequest request, Stream file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(request);
        if (!access.MayWrite(request.OpdId))
        {
            return new([new(0, "opd_code", ui.T("Anda hanya dapat mengimpor data OPD Anda sendiri.", "You can import only your own agency's data."))]);
        }

        if (!Enum.IsDefined(request.Kind))
        {
            return new([new(0, "", ui.T("Pilih jenis data.", "Choose the kind of data."))]);
        }

        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OpdId, ct);
        if (opd is null)
        {
            return new([new(0, "opd_code", ui.T("OPD tidak dikenal.", "Unknown agency."))]);
        }

        var errors = new List<PlanImportError>();
        var read = await PlanImportFile.ReadAsync(file, request.Kind, ui, errors, ct);
        if (errors.Count > 0)
        {
            return new(errors);
        }

        // Another OPD's rows are refused; the rest are still checked, so the user sees every problem at once.
        var rows = new List<PlanImportRow>();
        foreach (var row in read)
        {
            if (string.Equals(row["opd_code"], opd.Code, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
            else
            {
                errors.Add(new(row.Number, "opd_code", ui.T($"Baris ini bukan untuk OPD yang dipilih ({opd.Code}).", $"This row is not for the chosen agency ({opd.Code}).")));
            }
        }

        var tally = new Tally();
        string? note = null;
        switch (request.Kind)
        {
            case PlanImportKind.Indicators:
                await StageIndicatorsAsync(opd, request.Year, rows, errors, tally, ct);
                break;
            case PlanImportKind.Targets:
                await StageTargetsAsync(opd, rows, errors, tally, ct);
                break;
            default:
                note = await StageRealisationsAsync(opd, request, rows, errors, tally, ct);
                break;
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            // In the order the user reads the file: by row, then by column as the template orders them.
            var columns = PlanImportFile.Columns[request.Kind];
            return new([.. errors.OrderBy(e => e.Row).ThenBy(e => Array.IndexOf(columns, e.Column))]);
        }

        if (tally.Created + tally.Updated > 0)
        {
            // One line for the import as a whole beside the rows' own audit entries: who imported what, and why late.
            db.AddBulkAudit($"PlanImport.{request.Kind}", JsonSerializer.Serialize(new
            {
                opd = opd.Code,
                rows = read.Count,
                created = tally.Created,
                updated = tally.Updated,
                unchanged = tally.Unchanged,
                lateReason = note,
            }));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone changed the same plan or report between our checks and our write.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new([new(0, "", ui.T("Data ini baru saja diubah orang lain. Tidak ada yang disimpan; impor ulang berkasnya.",
                    "Someone changed this data just now. Nothing was saved; import the file again."))]);
            }
        }

        return new([], tally.Created, tally.Updated, tally.Unchanged);
    }

    private static void Error(List<PlanImportError> errors, PlanImportRow row, string column, string message) => errors.Add(new(row.Number, column, message));

    private string Required(string column) => ui.T($"Kolom {column} wajib diisi.", $"Column {column} is required.");

    private string NotANumber(string text) => ui.T($"'{text}' bukan angka. Tulis angka saja, mis. 12,5 atau 12.5.", $"'{text}' is not a number. Write a number only, e.g. 12.5.");

    private string Duplicate(int first) => ui.T($"Baris ganda: data yang sama sudah ada di baris {first}.", $"Duplicate row: the same data is already in row {first}.");

    /// <summary>A number cell: null when empty; false when it is not a number (an error is added).</summary>
    private bool TryNumber(List<PlanImportError> errors, PlanImportRow row, string column, out decimal? value)
    {
        value = null;
        var text = row[column];
        if (text.Length == 0)
        {
            return true;
        }

        if (!Figures.TryParseValue(text, out var v))
        {
            // A spreadsheet's computed cell (33.3333333…) is a number, just finer than values are kept: say so.
            var tooFine = decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
            Error(errors, row, column, tooFine
                ? ui.T($"'{text}': paling banyak 4 angka di belakang koma. Bulatkan nilainya.", $"'{text}': at most 4 decimals. Round the value.")
                : NotANumber(text));
            return false;
        }

        value = v;
        return true;
    }

    private bool TryYear(List<PlanImportError> errors, PlanImportRow row, out int year)
    {
        if (int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2999)
        {
            return true;
        }

        Error(errors, row, "year", row["year"].Length == 0 ? Required("year") : ui.T($"'{row["year"]}' bukan tahun (mis. 2026).", $"'{row["year"]}' is not a year (e.g. 2026)."));
        return false;
    }

    /// <summary>Keeps the first row of each key; later ones are duplicate-row errors.</summary>
    private void CheckDuplicate<TKey>(Dictionary<TKey, int> seen, TKey key, List<PlanImportError> errors, PlanImportRow row, string column)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            Error(errors, row, column, Duplicate(first));
        }
        else
        {
            seen[key] = row.Number;
        }
    }

    /// <summary>An indicator of the OPD's plan for a year, found by its code (and element code when given).</summary>
    private sealed record PlannedIndicator(Indicator Indicator, string NodeCode, int StartYear, int EndYear);

    private async Task<List<PlannedIndicator>> PlannedIndicatorsAsync(Opd opd, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().Where(i => i.PlanNode!.OpdId == opd.Id)
            .Select(i => new PlannedIndicator(i, i.PlanNode!.Code, i.PlanNode.Period!.StartYear, i.PlanNode.Period.EndYear)).ToListAsync(ct);

    /// <summary>The indicator a row means, or null with an error (unknown, another OPD's, or ambiguous).</summary>
    private PlannedIndicator? Resolve(List<PlannedIndicator> planned, HashSet<string> foreignCodes, int? year, List<PlanImportError> errors, PlanImportRow row)
    {
        var code = row["indicator_code"];
        var element = row["element_code"];
        var matches = planned.Where(p => p.Indicator.Code == code && (year is null || (p.StartYear <= year && p.EndYear >= year)) && (element.Length == 0 || p.NodeCode == element)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        Error(errors, row, "indicator_code", matches.Count > 1
            ? ui.T($"Kode indikator {code} dipakai di beberapa elemen rencana; isi kolom element_code.", $"Indicator code {code} is used on several plan elements; fill in element_code.")
            : foreignCodes.Contains(code)
                ? ui.T($"Indikator {code} milik OPD lain, bukan rencana OPD ini.", $"Indicator {code} belongs to another agency, not to this agency's plan.")
                : year is { } y
                    ? ui.T($"Indikator {code} tidak ada di rencana OPD ini untuk tahun {y}.", $"Indicator {code} is not in this agency's plan for {y}.")
                    : ui.T($"Indikator {code} tidak ada di rencana OPD ini.", $"Indicator {code} is not in this agency's plan."));
        return null;
    }

    /// <summary>Codes among <paramref name="codes"/> that other OPDs' plans use (to say why a row's indicator is refused).</summary>
    private async Task<HashSet<string>> ForeignIndicatorCodesAsync(Opd opd, List<string> codes, CancellationToken ct) =>
        [.. await db.Indicators.AsNoTracking().Where(i => i.PlanNode!.OpdId != opd.Id && codes.Contains(i.Code)).Select(i => i.Code).Distinct().ToListAsync(ct)];

    private static ReportPeriod? PeriodOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "Q1" or "TW1" or "1" => ReportPeriod.Q1,
        "Q2" or "TW2" or "2" => ReportPeriod.Q2,
        "Q3" or "TW3" or "3" => ReportPeriod.Q3,
        "Q4" or "TW4" or "4" => ReportPeriod.Q4,
        "Y" or "YEAR" or "TAHUN" or "TAHUNAN" => ReportPeriod.Year,
        _ => null,
    };
}
