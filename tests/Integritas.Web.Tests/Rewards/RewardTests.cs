using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Integritas.Core.Complaints;
using Integritas.Core.Rewards;
using Integritas.Data.Complaints;
using Integritas.Data.Identity;
using Integritas.Data.Notifications;
using Integritas.Data.Rewards;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Open311;
using Integritas.Web.Features.Rewards;
using Integritas.Web.Tests.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Rewards;

/// <summary>Issue 4 item 8: points for valid reports, an append-only ledger, vouchers consumed once.</summary>
public abstract partial class RewardTests(IntegritasFactory factory) : ComplaintTestBase(factory)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A phone number no other test uses, as typed and as stored.</summary>
    private static (string Typed, string Stored) NewPhone()
    {
        var digits = Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ($"0813 {digits[..4]} {digits[4..]}", "+62813" + digits);
    }

    private async Task<(Complaint Complaint, ComplaintHarness Harness)> ReportAsync(string phone, string category = "pungli")
    {
        var h = Harness(Now);
        var submission = Valid(category);
        var c = await SubmitAsync(h, new ComplaintSubmission
        {
            CategoryCode = submission.CategoryCode,
            Description = submission.Description,
            Latitude = submission.Latitude,
            Longitude = submission.Longitude,
            Address = submission.Address,
            Phone = phone,
        });
        return (c, h);
    }

    private Task<List<PointsEntry>> LinesAsync(string storedPhone) => F.WithDbAsync(db =>
        db.PointsEntries.AsNoTracking().Where(e => e.Account!.Phone == storedPhone).OrderBy(e => e.Sequence).ToListAsync(Ct));

    [Fact]
    public async Task A_valid_report_earns_its_category_points_once_and_losing_validity_takes_them_back()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed);
        await using (h)
        {
            var points = c.Category!.RewardPoints;
            Assert.Equal(50, points); // pungli in the demo categories

            var (result, outcome) = await h.Workflow.SetValidityAsync(c, valid: true, "verifikator", Ct);
            Assert.True(result.Succeeded);
            Assert.Equal(PointsOutcome.Earned, outcome);

            // Marking it valid again adds nothing.
            Assert.Equal(PointsOutcome.Unchanged, (await h.Workflow.SetValidityAsync(c, valid: true, "verifikator", Ct)).Points);
            var lines = await LinesAsync(stored);
            var earned = Assert.Single(lines);
            Assert.Equal((1, 50, 50, PointsReason.Earned, c.Id, "verifikator"), (earned.Sequence, earned.Points, earned.BalanceAfter, earned.Reason, earned.ComplaintId, earned.Actor));
            var account = await F.WithDbAsync(db => db.CitizenAccounts.SingleAsync(a => a.Phone == stored, Ct));
            Assert.Null(account.PhoneVerifiedAtUtc); // created for the number; proven only when the citizen signs in
            Assert.Equal(account.Id, await F.WithDbAsync(db => db.Complaints.Where(x => x.Id == c.Id).Select(x => x.CitizenAccountId).SingleAsync(Ct)));

            Assert.Equal(PointsOutcome.Reversed, (await h.Workflow.SetValidityAsync(c, valid: false, "koordinator", Ct)).Points);
            Assert.Equal(PointsOutcome.AlreadyReversed, (await h.Workflow.SetValidityAsync(c, valid: true, "koordinator", Ct)).Points);
            Assert.Equal(PointsOutcome.Unchanged, (await h.Workflow.SetValidityAsync(c, valid: false, "koordinator", Ct)).Points);
            lines = await LinesAsync(stored);
            Assert.Equal([(1, 50, 50), (2, -50, 0)], lines.Select(l => (l.Sequence, l.Points, l.BalanceAfter)));
            Assert.Equal(PointsReason.Reversed, lines[1].Reason);
        }
    }

    [Fact]
    public async Task Only_the_reporters_private_link_shows_what_the_report_earned()
    {
        var (typed, _) = NewPhone();
        await using var h = Harness(Now);
        var submission = Valid("pungli");
        var result = await h.Intake.SubmitAsync(new ComplaintSubmission
        {
            CategoryCode = submission.CategoryCode,
            Description = submission.Description,
            Latitude = submission.Latitude,
            Longitude = submission.Longitude,
            Phone = typed,
        }, Ct);
        var c = (await h.Workflow.LoadAsync(result.Complaint!.TrackingNumber, Ct))!;
        await h.Workflow.SetValidityAsync(c, true, "v", Ct);

        var client = F.Client();
        var own = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/lapor/{c.TrackingNumber}?kunci={Uri.EscapeDataString(result.ReporterKey!)}", Ct));
        Assert.Contains("Anda mendapat 50 poin", own, StringComparison.Ordinal);
        Assert.Contains("href=\"/poin\"", own, StringComparison.Ordinal);
        var publicPage = await client.GetStringAsync($"/lapor/{c.TrackingNumber}", Ct);
        Assert.DoesNotContain("id=\"poin\"", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_and_rejected_reports_earn_nothing_and_a_valid_report_merged_as_duplicate_loses_its_points()
    {
        var (typed, stored) = NewPhone();
        var (original, h) = await ReportAsync(typed, "jalan-rusak");
        await using (h)
        {
            Assert.Equal(PointsOutcome.Earned, (await h.Workflow.SetValidityAsync(original, true, "v", Ct)).Points);

            // A rejected report (bukan wewenang) cannot be judged valid.
            var other = await SubmitAsync(h, new ComplaintSubmission
            {
                CategoryCode = "jalan-rusak",
                Description = "Jalan provinsi rusak.",
                Latitude = "3.7551",
                Longitude = "98.4551",
                Phone = typed,
            });
            await DecideAsync(h, other, new StaffDecision { To = ComplaintStatus.NotAuthority, Text = "Jalan provinsi: kewenangan provinsi." });
            var (refused, outcome) = await h.Workflow.SetValidityAsync(other, true, "v", Ct);
            Assert.False(refused.Succeeded);
            Assert.Contains(ComplaintWorkflow.ValidityField, refused.Errors.Keys);
            Assert.Equal(PointsOutcome.Unchanged, outcome);

            // A report already valid and credited, then merged as a duplicate: its points are taken back.
            var copy = await SubmitAsync(h, new ComplaintSubmission
            {
                CategoryCode = "jalan-rusak",
                Description = "Jalan yang sama berlubang.",
                Latitude = "3.7551",
                Longitude = "98.4551",
                Phone = typed,
            });
            Assert.Equal(PointsOutcome.Earned, (await h.Workflow.SetValidityAsync(copy, true, "v", Ct)).Points);
            await DecideAsync(h, copy, new StaffDecision { To = ComplaintStatus.Duplicate, DuplicateOf = original.TrackingNumber });

            var lines = await LinesAsync(stored);
            Assert.Equal([(PointsReason.Earned, 20, original.Id), (PointsReason.Earned, 20, copy.Id), (PointsReason.Reversed, -20, copy.Id)],
                lines.Select(l => (l.Reason, l.Points, l.ComplaintId!.Value)));
            Assert.Equal(20, lines[^1].BalanceAfter);
        }
    }

    [Fact]
    public async Task Reports_without_a_phone_or_in_a_category_without_points_earn_nothing()
    {
        await using var h = Harness(Now);
        var anonymous = await SubmitAsync(h, new ComplaintSubmission { CategoryCode = "pungli", Description = "Tanpa nomor.", Latitude = "3.7551", Longitude = "98.4551" });
        Assert.Equal(PointsOutcome.NoAccount, (await h.Workflow.SetValidityAsync(anonymous, true, "v", Ct)).Points);
        var (typed, stored) = NewPhone();
        var info = await SubmitAsync(h, new ComplaintSubmission { CategoryCode = "informasi", Description = "Minta data.", Latitude = "3.7551", Longitude = "98.4551", Phone = typed });
        Assert.Equal(PointsOutcome.NoPointsForCategory, (await h.Workflow.SetValidityAsync(info, true, "v", Ct)).Points);
        Assert.Empty(await LinesAsync(stored));
        Assert.True(await F.WithDbAsync(db => db.Complaints.Where(c => c.Id == anonymous.Id).Select(c => c.IsValid == true).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_ledger_is_append_only()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed);
        await using (h)
        {
            await h.Workflow.SetValidityAsync(c, true, "v", Ct);
        }

        await using var scope = F.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.IntegritasDbContext>();
        var line = await db.PointsEntries.SingleAsync(e => e.Account!.Phone == stored, Ct);
        line.Points = 5000;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        db.Entry(line).State = EntityState.Unchanged;
        db.PointsEntries.Remove(line);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        Assert.Equal(50, (await LinesAsync(stored)).Single().Points);
    }

    [Fact]
    public async Task Concurrent_writers_never_share_a_sequence_number_and_a_report_is_credited_once()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed);
        await using (h)
        {
            await h.Workflow.SetValidityAsync(c, true, "v", Ct); // 50 points: the account exists
        }

        var account = await F.WithDbAsync(db => db.CitizenAccounts.Where(a => a.Phone == stored).Select(a => a.Id).SingleAsync(Ct));
        // Eight writers append at once, each in its own scope (its own connection): every line lands, numbered without gaps.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = F.Services.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
            await ledger.AppendAsync(account, 1, PointsReason.Earned, null, null, $"w{i}", null, Ct);
        }));
        var lines = await LinesAsync(stored);
        Assert.Equal(Enumerable.Range(1, 9), lines.Select(l => l.Sequence));
        Assert.Equal(58, lines[^1].BalanceAfter);
        Assert.Equal(lines.Select(l => l.Points).Sum(), lines[^1].BalanceAfter);

        // The same report judged valid by two coordinators at once is credited once.
        var (typed2, stored2) = NewPhone();
        var (c2, h2) = await ReportAsync(typed2);
        await using (h2)
        {
        }

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var hh = Harness(Now);
            var loaded = (await hh.Workflow.LoadAsync(c2.TrackingNumber, Ct))!;
            await hh.Workflow.SetValidityAsync(loaded, true, "v", Ct);
        }));
        Assert.Single(await LinesAsync(stored2));
    }

    [Fact]
    public async Task A_citizen_signs_in_with_a_code_sent_to_the_phone_and_wrong_or_stale_codes_are_refused()
    {
        var (typed, stored) = NewPhone();
        var client = F.Client();

        var bad = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Send", new() { ["Phone"] = "12345" }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Nomor HP tidak valid", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var code = await SendCodeAsync(client, typed, stored);
        Assert.Matches("^[0-9]{6}$", code);

        // Points page needs the citizen's sign-in.
        var anonymous = await client.GetAsync("/poin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/poin/masuk", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = wrong }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Kode salah", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var signedIn = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = code }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await client.GetStringAsync("/poin", Ct);
        Assert.Contains("Poin laporan saya", page, StringComparison.Ordinal);
        Assert.Contains("Belum ada poin", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruang Kerja", page, StringComparison.Ordinal); // a citizen is not staff
        Assert.NotNull(await F.WithDbAsync(db => db.CitizenAccounts.Where(a => a.Phone == stored).Select(a => a.PhoneVerifiedAtUtc).SingleAsync(Ct)));

        // A used code does not work twice; a citizen's cookie opens no staff page.
        var again = await IntegritasFactory.PostFormAsync(F.Client(), "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = code }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var staff = await client.GetAsync("/admin/aduan", Ct);
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Contains("/akun/masuk", staff.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_stop_working_after_five_wrong_tries_or_ten_minutes_and_a_number_gets_three_codes_an_hour()
    {
        var (typed, stored) = NewPhone();
        var client = F.Client();
        var code = await SendCodeAsync(client, typed, stored);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = wrong }, "/poin/masuk");
        }

        var locked = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = code }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("Terlalu banyak kode salah", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var second = await SendCodeAsync(client, typed, stored);
        // Ten minutes on, the code has expired (the challenge's own expiry, moved back rather than waiting).
        await F.WithDbAsync(db => db.PhoneChallenges.Where(c => c.Phone == stored).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAtUtc, DateTime.UtcNow.AddSeconds(-1)), Ct));
        var stale = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = second }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("kedaluwarsa", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await SendCodeAsync(client, typed, stored);
        var fourth = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Send", new() { ["Phone"] = typed }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(3, await F.WithDbAsync(db => db.PhoneChallenges.CountAsync(c => c.Phone == stored, Ct)));
    }

    [Fact]
    public async Task A_citizen_turns_points_into_a_voucher_and_cannot_spend_more_than_the_balance()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed); // pungli: 50 points
        await using (h)
        {
            await h.Workflow.SetValidityAsync(c, true, "v", Ct);
            var (c2, h2) = await ReportAsync(typed, "jalan-rusak"); // 20 points
            await using (h2)
            {
                await h2.Workflow.SetValidityAsync(c2, true, "v", Ct);
            }
        }

        var client = await CitizenAsync(typed, stored);
        var page = await client.GetStringAsync("/poin", Ct);
        Assert.Contains(">70</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"/lapor/{c.TrackingNumber}", page, StringComparison.Ordinal);

        foreach (var (points, purpose, message) in new[] { ("49", "PropertyTax", "Paling sedikit 50 poin"), ("71", "PropertyTax", "Poin Anda hanya 70"), ("60", "", "Pilih untuk apa"), ("abc", "SchoolFee", "Paling sedikit 50 poin") })
        {
            var refused = await IntegritasFactory.PostFormAsync(client, "/poin?handler=Redeem", new() { ["Points"] = points, ["Purpose"] = purpose }, "/poin");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Empty(await F.WithDbAsync(db => db.RewardVouchers.Where(v => v.Account!.Phone == stored).ToListAsync(Ct)));

        var issued = await IntegritasFactory.PostFormAsync(client, "/poin?handler=Redeem", new() { ["Points"] = "60", ["Purpose"] = "PropertyTax" }, "/poin");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var html = await issued.Content.ReadAsStringAsync(Ct);
        var code = VoucherCodePattern().Match(html).Groups[1].Value;
        Assert.True(VoucherCode.TryNormalize(code, out _), code);
        Assert.StartsWith("PBB-", code, StringComparison.Ordinal);
        Assert.Contains("Rp60.000", html.Replace("&#xA0;", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var voucher = await F.WithDbAsync(db => db.RewardVouchers.SingleAsync(v => v.Code == code, Ct));
        Assert.Equal((60, 60_000L, VoucherPurpose.PropertyTax), (voucher.Points, voucher.ValueRupiah, voucher.Purpose));
        var lines = await LinesAsync(stored);
        Assert.Equal((PointsReason.Redeemed, -60, 10, voucher.Id), (lines[^1].Reason, lines[^1].Points, lines[^1].BalanceAfter, lines[^1].VoucherId!.Value));
    }

    [Fact]
    public async Task Two_redemptions_at_once_cannot_overdraw_the_account()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed); // 50 points
        await using (h)
        {
            await h.Workflow.SetValidityAsync(c, true, "v", Ct);
        }

        var account = await F.WithDbAsync(db => db.CitizenAccounts.Where(a => a.Phone == stored).Select(a => a.Id).SingleAsync(Ct));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = F.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Vouchers>().RedeemAsync(account, VoucherPurpose.SchoolFee, 50, Ct);
        }));
        Assert.Single(results, r => r.Voucher is not null);
        Assert.Equal(1, await F.WithDbAsync(db => db.RewardVouchers.CountAsync(v => v.AccountId == account, Ct)));
        Assert.Equal(0, (await LinesAsync(stored))[^1].BalanceAfter);
    }

    [Fact]
    public async Task The_tax_office_checks_and_consumes_a_voucher_exactly_once()
    {
        var code = await VoucherAsync(VoucherPurpose.PropertyTax);
        var tax = await KeyClientAsync(ApiKeyScopes.PropertyTaxVouchers);
        var school = await KeyClientAsync(ApiKeyScopes.SchoolFeeVouchers);
        var open311 = await KeyClientAsync(ApiKeyScopes.Open311);

        // Who may ask.
        Assert.Equal(HttpStatusCode.Unauthorized, (await F.Client().GetAsync($"/api/v1/vouchers/{code}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await open311.GetAsync($"/api/v1/vouchers/{code}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/v1/vouchers/{code}", Ct)).StatusCode);
        var mistyped = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var malformed = await tax.GetAsync($"/api/v1/vouchers/{mistyped}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("\"code\"", await malformed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tax.GetAsync($"/api/v1/vouchers/{VoucherCode.New("PBB")}", Ct)).StatusCode);

        using var check = await tax.GetFromJsonAsync<JsonDocument>($"/api/v1/vouchers/{code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}", Ct);
        Assert.Equal("valid", check!.RootElement.GetProperty("status").GetString());
        Assert.Equal(60_000, check.RootElement.GetProperty("valueRupiah").GetInt64());
        Assert.EndsWith("+07:00", check.RootElement.GetProperty("expiresAt").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("+62", check.RootElement.GetRawText(), StringComparison.Ordinal);

        // A reference is required.
        var noReference = await tax.PostAsJsonAsync($"/api/v1/vouchers/{code}/consume", new { reference = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Contains("reference", await noReference.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await F.WithDbAsync(db => db.RewardVouchers.Where(v => v.Code == code).Select(v => v.ConsumedAtUtc).SingleAsync(Ct)));

        // Five tellers consume at the same moment: exactly one succeeds, the others hear it was already used.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            tax.PostAsJsonAsync($"/api/v1/vouchers/{code}/consume", new { reference = $"NOP 12.05.070.001.00{i}" }, Ct)));
        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(4, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var conflict = await attempts.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync(Ct);
        Assert.Contains("sudah dipakai", conflict, StringComparison.Ordinal);

        using var after = await tax.GetFromJsonAsync<JsonDocument>($"/api/v1/vouchers/{code}", Ct);
        Assert.Equal("consumed", after!.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("NOP 12.05.070.001.00", after.RootElement.GetProperty("consumedReference").GetString(), StringComparison.Ordinal);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RewardVoucher) && a.Changes!.Contains(code), Ct)));
    }

    [Fact]
    public async Task An_expired_voucher_is_refused_with_410()
    {
        var code = await VoucherAsync(VoucherPurpose.SchoolFee);
        await F.WithDbAsync(db => db.RewardVouchers.Where(v => v.Code == code).ExecuteUpdateAsync(s => s.SetProperty(v => v.ExpiresAtUtc, DateTime.UtcNow.AddDays(-1)), Ct));
        var school = await KeyClientAsync(ApiKeyScopes.SchoolFeeVouchers);
        using var check = await school.GetFromJsonAsync<JsonDocument>($"/api/v1/vouchers/{code}", Ct);
        Assert.Equal("expired", check!.RootElement.GetProperty("status").GetString());
        var consume = await school.PostAsJsonAsync($"/api/v1/vouchers/{code}/consume", new { reference = "NISN 0012345678" }, Ct);
        Assert.Equal(HttpStatusCode.Gone, consume.StatusCode);
        Assert.Null(await F.WithDbAsync(db => db.RewardVouchers.Where(v => v.Code == code).Select(v => v.ConsumedAtUtc).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Coordinators_judge_validity_on_the_report_page_and_operators_cannot()
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed);
        await using (h)
        {
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Verified, Text = "Terverifikasi." });
            await DecideAsync(h, c, new StaffDecision { To = ComplaintStatus.Dispositioned });
        }

        var opd = await F.WithDbAsync(db => db.Complaints.Where(x => x.Id == c.Id).Select(x => x.Opd!.Code).SingleAsync(Ct));
        var url = $"/admin/aduan/{c.TrackingNumber}";
        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, opd));
        var denied = await IntegritasFactory.PostFormAsync(operatorClient, url + "?handler=Validity", new() { ["Validity"] = "valid" }, url);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Contains("/akun/ditolak", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Empty(await LinesAsync(stored));

        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var judged = await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Validity", new() { ["Validity"] = "valid" }, url);
        Assert.Equal(HttpStatusCode.Redirect, judged.StatusCode);
        Assert.Contains("mendapat 50 poin", System.Net.WebUtility.HtmlDecode(await verifier.GetStringAsync(url, Ct)), StringComparison.Ordinal);
        var line = Assert.Single(await LinesAsync(stored));
        Assert.StartsWith("verifier-", line.Actor, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Validity", new() { ["Validity"] = "maybe" }, url)).StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_programme_and_its_vouchers_without_citizens_numbers_and_export_them()
    {
        var code = await VoucherAsync(VoucherPurpose.PropertyTax);
        var tax = await KeyClientAsync(ApiKeyScopes.PropertyTaxVouchers);
        Assert.Equal(HttpStatusCode.OK, (await tax.PostAsJsonAsync($"/api/v1/vouchers/{code}/consume", new { reference = "NOP 12.05.070.009.001" }, Ct)).StatusCode);
        var open = await VoucherAsync(VoucherPurpose.SchoolFee);

        var auditor = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Auditor));
        var page = System.Net.WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/poin", Ct));
        Assert.Contains("Poin dan voucher warga", page, StringComparison.Ordinal);
        Assert.Contains(code, page, StringComparison.Ordinal);
        Assert.Contains(open, page, StringComparison.Ordinal);
        Assert.DoesNotContain("+62", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0813 ", page, StringComparison.Ordinal);

        // Filters: a code as typed (lower case, no dashes), and the used ones.
        var byCode = await auditor.GetStringAsync($"/admin/poin?q={code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}", Ct);
        Assert.Contains(code, byCode, StringComparison.Ordinal);
        Assert.DoesNotContain(open, byCode, StringComparison.Ordinal);
        var used = await auditor.GetStringAsync("/admin/poin?status=dipakai", Ct);
        Assert.Contains(code, used, StringComparison.Ordinal);
        Assert.Contains("NOP 12.05.070.009.001", used, StringComparison.Ordinal);
        Assert.DoesNotContain(open, used, StringComparison.Ordinal);

        var csv = await auditor.GetAsync("/admin/poin?handler=Csv&status=dipakai", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        using var parser = new CsvHelper.CsvParser(new StringReader(await csv.Content.ReadAsStringAsync(Ct)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await parser.ReadAsync());
        Assert.Equal("code", parser.Record![0]);
        var rows = new List<string[]>();
        while (await parser.ReadAsync())
        {
            rows.Add(parser.Record!);
        }

        var row = Assert.Single(rows, r => r[0] == code);
        Assert.Equal(["pbb", "60", "60000", "consumed", "NOP 12.05.070.009.001"], [row[1], row[2], row[3], row[6], row[9]]);
        Assert.Equal("uji voucher-pbb", row[8]);
        Assert.DoesNotContain(rows, r => r[0] == open);

        foreach (var role in new[] { Roles.OpdOperator, Roles.Contractor })
        {
            var client = await F.SignedInClientAsync(await F.CreateUserAsync(role, role == Roles.OpdOperator ? ["2.11.0.00.0.00.01.0000"] : []));
            var denied = await client.GetAsync("/admin/poin", Ct);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/akun/ditolak", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_keys_carry_a_scope_and_only_open311_keys_open_open311()
    {
        var tax = await KeyAsync(ApiKeyScopes.PropertyTaxVouchers);
        var response = await F.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = tax,
            ["service_code"] = "jalan-rusak",
            ["lat"] = "3.75",
            ["long"] = "98.45",
            ["description"] = "Kunci voucher tidak boleh membuat laporan.",
        }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var bad = await IntegritasFactory.PostFormAsync(admin, "/admin/apikey?handler=Create", new() { ["Name"] = "Sekolah", ["Scope"] = "everything" }, "/admin/apikey");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var created = await IntegritasFactory.PostFormAsync(admin, "/admin/apikey?handler=Create", new() { ["Name"] = "SD Negeri 1 Stabat", ["Scope"] = ApiKeyScopes.SchoolFeeVouchers }, "/admin/apikey");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(ApiKeyScopes.SchoolFeeVouchers, await F.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "SD Negeri 1 Stabat").Select(k => k.Scope).SingleAsync(Ct)));
    }

    private async Task<string> SendCodeAsync(HttpClient client, string typed, string stored)
    {
        var sent = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Send", new() { ["Phone"] = typed }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Kode 6 angka dikirim", await sent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The code travels through the outbox to the citizen's phone (WhatsApp by default); read it where it waits.
        var message = await F.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Recipient == stored && n.EventType == CitizenSignIn.CodeEvent).OrderByDescending(n => n.Id).FirstAsync(Ct));
        Assert.Equal(NotificationChannel.WhatsApp, message.Channel);
        return CodePattern().Match(message.Body).Groups[1].Value;
    }

    private async Task<HttpClient> CitizenAsync(string typed, string stored)
    {
        var client = F.Client();
        var code = await SendCodeAsync(client, typed, stored);
        var signedIn = await IntegritasFactory.PostFormAsync(client, "/poin/masuk?handler=Verify", new() { ["Phone"] = stored, ["Code"] = code }, "/poin/masuk");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>A 60-point voucher of a fresh account.</summary>
    private async Task<string> VoucherAsync(VoucherPurpose purpose)
    {
        var (typed, stored) = NewPhone();
        var (c, h) = await ReportAsync(typed);
        await using (h)
        {
            await h.Workflow.SetValidityAsync(c, true, "v", Ct);
            var (c2, h2) = await ReportAsync(typed, "jalan-rusak");
            await using (h2)
            {
                await h2.Workflow.SetValidityAsync(c2, true, "v", Ct);
            }
        }

        var account = await F.WithDbAsync(db => db.CitizenAccounts.Where(a => a.Phone == stored).Select(a => a.Id).SingleAsync(Ct));
        await using var scope = F.Services.CreateAsyncScope();
        var redeemed = await scope.ServiceProvider.GetRequiredService<Vouchers>().RedeemAsync(account, purpose, 60, Ct);
        return redeemed.Voucher!.Code;
    }

    private async Task<string> KeyAsync(string scope)
    {
        await using var services = F.Services.CreateAsyncScope();
        return (await services.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync($"uji {scope}", "test", Ct, scope)).Key;
    }

    private async Task<HttpClient> KeyClientAsync(string scope)
    {
        var client = F.Client();
        client.DefaultRequestHeaders.Add(VoucherApi.KeyHeader, await KeyAsync(scope));
        return client;
    }

    [GeneratedRegex(@"kode masuk Integritas: ([0-9]{6})", RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"id=""new-voucher"">([A-Z0-9-]+)<")]
    private static partial Regex VoucherCodePattern();
}

public sealed class SqliteRewardTests(SqliteFactory factory) : RewardTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRewardTests(PostgresFactory factory) : RewardTests(factory), IClassFixture<PostgresFactory>;
