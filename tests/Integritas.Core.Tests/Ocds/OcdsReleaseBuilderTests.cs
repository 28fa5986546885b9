using System.Text.Json.Nodes;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>One release per stage, with the right tag, and only the sections that stage knows.</summary>
public class OcdsReleaseBuilderTests
{
    private static readonly OcdsReleaseBuilder Builder = new(OcdsSamples.Publication);

    [Fact]
    public void APlannedPackageHasOnePlanningReleaseWithItsBudgetAndNoLaterSections()
    {
        var release = Assert.Single(Builder.Build(OcdsSamples.Works(ProcessStage.Planning)));

        Assert.Equal("ocds-afzrfb-RUP-26-0042", Str(release, "ocid"));
        Assert.Equal("ocds-afzrfb-RUP-26-0042-planning-20260110020000", Str(release, "id"));
        Assert.Equal("2026-01-10T09:00:00+07:00", Str(release, "date"));
        Assert.Equal(["planning"], Tags(release));
        Assert.Equal("tender", Str(release, "initiationType"));
        Assert.Equal("id", Str(release, "language"));
        Assert.Equal(2_500_000_000m, release["planning"]!["budget"]!["amount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("IDR", Str(release, "planning", "budget", "amount", "currency"));
        Assert.Equal("1.03.02.2.01.0012", Str(release, "planning", "budget", "id"));
        Assert.Equal("planned", Str(release, "tender", "status"));
        Assert.Null(release["tender"]!["tenderPeriod"]);
        Assert.Null(release["tender"]!["tenderers"]);
        Assert.Null(release["bids"]);
        Assert.Null(release["awards"]);
        Assert.Null(release["contracts"]);
        Assert.Equal(["buyer"], Roles(release, "opd-" + OcdsSamples.Pupr.Code));
        Assert.Equal(["procuringEntity"], Roles(release, "opd-" + OcdsSamples.Ukpbj.Code));
    }

    [Fact]
    public void ATenderReleaseDescribesTheTender()
    {
        var release = Builder.Build(OcdsSamples.Works(ProcessStage.Tender))[^1];

        Assert.Equal(["tender"], Tags(release));
        var tender = release["tender"]!;
        Assert.Equal("RUP-26-0042", Str(tender, "id"));
        Assert.Equal("active", Str(tender, "status"));
        Assert.Equal("open", Str(tender, "procurementMethod"));
        Assert.Equal("Tender", Str(tender, "procurementMethodDetails"));
        Assert.Equal("works", Str(tender, "mainProcurementCategory"));
        Assert.Equal(2_450_000_000m, tender["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2026-02-02T08:00:00+07:00", Str(tender, "tenderPeriod", "startDate"));
        Assert.Equal("2026-02-16T16:00:00+07:00", Str(tender, "tenderPeriod", "endDate"));
        Assert.Contains("Lokasi: Kecamatan Secanggang", Str(tender, "description"));
        Assert.Equal("opd-" + OcdsSamples.Ukpbj.Code, Str(tender, "procuringEntity", "id"));
        Assert.Null(release["bids"]);

        var pact = Assert.Single(tender["documents"]!.AsArray())!;
        Assert.Equal(OcdsDocument.IntegrityPactType, Str(pact, "documentType"));
        Assert.Equal("SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Str(pact, "description"));
        Assert.Equal("https://portal.example.id/paket/RUP-26-0042/pakta.pdf", Str(pact, "url"));
    }

    [Fact]
    public void OpeningTheBidsPublishesThemWithStatisticsAndTenderers()
    {
        var release = Builder.Build(OcdsSamples.Works(ProcessStage.Evaluation))[^1];

        Assert.Equal(["tenderUpdate"], Tags(release));
        var statistics = release["bids"]!["statistics"]!.AsArray().ToDictionary(s => Str(s!, "measure"), s => s!["value"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["bids"] = 3, ["validBids"] = 2, ["bidders"] = 3, ["disqualifiedBidders"] = 1 }, statistics);

        var details = release["bids"]!["details"]!.AsArray();
        Assert.Equal(["B-1", "B-2", "B-3"], details.Select(bid => Str(bid!, "id")));
        Assert.Equal(["valid", "valid", "disqualified"], details.Select(bid => Str(bid!, "status")));
        Assert.Equal(["penyedia-101", "penyedia-102", "penyedia-103"], details.Select(bid => Str(bid!["tenderers"]![0]!, "id")));
        Assert.Equal(2_395_500_000.50m, details[1]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2026-02-16T10:00:00+07:00", Str(details[1]!, "date"));
        Assert.Equal(3, release["tender"]!["numberOfTenderers"]!.GetValue<int>());
        Assert.Equal(3, release["tender"]!["tenderers"]!.AsArray().Count);
        Assert.Equal(["tenderer"], Roles(release, "penyedia-103"));
        var identifier = PartyById(release, "penyedia-101")["identifier"]!;
        Assert.Equal(["ID-NPWP", "01.234.567.8-123.000"], [Str(identifier, "scheme"), Str(identifier, "id")]);
    }

    [Fact]
    public void TheAwardReleaseNamesTheSupplier()
    {
        var release = Builder.Build(OcdsSamples.Works(ProcessStage.Award))[^1];

        Assert.Equal(["award"], Tags(release));
        Assert.Equal("complete", Str(release, "tender", "status"));
        var award = Assert.Single(release["awards"]!.AsArray())!;
        Assert.Equal(["AW-1", "active", "2026-03-01T09:00:00+07:00"], [Str(award, "id"), Str(award, "status"), Str(award, "date")]);
        Assert.Equal(2_310_000_000m, award["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("penyedia-101", Str(Assert.Single(award["suppliers"]!.AsArray())!, "id"));
        Assert.Equal(["tenderer", "supplier"], Roles(release, "penyedia-101"));
        Assert.Null(release["contracts"]);
    }

    [Fact]
    public void TheContractReleaseHasTheSignedContractAndItsMilestones()
    {
        var release = Builder.Build(OcdsSamples.Works(ProcessStage.Contract))[^1];

        Assert.Equal(["contract"], Tags(release));
        var contract = Assert.Single(release["contracts"]!.AsArray())!;
        Assert.Equal(["K-1", "AW-1", "027/SP/PUPR/2026", "active"], [Str(contract, "id"), Str(contract, "awardID"), Str(contract, "title"), Str(contract, "status")]);
        Assert.Equal("2026-03-10T09:00:00+07:00", Str(contract, "dateSigned"));
        Assert.Equal("2026-09-30T09:00:00+07:00", Str(contract, "period", "endDate"));
        Assert.Equal(["scheduled", "scheduled"], contract["milestones"]!.AsArray().Select(m => Str(m!, "status")));
        Assert.Equal("contractSigned", Str(Assert.Single(contract["documents"]!.AsArray())!, "documentType"));
        Assert.Null(contract["implementation"]);
    }

    [Fact]
    public void ImplementationReleasesCarryThePaymentsMadeByTheirDate()
    {
        var releases = Builder.Build(OcdsSamples.Works());

        Assert.Equal(
            ["planning", "tender", "tenderUpdate", "award", "contract", "implementation", "implementationUpdate"],
            releases.Select(release => Tags(release).Single()));
        Assert.Empty(Transactions(releases[5]));

        var latest = releases[6];
        var transactions = Transactions(latest);
        Assert.Equal(["SP2D-26-00811", "SP2D-26-01377"], transactions.Select(t => Str(t, "id")));
        Assert.Equal([462_000_000m, 693_000_000m], transactions.Select(t => t["value"]!["amount"]!.GetValue<decimal>()));
        Assert.All(transactions, t => Assert.Equal("opd-" + OcdsSamples.Pupr.Code, Str(t, "payer", "id")));
        Assert.All(transactions, t => Assert.Equal("penyedia-101", Str(t, "payee", "id")));
        Assert.Equal(["buyer", "payer"], Roles(latest, "opd-" + OcdsSamples.Pupr.Code));
        Assert.Equal(["tenderer", "supplier", "payee"], Roles(latest, "penyedia-101"));

        var milestones = latest["contracts"]![0]!["milestones"]!.AsArray();
        Assert.Equal(["met", "scheduled"], milestones.Select(m => Str(m!, "status")));
        Assert.Equal("2026-04-28T09:00:00+07:00", Str(milestones[0]!, "dateMet"));
    }

    [Fact]
    public void ACancelledSelectionEndsWithATenderCancellation()
    {
        var releases = Builder.Build(OcdsSamples.Cancelled());

        Assert.Equal(["planning", "tender", "tenderCancellation"], releases.Select(release => Tags(release).Single()));
        var last = releases[^1];
        Assert.Equal("cancelled", Str(last, "tender", "status"));
        Assert.Equal("selective", Str(last, "tender", "procurementMethod"));
        Assert.Equal("Seleksi", Str(last, "tender", "procurementMethodDetails"));
        Assert.Equal("services", Str(last, "tender", "mainProcurementCategory"));
        Assert.Equal("consultingServices", Str(last, "tender", "additionalProcurementCategories", "0"));
        Assert.Equal("cancelled", Str(OcdsMerge.Compile(releases), "tender", "status"));
    }

    [Fact]
    public void CancellingAfterTheAwardCancelsTheAwardToo()
    {
        var process = OcdsSamples.Works(ProcessStage.Award);
        process = process with { Stages = [.. process.Stages, new StageEntry(ProcessStage.Cancelled, OcdsSamples.At(2026, 3, 5))] };

        var last = Builder.Build(process)[^1];

        Assert.Equal(["tenderCancellation", "awardCancellation"], Tags(last));
        Assert.Equal("cancelled", Str(last, "awards", "0", "status"));
    }

    [Fact]
    public void AnEPurchaseWithoutHpsOrEvaluationPublishesItsOrderAtTheAward()
    {
        var order = OcdsSamples.SingleBidder() with
        {
            Method = ProcurementMethodId.EPurchasing,
            Hps = null,
            Stages = [new(ProcessStage.Tender, OcdsSamples.At(2026, 2, 3)), new(ProcessStage.Award, OcdsSamples.At(2026, 2, 4))],
        };

        var releases = Builder.Build(order);

        Assert.Equal(["tender", "award"], releases.Select(release => Tags(release).Single()));
        Assert.Null(releases[0]["tender"]!["value"]);
        Assert.Null(releases[0]["bids"]);
        Assert.Equal("direct", Str(releases[1], "tender", "procurementMethod"));
        Assert.Equal("B-1", Str(releases[1], "bids", "details", "0", "id"));
        Assert.Equal(1, releases[1]["tender"]!["numberOfTenderers"]!.GetValue<int>());
    }

    [Fact]
    public void ATenderWithoutBidsPublishesZeroCounts()
    {
        var empty = OcdsSamples.Works(ProcessStage.Evaluation) with { Bids = [] };

        var release = Builder.Build(empty)[^1];

        Assert.Equal(0, release["tender"]!["numberOfTenderers"]!.GetValue<int>());
        Assert.Empty(release["bids"]!["details"]!.AsArray());
        Assert.All(release["bids"]!["statistics"]!.AsArray(), statistic => Assert.Equal(0, statistic!["value"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData(ProcurementMethodId.EPurchasing, "direct", "E-Purchasing")]
    [InlineData(ProcurementMethodId.PengadaanLangsung, "direct", "Pengadaan Langsung")]
    [InlineData(ProcurementMethodId.PenunjukanLangsung, "limited", "Penunjukan Langsung")]
    [InlineData(ProcurementMethodId.TenderCepat, "selective", "Tender Cepat")]
    [InlineData(ProcurementMethodId.Tender, "open", "Tender")]
    [InlineData(ProcurementMethodId.Seleksi, "selective", "Seleksi")]
    public void MethodsMapToTheOcdsMethodCodelist(ProcurementMethodId method, string code, string details)
    {
        var release = Builder.Build(OcdsSamples.Works(ProcessStage.Tender) with { Method = method })[^1];

        Assert.Equal(code, Str(release, "tender", "procurementMethod"));
        Assert.Equal(details, Str(release, "tender", "procurementMethodDetails"));
    }

    [Theory]
    [MemberData(nameof(OcdsSchemaTests.Samples), MemberType = typeof(OcdsSchemaTests))]
    public void EveryOrganizationReferencePointsAtAPartyAndIdsAreUnique(string sample)
    {
        var releases = Builder.Build(OcdsSamples.All[sample]);

        Assert.Equal(releases.Count, releases.Select(release => Str(release, "id")).Distinct().Count());
        foreach (var release in releases.Append(OcdsMerge.Compile(releases)))
        {
            var parties = release["parties"]!.AsArray().Select(party => Str(party!, "id")).ToHashSet();
            Assert.Equal(release["parties"]!.AsArray().Count, parties.Count);
            var references = References(release).ToList();
            Assert.NotEmpty(references);
            Assert.All(references, id => Assert.Contains(id, parties));
        }
    }

    [Fact]
    public void UtcDatesAreWrittenWithZ()
    {
        var utc = new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-01-10T02:00:00Z", OcdsCodes.Date(utc));
        Assert.Equal("2026-01-10T09:00:00+07:00", OcdsCodes.Date(utc.ToOffset(OcdsSamples.Wib).AddTicks(1234)));
    }

    [Fact]
    public void TheOcidPrefixMustLookRegistered()
    {
        Assert.Throws<ArgumentException>(() => new OcdsPublication("afzrfb", "X"));
        Assert.Throws<ArgumentException>(() => new OcdsPublication("ocds-AFZRFB", "X"));
        Assert.Equal("ocds-213czf-P1", new OcdsPublication("ocds-213czf", "X").Ocid("P1"));
    }

    public static TheoryData<string, string> Inconsistent => new()
    {
        { "award stage without award", "no award" },
        { "stages out of order", "follows the later stage" },
        { "unknown vendor", "not listed among the vendors" },
        { "negative bid", "negative" },
        { "duplicate bid id", "used twice" },
        { "stage after cancellation", "follows the cancellation" },
    };

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public void AnInconsistentProcessIsRefused(string inconsistency, string message)
    {
        var works = OcdsSamples.Works();
        var process = inconsistency switch
        {
            "award stage without award" => works with { Award = null, Contract = null },
            "stages out of order" => works with { Stages = [works.Stages[0], works.Stages[3], works.Stages[1]] },
            "unknown vendor" => works with { Vendors = [OcdsSamples.MajuJaya, OcdsSamples.KaryaBangun] },
            "negative bid" => works with { Bids = [works.Bids[0] with { Amount = -1m }] },
            "duplicate bid id" => works with { Bids = [works.Bids[0], works.Bids[1] with { Id = "B-1" }] },
            _ => OcdsSamples.Cancelled() with { Stages = [.. OcdsSamples.Cancelled().Stages, new StageEntry(ProcessStage.Tender, OcdsSamples.At(2026, 3, 1))] },
        };

        var error = Assert.Throws<ArgumentException>(() => Builder.Build(process));
        Assert.Contains(message, error.Message);
    }

    internal static string Str(JsonNode node, params string[] path) =>
        path.Aggregate<string, JsonNode?>(node, (current, part) => int.TryParse(part, out var index) ? current?[index] : current?[part])!.GetValue<string>();

    private static List<string> Tags(JsonObject release) => [.. release["tag"]!.AsArray().Select(tag => tag!.GetValue<string>())];

    private static JsonObject PartyById(JsonObject release, string id) =>
        release["parties"]!.AsArray().Single(party => Str(party!, "id") == id)!.AsObject();

    private static List<string> Roles(JsonObject release, string id) =>
        [.. PartyById(release, id)["roles"]!.AsArray().Select(role => role!.GetValue<string>())];

    private static List<JsonNode> Transactions(JsonObject release) =>
        [.. (release["contracts"]![0]!["implementation"]?["transactions"]?.AsArray() ?? []).Select(t => t!)];

    /// <summary>The ids of every OrganizationReference in a release.</summary>
    private static IEnumerable<string> References(JsonNode? node, string? key = null)
    {
        string[] referenceFields = ["buyer", "procuringEntity", "tenderers", "suppliers", "payer", "payee"];
        switch (node)
        {
            case JsonObject obj when key is not null && referenceFields.Contains(key):
                yield return Str(obj, "id");
                break;
            case JsonObject obj:
                foreach (var (childKey, child) in obj.Where(pair => pair.Key != "parties"))
                {
                    foreach (var id in References(child, childKey))
                    {
                        yield return id;
                    }
                }

                break;
            case JsonArray array:
                foreach (var id in array.SelectMany(item => References(item, key)))
                {
                    yield return id;
                }

                break;
        }
    }
}
