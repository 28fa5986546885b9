using Integritas.Core.Performance;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

public sealed partial class PlanImport
{
    private const int MaxFormula = 1000;
    private const int MaxDataSource = 500;

    private static PlanLevel? LevelOf(string text) => text.Trim().ToLowerInvariant().Replace(' ', '_') switch
    {
        "tujuan" => PlanLevel.Tujuan,
        "sasaran" => PlanLevel.Sasaran,
        "program" => PlanLevel.Program,
        "kegiatan" => PlanLevel.Kegiatan,
        "sub_kegiatan" or "subkegiatan" => PlanLevel.SubKegiatan,
        _ => null,
    };

    private static Polarity? PolarityOf(string text, Polarity? empty) => text.Trim().ToLowerInvariant() switch
    {
        "" => empty,
        "higher" or "tinggi" or "naik" => Polarity.Higher,
        "lower" or "rendah" or "turun" => Polarity.Lower,
        "range" or "rentang" => Polarity.Range,
        _ => null,
    };

    private static bool? YesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or "tidak" or "no" or "0" or "false" => false,
        "ya" or "yes" or "1" or "true" => true,
        _ => null,
    };

    private static QuarterMode? QuarterModeOf(string text) => text.Trim().ToLowerInvariant().Replace(' ', '_') switch
    {
        "" or "cumulative" or "kumulatif" => QuarterMode.Cumulative,
        "per_quarter" or "per_triwulan" => QuarterMode.PerQuarter,
        _ => null,
    };

    private static IndicatorKind? KindOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "output" => IndicatorKind.Output,
        "outcome" => IndicatorKind.Outcome,
        _ => null,
    };

    /// <summary>An element as the file describes it (its first row).</summary>
    private sealed record ElementRow(PlanImportRow Row, PlanLevel Level, string Code, string Name, string ParentCode);

    /// <summary>
    /// Stages plan elements (created when missing, parents first, placed and coded as <see cref="Planning.AddNodeAsync"/>
    /// requires) and their indicators (checked as <see cref="Planning.AddIndicatorAsync"/> checks them).
    /// </summary>
    private async Task StageIndicatorsAsync(Opd opd, int year, List<PlanImportRow> rows, List<PlanImportError> errors, Tally tally, CancellationToken ct)
    {
        var period = await Scorecards.PeriodForAsync(db, year, ct);
        if (period is null)
        {
            errors.Add(new(0, "", ui.T($"Tahun {year} tidak termasuk periode rencana mana pun.", $"Year {year} is in no plan period.")));
            return;
        }

        // Elements: each code once, the same level, name and parent wherever it recurs.
        var elements = new Dictionary<string, ElementRow>(StringComparer.Ordinal);
        var elementOnly = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicatorRows = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var code = row["element_code"];
            var level = LevelOf(row["level"]);
            if (level is null)
            {
                Error(errors, row, "level", ui.T($"Tingkat '{row["level"]}' tidak dikenal: tujuan, sasaran, program, kegiatan atau sub_kegiatan.",
                    $"Unknown level '{row["level"]}': tujuan, sasaran, program, kegiatan or sub_kegiatan."));
            }

            if (code.Length == 0)
            {
                Error(errors, row, "element_code", Required("element_code"));
                continue;
            }

            if (level is null)
            {
                continue;
            }

            var element = new ElementRow(row, level.Value, code, row["element_name"], row["parent_code"]);
            if (!elements.TryGetValue(code, out var first))
            {
                elements[code] = element;
            }
            else if (first.Level != element.Level || first.Name != element.Name || first.ParentCode != element.ParentCode)
            {
                Error(errors, row, "element_code", ui.T($"Elemen {code} ditulis berbeda di baris {first.Row.Number} (tingkat, nama atau induk).",
                    $"Element {code} is given differently in row {first.Row.Number} (level, name or parent)."));
            }

            if (row["indicator_code"].Length == 0)
            {
                CheckDuplicate(elementOnly, code, errors, row, "element_code");
            }
            else
            {
                CheckDuplicate(indicatorRows, (code, row["indicator_code"]), errors, row, "indicator_code");
            }
        }

        var nodes = await db.PlanNodes.Where(n => n.OpdId == opd.Id && n.PeriodId == period.Id).ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, ct);
        var byId = nodes.Values.ToDictionary(n => n.Id);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in elements.Values.OrderBy(e => e.Level))
        {
            PlanNode? parent = null;
            if (e.ParentCode.Length > 0 && !nodes.TryGetValue(e.ParentCode, out parent))
            {
                // Parents come first (by level); a parent in the file but not yet placed sits at a level that cannot hold this element.
                var misplaced = !failed.Contains(e.ParentCode) && elements.TryGetValue(e.ParentCode, out var fileParent)
                    ? planning.PlaceProblems(e.Level, e.Code, fileParent.Level, fileParent.Code).Where(p => p.Field == "ParentId").Select(p => p.Message).FirstOrDefault()
                    : null;
                Error(errors, e.Row, "parent_code", misplaced ?? (failed.Contains(e.ParentCode) || elements.ContainsKey(e.ParentCode)
                    ? ui.T($"Induk {e.ParentCode} bermasalah (lihat barisnya).", $"The parent {e.ParentCode} has errors (see its row).")
                    : ui.T($"Induk {e.ParentCode} tidak ada di rencana OPD ini maupun di berkas.", $"The parent {e.ParentCode} is neither in the agency's plan nor in the file.")));
                failed.Add(e.Code);
                continue;
            }

            var before = errors.Count;
            if (planning.NameProblem(e.Name) is { } nameProblem)
            {
                Error(errors, e.Row, "element_name", nameProblem);
            }

            if (nodes.TryGetValue(e.Code, out var node))
            {
                var storedParent = node.ParentId is { } pid && byId.TryGetValue(pid, out var p) ? p.Code : "";
                if (node.Level != e.Level)
                {
                    Error(errors, e.Row, "level", ui.T($"Elemen {e.Code} sudah ada sebagai {PlanRules.Name(node.Level)}.", $"Element {e.Code} already exists as a {node.Level}."));
                }
                else if (storedParent != e.ParentCode)
                {
                    Error(errors, e.Row, "parent_code", ui.T($"Elemen {e.Code} sudah ada di bawah induk {(storedParent.Length == 0 ? "—" : storedParent)}; impor tidak memindahkan elemen.",
                        $"Element {e.Code} already exists under parent {(storedParent.Length == 0 ? "—" : storedParent)}; an import does not move elements."));
                }
                else if (errors.Count == before && node.Name != e.Name)
                {
                    node.Name = e.Name;
                    tally.Count(false);
                }
                else if (errors.Count == before)
                {
                    tally.Count(null);
                }
            }
            else
            {
                foreach (var (field, message) in planning.PlaceProblems(e.Level, e.Code, parent?.Level, parent?.Code))
                {
                    Error(errors, e.Row, field == "Code" ? "element_code" : "parent_code", message);
                }

                if (errors.Count == before)
                {
                    node = new PlanNode { PeriodId = period.Id, OpdId = opd.Id, Parent = parent, Level = e.Level, Code = e.Code, Name = e.Name };
                    db.PlanNodes.Add(node);
                    nodes[e.Code] = node;
                    tally.Count(true);
                }
            }

            if (errors.Count > before)
            {
                failed.Add(e.Code);
            }
        }

        var existing = await db.Indicators.Where(i => i.PlanNode!.OpdId == opd.Id && i.PlanNode.PeriodId == period.Id)
            .ToDictionaryAsync(i => (byId[i.PlanNodeId].Code, i.Code), ct);
        foreach (var row in rows.Where(r => r["indicator_code"].Length > 0 && nodes.ContainsKey(r["element_code"])))
        {
            StageIndicator(row, nodes[row["element_code"]], existing, errors, tally);
        }
    }

    private void StageIndicator(PlanImportRow row, PlanNode node, Dictionary<(string, string), Indicator> existing, List<PlanImportError> errors, Tally tally)
    {
        var before = errors.Count;
        var kind = KindOf(row["kind"]);
        var iku = YesNo(row["iku"]);
        var polarity = PolarityOf(row["polarity"], null);
        var direction = PolarityOf(row["range_direction"], Polarity.Higher);
        var mode = QuarterModeOf(row["quarter_mode"]);
        if (kind is null)
        {
            Error(errors, row, "kind", ui.T("Isi output atau outcome.", "Give output or outcome."));
        }

        if (iku is null)
        {
            Error(errors, row, "iku", ui.T($"'{row["iku"]}' bukan ya/tidak (atau 1/0).", $"'{row["iku"]}' is not ya/tidak (or 1/0)."));
        }

        if (polarity is null)
        {
            Error(errors, row, "polarity", ui.T("Isi higher (makin tinggi makin baik), lower (makin rendah makin baik) atau range.", "Give higher, lower or range."));
        }

        if (direction is null or Polarity.Range)
        {
            Error(errors, row, "range_direction", ui.T("Isi higher atau lower (atau kosongkan).", "Give higher or lower (or leave it empty)."));
        }

        if (mode is null)
        {
            Error(errors, row, "quarter_mode", ui.T("Isi cumulative (kumulatif) atau per_quarter (per triwulan).", "Give cumulative or per_quarter."));
        }

        _ = TryNumber(errors, row, "baseline", out var baseline);
        var formula = row["formula"] is { Length: > 0 } f ? f : null;
        var source = row["data_source"] is { Length: > 0 } d ? d : null;
        if (formula?.Length > MaxFormula)
        {
            Error(errors, row, "formula", ui.T($"Paling banyak {MaxFormula} karakter.", $"At most {MaxFormula} characters."));
        }

        if (source?.Length > MaxDataSource)
        {
            Error(errors, row, "data_source", ui.T($"Paling banyak {MaxDataSource} karakter.", $"At most {MaxDataSource} characters."));
        }

        var input = new Planning.IndicatorInput(node.Id, row["indicator_code"], row["indicator_name"], kind ?? IndicatorKind.Output, iku ?? false, row["unit"],
            polarity ?? Polarity.Higher, direction is Polarity.Lower ? Polarity.Lower : Polarity.Higher, baseline, mode ?? QuarterMode.Cumulative, formula, source);
        foreach (var (field, message) in planning.IndicatorProblems(input))
        {
            Error(errors, row, field switch
            {
                "Code" => "indicator_code",
                "Name" => "indicator_name",
                "Unit" => "unit",
                "Kind" => "kind",
                "Polarity" => "polarity",
                _ => "quarter_mode",
            }, message);
        }

        if (errors.Count > before)
        {
            return;
        }

        if (!existing.TryGetValue((node.Code, input.Code!), out var indicator))
        {
            indicator = new Indicator { PlanNode = node, Code = input.Code!, Name = input.Name!, Unit = input.Unit! };
            db.Indicators.Add(indicator);
        }

        var created = indicator.Id == 0;
        var changed = Set(indicator.Name, input.Name!, v => indicator.Name = v)
            | Set(indicator.Kind, input.Kind, v => indicator.Kind = v)
            | Set(indicator.IsIku, input.IsIku, v => indicator.IsIku = v)
            | Set(indicator.Unit, input.Unit!, v => indicator.Unit = v)
            | Set(indicator.Polarity, input.Polarity, v => indicator.Polarity = v)
            | Set(indicator.RangeDirection, input.RangeDirection, v => indicator.RangeDirection = v)
            | Set(indicator.Baseline, input.Baseline, v => indicator.Baseline = v)
            | Set(indicator.QuarterMode, input.QuarterMode, v => indicator.QuarterMode = v)
            | Set(indicator.Formula, input.Formula, v => indicator.Formula = v)
            | Set(indicator.DataSource, input.DataSource, v => indicator.DataSource = v);
        tally.Count(created ? true : changed ? false : null);
    }

    /// <summary>Assigns only a different value, so an identical row leaves the stored one (and the audit trail) alone.</summary>
    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        assign(value);
        return true;
    }
}
