using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Budget;

/// <summary>What a desa (or a kecamatan's desa together) received by fund source, and spent.</summary>
public sealed record FundsRow(int RegionId, string Code, string Name, decimal DanaDesa, decimal Add, decimal BagiHasil, decimal Spent, int? ParentId = null)
{
    public decimal Received => DanaDesa + Add + BagiHasil;

    /// <summary>Spent ÷ received × 100 (two decimals); null when nothing was received.</summary>
    public decimal? SpentPct => BudgetPortal.Absorption(Received, Spent);
}

/// <summary>One link of the village-fund Sankey, between two node keys.</summary>
public sealed record FundFlow(string From, string To, decimal Amount);

public sealed record VillageOverview(
    int Year,
    string RegencyName,
    List<FundsRow> Kecamatan,
    List<FundsRow> Desa,
    FundsRow? Chosen,
    List<FundFlow> Flows,
    Dictionary<string, string> Labels)
{
    public decimal DanaDesa => Kecamatan.Sum(k => k.DanaDesa);

    public decimal Add => Kecamatan.Sum(k => k.Add);

    public decimal BagiHasil => Kecamatan.Sum(k => k.BagiHasil);

    public decimal Received => Kecamatan.Sum(k => k.Received);

    public decimal Spent => Kecamatan.Sum(k => k.Spent);
}

public sealed record DesaSpendingRow(string ActivityCode, string ActivityName, VillageFundSource Source, decimal Amount, int Count);

public sealed record DesaFunds(int Year, int Id, string Code, string Name, string KindLabel, int? KecamatanId, string? KecamatanName, List<VillageTransfer> Transfers, List<DesaSpendingRow> Spending)
{
    public decimal Received => Transfers.Sum(t => t.Amount);

    public decimal Spent => Spending.Sum(s => s.Amount);
}

/// <summary>
/// Village funds for the portal: Dana Desa (APBN), ADD (APBD) and bagi hasil flowing through the kabupaten to each
/// kecamatan's desa and on to the activities the desa spent them on.
/// </summary>
public sealed class VillageFunds(IntegritasDbContext db, Ui ui, IOptions<IntegritasOptions> options)
{
    /// <summary>Bidang of the village budget (Permendagri 20/2018): the first segment of an activity code.</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string En)> Bidang = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["1"] = ("Penyelenggaraan pemerintahan desa", "Village government"),
        ["2"] = ("Pelaksanaan pembangunan desa", "Village development"),
        ["3"] = ("Pembinaan kemasyarakatan", "Community affairs"),
        ["4"] = ("Pemberdayaan masyarakat", "Community empowerment"),
        ["5"] = ("Penanggulangan bencana, darurat dan mendesak", "Disasters and emergencies"),
    };

    public string SourceName(VillageFundSource source) => source switch
    {
        VillageFundSource.DanaDesa => ui.T("Dana Desa (APBN)", "Village Fund (national budget)"),
        VillageFundSource.Add => ui.T("Alokasi Dana Desa (APBD)", "Village allocation (regency budget)"),
        _ => ui.T("Bagi hasil pajak & retribusi", "Tax and levy revenue sharing"),
    };

    public async Task<VillageOverview?> OverviewAsync(int year, int? kecamatanId, CancellationToken ct)
    {
        var regencyCode = options.Value.HomeRegionCode;
        var regency = await db.Regions.AsNoTracking().Where(r => r.Code == regencyCode).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(ct);
        if (regency is null)
        {
            return null;
        }

        var kecamatan = await db.Regions.AsNoTracking().Where(r => r.ParentId == regency.Id && r.Level == RegionLevel.District)
            .OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(ct);
        var desa = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Parent!.ParentId == regency.Id)
            .OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name, ParentId = r.ParentId!.Value }).ToListAsync(ct);
        var transfers = await db.VillageTransfers.Where(t => t.Year == year)
            .GroupBy(t => new { t.DesaId, t.Source }).Select(g => new { g.Key.DesaId, g.Key.Source, Amount = g.Sum(t => t.Amount) }).ToListAsync(ct);
        var spending = await db.VillageSpending.Where(s => s.Year == year)
            .GroupBy(s => new { s.DesaId, s.ActivityCode }).Select(g => new { g.Key.DesaId, g.Key.ActivityCode, Name = g.Max(s => s.ActivityName), Amount = g.Sum(s => s.Amount) })
            .ToListAsync(ct);

        decimal Received(int desaId, VillageFundSource source) => transfers.Where(t => t.DesaId == desaId && t.Source == source).Sum(t => t.Amount);
        var desaRows = desa.Select(d => new FundsRow(d.Id, d.Code, d.Name,
            Received(d.Id, VillageFundSource.DanaDesa), Received(d.Id, VillageFundSource.Add), Received(d.Id, VillageFundSource.BagiHasil),
            spending.Where(s => s.DesaId == d.Id).Sum(s => s.Amount), d.ParentId)).ToList();
        var kecamatanRows = kecamatan.Select(k =>
        {
            var own = desaRows.Where(d => d.ParentId == k.Id).ToList();
            return new FundsRow(k.Id, k.Code, k.Name, own.Sum(d => d.DanaDesa), own.Sum(d => d.Add), own.Sum(d => d.BagiHasil), own.Sum(d => d.Spent), regency.Id);
        }).ToList();
        var chosen = kecamatanId is { } id ? kecamatanRows.SingleOrDefault(k => k.RegionId == id) : null;

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["kab"] = regency.Name, ["sisa"] = ui.T("Belum dibelanjakan", "Not spent yet") };
        var flows = new List<FundFlow>();
        void Flow(string from, string to, decimal amount)
        {
            if (amount > 0)
            {
                flows.Add(new FundFlow(from, to, amount));
            }
        }

        foreach (var source in new[] { VillageFundSource.DanaDesa, VillageFundSource.Add, VillageFundSource.BagiHasil })
        {
            labels[$"src:{source}"] = SourceName(source);
            Flow($"src:{source}", "kab", desaRows.Sum(d => source switch
            {
                VillageFundSource.DanaDesa => d.DanaDesa,
                VillageFundSource.Add => d.Add,
                _ => d.BagiHasil,
            }));
        }

        var desaById = desaRows.ToDictionary(d => d.RegionId);
        if (chosen is null)
        {
            // The whole regency: kecamatan → bidang keeps the chart readable (23 kecamatan, 5 bidang).
            foreach (var k in kecamatanRows)
            {
                labels[$"kec:{k.Code}"] = k.Name;
                Flow("kab", $"kec:{k.Code}", k.Received);
                foreach (var bidang in spending.Where(s => desaById.TryGetValue(s.DesaId, out var d) && d.ParentId == k.RegionId)
                    .GroupBy(s => BidangOf(s.ActivityCode)).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    labels[$"bid:{bidang.Key}"] = Bidang.TryGetValue(bidang.Key, out var n) ? ui.T(n.Id, n.En) : bidang.Key;
                    Flow($"kec:{k.Code}", $"bid:{bidang.Key}", bidang.Sum(s => s.Amount));
                }

                Flow($"kec:{k.Code}", "sisa", k.Received - k.Spent);
            }
        }
        else
        {
            // One kecamatan expanded to its desa and their activities; the others stay one node.
            labels["kec:lain"] = ui.T("Kecamatan lain", "Other districts");
            labels[$"kec:{chosen.Code}"] = chosen.Name;
            Flow("kab", $"kec:{chosen.Code}", chosen.Received);
            Flow("kab", "kec:lain", kecamatanRows.Where(k => k.RegionId != chosen.RegionId).Sum(k => k.Received));
            foreach (var d in desaRows.Where(d => d.ParentId == chosen.RegionId))
            {
                labels[$"desa:{d.Code}"] = d.Name;
                Flow($"kec:{chosen.Code}", $"desa:{d.Code}", d.Received);
                foreach (var activity in spending.Where(s => s.DesaId == d.RegionId).OrderBy(s => s.ActivityCode, StringComparer.Ordinal))
                {
                    labels.TryAdd($"act:{activity.ActivityCode}", activity.Name ?? activity.ActivityCode);
                    Flow($"desa:{d.Code}", $"act:{activity.ActivityCode}", activity.Amount);
                }

                Flow($"desa:{d.Code}", "sisa", d.Received - d.Spent);
            }
        }

        var shownDesa = chosen is null ? desaRows : [.. desaRows.Where(d => d.ParentId == chosen.RegionId)];
        return new VillageOverview(year, regency.Name, kecamatanRows, shownDesa, chosen, flows, labels);
    }

    public static string BidangOf(string activityCode)
    {
        var dot = activityCode.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? activityCode : activityCode[..dot];
    }

    public async Task<DesaFunds?> DesaAsync(int id, int year, CancellationToken ct)
    {
        var desa = await db.Regions.AsNoTracking().Include(r => r.Parent).Where(r => r.Id == id && r.Level == RegionLevel.Village).SingleOrDefaultAsync(ct);
        if (desa is null)
        {
            return null;
        }

        var transfers = await db.VillageTransfers.AsNoTracking().Where(t => t.Year == year && t.DesaId == id).ToListAsync(ct);
        var spending = await db.VillageSpending.Where(s => s.Year == year && s.DesaId == id)
            .GroupBy(s => new { s.ActivityCode, s.Source })
            .Select(g => new { g.Key.ActivityCode, g.Key.Source, Name = g.Max(s => s.ActivityName), Amount = g.Sum(s => s.Amount), Count = g.Count() })
            .ToListAsync(ct);
        return new DesaFunds(year, desa.Id, desa.Code, desa.Name, desa.KindLabel, desa.ParentId, desa.Parent?.Name,
            [.. transfers.OrderBy(t => t.Source).ThenBy(t => t.Stage)],
            [.. spending.Select(s => new DesaSpendingRow(s.ActivityCode, s.Name ?? s.ActivityCode, s.Source, s.Amount, s.Count))
                .OrderBy(s => s.ActivityCode, StringComparer.Ordinal).ThenBy(s => s.Source)]);
    }

    /// <summary>Years with village transfers or spending, newest first.</summary>
    public async Task<List<int>> YearsAsync(CancellationToken ct)
    {
        var transfers = await db.VillageTransfers.Select(t => t.Year).Distinct().ToListAsync(ct);
        var spending = await db.VillageSpending.Select(s => s.Year).Distinct().ToListAsync(ct);
        return [.. transfers.Union(spending).OrderDescending()];
    }
}
