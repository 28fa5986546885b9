namespace Integritas.Data.Identity;

/// <summary>The platform's roles. Names are stable identifiers; labels are for the UI.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Leadership = "Leadership";
    public const string OpdOperator = "OpdOperator";
    public const string Verifier = "Verifier";
    public const string Saber = "Saber";
    public const string Investigator = "Investigator";
    public const string Auditor = "Auditor";
    public const string Contractor = "Contractor";
    public const string Witness = "Witness";

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(Admin, "Administrator", "Administrator", "Mengelola pengguna, peran dan data organisasi. Tidak dapat membaca laporan whistleblowing.", "Manages users, roles and organisation data. Cannot read whistleblowing reports."),
        new(Leadership, "Pimpinan", "Leadership", "Bupati, Sekda: dasbor dan peringkat.", "Regent, regional secretary: dashboards and rankings."),
        new(OpdOperator, "Operator OPD", "OPD operator", "Mengisi data untuk OPD yang ditugaskan saja.", "Enters data for the assigned OPDs only."),
        new(Verifier, "Verifikator", "Verifier", "Bappeda/Inspektorat: memverifikasi laporan.", "Planning agency/inspectorate: verifies reports."),
        new(Saber, "SABER", "SABER", "Tim saber pungli: menelaah red flag.", "Anti-extortion task force: triages red flags."),
        new(Investigator, "Investigator", "Investigator", "Tim investigasi independen: menangani laporan whistleblowing.", "Independent investigation team: handles whistleblowing reports."),
        new(Auditor, "Auditor", "Auditor", "Membaca jejak audit dan data untuk pemeriksaan.", "Reads the audit trail and data for audits."),
        new(Contractor, "Penyedia", "Contractor", "Menandatangani pakta integritas, mengunggah bukti pekerjaan.", "Signs integrity pacts, uploads work evidence."),
        new(Witness, "Saksi", "Witness", "LSM/universitas: menyaksikan pakta integritas dan log transparansi.", "NGO/university: witnesses integrity pacts and the transparency log."),
    ];

    public static bool IsKnown(string role) => All.Any(r => r.Name == role);
}

public sealed record RoleInfo(string Name, string LabelId, string LabelEn, string DescriptionId, string DescriptionEn);
