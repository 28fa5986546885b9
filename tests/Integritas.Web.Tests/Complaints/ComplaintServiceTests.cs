using System.Text;
using Integritas.Core.Complaints;
using Integritas.Core.Evidence;
using Integritas.Core.Sla;
using Integritas.Data.Audit;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Complaints;

public abstract class ComplaintServiceTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    [Fact]
    public async Task The_demo_regency_has_categories_holidays_and_reports_in_every_state()
    {
        var (categories, holidays, statuses, logged) = await F.WithDbAsync(async db => (
            await db.ComplaintCategories.CountAsync(Ct),
            await db.Holidays.CountAsync(Ct),
            await db.Complaints.Where(c => c.IdempotencyKey!.StartsWith("demo-")).Select(c => c.Status).Distinct().ToListAsync(Ct),
            await db.ComplaintUpdates.CountAsync(u => u.LedgerIndex != null, Ct)));
        Assert.True(categories >= 10);
        Assert.True(holidays >= 15);
        Assert.Equal(ComplaintStatuses.All.Count, statuses.Count);
        Assert.True(logged > 24);
    }

    [Fact]
    public async Task A_valid_report_is_stored_with_its_clocks_running_and_its_receipt_in_the_log()
    {
        await using var h = Harness(Wib(2026, 11, 27, 10));
        var result = await h.Intake.SubmitAsync(Valid(), Ct);
        Assert.True(result.Succeeded);
        Assert.NotNull(result.ReporterKey);
        var c = (await h.Workflow.LoadAsync(result.Complaint!.TrackingNumber, Ct))!;
        Assert.Equal(ComplaintStatus.Received, c.Status);
        Assert.Equal("+6281234567890", c.ReporterPhone);
        Assert.True(ComplaintWorkflow.KeyOpens(c, result.ReporterKey));
        Assert.False(ComplaintWorkflow.KeyOpens(c, result.ReporterKey + "x"));

        // Friday 10:00 WIB: 24 calendar hours → Saturday 10:00; 5 working days (lampu-jalan) → Friday 4 December 10:00.
        Assert.Equal(Wib(2026, 11, 28, 10).UtcDateTime, c.ResponseDueUtc);
        Assert.Equal(Wib(2026, 12, 4, 10).UtcDateTime, c.ResolutionDueUtc);

        var receipt = Assert.Single(await UpdatesAsync(c.Id));
        Assert.Equal(UpdateKind.Received, receipt.Kind);
        Assert.NotNull(receipt.LedgerIndex);
        var entry = await F.WithDbAsync(db => db.LedgerEntries.SingleAsync(e => e.Index == receipt.LedgerIndex, Ct));
        var text = Encoding.UTF8.GetString(entry.Data);
        Assert.Equal(ComplaintLedger.EntryFor(receipt, c.TrackingNumber, "lampu-jalan").Format(), text);
        Assert.DoesNotContain("Siti", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0812", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_without_a_chosen_desa_is_placed_in_its_desa_by_the_boundaries()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var locator = new Hosting.Geo.VillageLocator();
        var (lat, lon) = locator.PointIn("12.05.07.1005")!.Value;
        var c = await SubmitAsync(h, Valid() with { Latitude = ComplaintIntake.Degrees(lat), Longitude = ComplaintIntake.Degrees(lon) });
        var code = await F.WithDbAsync(db => db.Regions.Where(r => r.Id == c.RegionId).Select(r => r.Code).SingleAsync(Ct));
        Assert.Equal("12.05.07.1005", code);

        var offshore = await SubmitAsync(h, Valid() with { Latitude = "4.6", Longitude = "98.6" });
        Assert.Null(offshore.RegionId);
    }

    [Fact]
    public async Task The_audit_trail_records_that_contact_details_changed_but_not_what_they_are()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var c = await SubmitAsync(h);
        var changes = await F.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Complaint) && a.EntityId == c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Changes).ToListAsync(Ct));
        var all = string.Join("\n", changes);
        Assert.Contains(RedactedAttribute.Placeholder, all, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", all, StringComparison.Ordinal);
        Assert.DoesNotContain("6281234567890", all, StringComparison.Ordinal);
        Assert.Contains("Lampu jalan di depan pasar", all, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadSubmissions => new()
    {
        { "no-category", ComplaintIntake.CategoryField },
        { "no-description", ComplaintIntake.DescriptionField },
        { "long-description", ComplaintIntake.DescriptionField },
        { "html", ComplaintIntake.DescriptionField },
        { "no-location", ComplaintIntake.LocationField },
        { "lat-only", ComplaintIntake.LongitudeField },
        { "lat-range", ComplaintIntake.LatitudeField },
        { "long-range", ComplaintIntake.LongitudeField },
        { "lat-text", ComplaintIntake.LatitudeField },
        { "bad-village", ComplaintIntake.RegionField },
        { "bad-email", ComplaintIntake.EmailField },
        { "bad-phone", ComplaintIntake.PhoneField },
        { "unknown-attribute", ComplaintIntake.AttributeField("warna") },
        { "bad-attribute-value", ComplaintIntake.AttributeField("tingkat") },
        { "not-a-photo", ComplaintPhotos.Field },
        { "too-many-photos", ComplaintPhotos.Field },
        { "bad-idempotency-key", ComplaintIntake.IdempotencyField },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Bad_input_gets_a_field_error_and_nothing_is_stored(string variant, string field)
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var before = await CountAsync();
        var pdf = DemoPhotos.InvoicePdf("1", "CV Uji", 1m);
        var submission = variant switch
        {
            "no-category" => Valid() with { CategoryCode = " " },
            "no-description" => Valid() with { Description = "  " },
            "long-description" => Valid() with { Description = new string('a', 4001) },
            "html" => Valid() with { Description = "Lihat <script>alert(1)</script>" },
            "no-location" => Valid() with { Latitude = null, Longitude = null, Address = null },
            "lat-only" => Valid() with { Longitude = null },
            "lat-range" => Valid() with { Latitude = "91" },
            "long-range" => Valid() with { Longitude = "-181" },
            "lat-text" => Valid() with { Latitude = "utara" },
            "bad-village" => Valid() with { RegionCode = "99.99.99.9999" },
            "bad-email" => Valid() with { Email = "siti@" },
            "bad-phone" => Valid() with { Phone = "12345" },
            "unknown-attribute" => Valid("jalan-rusak") with { Attributes = new Dictionary<string, string[]> { ["warna"] = ["merah"] } },
            "bad-attribute-value" => Valid("jalan-rusak") with { Attributes = new Dictionary<string, string[]> { ["tingkat"] = ["parah sekali"] } },
            "not-a-photo" => Valid() with { Photos = [new PhotoUpload(new MemoryStream(pdf), pdf.Length)] },
            "too-many-photos" => Valid() with { Photos = [.. Enumerable.Range(0, 6).Select(i => Photo(i))] },
            "bad-idempotency-key" => Valid() with { IdempotencyKey = "kunci dengan spasi" },
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        var result = await h.Intake.SubmitAsync(submission, Ct);
        Assert.False(result.Succeeded);
        Assert.Contains(field, result.Errors.Keys);
        Assert.All(result.Errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_unknown_category_is_told_apart_for_open311s_404()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var result = await h.Intake.SubmitAsync(Valid("tidak-ada"), Ct);
        Assert.True(result.UnknownCategory);
        Assert.Contains(ComplaintIntake.CategoryField, result.Errors.Keys);
    }

    [Fact]
    public async Task Prose_with_a_less_than_sign_is_not_mistaken_for_markup()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var c = await SubmitAsync(h, Valid() with { Description = "Jarak lubang < 5 m dari sekolah; 3<4." });
        Assert.Equal("Jarak lubang < 5 m dari sekolah; 3<4.", c.Description);
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_key_returns_the_first_report()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var key = "offline-" + Guid.NewGuid().ToString("N");
        var first = await h.Intake.SubmitAsync(Valid() with { IdempotencyKey = key }, Ct);
        var before = await CountAsync();
        var again = await h.Intake.SubmitAsync(Valid() with { IdempotencyKey = key, Description = "dikirim ulang" }, Ct);
        Assert.True(again.Replayed);
        Assert.Equal(first.Complaint!.TrackingNumber, again.Complaint!.TrackingNumber);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Stored_photos_carry_no_metadata_so_no_location_leaks()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var upload = Photo(7, new GeoPoint(3.761234, 98.456789));
        Assert.NotNull(MediaInspector.ReadCapture(upload.Content).Location);
        upload.Content.Position = 0;
        var c = await SubmitAsync(h, Valid() with { Photos = [upload] });
        var photo = Assert.Single(await F.WithDbAsync(db => db.ComplaintPhotos.Where(p => p.ComplaintId == c.Id).ToListAsync(Ct)));
        foreach (var hash in new[] { photo.Sha256, photo.ThumbnailSha256 })
        {
            await using var stored = await h.Blobs.OpenReadAsync(hash, Ct);
            var copy = new MemoryStream();
            await stored!.CopyToAsync(copy, Ct);
            var capture = MediaInspector.ReadCapture(copy);
            Assert.Null(capture.Location);
            Assert.Null(capture.CapturedAt);
            Assert.True(copy.ToArray().AsSpan().IndexOf("Exif\0\0"u8) < 0, "The stored JPEG still has an EXIF block.");
        }
    }

    [Fact]
    public async Task The_whole_flow_verify_dispose_by_rule_work_resolve_confirm_and_rate()
    {
        var start = Wib(2026, 11, 23, 9);
        await using var h = Harness(start);
        var dlh = await F.OpdIdAsync("2.11.0.00.0.00.01.0000");
        var stabat = await F.WithDbAsync(db => db.Regions.Where(r => r.Code == "12.05.07").Select(r => r.Id).SingleAsync(Ct));
        var village = await F.WithDbAsync(db => db.Regions.Where(r => r.ParentId == stabat).Select(r => r.Code).FirstAsync(Ct));
        var lampu = await F.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == "lampu-jalan").Select(c => c.Id).SingleAsync(Ct));
        // A rule for Stabat's street lights sends them to DLH instead of the category's default (Dishub).
        await F.WithDbAsync(async db =>
        {
            db.RoutingRules.Add(new RoutingRule { CategoryId = lampu, DistrictId = stabat, OpdId = dlh, Priority = 1 });
            return await db.SaveChangesAsync(Ct);
        });
        try
        {
            var c = await SubmitAsync(h, Valid() with { RegionCode = village });
            h.Time.Advance(TimeSpan.FromHours(2));
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified, Text = "Terverifikasi." });
            Assert.Equal(Wib(2026, 11, 23, 11).UtcDateTime, c.FirstResponseAtUtc);
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Dispositioned });
            Assert.Equal(dlh, c.OpdId);
            h.Time.Advance(TimeSpan.FromHours(3));
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.InProgress, Text = "Tim menuju lokasi.", ExpectedDate = new DateOnly(2026, 11, 26) }, coordinator: false);
            Assert.Equal(Wib(2026, 11, 26, 23, 59).UtcDateTime.AddSeconds(59), c.ExpectedAtUtc);
            h.Time.Advance(TimeSpan.FromDays(1));
            await DecideAsync(h, c, new StaffDecision { Text = "Progres hari ini.", Photos = [Photo(3)] }, coordinator: false);
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Resolved, Text = "Lampu sudah menyala." }, coordinator: false);
            Assert.Equal(ComplaintWorkflow.CitizenActions(c), [ComplaintWorkflow.CitizenAction.Confirm, ComplaintWorkflow.CitizenAction.Reopen, ComplaintWorkflow.CitizenAction.AddInformation]);

            // Rating outside 1–5 is refused; the report stays resolved.
            var bad = await h.Workflow.CitizenAsync(c, ComplaintWorkflow.CitizenAction.Confirm, null, 6, [], Ct);
            Assert.Contains(ComplaintWorkflow.RatingField, bad.Errors.Keys);
            Assert.Equal(ComplaintStatus.Resolved, c.Status);

            Assert.True((await h.Workflow.CitizenAsync(c, ComplaintWorkflow.CitizenAction.Confirm, "Terima kasih", 5, [], Ct)).Succeeded);
            Assert.Equal(ComplaintStatus.Closed, c.Status);
            Assert.Equal(5, c.Rating);
            var (response, resolution) = await h.Clock.StatesAsync(c, c.Category!, ComplaintClock.PausesOf(c.Pauses), Ct);
            Assert.Equal(SlaState.Met, response);
            Assert.Equal(SlaState.Met, resolution);

            var updates = await UpdatesAsync(c.Id);
            Assert.Equal(
                [UpdateKind.Received, UpdateKind.StatusChange, UpdateKind.Disposition, UpdateKind.StatusChange, UpdateKind.ExpectedDate, UpdateKind.Progress, UpdateKind.StatusChange, UpdateKind.CitizenConfirmed],
                updates.Select(u => u.Kind));
            Assert.All(updates, u => Assert.Equal(ComplaintLedger.IsLogged(u), u.LedgerIndex is not null));
            Assert.Equal(6, updates.Count(u => u.LedgerIndex is not null));
            Assert.Single(await F.WithDbAsync(db => db.ComplaintPhotos.Where(p => p.UpdateId == updates[5].Id).ToListAsync(Ct)));
        }
        finally
        {
            await F.WithDbAsync(db => db.RoutingRules.Where(r => r.CategoryId == lampu && r.DistrictId == stabat).ExecuteDeleteAsync(Ct));
        }
    }

    [Fact]
    public async Task Deferring_pauses_the_clocks_and_the_citizens_answer_resumes_them()
    {
        // Monday 23 November 10:00 WIB, lampu-jalan: response 24 h, resolution 5 working days.
        await using var h = Harness(Wib(2026, 11, 23, 10));
        var c = await SubmitAsync(h);
        h.Time.Advance(TimeSpan.FromHours(2));
        await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Deferred, Text = "Mohon sebutkan nomor tiang lampu." });
        Assert.Null(c.ResolutionDueUtc);
        Assert.Equal(Wib(2026, 11, 23, 12).UtcDateTime, c.PausedSinceUtc);
        var (_, paused) = await h.Clock.StatesAsync(c, c.Category!, ComplaintClock.PausesOf(c.Pauses), Ct);
        Assert.Equal(SlaState.Paused, paused);

        // Six hours later the citizen answers: the report goes back to where it was, six hours later due.
        h.Time.Advance(TimeSpan.FromHours(6));
        var answer = await h.Workflow.CitizenAsync(c, ComplaintWorkflow.CitizenAction.AddInformation, "Tiang nomor 17.", null, [], Ct);
        Assert.True(answer.Succeeded);
        Assert.Equal(ComplaintStatus.Received, c.Status);
        Assert.Null(c.PausedSinceUtc);
        Assert.Equal(Wib(2026, 11, 30, 16).UtcDateTime, c.ResolutionDueUtc);
    }

    [Fact]
    public async Task A_holiday_in_the_calendar_moves_the_resolution_due_date()
    {
        // Monday 21 December 09:00 WIB; 25 December is in the demo's holiday list.
        await using var h = Harness(Wib(2026, 12, 21, 9));
        var c = await SubmitAsync(h);
        Assert.Equal(Wib(2026, 12, 29, 9).UtcDateTime, c.ResolutionDueUtc);
    }

    [Fact]
    public async Task Moves_that_skip_a_step_or_lack_a_reason_are_refused_and_change_nothing()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var c = await SubmitAsync(h);
        var actor = new StaffActor(null, "Verifier");

        var skip = await h.Workflow.DecideAsync(c, new StaffDecision { To = ComplaintStatus.Resolved, Text = "x" }, actor, true, Ct);
        Assert.Contains(ComplaintWorkflow.StatusField, skip.Errors.Keys);
        var noReason = await h.Workflow.DecideAsync(c, new StaffDecision { To = ComplaintStatus.NotAuthority }, actor, true, Ct);
        Assert.Contains(ComplaintWorkflow.TextField, noReason.Errors.Keys);
        var selfDuplicate = await h.Workflow.DecideAsync(c, new StaffDecision { To = ComplaintStatus.Duplicate, DuplicateOf = c.TrackingNumber }, actor, true, Ct);
        Assert.Contains(ComplaintWorkflow.DuplicateField, selfDuplicate.Errors.Keys);
        var empty = await h.Workflow.DecideAsync(c, new StaffDecision(), actor, true, Ct);
        Assert.Contains(ComplaintWorkflow.TextField, empty.Errors.Keys);

        // An OPD operator cannot verify (coordinators do), even on a report of their OPD.
        var operatorVerify = await h.Workflow.DecideAsync(c, new StaffDecision { To = ComplaintStatus.Verified }, new StaffActor(null, "OpdOperator"), false, Ct);
        Assert.Contains(ComplaintWorkflow.StatusField, operatorVerify.Errors.Keys);

        Assert.Single(await UpdatesAsync(c.Id));
        Assert.Equal(ComplaintStatus.Received, await F.WithDbAsync(db => db.Complaints.Where(x => x.Id == c.Id).Select(x => x.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_duplicate_points_at_its_original_and_a_reopened_report_goes_back_to_work()
    {
        await using var h = Harness(DateTimeOffset.UtcNow);
        var original = await SubmitAsync(h);
        var copy = await SubmitAsync(h);
        await DecideAsync(h, copy, new StaffDecision { To = ComplaintStatus.Duplicate, DuplicateOf = original.TrackingNumber.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) });
        Assert.Equal(original.Id, copy.MergedIntoId);
        Assert.Empty(ComplaintWorkflow.CitizenActions(copy));

        await DecideAsync(h, original, new StaffDecision { To = ComplaintStatus.Verified });
        await DecideAsync(h, original, new StaffDecision { To = ComplaintStatus.Dispositioned });
        await DecideAsync(h, original, new StaffDecision { To = ComplaintStatus.Resolved, Text = "Selesai." }, coordinator: false);
        var reopenWithoutReason = await h.Workflow.CitizenAsync(original, ComplaintWorkflow.CitizenAction.Reopen, null, null, [], Ct);
        Assert.False(reopenWithoutReason.Succeeded);
        Assert.True((await h.Workflow.CitizenAsync(original, ComplaintWorkflow.CitizenAction.Reopen, "Lampu mati lagi.", null, [], Ct)).Succeeded);
        Assert.Equal(ComplaintStatus.InProgress, original.Status);
        Assert.Equal(1, original.ReopenCount);
        Assert.Null(original.ResolvedAtUtc);
    }
}

public sealed class SqliteComplaintServiceTests(SqliteFactory factory) : ComplaintServiceTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintServiceTests(PostgresFactory factory) : ComplaintServiceTests(factory), IClassFixture<PostgresFactory>;
