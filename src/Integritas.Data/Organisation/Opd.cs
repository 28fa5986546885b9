using Integritas.Data.Audit;

namespace Integritas.Data.Organisation;

public enum OpdKind
{
    Sekretariat = 1,
    Dinas = 2,
    Badan = 3,
    Inspektorat = 4,
    Kecamatan = 5,
    Rsud = 6,
    Satpol = 7,
    Lainnya = 9,
}

/// <summary>A perangkat daerah (regional government agency), with its Permendagri 90/2019 code.</summary>
public class Opd : IAudited
{
    public int Id { get; set; }

    /// <summary>Kepmendagri 050-5889/2021 unit code, e.g. <c>1.02.0.00.0.00.01.0000</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Common abbreviation, e.g. "Dinkes", "BPKAD".</summary>
    public string? ShortName { get; set; }

    public OpdKind Kind { get; set; }

    /// <summary>The kabupaten/kota this OPD belongs to.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public string? Address { get; set; }

    public string? Website { get; set; }

    public bool IsActive { get; set; } = true;

    public List<ServiceUnit> ServiceUnits { get; } = [];

    public List<Position> Positions { get; } = [];
}
