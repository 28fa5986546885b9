using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Integritas.Core.Evidence;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.TlogProofs;
using Integritas.Data.Evidence;
using Integritas.Data.Identity;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests;

/// <summary>
/// Construction evidence through the real pages: a contractor's upload is read, checked, stored by hash, recorded in
/// the log and shown on the public page with a proof an outsider can verify; tampering is caught and named.
/// </summary>
public abstract class EvidenceTestBase(IntegritasFactory factory) : FactoryTest(factory)
{
    protected static readonly GeoPoint Site = new(3.7531, 98.4563);

    protected sealed record TestPackage(int Id, string Code, int[] Milestones);

    protected async Task<TestPackage> PackageAsync()
    {
        var code = $"TEST-{Guid.NewGuid():N}"[..16];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await F.WithDbAsync(async db =>
        {
            var opd = await db.Opds.FirstAsync(o => o.Code == "1.03.0.00.0.00.01.0000", Ct);
            var package = new ConstructionPackage
            {
                Code = code,
                Name = "Paket uji " + code,
                OpdId = opd.Id,
                ContractorCompany = "CV Uji Coba",
                ContractValue = 1_500_000_000m,
                WorkStart = today.AddDays(-60),
                WorkEnd = today.AddDays(60),
                SiteLatitude = Site.Latitude,
                SiteLongitude = Site.Longitude,
                GeofenceRadiusMeters = 300,
            };
            package.Milestones.Add(new PackageMilestone { Sequence = 1, Name = "Lantai kerja" });
            package.Milestones.Add(new PackageMilestone { Sequence = 2, Name = "Pengecoran" });
            db.ConstructionPackages.Add(package);
            await db.SaveChangesAsync(Ct);
            return new TestPackage(package.Id, code, [.. package.Milestones.OrderBy(m => m.Sequence).Select(m => m.Id)]);
        });
    }

    protected async Task<(TestUser User, HttpClient Client)> ContractorAsync(TestPackage? assignedTo)
    {
        var user = await F.CreateUserAsync(Roles.Contractor);
        if (assignedTo is not null)
        {
            await F.WithDbAsync(async db =>
            {
                db.PackageContractors.Add(new PackageContractor { PackageId = assignedTo.Id, UserId = user.Id });
                return await db.SaveChangesAsync(Ct);
            });
        }

        return (user, await F.SignedInClientAsync(user));
    }

    protected static DateTimeOffset TwoDaysAgoWib() =>
        new(DateTime.SpecifyKind(DateTime.UtcNow.AddDays(-2).AddHours(7).Date.AddHours(10), DateTimeKind.Unspecified), TimeSpan.FromHours(7));

    /// <summary>Pages answer a signed-in user without the right with a redirect to the access-denied page.</summary>
    protected static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    protected static async Task<HttpResponseMessage> UploadAsync(HttpClient client, TestPackage package, byte[]? media, byte[]? invoice = null,
        Dictionary<string, string>? fields = null, int milestone = 0, string mediaName = "foto.jpg", string query = "")
    {
        var token = IntegritasFactory.AntiforgeryToken(await client.GetStringAsync($"/paket/{package.Code}/unggah", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(package.Milestones[milestone].ToString(System.Globalization.CultureInfo.InvariantCulture)), "MilestoneId" },
        };
        foreach (var (key, value) in fields ?? [])
        {
            form.Add(new StringContent(value), key);
        }

        if (media is not null)
        {
            var file = new ByteArrayContent(media);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Media", mediaName);
        }

        if (invoice is not null)
        {
            form.Add(new ByteArrayContent(invoice), "Invoice", "faktur.pdf");
        }

        return await client.PostAsync($"/paket/{package.Code}/unggah{query}", form, Ct);
    }

    protected async Task<List<EvidenceItem>> ItemsAsync(TestPackage package) =>
        await F.WithDbAsync(db => db.EvidenceItems.AsNoTracking().Where(i => i.PackageId == package.Id).OrderBy(i => i.Id).ToListAsync(Ct));

}

public abstract class EvidenceTests(IntegritasFactory factory) : EvidenceTestBase(factory)
{
    [Fact]
    public async Task A_contractors_photo_is_read_checked_stored_by_hash_logged_and_provable_offline()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        var taken = TwoDaysAgoWib();
        var photo = DemoPhotos.Photo("uji", taken, new GeoPoint(Site.Latitude + 0.0005, Site.Longitude), 7);
        var invoice = DemoPhotos.InvoicePdf("INV-1", "CV Uji Coba", 100_000_000m);

        var response = await UploadAsync(client, package, photo, invoice, new() { ["Caption"] = "Pengecoran segmen 1" }, milestone: 1);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var item = Assert.Single(await ItemsAsync(package));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), item.MediaSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(invoice)), item.InvoiceSha256);
        Assert.Equal(EvidenceKind.Photo, item.Kind);
        Assert.Equal("image/jpeg", item.MediaContentType);
        Assert.Equal(taken.UtcDateTime, item.CapturedAtUtc);
        Assert.Equal(ValueSource.Metadata, item.CapturedFrom);
        Assert.Equal(ValueSource.Metadata, item.LocationFrom);
        Assert.Equal(Site.Latitude + 0.0005, item.Latitude, 5);
        Assert.InRange(item.DistanceFromSiteMeters, 50, 60);
        Assert.Equal(EvidenceFlags.None, item.Flags);
        Assert.NotNull(item.ThumbnailSha256);
        Assert.NotNull(item.LedgerIndex);

        // The log entry is the canonical record: hashes, time, place, role — and nothing personal.
        var entry = await F.WithDbAsync(db => db.LedgerEntries.SingleAsync(e => e.Index == item.LedgerIndex, Ct));
        var text = Encoding.UTF8.GetString(entry.Data);
        var parsed = EvidenceEntry.TryParse(entry.Data);
        Assert.NotNull(parsed);
        Assert.Equal(package.Code, parsed.PackageCode);
        Assert.Equal(2, parsed.Milestone);
        Assert.Equal(item.MediaSha256, parsed.MediaSha256);
        Assert.Equal(item.InvoiceSha256, parsed.InvoiceSha256);
        Assert.Equal("Contractor", parsed.UploaderRole);
        var user = await F.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == item.UploadedByUserId, Ct));
        Assert.DoesNotContain(user.UserName!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pengecoran segmen", text, StringComparison.Ordinal);

        // Content-addressed storage holds the exact bytes.
        var blobs = F.Services.GetRequiredService<IBlobStore>();
        Assert.True(await blobs.VerifyAsync(item.MediaSha256, Ct));

        // The public page shows it verified, with its proof; the proof verifies offline with the published key.
        var anonymous = F.Client();
        var page = await anonymous.GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains($"entri #{item.LedgerIndex}", page, StringComparison.Ordinal);
        Assert.Contains($"/ledger/proof/{item.LedgerIndex}", page, StringComparison.Ordinal);
        Assert.Contains(item.MediaSha256, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Peringatan integritas", page, StringComparison.Ordinal);
        var proof = await anonymous.GetByteArrayAsync($"/ledger/proof/{item.LedgerIndex}", Ct);
        var vkey = NoteVerifierKey.Parse((await anonymous.GetStringAsync("/ledger/vkey", Ct)).Trim());
        var verified = TlogProofVerification.Verify(proof, entry.Data, vkey);
        Assert.True(verified.IsValid, verified.Message);

        // The original is served byte for byte; the thumbnail is a small JPEG without the EXIF block.
        Assert.Equal(photo, await anonymous.GetByteArrayAsync(EvidenceFiles.MediaUrl(item.Id), Ct));
        var thumbnail = await anonymous.GetByteArrayAsync(EvidenceFiles.ThumbnailUrl(item.Id), Ct);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, thumbnail[..2]);
        Assert.Null(MediaInspector.ReadCapture(new MemoryStream(thumbnail)).Location);
    }

    [Fact]
    public async Task Off_site_future_and_hand_typed_evidence_is_flagged_not_refused()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);

        var far = DemoPhotos.Photo("jauh", TwoDaysAgoWib(), new GeoPoint(Site.Latitude + 0.018, Site.Longitude), 1);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, far)).StatusCode);

        var future = DemoPhotos.Photo("besok", DateTimeOffset.UtcNow.AddDays(3), Site, 2);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, future)).StatusCode);

        var bare = DemoPhotos.Photo("tanpa exif", null, null, 3);
        var typed = await UploadAsync(client, package, bare, fields: new()
        {
            ["CapturedAt"] = TwoDaysAgoWib().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Latitude"] = "3,7532",
            ["Longitude"] = "98.4563",
        });
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);

        var items = await ItemsAsync(package);
        Assert.Equal(3, items.Count);
        Assert.Equal(EvidenceFlags.OutsideGeofence, items[0].Flags);
        Assert.InRange(items[0].DistanceFromSiteMeters, 1_950, 2_050);
        Assert.Equal(EvidenceFlags.CapturedInFuture, items[1].Flags);
        Assert.Equal(EvidenceFlags.TimeFromForm | EvidenceFlags.LocationFromForm, items[2].Flags);
        Assert.Equal(ValueSource.Form, items[2].CapturedFrom);
        Assert.Equal(3.7532, items[2].Latitude);
        Assert.All(items, i => Assert.NotNull(i.LedgerIndex));

        var page = await F.Client().GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains("Di luar batas lokasi pekerjaan", page, StringComparison.Ordinal);
        Assert.Contains("Waktu pengambilan di masa depan", page, StringComparison.Ordinal);
        Assert.Contains("Lokasi diisi manual", page, StringComparison.Ordinal);
        var list = await F.Client().GetStringAsync("/paket?flagged=true&q=" + package.Code, Ct);
        Assert.Contains(package.Code, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_and_missing_time_or_place_get_clear_field_errors_and_store_nothing()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        var entriesBefore = await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));

        // A script with a .jpg name: the content decides.
        var script = await UploadAsync(client, package, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), mediaName: "foto.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("bukan foto, video, atau PDF", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var none = await UploadAsync(client, package, null);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("id=\"media-error\"", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var bare = await UploadAsync(client, package, DemoPhotos.Photo("tanpa exif", null, null, 4));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var html = await bare.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"captured-at-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"latitude-error\"", html, StringComparison.Ordinal);
        Assert.Contains("tidak memuat waktu pengambilan", html, StringComparison.Ordinal);
        Assert.Contains("tidak memuat lokasi GPS", html, StringComparison.Ordinal);

        var english = await UploadAsync(client, package, DemoPhotos.Photo("no exif", null, null, 4), query: "?culture=en-US");
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        var englishHtml = await english.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The file has no capture time", englishHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak memuat waktu", englishHtml, StringComparison.Ordinal);

        var badNumbers = await UploadAsync(client, package, DemoPhotos.Photo("x", null, null, 5), fields: new()
        {
            ["CapturedAt"] = "kemarin",
            ["Latitude"] = "utara",
            ["Longitude"] = "98.4",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badNumbers.StatusCode);

        var outOfRange = await UploadAsync(client, package, DemoPhotos.Photo("x", null, null, 6), fields: new()
        {
            ["CapturedAt"] = "2026-01-02T10:00",
            ["Latitude"] = "91",
            ["Longitude"] = "98.4",
        });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("Isi lintang", await outOfRange.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var videoInvoice = await UploadAsync(client, package, DemoPhotos.Photo("x", TwoDaysAgoWib(), Site, 7), invoice: Encoding.UTF8.GetBytes("bukan faktur"));
        Assert.Equal(HttpStatusCode.BadRequest, videoInvoice.StatusCode);
        Assert.Contains("id=\"invoice-error\"", await videoInvoice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Empty(await ItemsAsync(package));
        Assert.Equal(entriesBefore, await F.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_pdf_is_accepted_as_a_document_with_typed_time_and_place()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        var pdf = DemoPhotos.InvoicePdf("BA-1", "CV Uji Coba", 1m);
        var response = await UploadAsync(client, package, pdf, fields: new()
        {
            ["CapturedAt"] = TwoDaysAgoWib().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Latitude"] = "3.7531",
            ["Longitude"] = "98.4563",
        }, mediaName: "berita-acara.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = Assert.Single(await ItemsAsync(package));
        Assert.Equal(EvidenceKind.Document, item.Kind);
        Assert.Equal("application/pdf", item.MediaContentType);
        Assert.Null(item.ThumbnailSha256);
    }

    [Fact]
    public async Task Only_the_packages_own_contractors_upload_and_only_they_and_overseers_open_invoices()
    {
        var package = await PackageAsync();
        var (_, own) = await ContractorAsync(package);
        var (_, other) = await ContractorAsync(null);
        var operatorUser = await F.CreateUserAsync(Roles.OpdOperator, "1.03.0.00.0.00.01.0000");
        var operatorClient = await F.SignedInClientAsync(operatorUser);

        AssertDenied(await other.GetAsync($"/paket/{package.Code}/unggah", Ct));
        AssertDenied(await operatorClient.GetAsync($"/paket/{package.Code}/unggah", Ct));
        var anonymous = await F.Client().GetAsync($"/paket/{package.Code}/unggah", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/akun/masuk", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync("/paket/TIDAK-ADA/unggah", Ct)).StatusCode);

        // A forged post by a contractor of another package is refused too (token from a page they may open).
        var token = IntegritasFactory.AntiforgeryToken(await other.GetStringAsync("/admin", Ct));
        using var forged = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        AssertDenied(await other.PostAsync($"/paket/{package.Code}/unggah", forged, Ct));

        var invoice = DemoPhotos.InvoicePdf("INV-9", "CV Uji Coba", 5m);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(own, package, DemoPhotos.Photo("x", TwoDaysAgoWib(), Site, 8), invoice)).StatusCode);
        var item = Assert.Single(await ItemsAsync(package));
        var url = EvidenceFiles.InvoiceUrl(item.Id);
        Assert.Equal(invoice, await own.GetByteArrayAsync(url, Ct));
        Assert.Equal(invoice, await operatorClient.GetByteArrayAsync(url, Ct));
        AssertDenied(await other.GetAsync(url, Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await F.Client().GetAsync(url, Ct)).StatusCode);
        var otherOpd = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "1.02.0.00.0.00.01.0000"));
        AssertDenied(await otherOpd.GetAsync(url, Ct));
        Assert.DoesNotContain(url, await F.Client().GetStringAsync($"/paket/{package.Code}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifier_accepts_or_rejects_with_a_reason_and_others_cannot()
    {
        var package = await PackageAsync();
        var (_, contractor) = await ContractorAsync(package);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contractor, package, DemoPhotos.Photo("x", TwoDaysAgoWib(), Site, 9))).StatusCode);
        var item = Assert.Single(await ItemsAsync(package));
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var url = $"/paket/{package.Code}?handler=Review";

        var noReason = await IntegritasFactory.PostFormAsync(verifier, url, new() { ["Review.ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Review.Decision"] = "Rejected" }, $"/paket/{package.Code}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Tulis alasan penolakan", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var rejected = await IntegritasFactory.PostFormAsync(verifier, url, new()
        {
            ["Review.ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Review.Decision"] = "Rejected",
            ["Review.Note"] = "Foto tidak menunjukkan pengecoran.",
        }, $"/paket/{package.Code}");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var reviewed = Assert.Single(await ItemsAsync(package));
        Assert.Equal(EvidenceReview.Rejected, reviewed.Review);
        Assert.Equal("Foto tidak menunjukkan pengecoran.", reviewed.ReviewNote);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EvidenceItem) && a.EntityId == item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == Data.Audit.AuditAction.Updated, Ct)));

        var token = IntegritasFactory.AntiforgeryToken(await contractor.GetStringAsync($"/paket/{package.Code}/unggah", Ct));
        var byContractor = await contractor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Review.ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Review.Decision"] = "Accepted",
        }), Ct);
        AssertDenied(byContractor);
        Assert.Equal(EvidenceReview.Rejected, Assert.Single(await ItemsAsync(package)).Review);
    }

    [Fact]
    public async Task Evidence_is_open_data_as_paged_json_and_csv_without_who_uploaded_it()
    {
        var package = await PackageAsync();
        var (user, client) = await ContractorAsync(package);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, DemoPhotos.Photo("a", TwoDaysAgoWib(), Site, 31))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, DemoPhotos.Photo("b", TwoDaysAgoWib().AddHours(1), new GeoPoint(Site.Latitude + 0.018, Site.Longitude), 32))).StatusCode);
        var items = await ItemsAsync(package);

        var anonymous = F.Client();
        var json = await anonymous.GetStringAsync($"/api/v1/evidence?package={package.Code}", Ct);
        using (var doc = System.Text.Json.JsonDocument.Parse(json))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("total").GetInt32());
            var second = doc.RootElement.GetProperty("items")[1];
            Assert.Equal("OutsideGeofence", second.GetProperty("flags")[0].GetString());
            Assert.Equal(items[1].MediaSha256, second.GetProperty("mediaSha256").GetString());
            Assert.Equal($"/ledger/proof/{items[1].LedgerIndex}", second.GetProperty("proofUrl").GetString());
        }

        Assert.DoesNotContain(user.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain(user.UserName, json, StringComparison.Ordinal);
        var flaggedOnly = await anonymous.GetStringAsync($"/api/v1/evidence?package={package.Code}&flagged=true", Ct);
        Assert.Contains("\"total\":1", flaggedOnly, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/evidence?page=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/evidence?pageSize=100000", Ct)).StatusCode);

        var csv = await anonymous.GetStringAsync($"/api/v1/evidence.csv?package={package.Code}", Ct);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(EvidenceApi.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{items[1].Id},{package.Code},1,Photo,", lines[2], StringComparison.Ordinal);
        Assert.Contains($",OutsideGeofence,Pending,{items[1].MediaSha256},,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($",{items[1].LedgerIndex}", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_shows_flagged_evidence_first_to_verifiers_only()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, DemoPhotos.Photo("a", TwoDaysAgoWib(), Site, 41))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, DemoPhotos.Photo("b", TwoDaysAgoWib(), new GeoPoint(Site.Latitude + 0.018, Site.Longitude), 42))).StatusCode);
        var items = await ItemsAsync(package);

        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var queue = await verifier.GetStringAsync("/paket/tinjau?flagged=true", Ct);
        Assert.Contains($"#bukti-{items[1].Id}", queue, StringComparison.Ordinal);
        Assert.DoesNotContain($"#bukti-{items[0].Id}\"", queue, StringComparison.Ordinal);
        var all = await verifier.GetStringAsync("/paket/tinjau", Ct);
        Assert.True(all.IndexOf($"#bukti-{items[1].Id}\"", StringComparison.Ordinal) < all.IndexOf($"#bukti-{items[0].Id}\"", StringComparison.Ordinal));
        AssertDenied(await client.GetAsync("/paket/tinjau", Ct));
    }

    [Fact]
    public async Task Anyone_finds_the_evidence_a_file_belongs_to_by_its_fingerprint()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        var photo = DemoPhotos.Photo("cek", TwoDaysAgoWib(), Site, 51);
        var invoice = DemoPhotos.InvoicePdf("INV-CEK", "CV Uji Coba", 7m);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, photo, invoice)).StatusCode);
        var item = Assert.Single(await ItemsAsync(package));

        var anonymous = F.Client();
        var found = await anonymous.GetStringAsync($"/paket/cek?sha256={Convert.ToHexString(SHA256.HashData(photo))}", Ct);
        Assert.Contains($"/paket/{package.Code}#bukti-{item.Id}", found, StringComparison.Ordinal);
        Assert.Contains($"/ledger/proof/{item.LedgerIndex}", found, StringComparison.Ordinal);
        Assert.Contains("berkas bukti", found, StringComparison.Ordinal);
        Assert.Contains("faktur", await anonymous.GetStringAsync($"/paket/cek?sha256={Convert.ToHexStringLower(SHA256.HashData(invoice))}", Ct), StringComparison.Ordinal);

        var altered = photo.ToArray();
        altered[^3] ^= 1;
        Assert.Contains("Tidak ada bukti dengan sidik ini", await anonymous.GetStringAsync($"/paket/cek?sha256={Convert.ToHexStringLower(SHA256.HashData(altered))}", Ct), StringComparison.Ordinal);
        var bad = await anonymous.GetAsync("/paket/cek?sha256=xyz", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"sha256-error\"", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_regency_has_logged_evidence_with_one_upload_outside_its_geofence()
    {
        var items = await F.WithDbAsync(db => db.EvidenceItems.AsNoTracking().Where(i => i.Package!.Code.StartsWith("LKT-")).ToListAsync(Ct));
        Assert.InRange(items.Count, 8, 20);
        Assert.All(items, i => Assert.NotNull(i.LedgerIndex));
        var offsite = Assert.Single(items, i => i.Flags.HasFlag(EvidenceFlags.OutsideGeofence));
        Assert.All(items, i => Assert.Equal(ValueSource.Metadata, i.LocationFrom));

        var page = await F.Client().GetStringAsync("/paket/LKT-2026-PUPR-002", Ct);
        Assert.Contains($"id=\"bukti-{offsite.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Di luar batas lokasi pekerjaan", page, StringComparison.Ordinal);
        Assert.Contains("Terverifikasi di log", page, StringComparison.Ordinal);
    }
}

/// <summary>Tampering breaks the shared log on purpose, so these tests get a database of their own.</summary>
public abstract class EvidenceTamperTests(IntegritasFactory factory) : EvidenceTestBase(factory)
{
    [Fact]
    public async Task Altering_a_file_a_row_an_entry_or_a_tile_is_caught_on_the_page_naming_the_index()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        for (var i = 0; i < 4; i++)
        {
            var photo = DemoPhotos.Photo($"bukti {i}", TwoDaysAgoWib().AddMinutes(i), new GeoPoint(Site.Latitude + (i * 0.0001), Site.Longitude), 20 + i);
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, package, photo)).StatusCode);
        }

        var items = await ItemsAsync(package);
        var anonymous = F.Client();
        Assert.DoesNotContain("Peringatan integritas", await anonymous.GetStringAsync($"/paket/{package.Code}", Ct), StringComparison.Ordinal);

        // 1. A file on disk is overwritten.
        var store = (FileSystemBlobStore)F.Services.GetRequiredService<IBlobStore>();
        var path = store.PathOf(items[0].MediaSha256);
        File.SetAttributes(path, FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes, Ct);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var page = await anonymous.GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains("Peringatan integritas", page, StringComparison.Ordinal);
        Assert.Contains($"Berkas bukti untuk entri #{items[0].LedgerIndex} telah diubah", page, StringComparison.Ordinal);

        // 2. The evidence row is edited in the database (moved onto the site).
        await F.WithDbAsync(db => db.EvidenceItems.Where(i => i.Id == items[1].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Latitude, 3.9), Ct));
        page = await anonymous.GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains($"Entri log #{items[1].LedgerIndex} tidak sama dengan data bukti ini", page, StringComparison.Ordinal);

        // 3. The log entry itself is rewritten to match an edited row.
        var edited = EvidenceService.EntryFor(items[2], package.Code, 1);
        await F.WithDbAsync(db => db.EvidenceItems.Where(i => i.Id == items[2].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Longitude, 98.5), Ct));
        var forged = (edited with { Location = new GeoPoint(edited.Location.Latitude, 98.5) }).ToBytes();
        await F.WithDbAsync(db => db.LedgerEntries.Where(e => e.Index == items[2].LedgerIndex).ExecuteUpdateAsync(s => s.SetProperty(e => e.Data, forged), Ct));
        page = await anonymous.GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains($"Entri #{items[2].LedgerIndex} tidak terbukti termasuk dalam log bertanda tangan", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Entri log #{items[2].LedgerIndex} tidak sama", page, StringComparison.Ordinal);

        // 4. A leaf hash in the level-0 tile of the last item is replaced: the first of that tile, which every other
        // leaf of the tile needs in its proof (the item's own leaf hash the verifier computes from the entry).
        var index = items[3].LedgerIndex!.Value;
        await F.WithDbAsync(async db =>
        {
            var tile = await db.LedgerTiles.SingleAsync(t => t.Level == 0 && t.Index == index / 256, Ct);
            var hashes = tile.Hashes.ToArray();
            Assert.NotEqual(0, index % 256);
            hashes[0] ^= 0x01;
            return await db.LedgerTiles.Where(t => t.Level == 0 && t.Index == index / 256).ExecuteUpdateAsync(s => s.SetProperty(t => t.Hashes, hashes), Ct);
        });
        page = await anonymous.GetStringAsync($"/paket/{package.Code}", Ct);
        Assert.Contains($"Entri #{index} tidak terbukti termasuk dalam log bertanda tangan", page, StringComparison.Ordinal);
    }
}

public sealed class SqliteEvidenceTamperTests(SqliteFactory factory) : EvidenceTamperTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresEvidenceTamperTests(PostgresFactory factory) : EvidenceTamperTests(factory), IClassFixture<PostgresFactory>;

public sealed class SqliteEvidenceTests(SqliteFactory factory) : EvidenceTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresEvidenceTests(PostgresFactory factory) : EvidenceTests(factory), IClassFixture<PostgresFactory>;
