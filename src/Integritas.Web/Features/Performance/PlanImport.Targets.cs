using Integritas.Data.Organisation;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

public sealed partial class PlanImport
{
    /// <summary>Stages targets: each row's indicator, year and period, checked as <see cref="Planning.SetTargetAsync"/> checks them.</summary>
    private async Task StageTargetsAsync(Opd opd, List<PlanImportRow> rows, List<PlanImportError> errors, Tally tally, CancellationToken ct)
    {
        var planned = await PlannedIndicatorsAsync(opd, ct);
        var foreign = await ForeignIndicatorCodesAsync(opd, [.. rows.Select(r => r["indicator_code"]).Distinct()], ct);
        var seen = new Dictionary<(long, int, ReportPeriod), int>();
        var staged = new List<(long IndicatorId, int Year, ReportPeriod Period, decimal Value, decimal? Max)>();
        foreach (var row in rows)
        {
            var ok = TryYear(errors, row, out var year);
            var period = PeriodOf(row["period"]);
            if (period is null)
            {
                Error(errors, row, "period", ui.T($"Periode '{row["period"]}' tidak dikenal: Q1, Q2, Q3, Q4 atau Y.", $"Unknown period '{row["period"]}': Q1, Q2, Q3, Q4 or Y."));
                ok = false;
            }

            ok &= TryNumber(errors, row, "target", out var value) & TryNumber(errors, row, "target_max", out var max);
            if (row["target"].Length == 0)
            {
                Error(errors, row, "target", Required("target"));
                ok = false;
            }

            if (row["indicator_code"].Length == 0)
            {
                Error(errors, row, "indicator_code", Required("indicator_code"));
                continue;
            }

            var indicator = Resolve(planned, foreign, ok ? year : null, errors, row);
            if (!ok || indicator is null)
            {
                continue;
            }

            var problems = planning.TargetProblems(indicator.Indicator.Polarity, indicator.StartYear, indicator.EndYear, year, period!.Value, value!.Value, max).ToList();
            foreach (var (field, message) in problems)
            {
                Error(errors, row, field switch { "Max" => "target_max", "Year" => "year", _ => "period" }, message);
            }

            CheckDuplicate(seen, (indicator.Indicator.Id, year, period.Value), errors, row, "indicator_code");
            staged.Add((indicator.Indicator.Id, year, period.Value, value.Value, max));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var ids = staged.Select(s => s.IndicatorId).Distinct().ToList();
        var existing = await db.IndicatorTargets.Where(t => ids.Contains(t.IndicatorId)).ToDictionaryAsync(t => (t.IndicatorId, t.Year, t.Period), ct);
        foreach (var (indicatorId, year, period, value, max) in staged)
        {
            if (!existing.TryGetValue((indicatorId, year, period), out var target))
            {
                db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = indicatorId, Year = year, Period = period, Value = value, Max = max });
                tally.Count(true);
            }
            else if (target.Value != value || target.Max != max)
            {
                target.Value = value;
                target.Max = max;
                tally.Count(false);
            }
            else
            {
                tally.Count(null);
            }
        }
    }
}
