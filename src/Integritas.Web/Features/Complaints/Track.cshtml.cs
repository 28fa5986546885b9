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
/// A report's public status page: status, responsible OPD, expected completion, SLA, and the public timeline with
/// photos. With the reporter's private link (<c>?kunci=</c>) it also offers the reporter's actions.
/// </summary>
public sealed class TrackModel(IntegritasDbContext db, ComplaintWorkflow workflow, ComplaintClock clock, Ui ui) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;

    public string? OpdName { get; private set; }

    public string? VillageName { get; private set; }

    public string? MergedInto { get; private set; }

    public List<ComplaintUpdate> Timeline { get; private set; } = [];

    public List<ComplaintPhoto> ReportPhotos { get; private set; } = [];

    public SlaState ResponseState { get; private set; }

    public SlaState ResolutionState { get; private set; }

    /// <summary>Shown once, right after submission: the private link to keep.</summary>
    public string? NewReporterKey { get; private set; }

    /// <summary>The reporter's key when the page was opened with a valid one.</summary>
    public string? ReporterKey { get; private set; }

    public IReadOnlyList<ComplaintWorkflow.CitizenAction> Actions { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public ComplaintWorkflow.CitizenAction Act { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? Rating { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty(Name = "kunci")]
    public string? Key { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, [FromQuery(Name = "kunci")] string? kunci, CancellationToken ct)
    {
        if (!TrackingNumber.TryNormalize(number, out var normalized))
        {
            return NotFound();
        }

        if (normalized != number)
        {
            return RedirectPermanent($"/lapor/{normalized}");
        }

        NewReporterKey = TempData[ReportModel.ReporterKeyTempData] as string;
        return await LoadAsync(normalized, NewReporterKey ?? kunci, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (!TrackingNumber.TryNormalize(number, out var normalized) || await workflow.LoadAsync(normalized, ct) is not { } complaint)
        {
            return NotFound();
        }

        if (!ComplaintWorkflow.KeyOpens(complaint, Key))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await using (var uploads = await FormPhotos.OpenAsync(Photos, ct))
        {
            var result = await workflow.CitizenAsync(complaint, Act, Text, Rating, uploads.Uploads, ct);
            if (result.Succeeded)
            {
                TempData["Message"] = ui.T("Terima kasih, sudah kami catat.", "Thank you, it is recorded.");
                return Redirect($"/lapor/{normalized}?kunci={Uri.EscapeDataString(Key!)}#linimasa");
            }

            Errors = result.Errors;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        db.ChangeTracker.Clear();
        return await LoadAsync(normalized, Key, ct) ?? Page();
    }

    /// <summary>With the private link: the points this report earned for the reporter (null when it earned none).</summary>
    public int? PointsEarned { get; private set; }

    private async Task<IActionResult?> LoadAsync(string number, string? key, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Category).Include(c => c.Pauses)
            .SingleOrDefaultAsync(c => c.TrackingNumber == number, ct);
        if (complaint is null)
        {
            return NotFound();
        }

        Complaint = complaint;
        OpdName = complaint.OpdId is { } opd ? await db.Opds.Where(o => o.Id == opd).Select(o => o.Name).SingleAsync(ct) : null;
        VillageName = complaint.RegionId is { } r
            ? await db.Regions.Where(x => x.Id == r).Select(x => x.Name + ", Kec. " + x.Parent!.Name).SingleAsync(ct)
            : null;
        MergedInto = complaint.MergedIntoId is { } m ? await db.Complaints.Where(x => x.Id == m).Select(x => x.TrackingNumber).SingleAsync(ct) : null;
        Timeline = await db.ComplaintUpdates.AsNoTracking().Include(u => u.Photos)
            .Where(u => u.ComplaintId == complaint.Id && u.IsPublic).OrderBy(u => u.AtUtc).ThenBy(u => u.Id).ToListAsync(ct);
        ReportPhotos = await db.ComplaintPhotos.AsNoTracking().Where(p => p.ComplaintId == complaint.Id && p.UpdateId == null).OrderBy(p => p.Id).ToListAsync(ct);
        (ResponseState, ResolutionState) = await clock.StatesAsync(complaint, complaint.Category!, ComplaintClock.PausesOf(complaint.Pauses), ct);
        if (ComplaintWorkflow.KeyOpens(complaint, key))
        {
            ReporterKey = key;
            Actions = ComplaintWorkflow.CitizenActions(complaint);

            // The reporter (only) sees what the report earned: the net of its earning and any taking back.
            var lines = await db.PointsEntries.AsNoTracking().Where(p => p.ComplaintId == complaint.Id).Select(p => p.Points).ToListAsync(ct);
            PointsEarned = lines.Count == 0 ? null : lines.Sum();
        }

        return null;
    }

    public string UpdateTitle(ComplaintUpdate u) => u.Kind switch
    {
        UpdateKind.Received => ui.T("Laporan diterima", "Report received"),
        UpdateKind.StatusChange => ComplaintStatuses.Label(u.Status, Ui.IsEnglish),
        UpdateKind.Disposition => ui.T("Didisposisikan ke OPD", "Assigned to an agency"),
        UpdateKind.Response => ui.T("Tanggapan petugas", "Staff response"),
        UpdateKind.Progress => ui.T("Progres pekerjaan", "Progress"),
        UpdateKind.CitizenInfo => ui.T("Informasi tambahan dari pelapor", "More information from the reporter"),
        UpdateKind.CitizenConfirmed => ui.T("Pelapor mengonfirmasi selesai", "The reporter confirmed the fix"),
        UpdateKind.CitizenReopened => ui.T("Pelapor membuka kembali laporan", "The reporter reopened the report"),
        UpdateKind.Rating => ui.T("Penilaian pelapor", "The reporter's rating"),
        UpdateKind.ExpectedDate => ui.T("Perkiraan selesai ditetapkan", "Expected completion set"),
        _ => u.Kind.ToString(),
    };

    public string ActorLabel(string role) => role switch
    {
        ComplaintWorkflow.CitizenRole => ui.T("Pelapor", "Reporter"),
        _ => Data.Identity.Roles.All.FirstOrDefault(r => r.Name == role) is { } info ? ui.T(info.LabelId, info.LabelEn) : role,
    };
}
