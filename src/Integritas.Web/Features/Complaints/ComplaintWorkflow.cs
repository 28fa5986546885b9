using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>Who acts on a report: a staff account and the role it acts in (the role is public, the account is not).</summary>
public sealed record StaffActor(string? UserId, string Role);

public sealed record WorkflowResult(Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static WorkflowResult Ok() => new([]);
}

/// <summary>A staff decision on a report.</summary>
public sealed record StaffDecision
{
    public ComplaintStatus? To { get; init; }

    /// <summary>The note to the citizen (public) or, with <see cref="Internal"/>, to colleagues.</summary>
    public string? Text { get; init; }

    public bool Internal { get; init; }

    /// <summary>For disposition: the OPD; null lets the routing rules choose.</summary>
    public int? OpdId { get; init; }

    /// <summary>For a duplicate: the tracking number of the report it duplicates.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>The completion date the OPD expects (WIB).</summary>
    public DateOnly? ExpectedDate { get; init; }

    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];
}

/// <summary>
/// Moves reports through their life (<see cref="ComplaintStatuses.StaffMoves"/>): staff verify, defer, decline, merge,
/// dispose, answer, report progress and resolve; citizens add information, confirm, reopen and rate. Every move is a
/// timeline update; the clocks pause while waiting for the citizen; status changes go to the transparency log.
/// </summary>
public sealed class ComplaintWorkflow(
    IntegritasDbContext db,
    ComplaintClock clock,
    ComplaintPhotos photos,
    ComplaintLedger ledger,
    ComplaintIntake intake,
    Ui ui,
    Notifications.ComplaintNotices? notices = null,
    Rewards.PointsLedger? points = null)
{
    public const string CitizenRole = "citizen";
    public const string TextField = "Text";
    public const string StatusField = "To";
    public const string OpdField = "OpdId";
    public const string DuplicateField = "DuplicateOf";
    public const string RatingField = "Rating";
    public const string ExpectedField = "ExpectedDate";
    public const string ValidityField = "Validity";

    /// <summary>Roles that run the verification queue and dispose reports (the regency's complaint coordinators).</summary>
    public static readonly string[] CoordinatorRoles = [Roles.Admin, Roles.Verifier];

    /// <summary>Whether the account may act on the report: coordinators on any, OPD operators on their OPD's disposed reports.</summary>
    public static bool MayHandle(Complaint complaint, bool isCoordinator, IReadOnlyCollection<int> operatorOpds) =>
        isCoordinator || (complaint.OpdId is { } opd && operatorOpds.Contains(opd));

    /// <summary>The moves the acting account may make now.</summary>
    public static IReadOnlyList<ComplaintStatus> MovesFor(Complaint complaint, bool isCoordinator)
    {
        var moves = ComplaintStatuses.StaffMoves(complaint.Status);
        return isCoordinator
            ? moves
            : [.. moves.Where(m => m is ComplaintStatus.InProgress or ComplaintStatus.Resolved or ComplaintStatus.Deferred)];
    }

    public Task<Complaint?> LoadAsync(string trackingNumber, CancellationToken ct) =>
        db.Complaints.Include(c => c.Category).Include(c => c.Pauses).SingleOrDefaultAsync(c => c.TrackingNumber == trackingNumber, ct);

    /// <summary>A staff move, answer or note. The caller has checked <see cref="MayHandle"/>.</summary>
    public async Task<WorkflowResult> DecideAsync(Complaint complaint, StaffDecision decision, StaffActor actor, bool isCoordinator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var text = intake.CheckText(decision.Text, TextField, ComplaintOptions.MaxDescriptionLength, required: false, Error);
        photos.Validate(decision.Photos, Error);
        var to = decision.To;
        if (to is { } target && !MovesFor(complaint, isCoordinator).Contains(target))
        {
            Error(StatusField, ui.T($"Dari status '{ComplaintStatuses.Label(complaint.Status)}' tidak dapat ke '{ComplaintStatuses.Label(target)}'.",
                $"A report '{ComplaintStatuses.Label(complaint.Status, true)}' cannot become '{ComplaintStatuses.Label(target, true)}'."));
        }

        // Declining, deferring and merging tell the citizen why; a bare change would leave them guessing.
        if (to is ComplaintStatus.Deferred or ComplaintStatus.NotAuthority or ComplaintStatus.Archived && (text is null || decision.Internal))
        {
            Error(TextField, ui.T("Tulis alasan untuk pelapor.", "Write the reason for the reporter."));
        }

        if (to is null && text is null && decision.Photos.Count == 0 && decision.ExpectedDate is null)
        {
            Error(TextField, ui.T("Tulis tanggapan, lampirkan foto, atau pilih tindakan.", "Write an answer, attach photos or choose an action."));
        }

        int? opdId = null;
        if (to == ComplaintStatus.Dispositioned && errors.Count == 0)
        {
            opdId = decision.OpdId ?? await RouteAsync(complaint, ct);
            if (opdId is null)
            {
                Error(OpdField, ui.T("Tidak ada aturan disposisi yang cocok: pilih OPD.", "No routing rule matches: choose the OPD."));
            }
            else if (!await db.Opds.AnyAsync(o => o.Id == opdId && o.IsActive, ct))
            {
                Error(OpdField, ui.T("OPD tidak dikenal.", "Unknown OPD."));
            }
        }

        Complaint? original = null;
        if (to == ComplaintStatus.Duplicate)
        {
            original = TrackingNumber.TryNormalize(decision.DuplicateOf, out var number)
                ? await db.Complaints.SingleOrDefaultAsync(c => c.TrackingNumber == number, ct)
                : null;
            if (original is null || original.Id == complaint.Id || original.Status == ComplaintStatus.Duplicate)
            {
                Error(DuplicateField, ui.T("Isi nomor laporan asli (yang bukan duplikat dan bukan laporan ini).", "Give the tracking number of the original report (not a duplicate, not this one)."));
            }
        }

        if (decision.ExpectedDate is { } expected && expected < HolidayCalendarDate(clock.UtcNow))
        {
            Error(ExpectedField, ui.T("Perkiraan selesai tidak boleh di masa lalu.", "The expected completion cannot be in the past."));
        }

        if (errors.Count > 0)
        {
            return new WorkflowResult(errors);
        }

        var now = clock.UtcNow;
        var updates = new List<ComplaintUpdate>();
        ComplaintUpdate Add(UpdateKind kind, string? note, bool isPublic = true)
        {
            var update = new ComplaintUpdate
            {
                AtUtc = now,
                Kind = kind,
                Status = complaint.Status,
                Text = note,
                IsPublic = isPublic,
                ActorRole = actor.Role,
                ActorUserId = actor.UserId,
                OpdId = complaint.OpdId,
            };
            complaint.Updates.Add(update);
            updates.Add(update);
            return update;
        }

        var noteUsed = false;
        if (to is { } next)
        {
            if (next == ComplaintStatus.Dispositioned)
            {
                complaint.OpdId = opdId;
            }

            if (next == ComplaintStatus.Duplicate)
            {
                complaint.MergedIntoId = original!.Id;
                text ??= ui.T($"Laporan ini sama dengan laporan {original.TrackingNumber}.", $"This report duplicates {original.TrackingNumber}.");
            }

            Move(complaint, next, now);
            Add(next == ComplaintStatus.Dispositioned ? UpdateKind.Disposition : UpdateKind.StatusChange, decision.Internal ? null : text);
            noteUsed = !decision.Internal;
        }

        if (decision.ExpectedDate is { } date)
        {
            complaint.ExpectedAtUtc = Core.Time.Wib.StartOfDayUtc(date.AddDays(1)).AddSeconds(-1);
            Add(UpdateKind.ExpectedDate, null);
        }

        if (text is not null && !noteUsed)
        {
            var kind = decision.Internal ? UpdateKind.InternalNote : decision.Photos.Count > 0 ? UpdateKind.Progress : UpdateKind.Response;
            Add(kind, text, isPublic: !decision.Internal);
        }
        else if (text is null && decision.Photos.Count > 0 && to is null)
        {
            Add(UpdateKind.Progress, null);
        }

        if (decision.Photos.Count > 0 && !await AttachAsync(complaint, updates[^1], decision.Photos, fromCitizen: false, now, ct))
        {
            return Unreadable();
        }

        // The 24-hour promise is kept by the first public word from staff.
        if (complaint.FirstResponseAtUtc is null && updates.Any(u => u.IsPublic && (u.Text is not null || u.Photos.Count > 0)))
        {
            complaint.FirstResponseAtUtc = now;
        }

        complaint.UpdatedAtUtc = now;
        await clock.UpdateDueAsync(complaint, complaint.Category!, ComplaintClock.PausesOf(complaint.Pauses), ct);

        // Notifications (issue 4 item 7): queued in the same transaction as the decision.
        notices?.Updated(complaint, updates);

        await db.SaveChangesAsync(ct);
        await ledger.RecordAsync(complaint, updates, ct);

        // Duplicates and rejected reports earn nothing (issue 4 item 8): points already earned are taken back.
        if (points is not null && to is not null && Rewards.PointsLedger.EarnsNothing(complaint) && complaint.IsValid == true)
        {
            await points.JudgeAsync(complaint, valid: false, actor.UserId, ct);
        }

        return WorkflowResult.Ok();
    }

    /// <summary>The OPD the routing rules choose: the first rule (by priority) matching the category and the kecamatan, else the category's default.</summary>
    public async Task<int?> RouteAsync(Complaint complaint, CancellationToken ct)
    {
        var districtId = complaint.RegionId is { } village
            ? await db.Regions.Where(r => r.Id == village).Select(r => r.ParentId).SingleOrDefaultAsync(ct)
            : null;
        var rule = await db.RoutingRules.AsNoTracking()
            .Where(r => (r.CategoryId == null || r.CategoryId == complaint.CategoryId) && (r.DistrictId == null || r.DistrictId == districtId))
            .OrderBy(r => r.Priority).ThenBy(r => r.Id)
            .Select(r => (int?)r.OpdId)
            .FirstOrDefaultAsync(ct);
        return rule ?? complaint.Category?.DefaultOpdId
            ?? await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.DefaultOpdId).SingleAsync(ct);
    }

    /// <summary>Whether a reporter key opens this report.</summary>
    public static bool KeyOpens(Complaint complaint, string? key) =>
        !string.IsNullOrEmpty(key) && complaint.ReporterSecretHash is { } hash &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(ComplaintIntake.HashKey(key)), System.Text.Encoding.ASCII.GetBytes(hash));

    public enum CitizenAction
    {
        AddInformation = 1,
        Confirm = 2,
        Reopen = 3,
        Rate = 4,
    }

    /// <summary>What the reporter may do now.</summary>
    public static IReadOnlyList<CitizenAction> CitizenActions(Complaint complaint) => complaint.Status switch
    {
        ComplaintStatus.Resolved => [CitizenAction.Confirm, CitizenAction.Reopen, CitizenAction.AddInformation],
        ComplaintStatus.Closed when complaint.Rating is null => [CitizenAction.Rate, CitizenAction.Reopen],
        ComplaintStatus.Closed => [CitizenAction.Reopen],
        _ when ComplaintStatuses.IsOpen(complaint.Status) => [CitizenAction.AddInformation],
        _ => [],
    };

    /// <summary>A reporter's action, authorised by the reporter key. The caller has checked <see cref="KeyOpens"/>.</summary>
    public async Task<WorkflowResult> CitizenAsync(Complaint complaint, CitizenAction action, string? text, int? rating,
        IReadOnlyList<PhotoUpload> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (!CitizenActions(complaint).Contains(action))
        {
            Error(StatusField, ui.T("Tindakan ini tidak tersedia untuk status laporan sekarang.", "This action is not available in the report's current status."));
            return new WorkflowResult(errors);
        }

        var note = intake.CheckText(text, TextField, ComplaintOptions.MaxDescriptionLength,
            required: action is CitizenAction.Reopen || (action is CitizenAction.AddInformation && uploads.Count == 0), Error);
        photos.Validate(uploads, Error);
        if (action is CitizenAction.Rate or CitizenAction.Confirm && rating is not null and not (>= 1 and <= 5))
        {
            Error(RatingField, ui.T("Nilai 1 sampai 5.", "Rate from 1 to 5."));
        }

        if (action is CitizenAction.Rate && rating is null)
        {
            Error(RatingField, ui.T("Pilih nilai 1 sampai 5.", "Choose a rating from 1 to 5."));
        }

        if (errors.Count > 0)
        {
            return new WorkflowResult(errors);
        }

        var now = clock.UtcNow;
        UpdateKind kind;
        switch (action)
        {
            case CitizenAction.AddInformation:
                kind = UpdateKind.CitizenInfo;
                if (complaint.Status == ComplaintStatus.Deferred)
                {
                    // The citizen answered: the clocks run again, and the report goes back where it was.
                    var before = await db.ComplaintUpdates.Where(u => u.ComplaintId == complaint.Id && u.Status != ComplaintStatus.Deferred)
                        .OrderByDescending(u => u.Id).Select(u => (ComplaintStatus?)u.Status).FirstOrDefaultAsync(ct);
                    Move(complaint, before ?? ComplaintStatus.Received, now);
                }

                break;
            case CitizenAction.Confirm:
                kind = UpdateKind.CitizenConfirmed;
                Move(complaint, ComplaintStatus.Closed, now);
                complaint.Rating = rating;
                complaint.RatingComment = note;
                break;
            case CitizenAction.Reopen:
                kind = UpdateKind.CitizenReopened;
                complaint.ReopenCount++;
                Move(complaint, complaint.OpdId is null ? ComplaintStatus.Verified : ComplaintStatus.InProgress, now);
                break;
            default:
                kind = UpdateKind.Rating;
                complaint.Rating = rating;
                complaint.RatingComment = note;
                break;
        }

        var update = new ComplaintUpdate
        {
            AtUtc = now,
            Kind = kind,
            Status = complaint.Status,
            Text = note,
            ActorRole = CitizenRole,
            OpdId = complaint.OpdId,
        };
        complaint.Updates.Add(update);
        if (!await AttachAsync(complaint, update, uploads, fromCitizen: true, now, ct))
        {
            return Unreadable();
        }

        complaint.UpdatedAtUtc = now;
        await clock.UpdateDueAsync(complaint, complaint.Category!, ComplaintClock.PausesOf(complaint.Pauses), ct);

        // Notifications (issue 4 item 7): webhook subscribers hear of the citizen's move, in the same transaction.
        notices?.CitizenActed(complaint, update);

        await db.SaveChangesAsync(ct);
        await ledger.RecordAsync(complaint, [update], ct);
        return WorkflowResult.Ok();
    }

    /// <summary>
    /// Marks a report valid or not; reward points follow (credited once when valid, taken back when not). Duplicates
    /// and rejected reports cannot be marked valid. Coordinators only.
    /// </summary>
    public async Task<(WorkflowResult Result, Rewards.PointsOutcome Points)> SetValidityAsync(Complaint complaint, bool valid, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (valid && Rewards.PointsLedger.EarnsNothing(complaint))
        {
            return (new WorkflowResult(new()
            {
                [ValidityField] = [ui.T("Laporan duplikat atau yang ditolak tidak dapat dinilai sah dan tidak mendapat poin.", "A duplicate or rejected report cannot be judged valid and earns no points.")],
            }), Rewards.PointsOutcome.Unchanged);
        }

        complaint.IsValid = valid;
        complaint.UpdatedAtUtc = clock.UtcNow;
        if (points is null)
        {
            await db.SaveChangesAsync(ct);
            return (WorkflowResult.Ok(), Rewards.PointsOutcome.Unchanged);
        }

        return (WorkflowResult.Ok(), await points.JudgeAsync(complaint, valid, actor, ct));
    }

    /// <summary>Stores the photos (metadata stripped) on the update; false when one cannot be decoded.</summary>
    private async Task<bool> AttachAsync(Complaint complaint, ComplaintUpdate update, IReadOnlyList<PhotoUpload> uploads, bool fromCitizen, DateTime now, CancellationToken ct)
    {
        foreach (var upload in uploads)
        {
            if (await photos.StoreAsync(upload, fromCitizen, now, ct) is not { } photo)
            {
                return false;
            }

            photo.Complaint = complaint;
            update.Photos.Add(photo);
        }

        return true;
    }

    private WorkflowResult Unreadable() => new(new() { [ComplaintPhotos.Field] = [ui.T("Foto tidak dapat dibaca.", "A photo could not be read.")] });

    /// <summary>Changes the status and keeps the timestamps and pauses that belong to it.</summary>
    private static void Move(Complaint complaint, ComplaintStatus to, DateTime now)
    {
        var from = complaint.Status;
        if (from == ComplaintStatus.Deferred && to != ComplaintStatus.Deferred)
        {
            foreach (var open in complaint.Pauses.Where(p => p.ToUtc is null))
            {
                open.ToUtc = now;
            }

            complaint.PausedSinceUtc = null;
        }

        if (to == ComplaintStatus.Deferred && from != ComplaintStatus.Deferred)
        {
            complaint.Pauses.Add(new ComplaintPause { FromUtc = now });
            complaint.PausedSinceUtc = now;
        }

        if (to == ComplaintStatus.Resolved)
        {
            complaint.ResolvedAtUtc = now;
        }

        if (to is ComplaintStatus.Closed or ComplaintStatus.NotAuthority or ComplaintStatus.Archived or ComplaintStatus.Duplicate)
        {
            complaint.ClosedAtUtc = now;
        }

        if (ComplaintStatuses.IsOpen(to))
        {
            complaint.ResolvedAtUtc = null;
            complaint.ClosedAtUtc = null;
        }

        complaint.Status = to;
    }

    private static DateOnly HolidayCalendarDate(DateTime utc) => Core.Sla.HolidayCalendar.WibDate(utc);
}
