using Integritas.Data.Audit;

namespace Integritas.Data.Organisation;

public enum ServiceUnitKind
{
    Upt = 1,
    Puskesmas = 2,
    KantorKecamatan = 3,
    KantorDesa = 4,
    Sekolah = 5,
    RumahSakit = 6,
    Loket = 7,
    Lainnya = 9,
}

/// <summary>A place where the public is served: a UPT, puskesmas, kantor kecamatan, school, service counter…</summary>
public class ServiceUnit : IAudited
{
    public int Id { get; set; }

    /// <summary>Unique code within the regency's system (e.g. the Kemenkes puskesmas code or a local code).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public ServiceUnitKind Kind { get; set; }

    public int OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>The kecamatan or desa where the unit stands.</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public string? Address { get; set; }

    public bool IsActive { get; set; } = true;
}
