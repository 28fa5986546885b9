using Integritas.Core.Organisation;
using Integritas.Data.Audit;

namespace Integritas.Data.Organisation;

/// <summary>An administrative area: province, kabupaten/kota, kecamatan or desa/kelurahan, keyed by its Kemendagri code.</summary>
public class Region : IAudited
{
    public int Id { get; set; }

    /// <summary>Kemendagri code, e.g. <c>12.05.01.2001</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Region? Parent { get; set; }

    public List<Region> Children { get; } = [];

    /// <summary>"Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan" or "Provinsi".</summary>
    public string KindLabel => Level switch
    {
        RegionLevel.Province => "Provinsi",
        RegionLevel.Regency => RegionCode.TryParse(Code, out var c) && c.Value.IsCity == true ? "Kota" : "Kabupaten",
        RegionLevel.District => "Kecamatan",
        _ => RegionCode.TryParse(Code, out var v) && v.Value.IsKelurahan == true ? "Kelurahan" : "Desa",
    };
}
