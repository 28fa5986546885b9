namespace Integritas.Data.Demo;

/// <summary>Plausible North Sumatran personal names for demo officials (Malay, Javanese, Batak and Karo).</summary>
internal static class DemoNames
{
    public static readonly string[] MaleGiven =
    [
        "Ahmad", "Budi", "Dedi", "Eko", "Fauzi", "Hendra", "Irwan", "Joko", "Khairul", "Lukman", "Muhammad", "Nasrun",
        "Rahmat", "Syahrul", "Taufik", "Wahyu", "Yusuf", "Zulkifli", "Agus", "Bambang", "Darwin", "Erwin", "Fadli",
        "Gunawan", "Herman", "Indra", "Juliadi", "Mahmud", "Rizal", "Sutrisno",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Aisyah", "Dewi", "Fitri", "Hafsah", "Indah", "Juliani", "Kartini", "Lestari", "Maya", "Nurhayati", "Putri",
        "Rahmawati", "Sri", "Tuti", "Wulandari", "Yuliana", "Zahara", "Ernawati", "Herlina", "Rosmawati",
    ];

    public static readonly string[] Family =
    [
        "Siregar", "Nasution", "Lubis", "Harahap", "Sembiring", "Ginting", "Tarigan", "Sitepu", "Perangin-angin", "Purba",
        "Saragih", "Simanjuntak", "Hutagalung", "Pane", "Rangkuti", "Batubara", "Daulay", "Hasibuan", "Situmorang", "Sinaga",
        "Syahputra", "Pratama", "Wijaya", "Saputra", "Hidayat", "Santoso", "Kurniawan", "Rambe", "Pohan", "Tanjung",
    ];

    public static readonly string[] Degrees =
        ["S.Sos.", "S.E., M.Si.", "S.H., M.H.", "S.T., M.T.", "S.Pd., M.Pd.", "S.Kom.", "S.IP., M.AP.", "S.P., M.P.", "S.Ak."];
}
