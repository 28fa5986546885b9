using Integritas.Core.Performance;
using Integritas.Data.Performance;
using Integritas.Web.Hosting;

namespace Integritas.Web.Features.Performance;

/// <summary>Indonesian-first labels of the performance vocabulary.</summary>
public static class PerformanceLabels
{
    public static string Level(this Ui ui, PlanLevel level) => level switch
    {
        PlanLevel.Tujuan => ui.T("Tujuan", "Goal"),
        PlanLevel.Sasaran => ui.T("Sasaran", "Strategic target"),
        PlanLevel.Program => "Program",
        PlanLevel.Kegiatan => ui.T("Kegiatan", "Activity"),
        _ => ui.T("Sub kegiatan", "Sub-activity"),
    };

    public static string Kind(this Ui ui, IndicatorKind kind) => kind == IndicatorKind.Outcome ? "Outcome" : "Output";

    public static string Polarity(this Ui ui, Indicator indicator) => indicator.Polarity switch
    {
        Core.Performance.Polarity.Lower => ui.T("makin rendah makin baik", "lower is better"),
        Core.Performance.Polarity.Range => indicator.RangeDirection == Core.Performance.Polarity.Lower
            ? ui.T("rentang (di luar: makin rendah makin baik)", "range (outside: lower is better)")
            : ui.T("rentang (di luar: makin tinggi makin baik)", "range (outside: higher is better)"),
        _ => ui.T("makin tinggi makin baik", "higher is better"),
    };

    public static string Period(this Ui ui, ReportPeriod period) => period == ReportPeriod.Year ? ui.T("Tahun", "Year") : $"TW {(int)period}";

    public static string Status(this Ui ui, ReportStatus status) => ui.T(Reporting.StatusLabel(status, false), Reporting.StatusLabel(status, true));

    public static string Target(this Ui ui, IndicatorTarget? target) => target is null ? "—"
        : target.Max is { } max ? $"{ui.Number(target.Value)}–{ui.Number(max)}" : ui.Number(target.Value);

    public static string Value(this Ui ui, decimal? value) => value is { } v ? ui.Number(v) : "—";

    public static string Capaian(this Ui ui, CapaianResult result) => result.Rounded() is { } p ? ui.Number(p) + " %" : "n/a";

    /// <summary>Why a capaian is missing, in the page's language (the reasons are stored bilingual "id / en").</summary>
    public static string? Reason(this Ui ui, CapaianResult result) => result.NotComputable is { } r
        ? (r.Split(" / ") is [var id, var en] ? ui.T(id, en) : r)
        : null;

    /// <summary>A target as the agreement document holds it (invariant numbers), in the page's number format.</summary>
    public static string Target(this Ui ui, AgreementTarget target) =>
        Number(ui, target.Target) + (target.TargetMax.Length > 0 ? "–" + Number(ui, target.TargetMax) : "");

    /// <summary>An invariant number from a document, in the page's format; kept as it is when it is not a number.</summary>
    public static string Number(this Ui ui, string invariant) =>
        decimal.TryParse(invariant, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? ui.Number(v) : invariant;

    public static string PolarityKey(this Ui ui, string key) => key switch
    {
        "lower" => ui.T("makin rendah makin baik", "lower is better"),
        "range" => ui.T("rentang", "range"),
        _ => ui.T("makin tinggi makin baik", "higher is better"),
    };

    public static string Side(this Ui ui, AgreementSide side) => side == AgreementSide.First
        ? ui.T("Pihak pertama (kepala OPD)", "First party (agency head)")
        : ui.T("Pihak kedua (kepala daerah)", "Second party (regional head)");
}
