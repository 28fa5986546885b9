using System.Globalization;

namespace Integritas.Web.Features.Budget;

/// <summary>One step of the portal's breadcrumb trail; the last one (the page itself) has no link.</summary>
public sealed record Crumb(string Label, string? Href = null);

/// <summary>The portal's addresses, in one place so every page links the drill-down the same way.</summary>
public static class BudgetLinks
{
    public static string Regency(int year) => $"/anggaran?tahun={Y(year)}";

    public static string Opd(int opdId, int year) => $"/anggaran/opd/{Y(opdId)}?tahun={Y(year)}";

    public static string Sub(int opdId, string code, int year) => $"/anggaran/opd/{Y(opdId)}/sub/{Uri.EscapeDataString(code)}?tahun={Y(year)}";

    /// <summary>Finance-system payment ids may hold slashes (e.g. <c>0012/SP2D/LS/2026</c>): each segment is escaped, the slashes kept.</summary>
    public static string Payment(string id) => "/anggaran/pembayaran/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    public static string Village(int year, int? kecamatanId = null) =>
        $"/anggaran/desa?tahun={Y(year)}" + (kecamatanId is { } k ? $"&kecamatan={Y(k)}" : "");

    public static string Desa(int desaId, int year) => $"/anggaran/desa/{Y(desaId)}?tahun={Y(year)}";

    private static string Y(int value) => value.ToString(CultureInfo.InvariantCulture);
}
