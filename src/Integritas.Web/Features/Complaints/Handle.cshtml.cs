using Integritas.Core.Complaints;
using Integritas.Core.Sla;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// Staff handle one report: read everything (contact details for coordinators only, the name not at all when the
/// reporter asked), verify, defer, decline, merge, dispose, answer, post progress photos, set the expected date, resolve.
/// </summary>
public sealed class HandleModel(IntegritasDbContext db, ComplaintWorkflow workflow, ComplaintClock clock, Ui ui) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;

    public ComplaintAccess Access { get; private set; } = null!;

    public List<ComplaintUpdate> Timeline { get; private set; } = [];

    public List<ComplaintPhoto> ReportPhotos { get; private set; } = [];

    public IReadOnlyList<ComplaintStatus> Moves { get; private set; } = [];

    public List<(int Id, string Name)> Opds { get; private set; } = [];

    public int? SuggestedOpdId { get; private set; }

    public string? Village { get; private set; }

    public SlaState ResponseState { get; private set; }

    public SlaState ResolutionState { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool Internal { get; set; }

    [BindProperty]
    public int? OpdId { get; set; }

    [BindProperty]
    public string? DuplicateOf { get; set; }

    [BindProperty]
    public DateOnly? ExpectedDate { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public string? Validity { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } denied)
        {
            return denied;
        }

        if (!Access.MayHandle(Complaint))
        {
            return Forbid();
        }

        ComplaintStatus? to = null;
        if (!string.IsNullOrEmpty(To))
        {
            if (ComplaintStatuses.TryParseKey(To, out var parsed))
            {
                to = parsed;
            }
            else
            {
                Errors[ComplaintWorkflow.StatusField] = [ui.T("Tindakan tidak dikenal.", "Unknown action.")];
            }
        }

        if (Errors.Count == 0)
        {
            await using var uploads = await FormPhotos.OpenAsync(Photos, ct);
            var tracked = (await workflow.LoadAsync(Complaint.TrackingNumber, ct))!;
            var result = await workflow.DecideAsync(tracked, new StaffDecision
            {
                To = to,
                Text = Text,
                Internal = Internal,
                OpdId = OpdId,
                DuplicateOf = DuplicateOf,
                ExpectedDate = ExpectedDate,
                Photos = uploads.Uploads,
            }, Access.Actor, Access.IsCoordinator, ct);
            if (result.Succeeded)
            {
                TempData["Message"] = ui.T("Tersimpan.", "Saved.");
                return Redirect($"/admin/aduan/{Complaint.TrackingNumber}");
            }

            Errors = result.Errors;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        db.ChangeTracker.Clear();
        return await LoadAsync(number, ct) ?? Page();
    }

    /// <summary>Coordinators mark a report valid (it earns reward points) or not.</summary>
    public async Task<IActionResult> OnPostValidityAsync(string number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } denied)
        {
            return denied;
        }

        if (!Access.IsCoordinator)
        {
            return Forbid();
        }

        if (Validity is not ("valid" or "invalid"))
        {
            return BadRequest();
        }

        var tracked = (await workflow.LoadAsync(Complaint.TrackingNumber, ct))!;
        var (result, points) = await workflow.SetValidityAsync(tracked, Validity == "valid", User.Identity?.Name, ct);
        if (!result.Succeeded)
        {
            TempData["Message"] = string.Join(" ", result.Errors.Values.SelectMany(m => m));
            return Redirect($"/admin/aduan/{Complaint.TrackingNumber}");
        }

        var reward = tracked.Category!.RewardPoints;
        TempData["Message"] = points switch
        {
            Rewards.PointsOutcome.Earned => ui.T($"Tersimpan. Pelapor mendapat {reward} poin.", $"Saved. The reporter earned {reward} points."),
            Rewards.PointsOutcome.Reversed => ui.T($"Tersimpan. {reward} poin pelapor dibatalkan.", $"Saved. The reporter's {reward} points were taken back."),
            Rewards.PointsOutcome.NoAccount => ui.T("Tersimpan. Tanpa nomor HP pelapor, tidak ada poin yang dapat diberikan.", "Saved. Without the reporter's mobile number no points can be given."),
            Rewards.PointsOutcome.NoPointsForCategory => ui.T("Tersimpan. Kategori ini tidak memberi poin.", "Saved. This category earns no points."),
            Rewards.PointsOutcome.AlreadyReversed => ui.T("Tersimpan. Poin laporan ini pernah dibatalkan; laporan hanya sekali mendapat poin.", "Saved. This report's points were taken back before; a report earns only once."),
            _ => ui.T("Tersimpan.", "Saved."),
        };
        return Redirect($"/admin/aduan/{Complaint.TrackingNumber}");
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken ct)
    {
        Access = await ComplaintAccess.ForAsync(User, db, ct);
        if (!Access.MayEnter)
        {
            return Forbid();
        }

        if (!TrackingNumber.TryNormalize(number, out var normalized))
        {
            return NotFound();
        }

        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Category).Include(c => c.Pauses).Include(c => c.Opd)
            .SingleOrDefaultAsync(c => c.TrackingNumber == normalized, ct);
        if (complaint is null)
        {
            return NotFound();
        }

        if (!Access.MaySee(complaint))
        {
            return Forbid();
        }

        Complaint = complaint;
        Timeline = await db.ComplaintUpdates.AsNoTracking().Include(u => u.Photos).Where(u => u.ComplaintId == complaint.Id)
            .OrderBy(u => u.AtUtc).ThenBy(u => u.Id).ToListAsync(ct);
        ReportPhotos = await db.ComplaintPhotos.AsNoTracking().Where(p => p.ComplaintId == complaint.Id && p.UpdateId == null).ToListAsync(ct);
        Moves = Access.MayHandle(complaint) ? ComplaintWorkflow.MovesFor(complaint, Access.IsCoordinator) : [];
        Village = complaint.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Name + ", Kec. " + x.Parent!.Name).SingleAsync(ct) : null;
        (ResponseState, ResolutionState) = await clock.StatesAsync(complaint, complaint.Category!, ComplaintClock.PausesOf(complaint.Pauses), ct);
        if (Moves.Contains(ComplaintStatus.Dispositioned))
        {
            Opds = [.. (await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
            SuggestedOpdId = await workflow.RouteAsync(complaint, ct);
        }

        return null;
    }

    /// <summary>The reporter's name as this account may see it.</summary>
    public string ReporterName => Complaint.HideName && !Access.IsCoordinator
        ? ui.T("(dirahasiakan atas permintaan pelapor)", "(withheld at the reporter's request)")
        : Complaint.ReporterName ?? ui.T("(tanpa nama)", "(no name)");

    public string MoveLabel(ComplaintStatus to) => to switch
    {
        ComplaintStatus.Verified => ui.T("Verifikasi", "Verify"),
        ComplaintStatus.Deferred => ui.T("Tunda — minta informasi pelapor", "Defer — ask the reporter"),
        ComplaintStatus.NotAuthority => ui.T("Bukan wewenang", "Not our authority"),
        ComplaintStatus.Archived => ui.T("Arsipkan", "Archive"),
        ComplaintStatus.Duplicate => ui.T("Gabungkan (duplikat)", "Merge (duplicate)"),
        ComplaintStatus.Dispositioned => ui.T("Disposisi ke OPD", "Assign to an agency"),
        ComplaintStatus.InProgress => ui.T("Mulai tindak lanjut", "Start work"),
        ComplaintStatus.Resolved => ui.T("Selesai", "Resolved"),
        ComplaintStatus.Closed => ui.T("Tutup", "Close"),
        _ => ComplaintStatuses.Label(to, Ui.IsEnglish),
    };
}
