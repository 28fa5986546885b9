using System.Net;
using System.Text;
using Integritas.Core.Performance;
using Integritas.Core.Signing;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// Issue 5 item 2: the Perjanjian Kinerja generated from the plan, signed by the OPD head and the regional head with
/// their passphrase-sealed keys over real HTTP, verifiable from the downloaded document, in the transparency log, and
/// visibly no longer in force once the plan changes or the stored document is altered.
/// </summary>
public abstract class AgreementTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string HeadPassphrase = "kepala dinas menandatangani";
    private const string RegentPassphrase = "bupati menandatangani juga";

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private int Year => DateTime.UtcNow.AddHours(7).Year;

    /// <summary>Links the OPD head and the regional head (the top of the head's reporting line) to new accounts.</summary>
    private async Task<(TestUser Head, TestUser Regent, int OpdId)> SignatoriesAsync(string opdCode)
    {
        var opdId = await F.OpdIdAsync(opdCode);
        var head = await F.CreateUserAsync(Roles.OpdOperator, opdCode);
        var regent = await F.CreateUserAsync(Roles.Leadership);
        await F.WithDbAsync(async db =>
        {
            var headOfficial = await db.Officials.Include(o => o.Position).FirstAsync(o => o.Position!.OpdId == opdId && o.Position.IsHead && o.ActiveUntil == null, Ct);
            headOfficial.UserId = head.Id;
            var top = headOfficial.Position!;
            while (top.SuperiorId is { } up)
            {
                top = await db.Positions.SingleAsync(p => p.Id == up, Ct);
            }

            // Each test links the regent to its own account (the tests of a class run one at a time).
            var regentOfficial = await db.Officials.FirstAsync(o => o.PositionId == top.Id && o.ActiveUntil == null, Ct);
            regentOfficial.UserId = regent.Id;
            return await db.SaveChangesAsync(Ct);
        });
        return (head, regent, opdId);
    }

    private async Task<long> GenerateAsync(HttpClient client, int opdId)
    {
        var url = $"/admin/kinerja/pk?opd={opdId}&tahun={Year}";
        var made = await IntegritasFactory.PostFormAsync(client, url + "&handler=Generate", [], url);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        return long.Parse(made.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The year's latest revision: the demo prepares revision 1 of every OPD's agreement.</summary>
    private Task<long> LatestAsync(int opdId) => F.WithDbAsync(db => db.PerformanceAgreements.Where(a => a.OpdId == opdId && a.Year == Year)
        .OrderByDescending(a => a.Revision).Select(a => a.Id).FirstAsync(Ct));

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, long id, string passphrase, string? repeat = null) =>
        IntegritasFactory.PostFormAsync(client, $"/kinerja/pk/{id}?handler=Sign",
            repeat is null ? new() { ["Passphrase"] = passphrase } : new() { ["Passphrase"] = passphrase, ["PassphraseRepeat"] = repeat }, $"/kinerja/pk/{id}");

    [Fact]
    public async Task The_head_and_the_regent_sign_and_the_agreement_stands_until_the_plan_changes()
    {
        var (head, regent, opdId) = await SignatoriesAsync(PerformanceDemo.Dinkes);
        var headClient = await F.SignedInClientAsync(head);
        var id = await LatestAsync(opdId);

        // The document holds the sasaran and program indicators with the year's targets, and is what its hash says.
        var json = await F.Client().GetByteArrayAsync($"/kinerja/pk/{id}/json", Ct);
        Assert.True(AgreementDocument.TryParse(json, out var document));
        Assert.Equal(Year, document!.Year);
        Assert.NotEmpty(document.Targets);
        Assert.All(document.Targets, t => Assert.Contains(t.Level, new[] { "sasaran", "program" }));
        Assert.All(document.Targets, t => Assert.NotEqual("", t.Target));
        var hash = AgreementDocument.Sha256Hex(json);
        var page = Text(await F.Client().GetStringAsync($"/kinerja/pk/{id}", Ct));
        Assert.Contains(hash, page, StringComparison.Ordinal);
        Assert.Contains("Menunggu tanda tangan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-form", page, StringComparison.Ordinal); // the public cannot sign

        // Regenerating with nothing changed makes no new revision.
        var again = await IntegritasFactory.PostFormAsync(headClient, $"/admin/kinerja/pk?opd={opdId}&tahun={Year}&handler=Generate", [], $"/admin/kinerja/pk?opd={opdId}&tahun={Year}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("sudah sesuai", Text(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // A new key needs a long passphrase typed twice alike; errors store nothing.
        Assert.Contains("sign-form", await headClient.GetStringAsync($"/kinerja/pk/{id}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(headClient, id, "pendek", "pendek")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(headClient, id, HeadPassphrase, HeadPassphrase + "x")).StatusCode);
        Assert.Equal(0, await F.WithDbAsync(db => db.SigningKeys.CountAsync(k => k.UserId == head.Id, Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(headClient, id, HeadPassphrase, HeadPassphrase)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(headClient, id, HeadPassphrase)).StatusCode); // once per party

        var regentClient = await F.SignedInClientAsync(regent);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(regentClient, id, RegentPassphrase, RegentPassphrase)).StatusCode);

        page = Text(await F.Client().GetStringAsync($"/kinerja/pk/{id}", Ct));
        Assert.Contains("Berlaku.", page, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page, "<span class=\"badge ok\">tanda tangan sah</span>"));

        // Anyone can check each signature from the document and the public key alone; both are in the log.
        var signatures = await F.WithDbAsync(db => db.AgreementSignatures.AsNoTracking().Include(s => s.SigningKey).Where(s => s.AgreementId == id).ToListAsync(Ct));
        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.True(SealedSigningKey.Verify(s.SigningKey!.PublicKey, AgreementDocument.SigningMessage(hash), s.Signature)));
        Assert.All(signatures, s => Assert.NotNull(s.LedgerIndex));
        var entry = await F.WithDbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Index == signatures[0].LedgerIndex, Ct));
        Assert.Contains($"document sha256:{hash}", Encoding.UTF8.GetString(entry.Data), StringComparison.Ordinal);

        // The OPD page links to the agreement; the PDF carries the text, the hash and both signatures.
        Assert.Contains($"/kinerja/pk/{id}", await F.Client().GetStringAsync($"/kinerja/opd/{opdId}?tahun={Year}", Ct), StringComparison.Ordinal);
        var pdf = await F.Client().GetAsync($"/kinerja/pk/{id}/pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = PdfText(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("PERJANJIAN KINERJA", pdfText, StringComparison.Ordinal);
        Assert.Contains(hash, pdfText.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, CountOf(pdfText, "tanda tangan sah"));

        // The plan changes: the signed revision shows it is no longer in force and what changed, and cannot be signed again.
        var indicator = document.Targets[0].IndicatorCode;
        await F.WithDbAsync(async db =>
        {
            var target = await db.IndicatorTargets.SingleAsync(t => t.Indicator!.Code == indicator && t.Indicator.PlanNode!.OpdId == opdId && t.Year == Year && t.Period == ReportPeriod.Year, Ct);
            target.Value += 1;
            return await db.SaveChangesAsync(Ct);
        });
        page = Text(await F.Client().GetStringAsync($"/kinerja/pk/{id}", Ct));
        Assert.Contains("Tidak berlaku lagi.", page, StringComparison.Ordinal);
        Assert.Contains($"Target {indicator} berubah", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlaku.", page.Replace("Tidak berlaku lagi.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("PERHATIAN", PdfText(await F.Client().GetByteArrayAsync($"/kinerja/pk/{id}/pdf", Ct)), StringComparison.Ordinal);

        // A new revision is made and signed with the keys the signers already have (passphrase only).
        var second = await GenerateAsync(headClient, opdId);
        Assert.NotEqual(id, second);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignAsync(headClient, second, "bukan frasa sandinya")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(headClient, second, HeadPassphrase)).StatusCode);
        Assert.Equal(1, await F.WithDbAsync(db => db.SigningKeys.CountAsync(k => k.UserId == head.Id, Ct)));
        Assert.Contains("revisi", Text(await F.Client().GetStringAsync($"/kinerja/pk/{second}", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_stored_document_shows_its_signatures_as_not_valid()
    {
        var (head, _, opdId) = await SignatoriesAsync(PerformanceDemo.Distan);
        var headClient = await F.SignedInClientAsync(head);
        var id = await LatestAsync(opdId);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(headClient, id, HeadPassphrase, HeadPassphrase)).StatusCode);
        Assert.Contains("tanda tangan sah", Text(await F.Client().GetStringAsync($"/kinerja/pk/{id}", Ct)), StringComparison.Ordinal);

        // Someone with database access edits a target in the stored document but cannot re-sign it.
        await F.WithDbAsync(async db =>
        {
            var agreement = await db.PerformanceAgreements.SingleAsync(a => a.Id == id, Ct);
            AgreementDocument.TryParse(agreement.Document, out var doc);
            var changed = doc! with { Targets = [doc.Targets[0] with { Target = "999" }, .. doc.Targets.Skip(1)] };
            agreement.Document = changed.ToCanonicalJson();
            return await db.SaveChangesAsync(Ct);
        });
        var page = Text(await F.Client().GetStringAsync($"/kinerja/pk/{id}", Ct));
        Assert.Contains("Dokumen rusak.", page, StringComparison.Ordinal);
        Assert.Contains("tanda tangan TIDAK sah", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-form", await headClient.GetStringAsync($"/kinerja/pk/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_named_parties_sign_and_only_the_OPD_prepares_its_agreement()
    {
        const string dinsos = "1.06.0.00.0.00.01.0000";
        var (_, _, opdId) = await SignatoriesAsync(dinsos);

        // An operator of another OPD cannot prepare it; nor can a verifier (who reads it).
        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.11.0.00.0.00.01.0000"));
        var url = $"/admin/kinerja/pk?opd={opdId}&tahun={Year}";
        Assert.DoesNotContain("Dinas Sosial", Text(await other.GetStringAsync(url, Ct)), StringComparison.Ordinal); // shown its own OPD instead
        Assert.Equal(HttpStatusCode.Forbidden, (await IntegritasFactory.PostFormAsync(other, url + "&handler=Generate", [], url)).StatusCode);
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        Assert.Contains("Dinas Sosial", Text(await verifier.GetStringAsync(url, Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await IntegritasFactory.PostFormAsync(verifier, url + "&handler=Generate", [], url)).StatusCode);
        Assert.Equal(1, await F.WithDbAsync(db => db.PerformanceAgreements.CountAsync(a => a.OpdId == opdId, Ct)));
        var id = await LatestAsync(opdId);

        // Someone not named in it cannot sign, signed in or not; nothing is stored.
        var strangerUser = await F.CreateUserAsync(Roles.OpdOperator, dinsos);
        var stranger = await F.SignedInClientAsync(strangerUser);
        var refused = await SignAsync(stranger, id, "frasa sandi orang lain", "frasa sandi orang lain");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Hanya kepala OPD", Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.DoesNotContain("sign-form", await stranger.GetStringAsync($"/kinerja/pk/{id}", Ct), StringComparison.Ordinal);
        Assert.Equal(0, await F.WithDbAsync(db => db.AgreementSignatures.CountAsync(s => s.AgreementId == id, Ct)));
        Assert.Equal(0, await F.WithDbAsync(db => db.SigningKeys.CountAsync(k => k.UserId == strangerUser.Id, Ct)));

        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync("/kinerja/pk/999999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await F.Client().GetAsync("/kinerja/pk/999999999/pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_links_an_official_to_an_account_and_an_operator_cannot()
    {
        const string dishub = "2.15.0.00.0.00.01.0000";
        var opdId = await F.OpdIdAsync(dishub);
        var official = await F.WithDbAsync(db => db.Officials.AsNoTracking().FirstAsync(o => o.Position!.OpdId == opdId && o.Position.IsHead && o.ActiveUntil == null, Ct));
        var account = await F.CreateUserAsync(Roles.OpdOperator, dishub);
        var url = $"/admin/opd/{opdId}";
        var fields = new Dictionary<string, string> { ["LinkOfficialId"] = $"{official.Id}", ["LinkEmail"] = $"{account.UserName}@contoh.go.id" };

        var operatorClient = await F.SignedInClientAsync(account);
        var refused = await IntegritasFactory.PostFormAsync(operatorClient, url + "?handler=LinkAccount", fields, url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/akun/ditolak", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var unknown = await IntegritasFactory.PostFormAsync(admin, url + "?handler=LinkAccount", new(fields) { ["LinkEmail"] = "tidak.ada@contoh.go.id" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Tidak ada akun", Text(await unknown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null(await F.WithDbAsync(db => db.Officials.Where(o => o.Id == official.Id).Select(o => o.UserId).SingleAsync(Ct)));

        var linked = await IntegritasFactory.PostFormAsync(admin, url + "?handler=LinkAccount", fields, url);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(account.Id, await F.WithDbAsync(db => db.Officials.Where(o => o.Id == official.Id).Select(o => o.UserId).SingleAsync(Ct)));
        Assert.Contains($"{account.UserName}@contoh.go.id", await admin.GetStringAsync(url, Ct), StringComparison.Ordinal);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Official" && e.EntityId == $"{official.Id}", Ct)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // The hand-made layout keeps every word on its page.
        Assert.All(document.GetPages(), page => Assert.All(page.GetWords(), w =>
            Assert.True(w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= page.Width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= page.Height, $"'{w.Text}' at {w.BoundingBox}")));
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}

public sealed class SqliteAgreementTests(SqlitePerformanceDemoFactory factory) : AgreementTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresAgreementTests(PostgresPerformanceDemoFactory factory) : AgreementTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
