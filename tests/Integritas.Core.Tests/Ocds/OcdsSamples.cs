using System.Text;
using System.Text.Json.Nodes;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>Sample packages at every stage, dated in WIB (+07:00), and helpers to write and read the output.</summary>
internal static class OcdsSamples
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static readonly OcdsPublication Publication = new(
        "ocds-afzrfb", "Pemerintah Kabupaten Langkat", new Uri("https://creativecommons.org/licenses/by/4.0/"), new Uri("https://portal.example.id/ocds/kebijakan"));

    public static readonly OcdsPackageInfo Info = new(new Uri("https://portal.example.id/ocds/v1/releases.json"), At(2026, 6, 1, 12));

    public static readonly OcdsAgency Pupr = new("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang");

    public static readonly OcdsAgency Ukpbj = new("4.01.0.00.0.00.01.0003", "Bagian Pengadaan Barang dan Jasa");

    public static readonly OcdsVendor MajuJaya = new("101", "CV Maju Jaya", "01.234.567.8-123.000");

    public static readonly OcdsVendor KaryaBangun = new("102", "PT Karya Bangun Sejahtera", "02.345.678.9-124.000");

    public static readonly OcdsVendor SinarTerang = new("103", "CV Sinar Terang");

    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, Wib);

    /// <summary>A works tender above Rp1 miliar that runs through implementation, cut at <paramref name="reached"/>.</summary>
    public static ContractingProcess Works(ProcessStage reached = ProcessStage.Implementation)
    {
        StageEntry[] all =
        [
            new(ProcessStage.Planning, At(2026, 1, 10)),
            new(ProcessStage.Tender, At(2026, 2, 2, 8)),
            new(ProcessStage.Evaluation, At(2026, 2, 17, 10)),
            new(ProcessStage.Award, At(2026, 3, 1)),
            new(ProcessStage.Contract, At(2026, 3, 10)),
            new(ProcessStage.Implementation, At(2026, 4, 1)),
            new(ProcessStage.Implementation, At(2026, 5, 15)),
        ];
        return new ContractingProcess
        {
            PackageId = "RUP-26-0042",
            Title = "Rehabilitasi Jalan Stabat - Secanggang",
            Description = "Rehabilitasi jalan kabupaten sepanjang 3,2 km.",
            Buyer = Pupr,
            ProcuringEntity = Ukpbj,
            FiscalYear = 2026,
            Method = ProcurementMethodId.Tender,
            Category = ProcurementCategoryId.Works,
            Hps = 2_450_000_000m,
            Pagu = 2_500_000_000m,
            BudgetLineCode = "1.03.02.2.01.0012",
            Location = "Kecamatan Secanggang",
            Stages = [.. all.Where(entry => entry.Stage <= reached)],
            TenderPeriod = new ProcessPeriod(At(2026, 2, 2, 8), At(2026, 2, 16, 16)),
            Vendors = [MajuJaya, KaryaBangun, SinarTerang],
            Bids =
            [
                new OcdsBid("B-1", MajuJaya.Id, 2_310_000_000m, At(2026, 2, 15, 14), BidStatus.Valid),
                new OcdsBid("B-2", KaryaBangun.Id, 2_395_500_000.50m, At(2026, 2, 16, 10), BidStatus.Valid),
                new OcdsBid("B-3", SinarTerang.Id, 1_900_000_000m, At(2026, 2, 16, 15), BidStatus.Disqualified),
            ],
            Award = new OcdsAward("AW-1", At(2026, 3, 1), MajuJaya.Id, 2_310_000_000m, AwardStatus.Active),
            Contract = new OcdsContract(
                "K-1", "027/SP/PUPR/2026", At(2026, 3, 10), new ProcessPeriod(At(2026, 3, 11), At(2026, 9, 30)), 2_310_000_000m, ContractStatus.Active),
            Milestones =
            [
                new OcdsMilestone("M-1", "Pekerjaan 50%", At(2026, 5, 1), At(2026, 4, 28)),
                new OcdsMilestone("M-2", "Serah terima pekerjaan", At(2026, 9, 30)),
            ],
            Payments =
            [
                new OcdsPayment("SP2D-26-00811", At(2026, 4, 20), 462_000_000m, Description: "Uang muka 20%"),
                new OcdsPayment("SP2D-26-01377", At(2026, 5, 10), 693_000_000m, Description: "Termin I"),
            ],
            Documents =
            [
                new OcdsDocument(
                    "PAKTA-1", DocumentSection.Tender, OcdsDocument.IntegrityPactType, "Pakta Integritas", new Uri("https://portal.example.id/paket/RUP-26-0042/pakta.pdf"),
                    At(2026, 1, 30), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "application/pdf"),
                new OcdsDocument(
                    "KONTRAK-1", DocumentSection.Contract, "contractSigned", "Surat Perjanjian", new Uri("https://portal.example.id/paket/RUP-26-0042/kontrak.pdf"),
                    At(2026, 3, 10)),
            ],
        };
    }

    /// <summary>A goods tender with a single bidder, awarded to it.</summary>
    public static ContractingProcess SingleBidder() => new()
    {
        PackageId = "RUP-26-0077",
        Title = "Pengadaan Semen untuk Drainase",
        Buyer = Pupr,
        FiscalYear = 2026,
        Method = ProcurementMethodId.Tender,
        Category = ProcurementCategoryId.Goods,
        Hps = 480_000_000m,
        Pagu = 500_000_000m,
        Stages =
        [
            new(ProcessStage.Planning, At(2026, 1, 12)),
            new(ProcessStage.Tender, At(2026, 2, 3)),
            new(ProcessStage.Evaluation, At(2026, 2, 10)),
            new(ProcessStage.Award, At(2026, 2, 20)),
        ],
        TenderPeriod = new ProcessPeriod(At(2026, 2, 3), At(2026, 2, 9, 16)),
        Vendors = [KaryaBangun],
        Bids = [new OcdsBid("B-1", KaryaBangun.Id, 479_000_000m, At(2026, 2, 9, 15), BidStatus.Valid)],
        Award = new OcdsAward("AW-1", At(2026, 2, 20), KaryaBangun.Id, 479_000_000m, AwardStatus.Active),
    };

    /// <summary>A consultancy selection cancelled during the tender.</summary>
    public static ContractingProcess Cancelled() => new()
    {
        PackageId = "RUP-26-0103",
        Title = "Jasa Konsultansi Perencanaan Jembatan",
        Buyer = Pupr,
        FiscalYear = 2026,
        Method = ProcurementMethodId.Seleksi,
        Category = ProcurementCategoryId.ConsultingServices,
        Hps = 350_000_000m,
        Stages =
        [
            new(ProcessStage.Planning, At(2026, 1, 15)),
            new(ProcessStage.Tender, At(2026, 2, 5)),
            new(ProcessStage.Cancelled, At(2026, 2, 12)),
        ],
        TenderPeriod = new ProcessPeriod(At(2026, 2, 5), At(2026, 2, 19)),
    };

    /// <summary>Every sample, by name, for theories.</summary>
    public static IReadOnlyDictionary<string, ContractingProcess> All { get; } = new Dictionary<string, ContractingProcess>
    {
        ["planning"] = Works(ProcessStage.Planning),
        ["tender"] = Works(ProcessStage.Tender),
        ["bids"] = Works(ProcessStage.Evaluation),
        ["awarded"] = Works(ProcessStage.Award),
        ["contracted"] = Works(ProcessStage.Contract),
        ["implementation"] = Works(ProcessStage.Implementation),
        ["cancelled"] = Cancelled(),
        ["single-bidder"] = SingleBidder(),
    };

    public static TheoryData<string> Names => new(All.Keys);

    public static OcdsPackageWriter Writer => new(Publication);

    public static async IAsyncEnumerable<ContractingProcess> Stream(params ContractingProcess[] processes)
    {
        foreach (var process in processes)
        {
            await Task.Yield();
            yield return process;
        }
    }

    public static async Task<string> ReleasePackage(OcdsPageLinks? links, params ContractingProcess[] processes)
    {
        using var stream = new MemoryStream();
        await Writer.WriteReleasePackageAsync(stream, Info, links, Stream(processes), TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<string> RecordPackage(params ContractingProcess[] processes)
    {
        using var stream = new MemoryStream();
        await Writer.WriteRecordPackageAsync(stream, Info with { Uri = new Uri("https://portal.example.id/ocds/v1/records/x.json") }, Stream(processes), TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<string> CompiledLines(params ContractingProcess[] processes)
    {
        using var stream = new MemoryStream();
        await Writer.WriteCompiledReleasesAsync(stream, Stream(processes), TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
