using Integritas.Data.Audit;

namespace Integritas.Data.Organisation;

/// <summary>A person holding a position. Officials' names and posts are public information; their NIP is shown only to staff.</summary>
public class Official : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Nomor Induk Pegawai: 18 digits. Null for elected officials.</summary>
    public string? Nip { get; set; }

    public int PositionId { get; set; }

    public Position? Position { get; set; }

    public DateOnly? ActiveFrom { get; set; }

    /// <summary>The last day in office; null while the official holds the position. Past holders stay on record.</summary>
    public DateOnly? ActiveUntil { get; set; }

    /// <summary>The sign-in account of this official, if any.</summary>
    public string? UserId { get; set; }
}
