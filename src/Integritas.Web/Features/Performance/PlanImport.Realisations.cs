using Integritas.Core.Performance;
using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

public sealed partial class PlanImport
{
    /// <summary>A realisation line (an indicator's figure and narrative) or a budget line (a sub kegiatan's spending).</summary>
    private sealed record RealisationLine(PlanImportRow Row, int Year, int Quarter, Indicator? Indicator, long SubKegiatanId,
        decimal? Value, decimal? YearValue, string? Problems, string? Actions, decimal Spent);

    private static int? QuarterOf(string text) => PeriodOf(text) is { } p and not ReportPeriod.Year ? (int)p : null;

    /// <summary>
    /// Stages quarterly figures as <see cref="Reporting.SaveAsync"/> stores them, into each quarter's report (opened
    /// as a draft when there is none): only drafts and returned reports take figures, only the OPD's own indicators
    /// and sub kegiatan, and after a quarter's due date only when the operator says the report is late and why.
    /// Returns the reason for lateness when it was needed.
    /// </summary>
    private async Task<string?> StageRealisationsAsync(Opd opd, PlanImportRequest request, List<PlanImportRow> rows, List<PlanImportError> errors, Tally tally, CancellationToken ct)
    {
        var planned = await PlannedIndicatorsAsync(opd, ct);
        var foreign = await ForeignIndicatorCodesAsync(opd, [.. rows.Select(r => r["indicator_code"]).Where(c => c.Length > 0).Distinct()], ct);
        var subCodes = rows.Select(r => r["sub_kegiatan_code"]).Where(c => c.Length > 0).Distinct().ToList();
        var subs = await db.PlanNodes.AsNoTracking().Where(n => n.Level == PlanLevel.SubKegiatan && subCodes.Contains(n.Code))
            .Select(n => new { n.Id, n.OpdId, n.Code, n.Period!.StartYear, n.Period.EndYear }).ToListAsync(ct);
        var seen = new Dictionary<(int, int, long, bool), int>();
        var lines = new List<RealisationLine>();
        foreach (var row in rows)
        {
            var ok = TryYear(errors, row, out var year);
            var quarter = QuarterOf(row["quarter"]);
            if (quarter is null)
            {
                Error(errors, row, "quarter", ui.T($"Triwulan '{row["quarter"]}' tidak dikenal: 1, 2, 3 atau 4.", $"Unknown quarter '{row["quarter"]}': 1, 2, 3 or 4."));
                ok = false;
            }

            var code = row["indicator_code"];
            var subCode = row["sub_kegiatan_code"];
            if ((code.Length == 0) == (subCode.Length == 0))
            {
                Error(errors, row, "indicator_code", ui.T("Isi indicator_code (baris realisasi) atau sub_kegiatan_code (baris anggaran), tidak keduanya.",
                    "Give indicator_code (a realisation row) or sub_kegiatan_code (a budget row), not both."));
                continue;
            }

            if (code.Length > 0)
            {
                var indicator = Resolve(planned, foreign, ok ? year : null, errors, row);
                ok &= TryNumber(errors, row, "value", out var value) & TryNumber(errors, row, "year_value", out var yearValue);
                if (yearValue is not null && quarter is not null and not 4)
                {
                    Error(errors, row, "year_value", ui.T("Realisasi tahunan diisi di laporan triwulan IV.", "The annual realisation belongs in the fourth quarter's report."));
                    ok = false;
                }

                foreach (var column in new[] { "problems", "actions" }.Where(c => row[c].Length > Reporting.MaxNarrative))
                {
                    Error(errors, row, column, ui.T($"Paling banyak {Reporting.MaxNarrative} karakter.", $"At most {Reporting.MaxNarrative} characters."));
                    ok = false;
                }

                if (ok && indicator is not null)
                {
                    CheckDuplicate(seen, (year, quarter!.Value, indicator.Indicator.Id, true), errors, row, "indicator_code");
                    lines.Add(new(row, year, quarter.Value, indicator.Indicator, 0, value, yearValue,
                        row["problems"] is { Length: > 0 } p ? p : null, row["actions"] is { Length: > 0 } a ? a : null, 0));
                }

                continue;
            }

            var sub = subs.Where(s => s.OpdId == opd.Id && s.Code == subCode && (!ok || (s.StartYear <= year && s.EndYear >= year))).ToList();
            if (sub.Count != 1)
            {
                Error(errors, row, "sub_kegiatan_code", subs.Any(s => s.OpdId != opd.Id && s.Code == subCode)
                    ? ui.T($"Sub kegiatan {subCode} milik OPD lain.", $"Sub kegiatan {subCode} belongs to another agency.")
                    : ui.T($"Sub kegiatan {subCode} tidak ada di rencana OPD ini.", $"Sub kegiatan {subCode} is not in this agency's plan."));
                ok = false;
            }

            if (!Figures.TryParseRupiah(row["spent"], out var spent))
            {
                Error(errors, row, "spent", row["spent"].Length == 0 ? Required("spent")
                    : ui.T($"'{row["spent"]}' bukan jumlah rupiah (mis. 1.250.000 atau 1250000).", $"'{row["spent"]}' is not a rupiah amount (e.g. 1250000)."));
                ok = false;
            }

            if (ok)
            {
                CheckDuplicate(seen, (year, quarter!.Value, sub[0].Id, false), errors, row, "sub_kegiatan_code");
                lines.Add(new(row, year, quarter.Value, null, sub[0].Id, null, null, null, null, spent));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        string? lateReason = null;
        var reason = request.LateReason?.Trim();
        foreach (var quarter in lines.GroupBy(l => (l.Year, l.Quarter)).OrderBy(g => g.Key))
        {
            var (year, q) = quarter.Key;
            var first = quarter.First().Row;
            var report = await db.QuarterReports.Include(r => r.Realisations).Include(r => r.Budget)
                .SingleOrDefaultAsync(r => r.OpdId == opd.Id && r.Year == year && r.Quarter == q, ct);
            if (report is not null && !Reporting.IsEditable(report.Status))
            {
                Error(errors, first, "quarter", ui.T($"Laporan TW {q} {year} berstatus {Reporting.StatusLabel(report.Status, false)}; hanya draf atau laporan yang dikembalikan dapat diisi.",
                    $"The report for Q{q} {year} is {Reporting.StatusLabel(report.Status, true)}; only drafts and returned reports take figures."));
                continue;
            }

            var due = reporting.DueDateOf(report, year, q);
            if (reporting.IsPastDue(due))
            {
                if (!request.Late)
                {
                    Error(errors, first, "quarter", ui.T($"Batas waktu TW {q} {year} ({ui.Date(due)}) sudah lewat. Centang \"terlambat\" dan tulis alasannya.",
                        $"The deadline for Q{q} {year} ({ui.Date(due)}) has passed. Tick \"late\" and give the reason."));
                    continue;
                }

                if (string.IsNullOrEmpty(reason) || reason.Length < 10 || reason.Length > 1000)
                {
                    if (!errors.Any(e => e.Column == "late_reason"))
                    {
                        errors.Add(new(0, "late_reason", ui.T("Tulis alasan keterlambatan (10 sampai 1.000 karakter).", "Give the reason for the delay (10 to 1,000 characters).")));
                    }

                    continue;
                }

                lateReason = reason;
            }

            var target = report ?? reporting.NewDraft(opd.Id, year, q, db.AuditActor.ActorName);
            var changed = false;
            foreach (var line in quarter)
            {
                bool? outcome;
                if (line.Indicator is { } indicator)
                {
                    outcome = Reporting.Upsert(target, indicator.Id, (ReportPeriod)q, line.Value, line.Problems, line.Actions);
                    if (q == 4 && Reporting.Upsert(target, indicator.Id, ReportPeriod.Year, Reporting.YearValueOf(indicator, line.Value, line.YearValue), null, null) is { } annual)
                    {
                        outcome ??= annual;
                    }
                }
                else if (target.Budget.FirstOrDefault(b => b.PlanNodeId == line.SubKegiatanId) is { } budget)
                {
                    outcome = budget.Spent == line.Spent ? null : false;
                    if (outcome is not null)
                    {
                        budget.Spent = line.Spent;
                    }
                }
                else
                {
                    target.Budget.Add(new BudgetRealisation { PlanNodeId = line.SubKegiatanId, Spent = line.Spent });
                    outcome = true;
                }

                tally.Count(outcome);
                changed |= outcome is not null;
            }

            if (changed)
            {
                // As a save from the report page would: an open report page must reload before saving over the import.
                target.Version++;
                if (report is null)
                {
                    db.QuarterReports.Add(target);
                }
            }
        }

        return lateReason;
    }
}
