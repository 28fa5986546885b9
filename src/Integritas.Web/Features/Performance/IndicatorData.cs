using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Integritas.Core.Performance;
using Integritas.Data;
using Integritas.Data.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Performance;

/// <summary>One row of the open-data contract (issue 5 item 6): an indicator in one period of a year.</summary>
public sealed record IndicatorRow(
    string OpdCode,
    string IndicatorCode,
    string IndicatorName,
    PlanLevel Level,
    IndicatorKind Kind,
    Polarity Polarity,
    string Unit,
    int Year,
    ReportPeriod Period,
    decimal? Target,
    decimal? TargetMax,
    decimal? Realisation,
    decimal? CapaianPct);

/// <summary>
/// The performance open data: every indicator of every OPD for a year, one row per period (Q1–Q4 and the year, Y),
/// with its target, the realisation of <b>published</b> reports only, and the capaian by the official rules (two
/// decimals, half away from zero; empty when not computable). Read in bulk with a handful of queries, so a province's
/// year streams without a query per OPD.
/// </summary>
public sealed class IndicatorData(IntegritasDbContext db)
{
    /// <summary>The contract's columns, in the contract's order.</summary>
    public static readonly string[] Columns =
        ["opd_code", "indicator_code", "indicator_name", "level", "kind", "polarity", "unit", "year", "period", "target", "target_max", "realisation", "capaian_pct"];

    private static readonly ReportPeriod[] Periods = [ReportPeriod.Q1, ReportPeriod.Q2, ReportPeriod.Q3, ReportPeriod.Q4, ReportPeriod.Year];

    public static string LevelKey(PlanLevel level) => level switch
    {
        PlanLevel.Tujuan => "tujuan",
        PlanLevel.Sasaran => "sasaran",
        PlanLevel.Program => "program",
        PlanLevel.Kegiatan => "kegiatan",
        _ => "subkegiatan",
    };

    public static string KindKey(IndicatorKind kind) => kind == IndicatorKind.Outcome ? "outcome" : "output";

    public static string PolarityKey(Polarity polarity) => polarity switch
    {
        Polarity.Lower => "lower",
        Polarity.Range => "range",
        _ => "higher",
    };

    public static string PeriodKey(ReportPeriod period) => period == ReportPeriod.Year ? "Y" : period.ToString();

    /// <summary>The rows of a year, ordered by OPD code, plan order and indicator code; optionally one OPD, optionally some periods.</summary>
    /// <param name="publishedOnly">False only for staff previews and for a report about to be published (its own figures).</param>
    public async Task<List<IndicatorRow>> RowsAsync(int year, int? opdId, CancellationToken ct, IReadOnlyCollection<ReportPeriod>? periods = null,
        bool publishedOnly = true, long? includeReportId = null)
    {
        var period = await Scorecards.PeriodForAsync(db, year, ct);
        if (period is null)
        {
            return [];
        }

        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PeriodId == period.Id && (opdId == null || n.OpdId == opdId)).ToListAsync(ct);
        var nodeById = nodes.ToDictionary(n => n.Id);
        var opdIds = nodes.Select(n => n.OpdId).Distinct().ToList();
        var opdCodes = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.PlanNode!.PeriodId == period.Id && (opdId == null || i.PlanNode.OpdId == opdId))
            .ToListAsync(ct);
        var targets = (await db.IndicatorTargets.AsNoTracking()
                .Where(t => t.Year == year && t.Indicator!.PlanNode!.PeriodId == period.Id && (opdId == null || t.Indicator.PlanNode.OpdId == opdId))
                .ToListAsync(ct))
            .ToDictionary(t => (t.IndicatorId, t.Period));
        var realisations = (await db.IndicatorRealisations.AsNoTracking()
                .Where(r => r.Report!.Year == year && (opdId == null || r.Report.OpdId == opdId)
                    && (!publishedOnly || r.Report.Status == ReportStatus.Published || r.QuarterReportId == includeReportId))
                .Select(r => new { r.IndicatorId, r.Period, r.Value })
                .ToListAsync(ct))
            .ToDictionary(r => (r.IndicatorId, r.Period), r => r.Value);

        var wanted = periods ?? Periods;
        var order = Scorecards.TreeOrder(nodes).Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = new List<IndicatorRow>(indicators.Count * wanted.Count);
        foreach (var indicator in indicators
            .OrderBy(i => opdCodes[nodeById[i.PlanNodeId].OpdId], StringComparer.Ordinal)
            .ThenBy(i => order[i.PlanNodeId]).ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            var node = nodeById[indicator.PlanNodeId];
            foreach (var p in Periods.Where(wanted.Contains))
            {
                var target = targets.GetValueOrDefault((indicator.Id, p));
                var realisation = realisations.GetValueOrDefault((indicator.Id, p));
                var capaian = Scorecards.Compute(indicator, target, realisation);
                rows.Add(new IndicatorRow(opdCodes[node.OpdId], indicator.Code, indicator.Name, node.Level, indicator.Kind, indicator.Polarity, indicator.Unit,
                    year, p, target?.Value, indicator.Polarity == Polarity.Range ? target?.Max : null, realisation, capaian.Rounded()));
            }
        }

        return rows;
    }

    public static string Number(decimal? value) => value is { } v ? Figures.Invariant(v) : "";

    /// <summary>The rows as the contract's CSV (header first, comma-separated, RFC 4180 quoting, LF line ends, UTF-8 without BOM).</summary>
    public static async Task WriteCsvAsync(IEnumerable<IndicatorRow> rows, TextWriter text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = new CsvWriter(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteField(r.OpdCode);
            csv.WriteField(r.IndicatorCode);
            csv.WriteField(r.IndicatorName);
            csv.WriteField(LevelKey(r.Level));
            csv.WriteField(KindKey(r.Kind));
            csv.WriteField(PolarityKey(r.Polarity));
            csv.WriteField(r.Unit);
            csv.WriteField(r.Year.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(PeriodKey(r.Period));
            csv.WriteField(Number(r.Target));
            csv.WriteField(Number(r.TargetMax));
            csv.WriteField(Number(r.Realisation));
            csv.WriteField(Number(r.CapaianPct));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    public static async Task<string> CsvAsync(IEnumerable<IndicatorRow> rows, CancellationToken ct)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await WriteCsvAsync(rows, text, ct);
        return text.ToString();
    }

    /// <summary>The same rows as a JSON array of objects with the CSV's column names; numbers as JSON numbers, null when empty.</summary>
    public static async Task WriteJsonAsync(IEnumerable<IndicatorRow> rows, Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        var count = 0;
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("opd_code", r.OpdCode);
            json.WriteString("indicator_code", r.IndicatorCode);
            json.WriteString("indicator_name", r.IndicatorName);
            json.WriteString("level", LevelKey(r.Level));
            json.WriteString("kind", KindKey(r.Kind));
            json.WriteString("polarity", PolarityKey(r.Polarity));
            json.WriteString("unit", r.Unit);
            json.WriteNumber("year", r.Year);
            json.WriteString("period", PeriodKey(r.Period));
            WriteNumber(json, "target", r.Target);
            WriteNumber(json, "target_max", r.TargetMax);
            WriteNumber(json, "realisation", r.Realisation);
            WriteNumber(json, "capaian_pct", r.CapaianPct);
            json.WriteEndObject();
            if (++count % 1000 == 0)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            // Written from the invariant text so 80.0000 (stored scale) reads 80, not 80.0000.
            json.WritePropertyName(name);
            json.WriteRawValue(Figures.Invariant(v), skipInputValidation: true);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>SHA-256 (lower-case hex) of a file's UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
