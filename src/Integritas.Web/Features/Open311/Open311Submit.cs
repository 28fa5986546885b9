using System.Text.RegularExpressions;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Hosting;
using Microsoft.Extensions.Primitives;

namespace Integritas.Web.Features.Open311;

/// <summary>
/// <c>POST requests</c>: an Open311 form becomes a <see cref="ComplaintSubmission"/> for the same intake the web form
/// uses, so every check, the idempotency key and the SLA clock are the same; the intake's field errors come back under
/// Open311's parameter names.
/// </summary>
public static partial class Open311Submit
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<IResult> PostAsync(string format, HttpContext http, ApiKeys keys, ComplaintIntake intake, Ui ui, CancellationToken ct)
    {
        if (!Open311Api.TryFormat(format, out var f, out var formatError))
        {
            return formatError!;
        }

        if (!http.Request.HasFormContentType)
        {
            return Open311Result.Error(f, StatusCodes.Status400BadRequest,
                ui.T("Kirim formulir application/x-www-form-urlencoded.", "Send an application/x-www-form-urlencoded form."));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException bad)
        {
            return Open311Result.Error(f, bad.StatusCode, ui.T("Formulir tidak dapat dibaca: ", "The form could not be read: ") + bad.Message);
        }
        catch (InvalidDataException bad)
        {
            return Open311Result.Error(f, StatusCodes.Status400BadRequest, ui.T("Formulir tidak dapat dibaca: ", "The form could not be read: ") + bad.Message);
        }

        var apiKey = form["api_key"].ToString();
        if (apiKey.Length == 0)
        {
            return Open311Result.Error(f, StatusCodes.Status403Forbidden, ui.T("api_key wajib diisi.", "api_key is required."));
        }

        if (await keys.VerifyAsync(apiKey, ct) is not { } keyId)
        {
            return Open311Result.Error(f, StatusCodes.Status403Forbidden, ui.T("api_key tidak valid atau sudah dicabut.", "api_key is invalid or revoked."));
        }

        var errors = new List<string>();
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (field, values) in form)
        {
            if (!field.StartsWith("attribute", StringComparison.Ordinal))
            {
                continue;
            }

            var match = AttributeName().Match(field);
            if (!match.Success)
            {
                errors.Add(ui.T($"'{Shorten(field)}': tulis attribute[KODE] atau attribute[KODE][].", $"'{Shorten(field)}': write attribute[CODE] or attribute[CODE][]."));
                continue;
            }

            var code = match.Groups["code"].Value;
            if (!attributes.TryGetValue(code, out var list))
            {
                attributes[code] = list = [];
            }

            list.AddRange(values.Select(v => v ?? ""));
        }

        var mediaUrl = form["media_url"].ToString().Trim();
        if (mediaUrl.Length > 0 && (mediaUrl.Length > 2000 || !Uri.TryCreate(mediaUrl, UriKind.Absolute, out var media) || media.Scheme is not ("http" or "https")))
        {
            errors.Add(ui.T("media_url: alamat http(s) lengkap.", "media_url: a full http(s) address."));
        }

        if (errors.Count > 0)
        {
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, errors);
        }

        var name = string.Join(' ', new[] { One(form["first_name"]), One(form["last_name"]) }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        var submission = new ComplaintSubmission
        {
            CategoryCode = One(form["service_code"]),
            Description = One(form["description"]),
            Latitude = One(form["lat"]),
            Longitude = One(form["long"]),
            Address = One(form["address_string"]),
            RegionCode = One(form["address_id"]),
            Attributes = attributes.ToDictionary(a => a.Key, a => a.Value.ToArray(), StringComparer.Ordinal),
            Name = name.Length == 0 ? null : name,
            Email = One(form["email"]),
            Phone = One(form["phone"]),
            DeviceId = One(form["device_id"]),
            AccountId = One(form["account_id"]),
            IdempotencyKey = idempotencyKey.Length == 0 ? null : idempotencyKey,
            Channel = ComplaintChannel.Open311,
            ApiKeyId = keyId,
        };

        var result = await intake.SubmitAsync(submission, ct);
        if (result.UnknownCategory)
        {
            return Open311Result.Errors(f, StatusCodes.Status404NotFound, Describe(result.Errors));
        }

        if (!result.Succeeded)
        {
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, Describe(result.Errors));
        }

        var complaint = result.Complaint!;
        var due = complaint.ResponseDueUtc is { } d ? Open311Dates.Format(d) : null;
        var notice = due is null
            ? ui.T($"Laporan diterima; pantau dengan nomor {complaint.TrackingNumber}.", $"Report received; follow it with number {complaint.TrackingNumber}.")
            : ui.T($"Laporan diterima; tanggapan pertama paling lambat {due}. Pantau dengan nomor {complaint.TrackingNumber}.",
                $"Report received; the first response is due by {due}. Follow it with number {complaint.TrackingNumber}.");
        var accountId = submission.AccountId;
        return new Open311Result(f, StatusCodes.Status200OK, (w, _) =>
        {
            w.StartList("service_requests");
            w.StartObject("request");
            w.String("service_request_id", complaint.TrackingNumber);
            w.String("service_notice", notice);
            w.String("account_id", string.IsNullOrWhiteSpace(accountId) ? null : accountId.Trim());
            w.EndObject();
            w.EndList();
            return Task.CompletedTask;
        });
    }

    /// <summary>The intake's field names as Open311's parameters.</summary>
    public static string Parameter(string field) => field switch
    {
        ComplaintIntake.CategoryField => "service_code",
        ComplaintIntake.DescriptionField => "description",
        ComplaintIntake.LatitudeField => "lat",
        ComplaintIntake.LongitudeField => "long",
        ComplaintIntake.LocationField => "address_string",
        ComplaintIntake.RegionField => "address_id",
        ComplaintIntake.EmailField => "email",
        ComplaintIntake.PhoneField => "phone",
        ComplaintIntake.NameField => "first_name/last_name",
        ComplaintIntake.IdempotencyField => IdempotencyHeader,
        ComplaintPhotos.Field => "media",
        _ when field.StartsWith("Attributes[", StringComparison.Ordinal) => "attribute" + field["Attributes".Length..],
        _ => field,
    };

    private static IEnumerable<string> Describe(Dictionary<string, string[]> errors) =>
        errors.SelectMany(e => e.Value.Select(message => $"{Parameter(e.Key)}: {message}"));

    /// <summary>A single-valued parameter: a repeated one is read as its first value.</summary>
    private static string? One(StringValues values) => values.Count == 0 ? null : values[0];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^attribute\[(?<code>[A-Za-z0-9_.\-]{1,100})\](\[\])?$")]
    private static partial Regex AttributeName();
}
