using System.Globalization;
using Integritas.Core.Complaints;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Integritas.Web.Features.Open311;

/// <summary>
/// Open311 reads: <c>requests</c> (list and one), <c>tokens</c> and <c>servicerequestupdates</c>. Lists are projected
/// (public fields only, never the reporter's) and streamed row by row into the response.
/// </summary>
public static class Open311Requests
{
    /// <summary>Open311's cap on one response, also the largest <c>page_size</c>.</summary>
    public const int MaxResults = 1000;

    /// <summary>Rows written between flushes of the response.</summary>
    private const int FlushEvery = 100;

    public sealed record RequestRow(
        string Id, ComplaintStatus Status, string? StatusNotes, string ServiceNameId, string ServiceNameEn, string ServiceCode,
        string Description, string? Agency, DateTime Requested, DateTime Updated, DateTime? Expected, string? Address,
        string? AddressId, double? Lat, double? Lon, string? Photo);

    public sealed record UpdateRow(long Id, string RequestId, ComplaintStatus Status, UpdateKind Kind, string? Text, DateTime At, string? Photo);

    private sealed record Window(DateTime From, DateTime To, int Page, int PageSize);

    public static async Task<IResult> ListAsync(string format, HttpContext http, IntegritasDbContext db, TimeProvider time,
        IOptions<IntegritasOptions> options, Ui ui, CancellationToken ct, Open311ListCache? cache = null)
    {
        if (!Open311Api.TryFormat(format, out var f, out var formatError))
        {
            return formatError!;
        }

        var query = http.Request.Query;
        var errors = new List<string>();
        var notFound = new List<string>();
        var complaints = db.Complaints.AsNoTracking();
        if (List(query["service_request_id"]) is { Count: > 0 } ids)
        {
            // The ids override every other filter (the standard), paging included.
            if (ids.Count > MaxResults)
            {
                return Open311Result.Error(f, StatusCodes.Status400BadRequest,
                    ui.T($"service_request_id: paling banyak {MaxResults} nomor.", $"service_request_id: at most {MaxResults} ids."));
            }

            var numbers = ids.Select(id => TrackingNumber.TryNormalize(id, out var n) ? n : id).Distinct().ToList();
            complaints = complaints.Where(c => numbers.Contains(c.TrackingNumber));
            return Cached(f, Project(complaints.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)), http, options, cache, time, slidingWindow: false);
        }

        var window = ReadWindow(query, time, ui, errors);
        if (List(query["service_code"]) is { Count: > 0 } codes)
        {
            var known = await db.ComplaintCategories.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
            notFound.AddRange(codes.Except(known.Select(k => k.Code)).Select(code => ui.T($"service_code: layanan '{code}' tidak dikenal.", $"service_code: unknown service '{code}'.")));
            var categoryIds = known.Select(k => k.Id).ToList();
            complaints = complaints.Where(c => categoryIds.Contains(c.CategoryId));
        }

        if (List(query["status"]) is { Count: > 0 } statuses)
        {
            var wanted = new HashSet<ComplaintStatus>();
            foreach (var s in statuses)
            {
                if (s.Equals("open", StringComparison.OrdinalIgnoreCase) || s.Equals("closed", StringComparison.OrdinalIgnoreCase))
                {
                    var open = s.Equals("open", StringComparison.OrdinalIgnoreCase);
                    wanted.UnionWith(ComplaintStatuses.All.Where(x => ComplaintStatuses.IsOpen(x) == open));
                }
                else if (ComplaintStatuses.TryParseKey(s, out var detailed))
                {
                    wanted.Add(detailed);
                }
                else
                {
                    errors.Add(ui.T($"status: '{s}' bukan open atau closed.", $"status: '{s}' is neither open nor closed."));
                }
            }

            var list = wanted.ToList();
            complaints = complaints.Where(c => list.Contains(c.Status));
        }

        if (errors.Count > 0)
        {
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, errors);
        }

        if (notFound.Count > 0)
        {
            return Open311Result.Errors(f, StatusCodes.Status404NotFound, notFound);
        }

        var w = window!;
        complaints = complaints.Where(c => c.ReceivedAtUtc >= w.From && c.ReceivedAtUtc <= w.To)
            .OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Skip((w.Page - 1) * w.PageSize).Take(w.PageSize);
        var sliding = query["start_date"].ToString().Length == 0 && query["end_date"].ToString().Length == 0;
        return Cached(f, Project(complaints), http, options, cache, time, sliding);
    }

    public static async Task<IResult> OneAsync(string id, string format, HttpContext http, IntegritasDbContext db,
        IOptions<IntegritasOptions> options, Ui ui, CancellationToken ct)
    {
        if (!Open311Api.TryFormat(format, out var f, out var formatError))
        {
            return formatError!;
        }

        var number = TrackingNumber.TryNormalize(id, out var n) ? n : id;
        var complaints = db.Complaints.AsNoTracking().Where(c => c.TrackingNumber == number);
        if (!await complaints.AnyAsync(ct))
        {
            return Open311Result.Error(f, StatusCodes.Status404NotFound, ui.T($"Laporan '{id}' tidak ada.", $"No request '{id}'."));
        }

        return Stream(f, Project(complaints), http, options);
    }

    public static async Task<IResult> TokenAsync(string token, string format, IntegritasDbContext db, Ui ui, CancellationToken ct)
    {
        if (!Open311Api.TryFormat(format, out var f, out var formatError))
        {
            return formatError!;
        }

        var id = await db.Complaints.AsNoTracking().Where(c => c.IdempotencyKey == token).Select(c => c.TrackingNumber).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return Open311Result.Error(f, StatusCodes.Status404NotFound, ui.T($"Token '{token}' tidak dikenal.", $"Unknown token '{token}'."));
        }

        return new Open311Result(f, StatusCodes.Status200OK, (w, _) =>
        {
            w.StartList("service_requests");
            w.StartObject("request");
            w.String("service_request_id", id);
            w.String("token", token);
            w.EndObject();
            w.EndList();
            return Task.CompletedTask;
        });
    }

    public static IResult UpdatesAsync(string format, HttpContext http, IntegritasDbContext db, TimeProvider time,
        IOptions<IntegritasOptions> options, Ui ui)
    {
        if (!Open311Api.TryFormat(format, out var f, out var formatError))
        {
            return formatError!;
        }

        var errors = new List<string>();
        var window = ReadWindow(http.Request.Query, time, ui, errors);
        if (errors.Count > 0)
        {
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, errors);
        }

        var w = window!;
        var rows = db.ComplaintUpdates.AsNoTracking()
            .Where(u => u.IsPublic && u.Kind != UpdateKind.InternalNote && u.AtUtc >= w.From && u.AtUtc <= w.To)
            .OrderBy(u => u.AtUtc).ThenBy(u => u.Id)
            .Skip((w.Page - 1) * w.PageSize).Take(w.PageSize)
            .Select(u => new UpdateRow(u.Id, u.Complaint!.TrackingNumber, u.Status, u.Kind, u.Text, u.AtUtc,
                u.Photos.OrderBy(p => p.Id).Select(p => p.Sha256).FirstOrDefault()));
        var baseUrl = Open311Api.BaseUrl(http, options.Value);
        var english = Ui.IsEnglish;
        return new Open311Result(f, StatusCodes.Status200OK, async (writer, ct) =>
        {
            writer.StartList("service_requests_updates");
            var n = 0;
            await foreach (var u in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                writer.StartObject("request_update");
                writer.String("update_id", u.Id.ToString(CultureInfo.InvariantCulture));
                writer.String("service_request_id", u.RequestId);
                writer.String("status", ComplaintStatuses.Open311(u.Status));
                writer.String("detailed_status", ComplaintStatuses.Key(u.Status));
                writer.String("description", u.Text ?? Describe(u.Kind, u.Status, english));
                writer.String("updated_datetime", Open311Dates.Format(u.At));
                writer.String("media_url", PhotoUrl(baseUrl, u.Photo));
                writer.EndObject();
                if (++n % FlushEvery == 0)
                {
                    await writer.FlushAsync(ct);
                }
            }

            writer.EndList();
        });
    }

    /// <summary>The public fields of each request, with the latest public note on a change of status and the first photo.</summary>
    private static IQueryable<RequestRow> Project(IQueryable<Complaint> complaints) =>
        complaints.Select(c => new RequestRow(
            c.TrackingNumber,
            c.Status,
            c.Updates.Where(u => u.IsPublic && (u.Kind == UpdateKind.StatusChange || u.Kind == UpdateKind.Disposition) && u.Text != null)
                .OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id).Select(u => u.Text).FirstOrDefault(),
            c.Category!.NameId,
            c.Category.NameEn,
            c.Category.Code,
            c.Description,
            c.Opd!.Name,
            c.ReceivedAtUtc,
            c.UpdatedAtUtc,
            c.ExpectedAtUtc ?? c.ResolutionDueUtc,
            c.Address,
            c.Region!.Code,
            c.Latitude,
            c.Longitude,
            c.Photos.OrderBy(p => p.Id).Select(p => p.Sha256).FirstOrDefault()));

    private static Open311Result Stream(Open311Format format, IQueryable<RequestRow> rows, HttpContext http, IOptions<IntegritasOptions> options)
    {
        var baseUrl = Open311Api.BaseUrl(http, options.Value);
        var english = Ui.IsEnglish;
        return new Open311Result(format, StatusCodes.Status200OK, async (w, ct) =>
        {
            w.StartList("service_requests");
            var n = 0;
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                Write(w, r, baseUrl, english);
                if (++n % FlushEvery == 0)
                {
                    await w.FlushAsync(ct);
                }
            }

            w.EndList();
        });
    }

    /// <summary>
    /// A list through <see cref="Open311ListCache"/>: the stored body while it is current, else the rows written into a
    /// buffer, stored and sent. <paramref name="slidingWindow"/>: the list is "the last 90 days up to now", so it also
    /// goes stale when its oldest row leaves that window.
    /// </summary>
    private static IResult Cached(Open311Format format, IQueryable<RequestRow> rows, HttpContext http, IOptions<IntegritasOptions> options,
        Open311ListCache? cache, TimeProvider time, bool slidingWindow)
    {
        if (cache is not { Enabled: true })
        {
            return Stream(format, rows, http, options);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var baseUrl = Open311Api.BaseUrl(http, options.Value);
        var english = Ui.IsEnglish;
        var key = Open311ListCache.Key(format, english, baseUrl, http.Request.QueryString);
        if (cache.Find(key, now) is { } hit)
        {
            return new BodyResult(format, hit.Body);
        }

        // Taken before the rows are read: a change committed meanwhile leaves this entry stale, never the reverse.
        var version = cache.Version;
        return new BufferedList(format, rows, baseUrl, english, body =>
            cache.Store(key, new Open311ListCache.Entry(body.Bytes, version, now,
                slidingWindow && body.Oldest is { } oldest ? oldest + Open311Dates.MaxWindow : DateTime.MaxValue)));
    }

    private sealed class BodyResult(Open311Format format, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = Open311Writer.ContentType(format);
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }

    private sealed record Body(byte[] Bytes, DateTime? Oldest);

    private sealed class BufferedList(Open311Format format, IQueryable<RequestRow> rows, string baseUrl, bool english, Action<Body> store) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var ct = httpContext.RequestAborted;
            using var buffer = new MemoryStream();
            var pipe = System.IO.Pipelines.PipeWriter.Create(buffer, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
            var w = Open311Writer.For(format, pipe);
            DateTime? oldest = null;
            w.StartList("service_requests");
            var n = 0;
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                Write(w, r, baseUrl, english);
                oldest = oldest is { } o && o < r.Requested ? o : r.Requested;
                if (++n % FlushEvery == 0)
                {
                    await w.FlushAsync(ct);
                }
            }

            w.EndList();
            await w.FlushAsync(ct);
            await pipe.CompleteAsync();
            var bytes = buffer.ToArray();
            store(new Body(bytes, oldest));
            await new BodyResult(format, bytes).ExecuteAsync(httpContext);
        }
    }

    private static void Write(Open311Writer w, RequestRow r, string baseUrl, bool english)
    {
        w.StartObject("request");
        w.String("service_request_id", r.Id);
        w.String("status", ComplaintStatuses.Open311(r.Status));
        w.String("detailed_status", ComplaintStatuses.Key(r.Status));
        w.String("status_notes", r.StatusNotes);
        w.String("service_name", english ? r.ServiceNameEn : r.ServiceNameId);
        w.String("service_code", r.ServiceCode);
        w.String("description", r.Description);
        w.String("agency_responsible", r.Agency);
        w.String("service_notice", null);
        w.String("requested_datetime", Open311Dates.Format(r.Requested));
        w.String("updated_datetime", Open311Dates.Format(r.Updated));
        w.String("expected_datetime", Open311Dates.Format(r.Expected));
        w.String("address", r.Address);
        w.String("address_id", r.AddressId);
        w.String("zipcode", null);
        w.Number("lat", r.Lat);
        w.Number("long", r.Lon);
        w.String("media_url", PhotoUrl(baseUrl, r.Photo));
        w.EndObject();
    }

    private static string? PhotoUrl(string baseUrl, string? sha256) => sha256 is null ? null : $"{baseUrl}/lapor/foto/{sha256}";

    private static string Describe(UpdateKind kind, ComplaintStatus status, bool english) => kind switch
    {
        UpdateKind.Received => english ? "Report received" : "Laporan diterima",
        UpdateKind.ExpectedDate => english ? "Expected completion date set" : "Perkiraan tanggal selesai ditetapkan",
        UpdateKind.Progress => english ? "Progress photos" : "Foto progres",
        UpdateKind.CitizenConfirmed => english ? "The reporter confirmed the fix" : "Pelapor mengonfirmasi perbaikan",
        UpdateKind.CitizenReopened => english ? "The reporter reopened the report" : "Pelapor membuka kembali laporan",
        _ => ComplaintStatuses.Label(status, english),
    };

    /// <summary>A comma list (possibly repeated parameters), trimmed, without empty items.</summary>
    private static List<string> List(StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// start_date/end_date (default: the 90 days up to now; one alone spans 90 days from or to it; at most 90 days),
    /// page (from 1) and page_size (1–1000, default 1000). Adds an error for each bad value.
    /// </summary>
    private static Window? ReadWindow(IQueryCollection query, TimeProvider time, Ui ui, List<string> errors)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? start = null, end = null;
        if (query["start_date"].ToString() is { Length: > 0 } startText)
        {
            if (Open311Dates.TryParse(startText, out var s))
            {
                start = s;
            }
            else
            {
                errors.Add(ui.T("start_date: bukan tanggal W3C, mis. 2026-11-01T00:00:00+07:00.", "start_date: not a W3C datetime, e.g. 2026-11-01T00:00:00+07:00."));
            }
        }

        if (query["end_date"].ToString() is { Length: > 0 } endText)
        {
            if (Open311Dates.TryParse(endText, out var e))
            {
                end = e;
            }
            else
            {
                errors.Add(ui.T("end_date: bukan tanggal W3C, mis. 2026-11-30T23:59:59+07:00.", "end_date: not a W3C datetime, e.g. 2026-11-30T23:59:59+07:00."));
            }
        }

        var page = ReadInt(query, "page", 1, 1, Paging.MaxPage, ui, errors);
        var pageSize = ReadInt(query, "page_size", MaxResults, 1, MaxResults, ui, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var to = end ?? (start is { } from ? from + Open311Dates.MaxWindow : now);
        var since = start ?? to - Open311Dates.MaxWindow;
        if (to < since)
        {
            errors.Add(ui.T("end_date lebih awal dari start_date.", "end_date is before start_date."));
        }
        else if (to - since > Open311Dates.MaxWindow)
        {
            errors.Add(ui.T("Rentang start_date–end_date paling lama 90 hari.", "The start_date–end_date window is at most 90 days."));
        }

        return errors.Count > 0 ? null : new Window(since, to, page, pageSize);
    }

    private static int ReadInt(IQueryCollection query, string name, int fallback, int min, int max, Ui ui, List<string> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(ui.T($"{name}: bilangan bulat {min}–{max}.", $"{name}: a whole number from {min} to {max}."));
        return fallback;
    }
}
