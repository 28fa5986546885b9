using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Integritas.Core.Complaints;
using Integritas.Data.Identity;
using Integritas.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Complaints;

public abstract partial class ComplaintPageTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    private const string Dishub = "2.15.0.00.0.00.01.0000";

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, Dictionary<string, string> fields, byte[][]? photos = null, string? idempotencyKey = null)
    {
        var page = await client.GetStringAsync("/lapor", Ct);
        var token = IntegritasFactory.AntiforgeryToken(page);
        var key = idempotencyKey ?? IdempotencyKey().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "IdempotencyKey" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var photo in photos ?? [])
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Photos", "foto.jpg");
        }

        return await client.PostAsync("/lapor", form, Ct);
    }

    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Category"] = "lampu-jalan",
        ["Description"] = "Tiga lampu jalan mati di depan Masjid Raya Stabat.",
        ["Latitude"] = "3,7551",
        ["Longitude"] = "98.4551",
        ["Address"] = "Jl. Masjid Raya, Stabat",
        ["Name"] = "Rahmat Hidayat",
        ["Phone"] = "0813 7000 1234",
        ["HideName"] = "true",
    };

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("/lapor/([0-9A-Z]{4}-[0-9A-Z]{4})\\?kunci=([A-Za-z0-9_-]+)")]
    private static partial Regex PrivateLink();

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Reports through the form and returns the tracking number and the reporter's private key.</summary>
    private async Task<(string Number, string Key)> ReportViaFormAsync(HttpClient client, Dictionary<string, string>? fields = null, byte[][]? photos = null)
    {
        var response = await ReportAsync(client, fields ?? ValidForm(), photos);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Laporan terkirim", page, StringComparison.Ordinal);
        var link = PrivateLink().Match(page);
        Assert.True(link.Success);
        return (link.Groups[1].Value, WebUtility.HtmlDecode(link.Groups[2].Value));
    }

    [Fact]
    public async Task The_form_offers_categories_villages_and_a_fresh_idempotency_key()
    {
        var page = await F.Client().GetStringAsync("/lapor", Ct);
        Assert.Contains("<option value=\"jalan-rusak\">Jalan rusak atau berlubang</option>", page, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Kec. Stabat\">", page, StringComparison.Ordinal);
        Assert.Matches(IdempotencyKey(), page);

        // The map's kecamatan boundaries are served from the portal itself (no external tile server needed).
        var shapes = await F.Client().GetAsync("/geo/kecamatan.geojson", Ct);
        Assert.Equal(HttpStatusCode.OK, shapes.StatusCode);
        Assert.Equal("application/geo+json", shapes.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"Stabat\"", await shapes.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_reports_and_the_public_page_shows_it_without_contact_details()
    {
        var client = F.Client();
        var photo = DemoPhotos.Photo("Lampu", DateTimeOffset.UtcNow, new Core.Evidence.GeoPoint(3.7551, 98.4551), 5);
        var (number, _) = await ReportViaFormAsync(client, photos: [photo]);
        var stored = await F.WithDbAsync(db => db.Complaints.Include(c => c.Photos).SingleAsync(c => c.TrackingNumber == number, Ct));
        Assert.Equal(3.7551, stored.Latitude);
        Assert.True(stored.HideName);
        Assert.Equal("+6281370001234", stored.ReporterPhone);
        var storedPhoto = Assert.Single(stored.Photos);

        var anonymous = F.Client();
        var page = await anonymous.GetStringAsync($"/lapor/{number}", Ct);
        Assert.Contains("Tiga lampu jalan mati", page, StringComparison.Ordinal);
        Assert.Contains("Menunggu verifikasi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahmat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen-form", page, StringComparison.Ordinal);

        // Typed loosely, the number still finds the page.
        var loose = await anonymous.GetAsync($"/lapor/{number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, loose.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/lapor/ZZZZ-ZZZZ", Ct)).StatusCode);

        var served = await anonymous.GetAsync($"/lapor/foto/{storedPhoto.Sha256}", Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync(Ct);
        Assert.Null(MediaInspector.ReadCapture(new MemoryStream(bytes)).Location);
    }

    [Fact]
    public async Task Only_report_photos_are_served_by_hash()
    {
        var anonymous = F.Client();
        var evidenceMedia = await F.WithDbAsync(db => db.EvidenceItems.Select(i => i.MediaSha256).FirstOrDefaultAsync(Ct));
        if (evidenceMedia is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/lapor/foto/{evidenceMedia}", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/lapor/foto/{new string('a', 64)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/lapor/foto/..%2F..%2Fetc", Ct)).StatusCode);
    }

    [Fact]
    public async Task Pressing_send_twice_makes_one_report()
    {
        var client = F.Client();
        var key = Guid.NewGuid().ToString("N");
        var first = await ReportAsync(client, ValidForm(), idempotencyKey: key);
        var before = await CountAsync();
        var second = await ReportAsync(client, ValidForm(), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bad_form_input_returns_400_with_linked_field_errors_and_stores_nothing()
    {
        var before = await CountAsync();
        var form = ValidForm();
        form["Description"] = "<b>tebal</b>";
        form["Latitude"] = "utara";
        form["Phone"] = "123";
        var response = await ReportAsync(F.Client(), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Periksa isian berikut", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#latitude\"", page, StringComparison.Ordinal);
        Assert.Contains("Nomor HP tidak valid", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        form = ValidForm();
        form.Remove("Latitude");
        form.Remove("Longitude");
        form.Remove("Address");
        form["Description"] = "<b>tebal</b>";
        response = await ReportAsync(F.Client(), form);
        page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tulis teks biasa, tanpa HTML.", page, StringComparison.Ordinal);
        Assert.Contains("Tandai lokasi di peta", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;tebal&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_reporter_adds_information_with_the_private_link_and_nobody_else_can()
    {
        var client = F.Client();
        var (number, key) = await ReportViaFormAsync(client);
        var withKey = await client.GetStringAsync($"/lapor/{number}?kunci={Uri.EscapeDataString(key)}", Ct);
        Assert.Contains("citizen-form", withKey, StringComparison.Ordinal);
        var wrongKey = await client.GetStringAsync($"/lapor/{number}?kunci=salah", Ct);
        Assert.DoesNotContain("citizen-form", wrongKey, StringComparison.Ordinal);

        var token = IntegritasFactory.AntiforgeryToken(withKey);
        var forged = await client.PostAsync($"/lapor/{number}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["kunci"] = "salah",
            ["Act"] = "AddInformation",
            ["Text"] = "palsu",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var real = await client.PostAsync($"/lapor/{number}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["kunci"] = key,
            ["Act"] = "AddInformation",
            ["Text"] = "Tiang nomor 12 sampai 14.",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        var page = await F.Client().GetStringAsync($"/lapor/{number}", Ct);
        Assert.Contains("Tiang nomor 12 sampai 14.", page, StringComparison.Ordinal);
        Assert.Contains("Informasi tambahan dari pelapor", page, StringComparison.Ordinal);

        // Confirming is not offered before the report is resolved.
        var early = await client.PostAsync($"/lapor/{number}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["kunci"] = key,
            ["Act"] = "Confirm",
            ["Rating"] = "5",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
    }

    [Fact]
    public async Task Staff_run_the_flow_and_each_sees_only_what_their_role_allows()
    {
        var (number, _) = await ReportViaFormAsync(F.Client());
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var dishubOperator = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dishub));
        var otherOperator = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "1.02.0.00.0.00.01.0000"));
        var contractor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Contractor));

        var queue = await verifier.GetStringAsync("/admin/aduan?q=" + number, Ct);
        Assert.Contains($"/admin/aduan/{number}", queue, StringComparison.Ordinal);
        var handle = WebUtility.HtmlDecode(await verifier.GetStringAsync($"/admin/aduan/{number}", Ct));
        Assert.Contains("+6281370001234", handle, StringComparison.Ordinal);
        Assert.Contains("Rahmat Hidayat", handle, StringComparison.Ordinal);

        // Before disposition no operator sees it; contractors never enter.
        AssertDenied(await dishubOperator.GetAsync($"/admin/aduan/{number}", Ct));
        AssertDenied(await contractor.GetAsync("/admin/aduan", Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, $"/admin/aduan/{number}", new() { ["To"] = "verified", ["Text"] = "Laporan diverifikasi." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, $"/admin/aduan/{number}", new() { ["To"] = "dispositioned" })).StatusCode);
        var opd = await F.WithDbAsync(db => db.Complaints.Where(c => c.TrackingNumber == number).Select(c => c.Opd!.Code).SingleAsync(Ct));
        Assert.Equal(Dishub, opd);

        // The OPD's operator now sees it, without the hidden name or the phone; another OPD's operator does not.
        var operatorPage = WebUtility.HtmlDecode(await dishubOperator.GetStringAsync($"/admin/aduan/{number}", Ct));
        Assert.DoesNotContain("Rahmat", operatorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("+6281370001234", operatorPage, StringComparison.Ordinal);
        Assert.Contains("dirahasiakan atas permintaan pelapor", operatorPage, StringComparison.Ordinal);
        AssertDenied(await otherOperator.GetAsync($"/admin/aduan/{number}", Ct));
        var otherQueue = await otherOperator.GetStringAsync("/admin/aduan?tampil=semua", Ct);
        Assert.DoesNotContain(number, otherQueue, StringComparison.Ordinal);
        var token = IntegritasFactory.AntiforgeryToken(await otherOperator.GetStringAsync("/admin/aduan", Ct));
        AssertDenied(await otherOperator.PostAsync($"/admin/aduan/{number}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["To"] = "resolved",
            ["Text"] = "bukan urusan saya",
        }), Ct));

        // An operator cannot verify or decline; a bad move is a 422 with the reason, not a change.
        var bad = await IntegritasFactory.PostFormAsync(dishubOperator, $"/admin/aduan/{number}", new() { ["To"] = "archived", ["Text"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var unknown = await IntegritasFactory.PostFormAsync(dishubOperator, $"/admin/aduan/{number}", new() { ["To"] = "bogus" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(dishubOperator, $"/admin/aduan/{number}", new()
        {
            ["To"] = "in_progress",
            ["Text"] = "Petugas menuju lokasi.",
            ["ExpectedDate"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(dishubOperator, $"/admin/aduan/{number}", new() { ["Text"] = "Catatan: kabel putus.", ["Internal"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(dishubOperator, $"/admin/aduan/{number}", new() { ["To"] = "resolved", ["Text"] = "Lampu sudah diganti." })).StatusCode);

        var publicPage = await F.Client().GetStringAsync($"/lapor/{number}", Ct);
        Assert.Contains("Selesai ditindaklanjuti", publicPage, StringComparison.Ordinal);
        Assert.Contains("Lampu sudah diganti.", publicPage, StringComparison.Ordinal);
        Assert.Contains("Dinas Perhubungan", publicPage, StringComparison.Ordinal);
        Assert.Contains("Perkiraan selesai", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("kabel putus", publicPage, StringComparison.Ordinal);
        Assert.Contains("Tepat waktu", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_list_filters_and_the_number_lookup_opens_a_report()
    {
        var client = F.Client();
        var closed = await client.GetStringAsync("/aduan?status=closed", Ct);
        Assert.Contains("<td>Ditutup</td>", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Menunggu verifikasi</td>", closed, StringComparison.Ordinal);
        var fees = await client.GetStringAsync("/aduan?kategori=pungli", Ct);
        Assert.Contains("<td>Pungutan liar</td>", fees, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Lampu penerangan jalan mati</td>", fees, StringComparison.Ordinal);
        var none = await client.GetStringAsync("/aduan?q=tidakadakatainidimanapun", Ct);
        Assert.Contains("Tidak ada laporan yang cocok.", none, StringComparison.Ordinal);

        var found = await client.GetAsync("/lapor/cek?nomor=k7q3m9xd", Ct);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal("/lapor/K7Q3-M9XD", found.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/lapor/cek?nomor=abc", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_offline_queue_endpoint_creates_once_per_key_and_explains_refusals()
    {
        var client = F.Client();
        var key = Guid.NewGuid().ToString("N");
        static MultipartFormDataContent Form(string description)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in ValidForm())
            {
                form.Add(new StringContent(name == "Description" ? description : value), name);
            }

            return form;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = Form("Dikirim dari antrean offline.") };
        request.Headers.Add("Idempotency-Key", key);
        var created = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct);
        var number = body!["tracking_number"].ToString()!;
        Assert.StartsWith($"/lapor/{number}?kunci=", body["private_url"].ToString(), StringComparison.Ordinal);
        var before = await CountAsync();

        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = Form("Dikirim dari antrean offline.") };
        retry.Headers.Add("Idempotency-Key", key);
        var replayed = await client.SendAsync(retry, Ct);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(number, (await replayed.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct))!["tracking_number"].ToString());
        Assert.Equal(before, await CountAsync());

        var refused = await client.PostAsync("/api/v1/complaints", Form("<i>miring</i>"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Description", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var notMultipart = await client.PostAsync("/api/v1/complaints", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_nearby_check_finds_open_reports_of_the_same_category_close_by()
    {
        var (number, _) = await ReportViaFormAsync(F.Client());
        var near = await F.Client().GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/complaints/nearby?category=lampu-jalan&lat=3.7560&lon=98.4551", Ct);
        Assert.Contains(near!, r => r["tracking_number"].ToString() == number);
        var far = await F.Client().GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/complaints/nearby?category=lampu-jalan&lat=3.8551&lon=98.4551", Ct);
        Assert.DoesNotContain(far!, r => r["tracking_number"].ToString() == number);
        var other = await F.Client().GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/complaints/nearby?category=sampah&lat=3.7551&lon=98.4551", Ct);
        Assert.DoesNotContain(other!, r => r["tracking_number"].ToString() == number);

        var bad = await F.Client().GetAsync("/api/v1/complaints/nearby?category=lampu-jalan&lat=100&lon=x", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }
}

public sealed class SqliteComplaintPageTests(SqliteFactory factory) : ComplaintPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintPageTests(PostgresFactory factory) : ComplaintPageTests(factory), IClassFixture<PostgresFactory>;
