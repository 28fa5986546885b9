using Integritas.Core.Performance;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Performance;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Performance;

/// <summary>
/// The quarterly realisation workflow (issue 5 item 3): an OPD's operators fill in a draft (realised value and
/// narrative per indicator, budget realisation per sub kegiatan), submit it by the due date (or say it is late and
/// why), a verifier verifies it or returns it with comments, and a verifier publishes it: its figures are then public,
/// its file is kept as published and the file's hash goes to the transparency log. Every step is checked before
/// anything is stored, lands in the audit trail and on the report's own timeline.
/// </summary>
public sealed class Reporting(
    IntegritasDbContext db,
    Ui ui,
    IOptions<PerformanceOptions> options,
    TimeProvider time,
    IndicatorData data,
    Scorecards scorecards,
    ILogger<Reporting> logger,
    LedgerSequencer? sequencer = null)
{
    public sealed record RealisationInput(long IndicatorId, string? Value, string? YearValue, string? Problems, string? Actions);

    public sealed record BudgetInput(long PlanNodeId, string? Spent);

    public const int MaxNarrative = 2000;

    public static string ValueField(long indicatorId) => $"Value[{indicatorId}]";

    public static string YearValueField(long indicatorId) => $"YearValue[{indicatorId}]";

    public static string SpentField(long nodeId) => $"Spent[{nodeId}]";

    private static PlanResult<QuarterReport> Fail(string field, string message) => new(null, new() { [field] = [message] });

    private PlanResult<QuarterReport> Denied() => Fail("OpdId", ui.T("Anda hanya dapat mengisi laporan OPD Anda sendiri.", "You can report only for your own agency."));

    private DateTimeOffset Now => time.GetUtcNow().ToUniversalTime();

    private DateOnly Today => HolidayCalendar.WibDate(Now.UtcDateTime);

    /// <summary>The OPD's report for a quarter, created as a draft if there is none yet.</summary>
    public async Task<PlanResult<QuarterReport>> OpenAsync(PlanAccess access, int opdId, int year, int quarter, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.MayWrite(opdId))
        {
            return Denied();
        }

        if (quarter is < 1 or > 4)
        {
            return Fail("Quarter", ui.T("Triwulan 1 sampai 4.", "Quarter 1 to 4."));
        }

        if (await Scorecards.PeriodForAsync(db, year, ct) is null)
        {
            return Fail("Year", ui.T($"Tahun {year} tidak termasuk periode rencana mana pun.", $"Year {year} is in no plan period."));
        }

        if (!await db.Opds.AnyAsync(o => o.Id == opdId, ct))
        {
            return Fail("OpdId", ui.T("OPD tidak dikenal.", "Unknown agency."));
        }

        if (await db.QuarterReports.SingleOrDefaultAsync(r => r.OpdId == opdId && r.Year == year && r.Quarter == quarter, ct) is { } existing)
        {
            return new(existing, []);
        }

        var report = NewDraft(opdId, year, quarter, actor);
        db.QuarterReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two operators opened the same quarter at once; the other one made it.
            db.ChangeTracker.Clear();
            return new(await db.QuarterReports.SingleAsync(r => r.OpdId == opdId && r.Year == year && r.Quarter == quarter, ct), []);
        }

        return new(report, []);
    }

    /// <summary>A new draft for a quarter (not yet added): due by the setting now in force, its timeline begun.</summary>
    public QuarterReport NewDraft(int opdId, int year, int quarter, string actor)
    {
        var report = new QuarterReport { OpdId = opdId, Year = year, Quarter = quarter, DueDate = options.Value.DueDate(year, quarter) };
        report.Events.Add(new QuarterReportEvent { AtUtc = Now, Status = ReportStatus.Draft, Actor = actor });
        return report;
    }

    /// <summary>The due date a quarter's report has, or would get if it were opened now.</summary>
    public DateOnly DueDateOf(QuarterReport? report, int year, int quarter) => report?.DueDate ?? options.Value.DueDate(year, quarter);

    /// <summary>Whether a due date (inclusive, WIB) has passed.</summary>
    public bool IsPastDue(DateOnly dueDate) => Today > dueDate;

    /// <summary>Whether the OPD may still change a report in this state.</summary>
    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>A report the user may read, or null (unknown, or another OPD's unpublished report).</summary>
    public async Task<QuarterReport?> FindAsync(PlanAccess access, long reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var report = await db.QuarterReports.AsNoTracking().Include(r => r.Opd).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == reportId, ct);
        return report is not null && (report.Status == ReportStatus.Published || access.MayRead(report.OpdId)) ? report : null;
    }

    /// <summary>Stores a draft's figures. Nothing is stored when any figure is wrong.</summary>
    public async Task<PlanResult<QuarterReport>> SaveAsync(PlanAccess access, long reportId, int version,
        IReadOnlyList<RealisationInput> lines, IReadOnlyList<BudgetInput> budget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(budget);
        var (report, refused) = await EditableAsync(access, reportId, version, ct);
        if (report is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        var indicators = await IndicatorsOfAsync(report, ct);
        var subActivities = await SubActivitiesOfAsync(report, ct);
        var parsed = new List<(Indicator Indicator, decimal? Value, decimal? YearValue, string? Problems, string? Actions)>();
        foreach (var line in lines)
        {
            if (!indicators.TryGetValue(line.IndicatorId, out var indicator))
            {
                Error(ValueField(line.IndicatorId), ui.T("Indikator ini bukan milik rencana OPD ini.", "This indicator is not in this agency's plan."));
                continue;
            }

            decimal? value = null, yearValue = null;
            if (!string.IsNullOrWhiteSpace(line.Value))
            {
                if (Figures.TryParseValue(line.Value, out var v))
                {
                    value = v;
                }
                else
                {
                    Error(ValueField(line.IndicatorId), ui.T($"'{line.Value}' bukan angka. Tulis angka saja, mis. 12,5 atau 12.5.", $"'{line.Value}' is not a number. Write a number only, e.g. 12.5."));
                }
            }

            if (!string.IsNullOrWhiteSpace(line.YearValue))
            {
                if (report.Quarter != 4)
                {
                    Error(YearValueField(line.IndicatorId), ui.T("Realisasi tahunan diisi di laporan triwulan IV.", "The annual realisation belongs in the fourth quarter's report."));
                }
                else if (Figures.TryParseValue(line.YearValue, out var y))
                {
                    yearValue = y;
                }
                else
                {
                    Error(YearValueField(line.IndicatorId), ui.T($"'{line.YearValue}' bukan angka.", $"'{line.YearValue}' is not a number."));
                }
            }

            var problems = line.Problems?.Trim();
            var actions = line.Actions?.Trim();
            if (problems?.Length > MaxNarrative || actions?.Length > MaxNarrative)
            {
                Error($"Narrative[{line.IndicatorId}]", ui.T($"Kendala dan upaya masing-masing paling banyak {MaxNarrative} karakter.", $"Problems and actions at most {MaxNarrative} characters each."));
            }

            parsed.Add((indicator, value, yearValue, string.IsNullOrEmpty(problems) ? null : problems, string.IsNullOrEmpty(actions) ? null : actions));
        }

        var spent = new List<(long Node, decimal Amount)>();
        foreach (var b in budget)
        {
            if (!subActivities.Contains(b.PlanNodeId))
            {
                Error(SpentField(b.PlanNodeId), ui.T("Sub kegiatan ini bukan milik rencana OPD ini.", "This sub-activity is not in this agency's plan."));
            }
            else if (string.IsNullOrWhiteSpace(b.Spent))
            {
                continue;
            }
            else if (Figures.TryParseRupiah(b.Spent, out var amount))
            {
                spent.Add((b.PlanNodeId, amount));
            }
            else
            {
                Error(SpentField(b.PlanNodeId), ui.T($"'{b.Spent}' bukan jumlah rupiah (mis. 1.250.000 atau 1250000).", $"'{b.Spent}' is not a rupiah amount (e.g. 1250000)."));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var period = (ReportPeriod)report.Quarter;
        foreach (var (indicator, value, yearValue, problems, actions) in parsed)
        {
            Upsert(report, indicator.Id, period, value, problems, actions);
            if (report.Quarter == 4)
            {
                // A cumulative indicator's year is its fourth quarter; a per-quarter one's is given separately.
                Upsert(report, indicator.Id, ReportPeriod.Year, YearValueOf(indicator, value, yearValue), null, null);
            }
        }

        foreach (var (node, amount) in spent)
        {
            if (report.Budget.FirstOrDefault(x => x.PlanNodeId == node) is { } existing)
            {
                existing.Spent = amount;
            }
            else
            {
                report.Budget.Add(new BudgetRealisation { PlanNodeId = node, Spent = amount });
            }
        }

        report.Version++;
        return await SaveOrConflictAsync(report, ct);
    }

    /// <summary>The report, tracked with its rows, when the user may change it now; else why not.</summary>
    private async Task<(QuarterReport? Report, PlanResult<QuarterReport>? Refused)> EditableAsync(PlanAccess access, long reportId, int version, CancellationToken ct)
    {
        var report = await db.QuarterReports.Include(r => r.Realisations).Include(r => r.Budget).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !access.MayWrite(report.OpdId))
        {
            return (null, report is null || !access.MayRead(report.OpdId) ? Fail("Report", ui.T("Laporan tidak ditemukan.", "Report not found.")) : Denied());
        }

        if (Editable(report) is { } notEditable)
        {
            return (null, notEditable);
        }

        return report.Version != version
            ? (null, Fail("Version", ui.T("Laporan ini baru saja diubah orang lain. Muat ulang halaman dan isi lagi.",
                "Someone else changed this report just now. Reload the page and enter your figures again.")))
            : (report, null);
    }

    /// <summary>
    /// Sets a realisation row of a report (tracked with its rows). Returns null when nothing changed, else whether a
    /// row was created (true) or updated (false): an import counts them and must leave identical rows untouched.
    /// </summary>
    internal static bool? Upsert(QuarterReport report, long indicatorId, ReportPeriod period, decimal? value, string? problems, string? actions)
    {
        var row = report.Realisations.FirstOrDefault(x => x.IndicatorId == indicatorId && x.Period == period);
        if (row is null)
        {
            if (value is null && problems is null && actions is null)
            {
                return null;
            }

            report.Realisations.Add(new IndicatorRealisation { IndicatorId = indicatorId, Period = period, Value = value, Problems = problems, Actions = actions });
            return true;
        }

        if (row.Value == value && row.Problems == problems && row.Actions == actions)
        {
            return null;
        }

        row.Value = value;
        row.Problems = problems;
        row.Actions = actions;
        return false;
    }

    /// <summary>The annual realisation a fourth quarter's line gives: a cumulative indicator's Q4, else the value given.</summary>
    internal static decimal? YearValueOf(Indicator indicator, decimal? quarterValue, decimal? yearValue) =>
        indicator.QuarterMode == QuarterMode.Cumulative ? quarterValue : yearValue;

    private PlanResult<QuarterReport>? Editable(QuarterReport report) => IsEditable(report.Status)
        ? null
        : Fail("Status", ui.T("Laporan ini sudah dikirim dan tidak dapat diubah lagi oleh OPD.", "This report has been submitted; the agency can no longer change it."));

    private async Task<PlanResult<QuarterReport>> SaveOrConflictAsync(QuarterReport report, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(report, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Fail("Version", ui.T("Laporan ini baru saja diubah orang lain. Muat ulang halaman.", "Someone else changed this report just now. Reload the page."));
        }
    }

    /// <summary>The indicators of the OPD's plan for the report's year, by id.</summary>
    private async Task<Dictionary<long, Indicator>> IndicatorsOfAsync(QuarterReport report, CancellationToken ct) =>
        await db.Indicators.AsNoTracking()
            .Where(i => i.PlanNode!.OpdId == report.OpdId && i.PlanNode.Period!.StartYear <= report.Year && i.PlanNode.Period.EndYear >= report.Year)
            .ToDictionaryAsync(i => i.Id, ct);

    private async Task<HashSet<long>> SubActivitiesOfAsync(QuarterReport report, CancellationToken ct) =>
        [.. await db.PlanNodes.AsNoTracking()
            .Where(n => n.OpdId == report.OpdId && n.Level == PlanLevel.SubKegiatan && n.Period!.StartYear <= report.Year && n.Period.EndYear >= report.Year)
            .Select(n => n.Id).ToListAsync(ct)];

    /// <summary>Sends a complete draft for verification; after the due date only with the late flag and a reason.</summary>
    public async Task<PlanResult<QuarterReport>> SubmitAsync(PlanAccess access, long reportId, int version, bool late, string? lateReason, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        var (report, refused) = await EditableAsync(access, reportId, version, ct);
        if (report is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        var period = (ReportPeriod)report.Quarter;
        var indicators = await IndicatorsOfAsync(report, ct);
        var ids = indicators.Keys.ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.Year == report.Year && ids.Contains(t.IndicatorId))
            .Select(t => new { t.IndicatorId, t.Period }).ToListAsync(ct);
        foreach (var t in targets.Where(t => t.Period == period))
        {
            if (report.Realisations.All(r => r.IndicatorId != t.IndicatorId || r.Period != period || r.Value is null))
            {
                Error(ValueField(t.IndicatorId), ui.T($"Isi realisasi '{indicators[t.IndicatorId].Name}'.", $"Give the realisation of '{indicators[t.IndicatorId].Name}'."));
            }
        }

        if (report.Quarter == 4)
        {
            foreach (var t in targets.Where(t => t.Period == ReportPeriod.Year))
            {
                if (report.Realisations.All(r => r.IndicatorId != t.IndicatorId || r.Period != ReportPeriod.Year || r.Value is null))
                {
                    Error(indicators[t.IndicatorId].QuarterMode == QuarterMode.Cumulative ? ValueField(t.IndicatorId) : YearValueField(t.IndicatorId), ui.T($"Isi realisasi tahunan '{indicators[t.IndicatorId].Name}'.", $"Give the annual realisation of '{indicators[t.IndicatorId].Name}'."));
                }
            }
        }

        var ceilings = await db.BudgetCeilings.AsNoTracking()
            .Where(b => b.Year == report.Year && b.PlanNode!.OpdId == report.OpdId).Select(b => new { b.PlanNodeId, b.PlanNode!.Name }).ToListAsync(ct);
        foreach (var c in ceilings.Where(c => report.Budget.All(b => b.PlanNodeId != c.PlanNodeId)))
        {
            Error(SpentField(c.PlanNodeId), ui.T($"Isi realisasi anggaran '{c.Name}' (0 bila belum ada belanja).", $"Give the budget realisation of '{c.Name}' (0 if nothing was spent yet)."));
        }

        var isLate = Today > report.DueDate;
        var reason = lateReason?.Trim();
        if (isLate && !late)
        {
            Error("Late", ui.T($"Batas waktu {ui.Date(report.DueDate)} sudah lewat. Centang \"terlambat\" dan tulis alasannya.",
                $"The deadline {ui.Date(report.DueDate)} has passed. Tick \"late\" and give the reason."));
        }
        else if (isLate && (string.IsNullOrEmpty(reason) || reason.Length < 10 || reason.Length > 1000))
        {
            Error("LateReason", ui.T("Tulis alasan keterlambatan (10 sampai 1.000 karakter).", "Give the reason for the delay (10 to 1,000 characters)."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var now = Now;
        report.Status = ReportStatus.Submitted;
        report.SubmittedAtUtc = now;
        report.SubmittedBy = actor;
        report.IsLate = isLate;
        report.LateReason = isLate ? reason : null;
        report.Version++;
        db.QuarterReportEvents.Add(new QuarterReportEvent { QuarterReportId = report.Id, AtUtc = now, Status = ReportStatus.Submitted, Actor = actor, Comment = report.LateReason });
        return await SaveOrConflictAsync(report, ct);
    }

    /// <summary>A verifier sends a submitted (or verified, not yet published) report back with a comment.</summary>
    public Task<PlanResult<QuarterReport>> ReturnAsync(PlanAccess access, long reportId, int version, string? comment, string actor, CancellationToken ct)
    {
        var text = comment?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > 2000
            ? Task.FromResult(Fail("Comment", ui.T("Tulis apa yang harus diperbaiki (paling banyak 2.000 karakter).", "Say what must be corrected (at most 2,000 characters).")))
            : MoveAsync(access, reportId, version, [ReportStatus.Submitted, ReportStatus.Verified], ReportStatus.Returned, text, actor, ct);
    }

    public Task<PlanResult<QuarterReport>> VerifyAsync(PlanAccess access, long reportId, int version, string? comment, string actor, CancellationToken ct) =>
        MoveAsync(access, reportId, version, [ReportStatus.Submitted], ReportStatus.Verified, comment?.Trim() is { Length: > 0 } c ? c : null, actor, ct);

    /// <summary>Publishes a verified report: stores its file and summary, then appends the file's hash to the transparency log.</summary>
    public async Task<PlanResult<QuarterReport>> PublishAsync(PlanAccess access, long reportId, int version, string actor, CancellationToken ct)
    {
        var moved = await MoveAsync(access, reportId, version, [ReportStatus.Verified], ReportStatus.Published, null, actor, ct);
        if (moved.Value is { } report)
        {
            await RecordAsync(report, ct);
        }

        return moved;
    }

    private async Task<PlanResult<QuarterReport>> MoveAsync(PlanAccess access, long reportId, int version, ReportStatus[] from, ReportStatus to,
        string? comment, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.IsVerifier)
        {
            return Fail("Status", ui.T("Hanya verifikator yang dapat memverifikasi, mengembalikan atau menerbitkan laporan.", "Only verifiers can verify, return or publish reports."));
        }

        var report = await db.QuarterReports.Include(r => r.Opd).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Fail("Report", ui.T("Laporan tidak ditemukan.", "Report not found."));
        }

        if (report.Version != version)
        {
            return Fail("Version", ui.T("Laporan ini baru saja diubah orang lain. Muat ulang halaman.", "Someone else changed this report just now. Reload the page."));
        }

        if (!from.Contains(report.Status))
        {
            return Fail("Status", ui.T($"Laporan berstatus {StatusLabel(report.Status, false)}; langkah ini tidak berlaku.", $"The report is {StatusLabel(report.Status, true)}; this step does not apply."));
        }

        var now = Now;
        report.Status = to;
        report.Version++;
        if (to == ReportStatus.Verified)
        {
            report.VerifiedAtUtc = now;
            report.VerifiedBy = actor;
        }
        else if (to == ReportStatus.Returned)
        {
            report.VerifiedAtUtc = null;
            report.VerifiedBy = null;
        }
        else if (to == ReportStatus.Published)
        {
            await SummariseAsync(report, ct);
            report.PublishedAtUtc = now;
        }

        db.QuarterReportEvents.Add(new QuarterReportEvent { QuarterReportId = report.Id, AtUtc = now, Status = to, Actor = actor, Comment = comment });
        return await SaveOrConflictAsync(report, ct);
    }

    /// <summary>The published file and the overview's figures, from the report's own rows (and the year's targets).</summary>
    private async Task SummariseAsync(QuarterReport report, CancellationToken ct)
    {
        var rows = await data.RowsAsync(report.Year, report.OpdId, ct, PeriodsOf(report.Quarter), publishedOnly: true, includeReportId: report.Id);
        var scorecard = await scorecards.ForAsync(report.Opd!, report.Year, publishedOnly: false, ct);
        await ApplyPublicationAsync(report, scorecard, rows, ct);
    }

    /// <summary>The periods a quarter's report publishes: its quarter, and in the fourth quarter the year too.</summary>
    public static ReportPeriod[] PeriodsOf(int quarter) => quarter == 4 ? [ReportPeriod.Q4, ReportPeriod.Year] : [(ReportPeriod)quarter];

    /// <summary>
    /// Sets what publication stores: the file (the contract's CSV rows of the report's periods, taken from
    /// <paramref name="rows"/>), its hash, and the overview's figures from <paramref name="scorecard"/> (which must
    /// include this report).
    /// </summary>
    public static async Task ApplyPublicationAsync(QuarterReport report, OpdScorecard scorecard, IEnumerable<IndicatorRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scorecard);
        var periods = PeriodsOf(report.Quarter);
        report.PublishedCsv = await IndicatorData.CsvAsync(rows.Where(r => periods.Contains(r.Period)), ct);
        report.PublishedSha256 = IndicatorData.Sha256(report.PublishedCsv);
        var period = (ReportPeriod)report.Quarter;
        var all = scorecard.MeanOf(null, period);
        report.CapaianMean = all.Mean.Percent;
        report.IndicatorsCounted = all.Counted;
        report.IkuCapaianMean = scorecard.MeanOf(null, period, ikuOnly: true).Mean.Percent;
        report.Pagu = scorecard.TotalPagu;
        report.Spent = scorecard.SpentBy(report.Quarter);
    }

    private async Task RecordAsync(QuarterReport report, CancellationToken ct)
    {
        if (sequencer is null || report.PublishedSha256 is null)
        {
            return;
        }

        try
        {
            var entry = new ReportLogEntry(report.Opd!.Code, report.Year, report.Quarter, report.Id, report.PublishedSha256, report.PublishedAtUtc!.Value);
            report.LedgerIndex = (await sequencer.AppendAsync([entry.ToBytes()], ct))[0];
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Quarterly report {ReportId} is published but not yet in the transparency log; it will be retried.", report.Id);
        }
    }

    /// <summary>Records published reports whose entry is not in the log yet. Returns how many were recorded.</summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        if (sequencer is null)
        {
            return 0;
        }

        var pending = await db.QuarterReports.Include(r => r.Opd)
            .Where(r => r.Status == ReportStatus.Published && r.LedgerIndex == null && r.PublishedSha256 != null)
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var indices = await sequencer.AppendAsync(
            [.. pending.Select(r => new ReportLogEntry(r.Opd!.Code, r.Year, r.Quarter, r.Id, r.PublishedSha256!, r.PublishedAtUtc!.Value).ToBytes())], ct);
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].LedgerIndex = indices[i];
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    public static string StatusLabel(ReportStatus status, bool english) => status switch
    {
        ReportStatus.Draft => english ? "draft" : "draf",
        ReportStatus.Submitted => english ? "submitted" : "dikirim",
        ReportStatus.Returned => english ? "returned for correction" : "dikembalikan untuk diperbaiki",
        ReportStatus.Verified => english ? "verified" : "terverifikasi",
        _ => english ? "published" : "terbit",
    };
}
