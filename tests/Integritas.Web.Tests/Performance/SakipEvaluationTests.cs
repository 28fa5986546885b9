using System.Net;
using Integritas.Core.Performance;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// Issue 5 item 8: SAKIP evaluation worksheets. The service scores as Core does, finalisation stores total and grade,
/// history is by year, the regency's own sheet is one per year, roles see and do only what they may, and bad input
/// comes back as field errors with nothing stored. Each test uses its own years, as the database is shared.
/// </summary>
public abstract class SakipEvaluationTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";
    private const string Dlh = "2.11.0.00.0.00.01.0000";

    private static readonly PlanAccess Evaluator = new(false, [], IsVerifier: true);

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private static void Ok<T>(PlanResult<T> result)
        where T : class =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    /// <summary>The hand-computed sheet of the Core tests: 59.4375 → 59.44 → CC.</summary>
    private static Dictionary<string, string> MixedSheet()
    {
        var answers = new Dictionary<string, string>
        {
            ["1.a"] = "YYYT",
            ["1.b"] = "ABCD",
            ["1.c"] = "AAB",
            ["2.a"] = "YYY",
            ["2.b"] = "BBC",
            ["2.c"] = "CCC",
            ["3.a"] = "YYT",
            ["3.b"] = "ABB",
            ["3.c"] = "BC",
            ["4.a"] = "YTT",
            ["4.b"] = "CDE",
            ["4.c"] = "DDE",
        };
        return LkeCriteria.All.GroupBy(c => c.SubComponentCode)
            .SelectMany(g => g.Zip(answers[g.Key], (c, a) => (c.Code, Answer: a.ToString())))
            .ToDictionary(x => x.Code, x => x.Answer);
    }

    private static Dictionary<string, string> Uniform(string yes, string scale) =>
        LkeCriteria.All.ToDictionary(c => c.Code, c => c.Kind == LkeAnswerKind.YesNo ? yes : scale);

    private static List<LkeEvaluations.AnswerInput> Inputs(Dictionary<string, string> sheet, string? note = null) =>
        [.. sheet.Select(a => new LkeEvaluations.AnswerInput(a.Key, a.Value, note))];

    /// <summary>Starts, fills in and finalises a sheet through the service.</summary>
    private async Task<LkeEvaluation> FinalAsync(LkeEvaluations service, int? opdId, int year, Dictionary<string, string> sheet)
    {
        var started = await service.StartAsync(Evaluator, opdId, year, "evaluator", Ct);
        Ok(started);
        var saved = await service.SaveAsync(Evaluator, started.Value!.Id, started.Value.Version, Inputs(sheet), "evaluator", Ct);
        Ok(saved);
        var final = await service.FinaliseAsync(Evaluator, saved.Value!.Id, saved.Value.Version, "evaluator", Ct);
        Ok(final);
        return final.Value!;
    }

    [Fact]
    public async Task The_service_scores_as_Core_and_finalising_stores_total_and_grade_and_closes_the_sheet()
    {
        var dinkes = await F.OpdIdAsync(Dinkes);
        await using var scope = F.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<LkeEvaluations>();
        var started = await service.StartAsync(Evaluator, dinkes, 2011, "evaluator", Ct);
        Ok(started);
        Assert.Equal(LkeStatus.Draft, started.Value!.Status);
        Assert.Equal(started.Value.Id, (await service.StartAsync(Evaluator, dinkes, 2011, "evaluator", Ct)).Value!.Id);

        // Half the sheet first: the live score counts the unanswered criteria as 0, and it cannot be finalised.
        var sheet = MixedSheet();
        var half = sheet.Where(a => a.Key.StartsWith('1') || a.Key.StartsWith('2')).ToDictionary();
        var saved = await service.SaveAsync(Evaluator, started.Value.Id, 0, Inputs(half, "Dicek pada desk evaluation"), "evaluator", Ct);
        Ok(saved);
        Assert.Equal(LkeCriteria.Score(half).Total, LkeEvaluations.ScoreOf(saved.Value!).Total);
        var early = await service.FinaliseAsync(Evaluator, started.Value.Id, saved.Value!.Version, "evaluator", Ct);
        Assert.Equal(LkeCriteria.All.Count(c => !half.ContainsKey(c.Code)), early.Errors.Count);
        Assert.Contains(LkeEvaluations.AnswerField("4.c.3"), early.Errors.Keys);

        var full = await service.SaveAsync(Evaluator, started.Value.Id, saved.Value.Version, Inputs(sheet, "Dicek pada desk evaluation"), "evaluator", Ct);
        Ok(full);
        var core = LkeCriteria.Score(sheet);
        Assert.Equal(core.Total, LkeEvaluations.ScoreOf(full.Value!).Total);
        Ok(await service.FinaliseAsync(Evaluator, started.Value.Id, full.Value!.Version, "evaluator", Ct));

        var stored = await F.WithDbAsync(db => db.LkeEvaluations.AsNoTracking().Include(e => e.Answers).SingleAsync(e => e.Id == started.Value.Id, Ct));
        Assert.Equal(LkeStatus.Final, stored.Status);
        Assert.Equal(59.44m, stored.Total);
        Assert.Equal("CC", stored.Grade);
        Assert.Equal(core.Rounded, stored.Total);
        Assert.Equal("evaluator", stored.FinalisedBy);
        Assert.NotNull(stored.FinalisedAtUtc);
        Assert.Equal(LkeCriteria.All.Count, stored.Answers.Count);
        Assert.Equal("Dicek pada desk evaluation", stored.Answers.Single(a => a.CriterionCode == "1.a.1").Notes);

        // A final sheet no longer changes, and every change is in the audit trail.
        var late = await service.SaveAsync(Evaluator, stored.Id, stored.Version, Inputs(Uniform("Y", "A")), "evaluator", Ct);
        Assert.Contains("Status", late.Errors.Keys);
        Assert.Equal(59.44m, await F.WithDbAsync(db => db.LkeEvaluations.Where(e => e.Id == stored.Id).Select(e => e.Total).SingleAsync(Ct)));
        var id = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(LkeEvaluation) && a.EntityId == id, Ct)) >= 4);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(LkeAnswerRecord), Ct)) >= LkeCriteria.All.Count);
    }

    [Fact]
    public async Task The_regency_has_one_sheet_a_year_and_its_history_and_an_OPDs_are_public_by_year_once_final()
    {
        var dlh = await F.OpdIdAsync(Dlh);
        await using var scope = F.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<LkeEvaluations>();
        var first = await FinalAsync(service, null, 2012, MixedSheet());
        Assert.Equal(first.Id, (await service.StartAsync(Evaluator, null, 2012, "evaluator", Ct)).Value!.Id);
        await FinalAsync(service, null, 2013, Uniform("Y", "B"));

        // The partial index keeps a second regency sheet for a year out of the database itself.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => F.WithDbAsync(async db =>
        {
            db.LkeEvaluations.Add(new LkeEvaluation { OpdId = null, Year = 2012, StartedBy = "x", StartedAtUtc = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync(Ct);
        }));

        var regency = await service.HistoryAsync(null, Ct);
        Assert.Equal([2013, 2012], regency.Where(h => h.Year is 2012 or 2013).Select(h => h.Year));
        var y2013 = regency.Single(h => h.Year == 2013);
        Assert.Equal(LkeCriteria.Score(Uniform("Y", "B")).Rounded, y2013.Total);
        // Existence (weights 6 + 6 + 3 + 5) all Y = 20; the other 80 points at B (0.75) = 60: exactly 80, which is BB.
        Assert.Equal(80m, y2013.Total);
        Assert.Equal("BB", y2013.Grade);
        Assert.Equal(30m * 0.2m + (30m * 0.8m * 0.75m), Math.Round(y2013.ByComponent["1"], 10));

        // The OPD's draft is not public; its final sheets are, newest year first.
        await FinalAsync(service, dlh, 2012, Uniform("T", "E"));
        await FinalAsync(service, dlh, 2013, Uniform("Y", "A"));
        Ok(await service.StartAsync(Evaluator, dlh, 2014, "evaluator", Ct));
        Assert.Equal([2013, 2012], (await service.HistoryAsync(dlh, Ct)).Select(h => h.Year));

        var page = Text(await F.Client().GetStringAsync($"/kinerja/opd/{dlh}", Ct));
        Assert.Contains("lke-history", page, StringComparison.Ordinal);
        Assert.Contains("AA", page, StringComparison.Ordinal);
        Assert.Contains("Sangat Kurang", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">2014<", page, StringComparison.Ordinal);
        var regencyPage = Text(await F.Client().GetStringAsync("/kinerja", Ct));
        Assert.Contains("Evaluasi SAKIP pemerintah daerah", regencyPage, StringComparison.Ordinal);
        Assert.Contains("59,44", regencyPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_evaluators_score_readers_read_operators_see_their_own_final_sheet_and_the_public_none()
    {
        var dinkes = await F.OpdIdAsync(Dinkes);
        var list = "/admin/kinerja/evaluasi";
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var dinkesOperator = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinkes));
        var dlhOperator = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dlh));

        // An operator cannot start a sheet; the evaluator can.
        var refused = await IntegritasFactory.PostFormAsync(dinkesOperator, list + "?handler=Start", new() { ["opdId"] = $"{dinkes}", ["year"] = "2015" }, list);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.LkeEvaluations.AnyAsync(e => e.OpdId == dinkes && e.Year == 2015, Ct)));
        var started = await IntegritasFactory.PostFormAsync(verifier, list + "?handler=Start", new() { ["opdId"] = $"{dinkes}", ["year"] = "2015" }, list);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        var id = await F.WithDbAsync(db => db.LkeEvaluations.Where(e => e.OpdId == dinkes && e.Year == 2015).Select(e => e.Id).SingleAsync(Ct));
        Assert.Equal($"/admin/kinerja/evaluasi/{id}", url);

        // The draft: readers read it without a form to score; operators (even Dinkes's own) and the public do not see it.
        foreach (var role in new[] { Roles.Admin, Roles.Leadership, Roles.Auditor })
        {
            var reader = await F.SignedInClientAsync(await F.CreateUserAsync(role));
            var html = await reader.GetStringAsync(url, Ct);
            Assert.DoesNotContain("finalise-evaluation", html, StringComparison.Ordinal);
            var save = await IntegritasFactory.PostFormAsync(reader, url + "?handler=Save", new() { ["Version"] = "0", ["Answer[1.a.1]"] = "Y" }, url);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, save.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await dinkesOperator.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dlhOperator.GetAsync(url, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await F.Client().GetAsync(url, Ct)).StatusCode);
        var operatorSave = await IntegritasFactory.PostFormAsync(dinkesOperator, url + "?handler=Save", new() { ["Version"] = "0", ["Answer[1.a.1]"] = "Y" }, list);
        Assert.Equal(HttpStatusCode.NotFound, operatorSave.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.LkeAnswers.AnyAsync(a => a.EvaluationId == id, Ct)));

        // The evaluator scores and finalises over HTTP.
        var fields = Uniform("Y", "B").ToDictionary(a => $"Answer[{a.Key}]", a => a.Value);
        fields["Version"] = "0";
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Finalise", fields, url)).StatusCode);
        var final = await F.WithDbAsync(db => db.LkeEvaluations.AsNoTracking().SingleAsync(e => e.Id == id, Ct));
        Assert.Equal(LkeStatus.Final, final.Status);
        Assert.Equal(LkeCriteria.Score(Uniform("Y", "B")).Rounded, final.Total);
        Assert.Contains("id=\"lke-grade\">" + final.Grade, await verifier.GetStringAsync(url, Ct), StringComparison.Ordinal);

        // Now Dinkes's operator reads it (read-only); DLH's still does not; the list shows each only their own OPD.
        var own = await dinkesOperator.GetStringAsync(url, Ct);
        Assert.DoesNotContain("finalise-evaluation", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await dlhOperator.GetAsync(url, Ct)).StatusCode);
        Assert.Contains(url, await dinkesOperator.GetStringAsync(list + "?tahun=2015", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(url, await dlhOperator.GetStringAsync(list + "?tahun=2015", Ct), StringComparison.Ordinal);
        var operatorFinalSave = await IntegritasFactory.PostFormAsync(dinkesOperator, url + "?handler=Save", new() { ["Version"] = $"{final.Version}", ["Answer[1.a.1]"] = "T" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, operatorFinalSave.StatusCode);
        Assert.Equal(final.Version, await F.WithDbAsync(db => db.LkeEvaluations.Where(e => e.Id == id).Select(e => e.Version).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Bad_answers_unknown_criteria_and_stale_versions_come_back_as_field_errors_with_nothing_stored()
    {
        var dinkes = await F.OpdIdAsync(Dinkes);
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        await using var scope = F.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<LkeEvaluations>().StartAsync(Evaluator, dinkes, 2016, "evaluator", Ct);
        Ok(started);
        var url = $"/admin/kinerja/evaluasi/{started.Value!.Id}";

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var response = await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Save", fields, url);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return Text(await response.Content.ReadAsStringAsync(Ct));
        }

        var wrongKind = await RefusedAsync(new() { ["Version"] = "0", ["Answer[1.a.1]"] = "Y", ["Answer[1.b.1]"] = "Y" });
        Assert.Contains("id=\"answer-1-b-1-error\"", wrongKind, StringComparison.Ordinal);
        Assert.Contains("A, B, C, D atau E", wrongKind, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#answer-1-b-1\">", wrongKind, StringComparison.Ordinal);
        var unknown = await RefusedAsync(new() { ["Version"] = "0", ["Answer[1.a.1]"] = "Y", ["Answer[9.z.1]"] = "A" });
        Assert.Contains("Kriteria '9.z.1' tidak ada", unknown, StringComparison.Ordinal);
        var notYesNo = await RefusedAsync(new() { ["Version"] = "0", ["Answer[1.a.1]"] = "A" });
        Assert.Contains("Y atau T", notYesNo, StringComparison.Ordinal);
        var longNotes = await RefusedAsync(new() { ["Version"] = "0", ["Notes[1.a.1]"] = new string('x', LkeEvaluations.MaxNotes + 1) });
        Assert.Contains("id=\"notes-1-a-1-error\"", longNotes, StringComparison.Ordinal);
        var stored = await F.WithDbAsync(db => db.LkeEvaluations.AsNoTracking().Include(e => e.Answers).SingleAsync(e => e.Id == started.Value.Id, Ct));
        Assert.Empty(stored.Answers);
        Assert.Equal(0, stored.Version);

        // Two evaluators on one sheet: the second save on the old version is refused with a clear message.
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Save", new() { ["Version"] = "0", ["Answer[1.a.1]"] = "y" }, url)).StatusCode);
        var stale = await RefusedAsync(new() { ["Version"] = "0", ["Answer[1.a.1]"] = "T" });
        Assert.Contains("baru saja diubah evaluator lain", stale, StringComparison.Ordinal);
        var answer = await F.WithDbAsync(db => db.LkeAnswers.AsNoTracking().SingleAsync(a => a.EvaluationId == started.Value.Id, Ct));
        Assert.Equal("Y", answer.Answer);

        // A start for a year out of range is a field error, not a 500.
        var list = "/admin/kinerja/evaluasi";
        var badYear = await IntegritasFactory.PostFormAsync(verifier, list + "?handler=Start", new() { ["opdId"] = $"{dinkes}", ["year"] = "1999" }, list);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badYear.StatusCode);
    }

    [Fact]
    public async Task Evidence_per_criterion_is_checked_by_content_and_kept_to_readers_of_the_sheet()
    {
        var dlh = await F.OpdIdAsync(Dlh);
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        await using var scope = F.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<LkeEvaluations>().StartAsync(Evaluator, dlh, 2017, "evaluator", Ct);
        Ok(started);
        var url = $"/admin/kinerja/evaluasi/{started.Value!.Id}";
        var pdf = "%PDF-1.4\n% renstra ditetapkan\n"u8.ToArray();

        async Task<HttpResponseMessage> UploadAsync(string criterion, string fileName, byte[] bytes)
        {
            var token = IntegritasFactory.AntiforgeryToken(await verifier.GetStringAsync(url, Ct));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(criterion), "EvidenceCriterion" },
                { new ByteArrayContent(bytes), "EvidenceFile", fileName },
            };
            return await verifier.PostAsync(url + "?handler=Evidence", form, Ct);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync("1.a.1", "foto.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1])).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync("9.z.1", "renstra.pdf", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync("1.a.1", "renstra.pdf", pdf)).StatusCode);
        var evidence = await F.WithDbAsync(db => db.LkeEvidence.AsNoTracking().SingleAsync(e => e.EvaluationId == started.Value.Id, Ct));
        Assert.Equal("1.a.1", evidence.CriterionCode);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), evidence.Sha256);

        var fileUrl = $"{url}?handler=EvidenceFile&evidenceId={evidence.Id}";
        Assert.Equal(pdf, await verifier.GetByteArrayAsync(fileUrl, Ct));
        var dlhOperator = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dlh));
        Assert.Equal(HttpStatusCode.NotFound, (await dlhOperator.GetAsync(fileUrl, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await F.Client().GetAsync(fileUrl, Ct)).StatusCode);
    }
}

public sealed class SqliteSakipEvaluationTests(SqliteFactory factory) : SakipEvaluationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresSakipEvaluationTests(PostgresFactory factory) : SakipEvaluationTests(factory), IClassFixture<PostgresFactory>;

/// <summary>The demo's evaluations: a few years of final sheets with a spread of grades, consistent with their answers.</summary>
public abstract class SakipEvaluationDemoTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task The_demo_has_final_sheets_over_years_with_a_spread_of_grades_and_a_draft()
    {
        var sheets = await F.WithDbAsync(db => db.LkeEvaluations.AsNoTracking().Include(e => e.Answers).ToListAsync(Ct));
        var finals = sheets.Where(e => e.Status == LkeStatus.Final).ToList();
        Assert.True(finals.Select(e => e.Year).Distinct().Count() >= 3);
        Assert.Contains(finals, e => e.OpdId is null);
        Assert.Contains(sheets, e => e.Status == LkeStatus.Draft);
        Assert.True(finals.Select(e => e.Grade).Distinct().Count() >= 4, string.Join(", ", finals.Select(e => e.Grade)));
        Assert.All(finals, e =>
        {
            var score = LkeEvaluations.ScoreOf(e);
            Assert.Equal(score.Rounded, e.Total);
            Assert.Equal(score.Grade.Grade, e.Grade);
        });

        var regency = Text(await F.Client().GetStringAsync("/kinerja", Ct));
        Assert.Contains("lke-history", regency, StringComparison.Ordinal);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);
}

public sealed class SqliteSakipEvaluationDemoTests(SqlitePerformanceDemoFactory factory) : SakipEvaluationDemoTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresSakipEvaluationDemoTests(PostgresPerformanceDemoFactory factory) : SakipEvaluationDemoTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
