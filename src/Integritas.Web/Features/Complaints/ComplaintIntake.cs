using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Integritas.Core.Complaints;
using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Complaints;

/// <summary>A report as the form, the API or a kiosk operator sent it. Everything is unchecked text until <see cref="ComplaintIntake"/> says otherwise.</summary>
public sealed record ComplaintSubmission
{
    public string? CategoryCode { get; init; }

    public ReportKind? Kind { get; init; }

    public string? Description { get; init; }

    /// <summary>Decimal degrees as typed or sent (a dot or a comma as the decimal sign).</summary>
    public string? Latitude { get; init; }

    public string? Longitude { get; init; }

    public string? Address { get; init; }

    /// <summary>A desa/kelurahan code, e.g. <c>12.05.01.2001</c>.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Open311 attribute answers by code; a multi-value list has several values.</summary>
    public IReadOnlyDictionary<string, string[]> Attributes { get; init; } = new Dictionary<string, string[]>();

    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool HideName { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? IdempotencyKey { get; init; }

    public ComplaintChannel Channel { get; init; } = ComplaintChannel.Web;

    public int? ApiKeyId { get; init; }

    public string? ReporterUserId { get; init; }

    /// <summary>The signed-in citizen's reward account, if any.</summary>
    public long? CitizenAccountId { get; init; }
}

public sealed record SubmitResult(Complaint? Complaint, string? ReporterKey, bool Replayed, Dictionary<string, string[]> Errors, bool UnknownCategory = false)
{
    public bool Succeeded => Complaint is not null;
}

/// <summary>
/// Takes citizens' reports from every channel: validates them field by field, keeps retried submissions from creating
/// duplicates (idempotency key), stores photos without their metadata, starts the SLA clocks and records the receipt.
/// </summary>
public sealed partial class ComplaintIntake(
    IntegritasDbContext db,
    ComplaintClock clock,
    ComplaintPhotos photos,
    ComplaintLedger ledger,
    Hosting.Geo.VillageLocator villages,
    Ui ui,
    Notifications.ComplaintNotices? notices = null,
    ComplaintReferenceCache? reference = null,
    ComplaintCreateBatcher? creates = null)
{
    public const string CategoryField = "Category";
    public const string DescriptionField = "Description";
    public const string LocationField = "Location";
    public const string LatitudeField = "Latitude";
    public const string LongitudeField = "Longitude";
    public const string RegionField = "Region";
    public const string EmailField = "Email";
    public const string PhoneField = "Phone";
    public const string NameField = "Name";
    public const string IdempotencyField = "IdempotencyKey";

    public static string AttributeField(string code) => $"Attributes[{code}]";

    /// <summary>Where new tracking numbers come from (tests make one collide).</summary>
    internal Func<string> NewTrackingNumber { get; set; } = TrackingNumber.New;

    public async Task<SubmitResult> SubmitAsync(ComplaintSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var key = submission.IdempotencyKey?.Trim();
        if (!string.IsNullOrEmpty(key))
        {
            if (key.Length > 100 || !key.All(c => c is > ' ' and < (char)127))
            {
                Error(IdempotencyField, ui.T("Kunci idempotensi paling banyak 100 karakter ASCII tanpa spasi.", "The idempotency key is at most 100 ASCII characters without spaces."));
                return new SubmitResult(null, null, false, errors);
            }

            if (await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == key, ct) is { } earlier)
            {
                return new SubmitResult(earlier, null, true, errors);
            }
        }

        var code = submission.CategoryCode?.Trim();
        var category = string.IsNullOrEmpty(code) ? null : await ActiveCategoryAsync(code, ct);
        if (string.IsNullOrEmpty(code))
        {
            Error(CategoryField, ui.T("Pilih kategori laporan.", "Choose a category."));
        }
        else if (category is null)
        {
            Error(CategoryField, ui.T($"Kategori '{code}' tidak dikenal.", $"Unknown category '{code}'."));
            return new SubmitResult(null, null, false, errors, UnknownCategory: true);
        }

        var description = CheckText(submission.Description, DescriptionField, ComplaintOptions.MaxDescriptionLength, required: true, Error);
        var address = CheckText(submission.Address, LocationField, 400, required: false, Error);
        var name = CheckText(submission.Name, NameField, 200, required: false, Error);

        // Where: a pin, a desa, or an address; at least one.
        var lat = ReadDegrees(submission.Latitude, LatitudeField, -90, 90, ui.T("Lintang harus angka desimal antara -90 dan 90, mis. 3.7551.", "Latitude must be a decimal number between -90 and 90, e.g. 3.7551."), Error);
        var lon = ReadDegrees(submission.Longitude, LongitudeField, -180, 180, ui.T("Bujur harus angka desimal antara -180 dan 180, mis. 98.4551.", "Longitude must be a decimal number between -180 and 180, e.g. 98.4551."), Error);
        var latGiven = !string.IsNullOrWhiteSpace(submission.Latitude);
        var lonGiven = !string.IsNullOrWhiteSpace(submission.Longitude);
        if (latGiven != lonGiven)
        {
            Error(latGiven ? LongitudeField : LatitudeField, ui.T("Isi lintang dan bujur bersama-sama.", "Give latitude and longitude together."));
        }

        int? village = null;
        var regionCode = submission.RegionCode?.Trim();
        if (!string.IsNullOrEmpty(regionCode))
        {
            village = await VillageIdAsync(regionCode, ct);
            if (village is null)
            {
                Error(RegionField, ui.T("Desa/kelurahan tidak dikenal.", "Unknown village."));
            }
        }

        if (!latGiven && !lonGiven && string.IsNullOrEmpty(regionCode) && string.IsNullOrEmpty(address))
        {
            Error(LocationField, ui.T("Tandai lokasi di peta, pilih desa/kelurahan, atau tulis alamatnya.", "Place a pin on the map, choose the village, or type the address."));
        }

        // A pin without a chosen desa: the bundled boundaries say which desa it is in (for routing and statistics).
        if (village is null && string.IsNullOrEmpty(regionCode) && lat is { } pinLat && lon is { } pinLon
            && villages.VillageAt(pinLat, pinLon) is { } located)
        {
            village = await VillageIdAsync(located, ct);
        }

        var email = submission.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !IsEmail(email))
        {
            Error(EmailField, ui.T("Alamat e-mail tidak valid.", "Not a valid e-mail address."));
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(submission.Phone) && !TryNormalizePhone(submission.Phone, out phone))
        {
            Error(PhoneField, ui.T("Nomor HP tidak valid (contoh: 0812 3456 7890).", "Not a valid mobile number (e.g. 0812 3456 7890)."));
        }

        var attributes = category is null ? null : CheckAttributes(category, submission.Attributes, Error);
        photos.Validate(submission.Photos, Error);

        if (errors.Count > 0 || category is null)
        {
            return new SubmitResult(null, null, false, errors);
        }

        var now = clock.UtcNow;
        var storedPhotos = new List<ComplaintPhoto>();
        foreach (var photo in submission.Photos)
        {
            if (await photos.StoreAsync(photo, fromCitizen: true, now, ct) is not { } stored)
            {
                Error(ComplaintPhotos.Field, ui.T("Foto tidak dapat dibaca.", "A photo could not be read."));
                return new SubmitResult(null, null, false, errors);
            }

            storedPhotos.Add(stored);
        }

        var reporterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var complaint = new Complaint
        {
            TrackingNumber = NewTrackingNumber(),
            CategoryId = category.Id,
            Kind = submission.Kind ?? category.Kind,
            Description = description!,
            Latitude = lat is { } a && lon is not null ? Math.Round(a, 6) : null,
            Longitude = lon is { } o && lat is not null ? Math.Round(o, 6) : null,
            Address = address,
            RegionId = village,
            Status = ComplaintStatus.Received,
            Channel = submission.Channel,
            AttributesJson = attributes is { Count: > 0 } ? JsonSerializer.Serialize(attributes) : null,
            ReceivedAtUtc = now,
            UpdatedAtUtc = now,
            IdempotencyKey = string.IsNullOrEmpty(key) ? null : key,
            ReporterSecretHash = HashKey(reporterKey),
            ReporterName = name,
            ReporterEmail = string.IsNullOrEmpty(email) ? null : email,
            ReporterPhone = phone,
            HideName = submission.HideName,
            DeviceId = Trim(submission.DeviceId, 200),
            AccountId = Trim(submission.AccountId, 200),
            ReporterUserId = submission.ReporterUserId,
            CitizenAccountId = submission.CitizenAccountId,
            ApiKeyId = submission.ApiKeyId,
        };
        await clock.UpdateDueAsync(complaint, category, [], ct);
        var received = new ComplaintUpdate
        {
            AtUtc = now,
            Kind = UpdateKind.Received,
            Status = ComplaintStatus.Received,
            ActorRole = ComplaintWorkflow.CitizenRole,
        };
        complaint.Updates.Add(received);
        foreach (var p in storedPhotos)
        {
            complaint.Photos.Add(p);
        }

        // A new tracking number can, rarely, be one already given (40 random bits against millions of reports): the
        // unique index refuses it, and the report is saved again under a fresh number (notices rebuilt with it).
        for (var attempt = 1; ; attempt++)
        {
            db.Complaints.Add(complaint);

            // Notifications (issue 4 item 7): queued in the same transaction as the report.
            notices?.Received(complaint, reporterKey);

            try
            {
                if (creates is null)
                {
                    await db.SaveChangesAsync(ct);
                }
                else
                {
                    // Committed together with other requests' reports (group commit), the receipts then logged
                    // together; answered only after the commit.
                    await creates.SaveAsync(db, complaint, category.Code, ct);
                }

                break;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // Two retries of the same submission raced; the other one won. Answer with it.
                if (complaint.IdempotencyKey is not null
                    && await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == complaint.IdempotencyKey, ct) is { } winner)
                {
                    return new SubmitResult(winner, null, true, errors);
                }

                if (attempt >= 3 || !await db.Complaints.AnyAsync(c => c.TrackingNumber == complaint.TrackingNumber, ct))
                {
                    throw;
                }

                complaint.TrackingNumber = NewTrackingNumber();
                ForgetKeys(complaint);
                if (creates is null)
                {
                    // The category the report points to is stored already: tracked as such again, never inserted.
                    db.Attach(category);
                }
            }
        }

        complaint.Category = category;
        if (creates is null)
        {
            await ledger.RecordAsync(complaint, [received], ct);
        }

        return new SubmitResult(complaint, reporterKey, false, errors);
    }

    /// <summary>Keys a failed (rolled back) insert may have left on the report's new rows, cleared for the next attempt.</summary>
    private static void ForgetKeys(Complaint complaint)
    {
        complaint.Id = 0;
        foreach (var update in complaint.Updates)
        {
            update.Id = 0;
            update.ComplaintId = 0;
        }

        foreach (var photo in complaint.Photos)
        {
            photo.Id = 0;
            photo.ComplaintId = 0;
        }
    }

    /// <summary>The active category with its attributes, tracked by this context (as the query used to leave it) unless reports are saved in batches.</summary>
    private async Task<ComplaintCategory?> ActiveCategoryAsync(string code, CancellationToken ct)
    {
        if (reference is null || db.ChangeTracker.Entries<ComplaintCategory>().Any())
        {
            return await db.ComplaintCategories.Include(c => c.Attributes).SingleOrDefaultAsync(c => c.Code == code && c.IsActive, ct);
        }

        var category = await reference.ActiveCategoryAsync(db, code, ct);
        // The batched save takes only the new rows: the category need not be tracked there.
        if (category is not null && creates is null)
        {
            db.Attach(category);
        }

        return category;
    }

    private async Task<int?> VillageIdAsync(string code, CancellationToken ct) => reference is null
        ? await db.Regions.AsNoTracking().Where(r => r.Code == code && r.Level == Core.Organisation.RegionLevel.Village).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct)
        : await reference.VillageIdAsync(db, code, ct);

    private static double? ReadDegrees(string? text, string field, double min, double max, string message, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = GeoPoint.ParseDegrees(text);
        if (value is null || value < min || value > max)
        {
            error(field, message);
            return null;
        }

        return value;
    }

    /// <summary>Decimal degrees as the submission carries them.</summary>
    public static string Degrees(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The stored form of a reporter key: its SHA-256 in lower-case hex.</summary>
    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Plain text only: trims, refuses markup (a report is shown on public pages and in other systems' apps), and
    /// enforces the length. Returns null for empty optional text.
    /// </summary>
    public string? CheckText(string? text, string field, int maxLength, bool required, Action<string, string> error)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                error(field, ui.T("Wajib diisi.", "Required."));
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            error(field, ui.T($"Paling banyak {maxLength} karakter (sekarang {value.Length}).", $"At most {maxLength} characters (now {value.Length})."));
        }

        if (Markup().IsMatch(value))
        {
            error(field, ui.T("Tulis teks biasa, tanpa HTML.", "Plain text only, no HTML."));
        }

        return value;
    }

    private Dictionary<string, object>? CheckAttributes(ComplaintCategory category, IReadOnlyDictionary<string, string[]> given, Action<string, string> error)
    {
        var answers = new Dictionary<string, object>();
        foreach (var unknown in given.Keys.Where(k => category.Attributes.All(a => a.Code != k)))
        {
            error(AttributeField(unknown), ui.T($"Kategori ini tidak punya atribut '{unknown}'.", $"This category has no attribute '{unknown}'."));
        }

        foreach (var attribute in category.Attributes.OrderBy(a => a.Order))
        {
            var field = AttributeField(attribute.Code);
            var values = (given.GetValueOrDefault(attribute.Code) ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
            if (values.Length == 0)
            {
                if (attribute.Required)
                {
                    error(field, ui.T($"'{attribute.Description}' wajib diisi.", $"'{attribute.Description}' is required."));
                }

                continue;
            }

            if (values.Length > 1 && attribute.Datatype != AttributeDatatype.MultiValueList)
            {
                error(field, ui.T("Hanya satu nilai.", "Only one value."));
                continue;
            }

            var value = values[0];
            var keys = attribute.ValueList().Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
            var ok = attribute.Datatype switch
            {
                AttributeDatatype.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n),
                AttributeDatatype.Datetime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                AttributeDatatype.SingleValueList => keys.Contains(value),
                AttributeDatatype.MultiValueList => values.All(keys.Contains),
                AttributeDatatype.String => value.Length <= 500 && !Markup().IsMatch(value),
                _ => value.Length <= ComplaintOptions.MaxDescriptionLength && !Markup().IsMatch(value),
            };
            if (!ok)
            {
                error(field, attribute.Datatype switch
                {
                    AttributeDatatype.Number => ui.T("Harus berupa angka (titik sebagai desimal).", "Must be a number (dot as decimal sign)."),
                    AttributeDatatype.Datetime => ui.T("Harus berupa tanggal dan waktu ISO 8601.", "Must be an ISO 8601 date and time."),
                    AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList =>
                        ui.T($"Pilihan yang sah: {string.Join(", ", keys)}.", $"Valid choices: {string.Join(", ", keys)}."),
                    _ => ui.T("Teks biasa, tanpa HTML, paling banyak 500 karakter.", "Plain text, no HTML, at most 500 characters."),
                });
                continue;
            }

            answers[attribute.Code] = attribute.Datatype == AttributeDatatype.MultiValueList ? values : value;
        }

        return answers;
    }

    private static bool IsEmail(string text) =>
        text.Length <= 256 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    /// <summary>An Indonesian mobile number in any usual spelling (0812…, 62812…, +62 812-…) as <c>+62812…</c>.</summary>
    public static bool TryNormalizePhone(string text, out string? phone)
    {
        phone = null;
        var digits = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')') && !(c == '+' && digits.Length == 0))
            {
                return false;
            }
        }

        var d = digits.ToString();
        var national = d.StartsWith("62", StringComparison.Ordinal) ? d[2..] : d.StartsWith('0') ? d[1..] : null;
        if (national is null || !national.StartsWith('8') || national.Length is < 9 or > 12)
        {
            return false;
        }

        phone = "+62" + national;
        return true;
    }

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    // A tag-like sequence: "<" followed by a letter, "/" or "!" (so "jarak < 5 km" in prose stays allowed).
    [GeneratedRegex(@"<\s*[A-Za-z/!?]")]
    private static partial Regex Markup();
}
