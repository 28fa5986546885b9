using Integritas.Core.Ocds;
using Integritas.Data;
using Integritas.Data.Evidence;
using Integritas.Data.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CoreProcurement = Integritas.Core.Procurement;

namespace Integritas.Web.Features.Procurement.Ocds;

/// <summary>Settings of the OCDS publication (<c>Integritas:Ocds</c>).</summary>
public sealed class OcdsOptions
{
    public const string Section = "Integritas:Ocds";

    /// <summary>The ocid prefix registered with the Open Contracting Partnership: "ocds-" and six letters or digits.</summary>
    public string OcidPrefix { get; set; } = "ocds-lkt000";

    public string PublisherName { get; set; } = "Pemerintah Kabupaten Langkat";

    public string? License { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    public string? PublicationPolicy { get; set; }

    /// <summary>Packages per page of the release package.</summary>
    public int PageSize { get; set; } = 50;
}

/// <summary>
/// Maps procurement packages (with their stage history, bids, award, contract, milestones and integrity pact) to the
/// OCDS input model of <c>Core/Ocds</c>, in batches so every package can be streamed out.
/// </summary>
public sealed class OcdsFeed(IntegritasDbContext db, IOptions<OcdsOptions> options, TimeProvider clock, ILogger<OcdsFeed> logger)
{
    public OcdsPublication Publication { get; } = new(options.Value.OcidPrefix, options.Value.PublisherName,
        options.Value.License is { Length: > 0 } l ? new Uri(l) : null, options.Value.PublicationPolicy is { Length: > 0 } p ? new Uri(p) : null);

    /// <summary>
    /// A page of the packages that have a history (so at least a planning release), in id order, and whether
    /// another page follows.
    /// </summary>
    public async Task<(List<ContractingProcess> Processes, bool HasNext)> PageAsync(int skip, int take, Uri baseUri, CancellationToken ct)
    {
        var ids = await Published().OrderBy(p => p.Id).Skip(skip).Take(take + 1).Select(p => p.Id).ToListAsync(ct);
        return (await ProcessesAsync([.. ids.Take(take)], baseUri, ct), ids.Count > take);
    }

    public async Task<ContractingProcess?> ByOcidAsync(string ocid, Uri baseUri, CancellationToken ct)
    {
        var prefix = Publication.OcidPrefix + "-";
        if (!ocid.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var code = ocid[prefix.Length..];
        var ids = await Published().Where(p => p.Code == code).Select(p => p.Id).ToListAsync(ct);
        return (await ProcessesAsync(ids, baseUri, ct)).SingleOrDefault();
    }

    public async IAsyncEnumerable<ContractingProcess> AllAsync(Uri baseUri, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var last = 0;
        while (true)
        {
            var ids = await Published().Where(p => p.Id > last).OrderBy(p => p.Id).Take(200).Select(p => p.Id).ToListAsync(ct);
            if (ids.Count == 0)
            {
                yield break;
            }

            foreach (var process in await ProcessesAsync(ids, baseUri, ct))
            {
                yield return process;
            }

            db.ChangeTracker.Clear();
            last = ids[^1];
        }
    }

    private IQueryable<ConstructionPackage> Published() =>
        db.ConstructionPackages.AsNoTracking().Where(p => db.PackageStageEvents.Any(e => e.PackageId == p.Id));

    private async Task<List<ContractingProcess>> ProcessesAsync(List<int> ids, Uri baseUri, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var packages = await db.ConstructionPackages.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Opd).Include(p => p.Region).Include(p => p.SupplierVendor).Include(p => p.Milestones).ToListAsync(ct);
        var events = (await db.PackageStageEvents.AsNoTracking().Where(e => ids.Contains(e.PackageId)).ToListAsync(ct))
            .ToLookup(e => e.PackageId);
        var bids = (await db.Bids.AsNoTracking().Where(b => ids.Contains(b.PackageId)).Include(b => b.Vendor).ToListAsync(ct)).ToLookup(b => b.PackageId);
        var pacts = (await db.IntegrityPacts.AsNoTracking().Where(p => ids.Contains(p.PackageId))
            .Select(p => new { p.PackageId, p.Revision, p.Sha256, p.CreatedAtUtc }).ToListAsync(ct))
            .GroupBy(p => p.PackageId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Revision)!);
        var payments = (await db.Payments.AsNoTracking().Where(p => p.PackageId != null && ids.Contains(p.PackageId.Value))
            .Select(p => new PackagePayment(p.PackageId!.Value, p.Id, p.Date, p.Amount, p.Description)).ToListAsync(ct)).ToLookup(p => p.PackageId);
        var processes = new List<ContractingProcess>(packages.Count);
        foreach (var package in packages.OrderBy(p => p.Id))
        {
            var process = Map(package, events[package.Id], bids[package.Id],
                pacts.TryGetValue(package.Id, out var pact) ? (pact.Sha256, pact.CreatedAtUtc) : null, payments[package.Id], clock.GetUtcNow(), baseUri);
            // A package whose recorded facts do not make a consistent process (e.g. edited by hand) is left out
            // rather than published wrong or failing the whole feed.
            var problems = OcdsProcessValidator.Problems(process).ToList();
            if (problems.Count == 0)
            {
                processes.Add(process);
            }
            else
            {
                logger.LogWarning("Package {Code} is left out of the OCDS publication: {Problems}", package.Code, string.Join("; ", problems));
            }
        }

        return processes;
    }

    private sealed record PackagePayment(int PackageId, string Id, DateOnly Date, decimal Amount, string Description);

    /// <summary>Payments are published at the end of their (WIB) working day.</summary>
    private static readonly TimeSpan PaymentTimeOfDay = TimeSpan.FromHours(17);

    private static ContractingProcess Map(ConstructionPackage p, IEnumerable<PackageStageEvent> events, IEnumerable<Bid> bids,
        (string Sha256, DateTime At)? pact, IEnumerable<PackagePayment> payments, DateTimeOffset now, Uri baseUri)
    {
        static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
        static DateTimeOffset Wib(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var bidList = bids.OrderBy(b => b.SubmittedAtUtc).ThenBy(b => b.Id).ToList();
        var vendors = bidList.Select(b => b.Vendor!).Append(p.SupplierVendor).OfType<Data.Vendors.Vendor>()
            .DistinctBy(v => v.Id).Select(v => new OcdsVendor(v.Code, v.Name, v.TaxNumber)).ToList();
        var stages = new List<StageEntry>();
        foreach (var e in events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
        {
            ProcessStage? stage = e.Stage switch
            {
                CoreProcurement.ProcurementStage.Planned => ProcessStage.Planning,
                CoreProcurement.ProcurementStage.TenderOpen => ProcessStage.Tender,
                CoreProcurement.ProcurementStage.BidsClosed => ProcessStage.Evaluation,
                CoreProcurement.ProcurementStage.Awarded => ProcessStage.Award,
                CoreProcurement.ProcurementStage.Contracted => ProcessStage.Contract,
                CoreProcurement.ProcurementStage.Implementation => ProcessStage.Implementation,
                CoreProcurement.ProcurementStage.Cancelled => ProcessStage.Cancelled,
                _ => null,
            };
            if (stage is { } s)
            {
                stages.Add(new StageEntry(s, Utc(e.AtUtc)));
            }
        }

        var cancelled = p.Stage == CoreProcurement.ProcurementStage.Cancelled;
        var winner = p.AwardedBidId is { } won ? bidList.FirstOrDefault(b => b.Id == won) : null;
        OcdsAward? award = p.AwardDate is { } awarded && p.SupplierVendor is { } supplier
            ? new OcdsAward($"{p.Code}-award", Wib(awarded), supplier.Code, p.AwardValue ?? winner?.Amount ?? 0m, cancelled ? AwardStatus.Cancelled : AwardStatus.Active)
            : null;
        OcdsContract? contract = p.ContractNumber is { Length: > 0 } number && award is not null
            ? new OcdsContract($"{p.Code}-contract", number, p.ContractDate is { } signed ? Wib(signed) : null,
                new ProcessPeriod(Wib(p.WorkStart), Wib(p.WorkEnd)), p.ContractValue, cancelled ? ContractStatus.Cancelled : ContractStatus.Active)
            : null;

        // Each day with payments on the contract is an implementation update (the transactions are implementation
        // data): dated at the end of that day, never before the stages recorded up to the contract, and one a second at
        // most (release ids are to the second). A day whose end has not come yet is published when it has, so a
        // release's id and date never change from one request to the next.
        var paymentList = contract is null ? [] : payments.OrderBy(x => x.Date).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        if (paymentList.Count > 0 && stages.All(s => s.Stage != ProcessStage.Cancelled))
        {
            static DateTimeOffset Second(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
            var floor = Second(stages.Where(s => s.Stage < ProcessStage.Implementation).Select(s => s.Date).DefaultIfEmpty(DateTimeOffset.MinValue).Max()).AddSeconds(1);
            var taken = stages.Where(s => s.Stage == ProcessStage.Implementation).Select(s => Second(s.Date).UtcDateTime).ToHashSet();
            foreach (var day in paymentList.Select(x => x.Date).Distinct())
            {
                var at = Second(Wib(day) + PaymentTimeOfDay);
                at = at < floor ? floor : at;
                if (at <= now && taken.Add(at.UtcDateTime))
                {
                    stages.Add(new StageEntry(ProcessStage.Implementation, at));
                }
            }

            stages = [.. stages.OrderBy(s => s.Date).ThenBy(s => s.Stage)];
        }

        return new ContractingProcess
        {
            PackageId = p.Code,
            Title = p.Name,
            Buyer = new OcdsAgency(p.Opd!.Code, p.Opd.Name),
            FiscalYear = p.FiscalYear,
            Method = p.Method switch
            {
                CoreProcurement.ProcurementMethod.EPurchasing => ProcurementMethodId.EPurchasing,
                CoreProcurement.ProcurementMethod.PengadaanLangsung => ProcurementMethodId.PengadaanLangsung,
                CoreProcurement.ProcurementMethod.PenunjukanLangsung => ProcurementMethodId.PenunjukanLangsung,
                CoreProcurement.ProcurementMethod.TenderCepat => ProcurementMethodId.TenderCepat,
                CoreProcurement.ProcurementMethod.Seleksi => ProcurementMethodId.Seleksi,
                _ => ProcurementMethodId.Tender,
            },
            Category = p.Category switch
            {
                CoreProcurement.ProcurementCategory.Goods => ProcurementCategoryId.Goods,
                CoreProcurement.ProcurementCategory.Construction => ProcurementCategoryId.Works,
                CoreProcurement.ProcurementCategory.Consultancy => ProcurementCategoryId.ConsultingServices,
                _ => ProcurementCategoryId.Services,
            },
            Hps = p.Hps,
            Pagu = p.Pagu,
            Location = string.Join(", ", new[] { p.Location, p.Region?.Name }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } where ? where : null,
            Stages = stages,
            TenderPeriod = p.TenderStartUtc is null && p.TenderEndUtc is null ? null
                : new ProcessPeriod(p.TenderStartUtc is { } start ? Utc(start) : null, p.TenderEndUtc is { } end ? Utc(end) : null),
            Vendors = vendors,
            Bids = [.. bidList.Select(b => new OcdsBid(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Vendor!.Code, b.Amount, Utc(b.SubmittedAtUtc),
                b.Status == CoreProcurement.BidStatus.Valid ? BidStatus.Valid : BidStatus.Disqualified))],
            Award = award,
            Contract = contract,
            Payments = [.. paymentList.Select(x => new OcdsPayment(x.Id, Wib(x.Date), x.Amount, Description: x.Description))],
            Milestones = contract is null ? [] : [.. p.Milestones.OrderBy(m => m.Sequence).Select(m => new OcdsMilestone(
                m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, m.DueDate is { } due ? Wib(due) : null))],
            Documents = pact is { } signedPact
                ? [new OcdsDocument("pakta-integritas", DocumentSection.Tender, OcdsDocument.IntegrityPactType, "Pakta integritas",
                    new Uri(baseUri, $"/pengadaan/{Uri.EscapeDataString(p.Code)}/pakta.json"), Utc(signedPact.At), signedPact.Sha256, "application/json")]
                : [],
        };
    }
}
