using Integritas.Core.Complaints;
using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Complaints;

/// <summary>Public read endpoints of the complaint feature: the form's nearby check and the reports' photos.</summary>
public static class ComplaintApi
{
    public sealed record NearbyReport(string tracking_number, int distance_m, string status, string status_label, string description, DateTime received_utc);

    public static void MapComplaintApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/complaints").WithTags("Pengaduan / Complaints");
        api.MapGet("/nearby", NearbyAsync)
            .WithSummary("Laporan terbuka serupa di dekat suatu titik / Open reports of a category near a point")
            .WithDescription("Used by the report form's \"is this yours?\" list. Public fields only.");

        // The report form's offline queue sends here when the phone has signal again (no antiforgery cookie may
        // survive until then); the Idempotency-Key header makes a resend return the report it already made.
        api.MapPost("/", SubmitAsync)
            .DisableAntiforgery()
            .WithSummary("Kirim laporan (formulir multipart) / Submit a report (multipart form)")
            .WithDescription("Fields as the /lapor form: Category, Description, Latitude, Longitude, Region, Address, Name, Phone, Email, HideName, Photos (files). Header Idempotency-Key: a retry returns the first report (200) instead of creating another (201). Errors: 400 ProblemDetails with field errors.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(100L * 1024 * 1024));

        api.MapGet("/statistics.csv", StatisticsCsvAsync)
            .WithSummary("Statistik pengaduan setahun sebagai CSV / A year's complaint figures as CSV")
            .WithDescription("One row per breakdown (overall, category, district, opd, month): dimension,code,name,received,open,resolved,declined,answered_on_time,answered_late,answered_on_time_pct,median_days_to_resolve,average_rating. Dot decimals; empty when not computable.");

        // Only photos that belong to a report are served here, by their hash (never any other stored file).
        app.MapGet("/lapor/foto/{sha256}", PhotoAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> NearbyAsync(string? category, string? lat, string? lon, IntegritasDbContext db,
        IOptions<ComplaintOptions> options, Ui ui, CancellationToken ct)
    {
        var la = GeoPoint.ParseDegrees(lat);
        var lo = GeoPoint.ParseDegrees(lon);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(category))
        {
            errors["category"] = [ui.T("Wajib diisi.", "Required.")];
        }

        if (la is null || lo is null || !GeoPoint.IsValid(la.Value, lo.Value))
        {
            errors["lat"] = [ui.T("Lintang dan bujur desimal yang sah wajib diisi.", "Valid decimal latitude and longitude are required.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var here = new GeoPoint(la!.Value, lo!.Value);
        var radius = options.Value.NearbyRadiusMeters;
        // A box around the point first (an index-friendly range), then the exact distance.
        var dLat = radius / 111_000.0;
        var dLon = radius / (111_000.0 * Math.Max(0.1, Math.Cos(here.Latitude * Math.PI / 180)));
        var candidates = await db.Complaints.AsNoTracking().OpenOnes()
            .Where(c => c.Category!.Code == category && c.Latitude != null && c.Longitude != null
                && c.Latitude >= here.Latitude - dLat && c.Latitude <= here.Latitude + dLat
                && c.Longitude >= here.Longitude - dLon && c.Longitude <= here.Longitude + dLon)
            .OrderByDescending(c => c.ReceivedAtUtc).Take(200)
            .Select(c => new { c.TrackingNumber, c.Latitude, c.Longitude, c.Status, c.Description, c.ReceivedAtUtc })
            .ToListAsync(ct);
        var english = Ui.IsEnglish;
        var result = candidates
            .Select(c => (c, distance: here.DistanceMetersTo(new GeoPoint(c.Latitude!.Value, c.Longitude!.Value))))
            .Where(x => x.distance <= radius)
            .OrderBy(x => x.distance).Take(10)
            .Select(x => new NearbyReport(x.c.TrackingNumber, (int)Math.Round(x.distance), ComplaintStatuses.Key(x.c.Status),
                ComplaintStatuses.Label(x.c.Status, english), Shorten(x.c.Description, 140), x.c.ReceivedAtUtc))
            .ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> PhotoAsync(string sha256, IntegritasDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            return Results.NotFound();
        }

        var known = await db.ComplaintPhotos.AsNoTracking().AnyAsync(p => p.Sha256 == sha256 || p.ThumbnailSha256 == sha256, ct);
        return known ? await EvidenceFiles.ServeAsync(blobs, sha256, "image/jpeg", "foto-laporan", ct) : Results.NotFound();
    }

    public sealed record Submitted(string tracking_number, string url, string? private_url, bool replayed);

    private static async Task<IResult> SubmitAsync(HttpRequest request, ComplaintIntake intake, IOptions<ComplaintOptions> options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Kirim sebagai multipart/form-data / Send as multipart/form-data."] });
        }

        var form = await request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        await using var photos = await FormPhotos.OpenAsync(form.Files.Where(f => f.Name == "Photos").Take(options.Value.MaxPhotos + 1), ct);
        var result = await intake.SubmitAsync(new ComplaintSubmission
        {
            CategoryCode = Field("Category"),
            Description = Field("Description"),
            Latitude = Field("Latitude"),
            Longitude = Field("Longitude"),
            RegionCode = string.IsNullOrWhiteSpace(Field("Region")) ? null : Field("Region"),
            Address = Field("Address"),
            Name = Field("Name"),
            Phone = Field("Phone"),
            Email = Field("Email"),
            HideName = Field("HideName") is "true" or "on",
            IdempotencyKey = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } header ? header : Field("IdempotencyKey"),
            Photos = photos.Uploads,
            Channel = Data.Complaints.ComplaintChannel.Web,
            CitizenAccountId = await Rewards.CitizenSignIn.AccountIdAsync(request.HttpContext),
        }, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors);
        }

        var number = result.Complaint!.TrackingNumber;
        var body = new Submitted(number, $"/lapor/{number}", result.ReporterKey is { } key ? $"/lapor/{number}?kunci={Uri.EscapeDataString(key)}" : null, result.Replayed);
        return result.Replayed ? TypedResults.Ok(body) : TypedResults.Created(body.url, body);
    }

    public const string StatisticsCsvHeader =
        "dimension,code,name,received,open,resolved,declined,answered_on_time,answered_late,answered_on_time_pct,median_days_to_resolve,average_rating";

    private static async Task<IResult> StatisticsCsvAsync(int? year, ComplaintStatistics statistics, Ui ui, CancellationToken ct)
    {
        var thisYear = statistics.ThisYear;
        if (year is not { } y || y < 2000 || y > thisYear)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [ui.T($"Tahun wajib diisi, antara 2000 dan {thisYear}.", $"The year is required, between 2000 and {thisYear}.")],
            });
        }

        var d = await statistics.ForYearAsync(y, ct);
        var csv = new System.Text.StringBuilder(StatisticsCsvHeader).Append('\n');
        static string N(double? v) => v?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        void Row(string dimension, string code, string name, ComplaintFigureSet f) =>
            csv.AppendJoin(',', new[]
            {
                dimension, code, name, f.Received.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Open.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.Resolved.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Declined.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.AnsweredOnTime.ToString(System.Globalization.CultureInfo.InvariantCulture), f.AnsweredLate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                N(f.AnsweredOnTimePercent), N(f.MedianDaysToResolve), N(f.AverageRating),
            }.Select(Csv.Escape)).Append('\n');
        Row("overall", y.ToString(System.Globalization.CultureInfo.InvariantCulture), "", d.Overall);
        foreach (var (dimension, rows) in new[] { ("category", d.ByCategory), ("district", d.ByDistrict), ("opd", d.ByOpd) })
        {
            foreach (var r in rows)
            {
                Row(dimension, r.Code, r.Name, r.Figures);
            }
        }

        foreach (var (month, received, resolved) in d.Monthly)
        {
            csv.AppendJoin(',', ["month", $"{y}-{month:00}", "", received.ToString(System.Globalization.CultureInfo.InvariantCulture), "", resolved.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "", "", "", "", ""]).Append('\n');
        }

        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"statistik-pengaduan-{y}.csv");
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
}
