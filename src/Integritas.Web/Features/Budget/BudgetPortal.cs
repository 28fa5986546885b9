using Integritas.Core.Budget;
using Integritas.Data;
using Integritas.Data.Budget;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget;

/// <summary>Pagu of the current budget version against realised payments, with the absorption percentage.</summary>
public readonly record struct BudgetAmounts(decimal Pagu, decimal Realisation, long Payments = 0)
{
    /// <summary>Realisation ÷ pagu × 100, two decimals half away from zero; null without a pagu.</summary>
    public decimal? AbsorptionPct => BudgetPortal.Absorption(Pagu, Realisation);

    public bool OverPagu => Realisation > Pagu;

    public static BudgetAmounts operator +(BudgetAmounts a, BudgetAmounts b) => new(a.Pagu + b.Pagu, a.Realisation + b.Realisation, a.Payments + b.Payments);
}

public sealed record OpdAbsorption(int OpdId, string Code, string Name, string? ShortName, BudgetAmounts Amounts);

public sealed record AccountGroupRow(string Code, string Name, string NameEn, BudgetAmounts Amounts);

public sealed record RegencyBudget(int Year, BudgetVersion? Version, List<OpdAbsorption> Opds, decimal[] ByMonth, List<AccountGroupRow> ByAccountGroup)
{
    public BudgetAmounts Total => Opds.Aggregate(default(BudgetAmounts), (sum, o) => sum + o.Amounts);
}

/// <summary>A node of an OPD's budget tree: a program, a kegiatan or a sub kegiatan.</summary>
public sealed record BudgetNode(string Code, string Name, BudgetCodeKind Kind, BudgetAmounts Amounts, List<BudgetNode> Children);

public sealed record AccountRow(string Code, string Name, BudgetAmounts Amounts);

/// <summary>A payment as listed; member-initialised (not positional) so EF can still sort and page on its properties.</summary>
public sealed record PaymentRow
{
    public required string Id { get; init; }

    public DateOnly Date { get; init; }

    public int OpdId { get; init; }

    public required string OpdCode { get; init; }

    public required string SubKegiatanCode { get; init; }

    public required string AccountCode { get; init; }

    public string? VendorCode { get; init; }

    public string? VendorName { get; init; }

    public required string Description { get; init; }

    public decimal Amount { get; init; }

    public PaymentFlags Flags { get; init; }

    /// <summary>The procurement package whose contract it pays, if any.</summary>
    public string? PackageCode { get; init; }
}

public sealed record OpdRef(int Id, string Code, string Name);

public sealed record PaymentItemRow(int LineNo, string? ItemCode, string Name, decimal Quantity, string Unit, decimal UnitPrice, decimal? ReferenceUnitPrice, decimal? MarkupPercent, bool AboveReference)
{
    public decimal Total => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One payment with its line items, names of its codes, and its budget line for context.</summary>
public sealed record PaymentDetail(PaymentRow Payment, string OpdName, Dictionary<string, string> Names, List<PaymentItemRow> Items, BudgetAmounts Line)
{
    public string NameOf(string code) => Names.GetValueOrDefault(code) ?? code;
}

/// <summary>
/// The public budget portal's read side. The regency and OPD pages read the budget lines of the year's current
/// version and the pre-computed <see cref="PaymentTotal"/> rows the import keeps up to date, never the payments
/// themselves, so they stay fast at tens of millions of payments; only the sub kegiatan page and the search read
/// payments, through their indexes.
/// </summary>
public sealed class BudgetPortal(IntegritasDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, (string Id, string En)> AccountGroups = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["5.1"] = ("Belanja operasi", "Operating expenditure"),
        ["5.2"] = ("Belanja modal", "Capital expenditure"),
        ["5.3"] = ("Belanja tidak terduga", "Unforeseen expenditure"),
        ["5.4"] = ("Belanja transfer", "Transfers"),
    };

    public static decimal? Absorption(decimal pagu, decimal realisation) =>
        pagu > 0 ? Math.Round(realisation / pagu * 100m, 2, MidpointRounding.AwayFromZero) : null;

    public int ThisYear => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;

    /// <summary>
    /// Years with an adopted budget, newest first. Read from the few budget versions rather than the payment totals, so
    /// the choice costs nothing at any size; a year with payments but no budget is still shown when asked for.
    /// </summary>
    public async Task<List<int>> YearsAsync(CancellationToken ct) =>
        [.. (await db.BudgetVersions.Select(v => v.Year).Distinct().ToListAsync(ct)).OrderDescending()];

    public async Task<(int Year, List<int> Years, bool Bad)> ChooseYearAsync(string? asked, CancellationToken ct) =>
        ChooseYear(asked, await YearsAsync(ct), ThisYear);

    /// <summary>The year asked for when valid, else the newest of <paramref name="years"/> (or this year); Bad says the asked year was refused.</summary>
    public static (int Year, List<int> Years, bool Bad) ChooseYear(string? asked, List<int> years, int thisYear)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return (years.FirstOrDefault(thisYear), years, false);
        }

        if (int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2999)
        {
            if (!years.Contains(year))
            {
                years = [.. years.Append(year).OrderDescending()];
            }

            return (year, years, false);
        }

        return (years.FirstOrDefault(thisYear), years, true);
    }

    /// <summary>The year's current budget: its latest revision.</summary>
    public Task<BudgetVersion?> CurrentVersionAsync(int year, CancellationToken ct) =>
        db.BudgetVersions.AsNoTracking().Where(v => v.Year == year).OrderByDescending(v => v.Revision).FirstOrDefaultAsync(ct);

    public async Task<RegencyBudget> RegencyAsync(int year, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(year, ct);
        var versionId = version?.Id ?? 0;
        var pagu = await db.BudgetLines.Where(l => l.VersionId == versionId)
            .GroupBy(l => l.OpdId).Select(g => new { OpdId = g.Key, Pagu = g.Sum(l => l.Pagu) })
            .ToDictionaryAsync(x => x.OpdId, x => x.Pagu, ct);
        var paid = await db.PaymentTotals.Where(t => t.Year == year)
            .GroupBy(t => t.OpdId).Select(g => new { OpdId = g.Key, Amount = g.Sum(t => t.Amount), Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.OpdId, x => (x.Amount, x.Count), ct);
        var ids = pagu.Keys.Union(paid.Keys).ToList();
        var opds = await db.Opds.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Code, o.Name, o.ShortName }).ToListAsync(ct);
        var rows = opds.Select(o =>
        {
            var (amount, count) = paid.GetValueOrDefault(o.Id);
            return new OpdAbsorption(o.Id, o.Code, o.Name, o.ShortName, new BudgetAmounts(pagu.GetValueOrDefault(o.Id), amount, count));
        }).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();

        var months = new decimal[12];
        var byMonth = await db.PaymentTotals.Where(t => t.Year == year)
            .GroupBy(t => t.Month).Select(g => new { Month = g.Key, Amount = g.Sum(t => t.Amount) }).ToListAsync(ct);
        foreach (var m in byMonth.Where(m => m.Month is >= 1 and <= 12))
        {
            months[m.Month - 1] = m.Amount;
        }

        var paguByAccount = await db.BudgetLines.Where(l => l.VersionId == versionId)
            .GroupBy(l => l.AccountCode).Select(g => new { Code = g.Key, Amount = g.Sum(l => l.Pagu) }).ToListAsync(ct);
        var paidByAccount = await db.PaymentTotals.Where(t => t.Year == year)
            .GroupBy(t => t.AccountCode).Select(g => new { Code = g.Key, Amount = g.Sum(t => t.Amount), Count = g.Sum(t => t.Count) }).ToListAsync(ct);
        var groups = new SortedDictionary<string, BudgetAmounts>(StringComparer.Ordinal);
        foreach (var p in paguByAccount)
        {
            var key = BudgetCodes.AccountGroupOf(p.Code);
            groups[key] = groups.GetValueOrDefault(key) + new BudgetAmounts(p.Amount, 0);
        }

        foreach (var p in paidByAccount)
        {
            var key = BudgetCodes.AccountGroupOf(p.Code);
            groups[key] = groups.GetValueOrDefault(key) + new BudgetAmounts(0, p.Amount, p.Count);
        }

        var groupRows = groups.Select(g => AccountGroups.TryGetValue(g.Key, out var n)
            ? new AccountGroupRow(g.Key, n.Id, n.En, g.Value)
            : new AccountGroupRow(g.Key, g.Key, g.Key, g.Value)).ToList();
        return new RegencyBudget(year, version, rows, months, groupRows);
    }

    public Task<OpdRef?> OpdAsync(int id, CancellationToken ct) =>
        db.Opds.AsNoTracking().Where(o => o.Id == id).Select(o => new OpdRef(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);

    /// <summary>An OPD's budget as program → kegiatan → sub kegiatan, each with pagu and realisation.</summary>
    public async Task<List<BudgetNode>> OpdTreeAsync(int opdId, int year, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(year, ct);
        var versionId = version?.Id ?? 0;
        var pagu = await db.BudgetLines.Where(l => l.VersionId == versionId && l.OpdId == opdId)
            .GroupBy(l => l.SubKegiatanCode).Select(g => new { Code = g.Key, Amount = g.Sum(l => l.Pagu) })
            .ToDictionaryAsync(x => x.Code, x => x.Amount, StringComparer.Ordinal, ct);
        var paid = await db.PaymentTotals.Where(t => t.Year == year && t.OpdId == opdId)
            .GroupBy(t => t.SubKegiatanCode).Select(g => new { Code = g.Key, Amount = g.Sum(t => t.Amount), Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.Code, x => (x.Amount, x.Count), StringComparer.Ordinal, ct);
        var subs = pagu.Keys.Union(paid.Keys).Order(StringComparer.Ordinal).ToList();
        var codes = subs.SelectMany(s => new[] { s, BudgetCodes.KegiatanOf(s), BudgetCodes.ProgramOf(s) }).Distinct().ToList();
        var names = await NamesAsync(codes, [BudgetCodeKind.Program, BudgetCodeKind.Kegiatan, BudgetCodeKind.SubKegiatan], ct);

        BudgetAmounts Of(string sub)
        {
            var (amount, count) = paid.GetValueOrDefault(sub);
            return new BudgetAmounts(pagu.GetValueOrDefault(sub), amount, count);
        }

        return [.. subs.GroupBy(BudgetCodes.ProgramOf).Select(program =>
        {
            var kegiatan = program.GroupBy(BudgetCodes.KegiatanOf).Select(k =>
            {
                var leaves = k.Select(s => new BudgetNode(s, names.GetValueOrDefault(s) ?? s, BudgetCodeKind.SubKegiatan, Of(s), [])).ToList();
                return new BudgetNode(k.Key, names.GetValueOrDefault(k.Key) ?? k.Key, BudgetCodeKind.Kegiatan, Sum(leaves), leaves);
            }).ToList();
            return new BudgetNode(program.Key, names.GetValueOrDefault(program.Key) ?? program.Key, BudgetCodeKind.Program, Sum(kegiatan), kegiatan);
        })];
    }

    private static BudgetAmounts Sum(IEnumerable<BudgetNode> nodes) => nodes.Aggregate(default(BudgetAmounts), (s, n) => s + n.Amounts);

    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, BudgetCodeKind[] kinds, CancellationToken ct)
    {
        var list = codes.ToList();
        var rows = await db.BudgetCodes.AsNoTracking().Where(c => kinds.Contains(c.Kind) && list.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    /// <summary>The accounts of one sub kegiatan of an OPD, with pagu and realisation.</summary>
    public async Task<List<AccountRow>> AccountsAsync(int opdId, int year, string subKegiatan, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(year, ct);
        var versionId = version?.Id ?? 0;
        var pagu = await db.BudgetLines.Where(l => l.VersionId == versionId && l.OpdId == opdId && l.SubKegiatanCode == subKegiatan)
            .GroupBy(l => l.AccountCode).Select(g => new { Code = g.Key, Amount = g.Sum(l => l.Pagu) })
            .ToDictionaryAsync(x => x.Code, x => x.Amount, StringComparer.Ordinal, ct);
        var paid = await db.PaymentTotals.Where(t => t.Year == year && t.OpdId == opdId && t.SubKegiatanCode == subKegiatan)
            .GroupBy(t => t.AccountCode).Select(g => new { Code = g.Key, Amount = g.Sum(t => t.Amount), Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.Code, x => (x.Amount, x.Count), StringComparer.Ordinal, ct);
        var codes = pagu.Keys.Union(paid.Keys).Order(StringComparer.Ordinal).ToList();
        var names = await NamesAsync(codes, [BudgetCodeKind.Account], ct);
        return [.. codes.Select(c =>
        {
            var (amount, count) = paid.GetValueOrDefault(c);
            return new AccountRow(c, names.GetValueOrDefault(c) ?? c, new BudgetAmounts(pagu.GetValueOrDefault(c), amount, count));
        })];
    }

    /// <summary>A page of one sub kegiatan's payments, newest first.</summary>
    public async Task<(List<PaymentRow> Rows, int Total)> SubKegiatanPaymentsAsync(int opdId, int year, string subKegiatan, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Payments.AsNoTracking().Where(p => p.Year == year && p.OpdId == opdId && p.SubKegiatanCode == subKegiatan);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query).OrderByDescending(p => p.Date).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    public IQueryable<PaymentRow> Rows(IQueryable<Payment> payments) =>
        from p in payments
        join o in db.Opds on p.OpdId equals o.Id
        join v in db.Vendors on p.VendorCode equals v.Code into vendors
        from v in vendors.DefaultIfEmpty()
        join k in db.ConstructionPackages on p.PackageId equals (int?)k.Id into packages
        from k in packages.DefaultIfEmpty()
        select new PaymentRow
        {
            Id = p.Id,
            Date = p.Date,
            OpdId = p.OpdId,
            OpdCode = o.Code,
            SubKegiatanCode = p.SubKegiatanCode,
            AccountCode = p.AccountCode,
            VendorCode = p.VendorCode,
            VendorName = v == null ? null : v.Name,
            Description = p.Description,
            Amount = p.Amount,
            Flags = p.Flags,
            PackageCode = k == null ? null : k.Code,
        };

    public async Task<PaymentDetail?> PaymentAsync(string id, CancellationToken ct)
    {
        var payment = await Rows(db.Payments.AsNoTracking().Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
        if (payment is null)
        {
            return null;
        }

        var opdName = await db.Opds.Where(o => o.Id == payment.OpdId).Select(o => o.Name).SingleAsync(ct);
        var items = await db.PaymentItems.AsNoTracking().Where(i => i.PaymentId == id).OrderBy(i => i.LineNo)
            .Select(i => new PaymentItemRow(i.LineNo, i.ItemCode, i.Name, i.Quantity, i.Unit, i.UnitPrice, i.ReferenceUnitPrice, i.MarkupPercent, i.AboveReference))
            .ToListAsync(ct);
        var sub = payment.SubKegiatanCode;
        var names = await NamesAsync([BudgetCodes.ProgramOf(sub), BudgetCodes.KegiatanOf(sub), sub], [BudgetCodeKind.Program, BudgetCodeKind.Kegiatan, BudgetCodeKind.SubKegiatan], ct);
        foreach (var (code, name) in await NamesAsync([payment.AccountCode], [BudgetCodeKind.Account], ct))
        {
            names[code] = name;
        }

        var line = (await AccountsAsync(payment.OpdId, payment.Date.Year, sub, ct)).SingleOrDefault(a => a.Code == payment.AccountCode);
        return new PaymentDetail(payment, opdName, names, items, line?.Amounts ?? default);
    }
}
