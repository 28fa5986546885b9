namespace Integritas.Core.Complaints;

/// <summary>SP4N-LAPOR!'s three kinds of report.</summary>
public enum ReportKind
{
    /// <summary>Pengaduan: something is wrong and must be put right.</summary>
    Complaint = 1,

    /// <summary>Aspirasi: a suggestion or wish.</summary>
    Aspiration = 2,

    /// <summary>Permintaan informasi: a request for information.</summary>
    InformationRequest = 3,
}

public static class ReportKinds
{
    public static string Label(ReportKind kind, bool english = false) => (kind, english) switch
    {
        (ReportKind.Complaint, false) => "Pengaduan",
        (ReportKind.Complaint, true) => "Complaint",
        (ReportKind.Aspiration, false) => "Aspirasi",
        (ReportKind.Aspiration, true) => "Suggestion",
        (ReportKind.InformationRequest, false) => "Permintaan informasi",
        (ReportKind.InformationRequest, true) => "Information request",
        _ => kind.ToString(),
    };
}
