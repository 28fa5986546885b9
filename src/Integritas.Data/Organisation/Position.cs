using Integritas.Data.Audit;

namespace Integritas.Data.Organisation;

/// <summary>A post (jabatan) in an OPD. The reporting line runs through <see cref="SuperiorId"/>, which may cross OPDs (a kepala dinas reports to the Sekda).</summary>
public class Position : IAudited
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The OPD the post belongs to. Regency-level posts (Bupati, Wakil Bupati) are attached to the Sekretariat Daerah that serves them.</summary>
    public int? OpdId { get; set; }

    public Opd? Opd { get; set; }

    public int? ServiceUnitId { get; set; }

    public ServiceUnit? ServiceUnit { get; set; }

    public int? SuperiorId { get; set; }

    public Position? Superior { get; set; }

    /// <summary>Eselon (II.a, III.b…) or "JF"/"Pelaksana"; null for elected officials.</summary>
    public string? Grade { get; set; }

    /// <summary>True for the head of the OPD (kepala dinas/badan, camat, sekda…).</summary>
    public bool IsHead { get; set; }

    public List<Official> Holders { get; } = [];
}
