using System.Net;
using Integritas.Data.Identity;
using Integritas.Data.Performance;
using Integritas.Web.Features.Performance;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Performance;

/// <summary>
/// The staff pages over real HTTP: an operator fills in and submits their OPD's quarter, bad figures come back as a
/// 422 with field errors and nothing stored, another OPD's operator sees neither the draft nor the plan, and only
/// verifiers verify and publish.
/// </summary>
public abstract class PerformancePageTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task An_operator_reports_a_quarter_and_a_verifier_publishes_it_over_HTTP_with_errors_kept_out()
    {
        // The demo's current quarter is a draft for every OPD; Dinas Sosial's is used here.
        var dinsos = await F.OpdIdAsync("1.06.0.00.0.00.01.0000");
        var draft = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().SingleAsync(r => r.OpdId == dinsos && r.Status == ReportStatus.Draft, Ct));
        var indicators = await F.WithDbAsync(db => db.Indicators.AsNoTracking().Where(i => i.PlanNode!.OpdId == dinsos).ToListAsync(Ct));
        var subs = await F.WithDbAsync(db => db.PlanNodes.AsNoTracking().Where(n => n.OpdId == dinsos && n.Level == Core.Performance.PlanLevel.SubKegiatan).Select(n => n.Id).ToListAsync(Ct));
        var url = $"/admin/kinerja/laporan/{draft.Id}";

        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.11.0.00.0.00.01.0000"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/kinerja/rencana?opd={dinsos}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await F.Client().GetAsync(url, Ct)).StatusCode); // anonymous: to sign-in

        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "1.06.0.00.0.00.01.0000"));
        var workspace = Text(await operatorClient.GetStringAsync("/admin/kinerja", Ct));
        Assert.Contains("Dinas Sosial", workspace, StringComparison.Ordinal);
        Assert.Contains(url, workspace, StringComparison.Ordinal);

        Dictionary<string, string> Fields(string value)
        {
            var fields = new Dictionary<string, string> { ["Version"] = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Late"] = "true", ["LateReason"] = "Data dari UPT terlambat masuk minggu ini" };
            foreach (var i in indicators)
            {
                fields[$"Value[{i.Id}]"] = value;
                fields[$"YearValue[{i.Id}]"] = draft.Quarter == 4 && i.QuarterMode == QuarterMode.PerQuarter ? value : "";
            }

            foreach (var s in subs)
            {
                fields[$"Spent[{s}]"] = "1.250.000";
            }

            return fields;
        }

        var before = await F.WithDbAsync(db => db.IndicatorRealisations.AsNoTracking().Where(r => r.QuarterReportId == draft.Id).Select(r => new { r.IndicatorId, r.Period, r.Value }).ToListAsync(Ct));
        var bad = await IntegritasFactory.PostFormAsync(operatorClient, url + "?handler=Save", Fields("dua belas"), url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = Text(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("'dua belas' bukan angka", badPage, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", badPage, StringComparison.Ordinal);
        Assert.Equal(before, await F.WithDbAsync(db => db.IndicatorRealisations.AsNoTracking().Where(r => r.QuarterReportId == draft.Id).Select(r => new { r.IndicatorId, r.Period, r.Value }).ToListAsync(Ct)));

        var submitted = await IntegritasFactory.PostFormAsync(operatorClient, url + "?handler=Submit", Fields("12,5"), url);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ReportStatus.Submitted, await F.WithDbAsync(db => db.QuarterReports.Where(r => r.Id == draft.Id).Select(r => r.Status).SingleAsync(Ct)));

        // The operator cannot verify their own report; the verifier can, then publishes it.
        var version = await F.WithDbAsync(db => db.QuarterReports.Where(r => r.Id == draft.Id).Select(r => r.Version).SingleAsync(Ct));
        var selfVerify = await IntegritasFactory.PostFormAsync(operatorClient, url + "?handler=Verify", new() { ["Version"] = $"{version}" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, selfVerify.StatusCode);

        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        Assert.Contains(url, Text(await verifier.GetStringAsync("/admin/kinerja", Ct)), StringComparison.Ordinal);
        var emptyReturn = await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Return", new() { ["Version"] = $"{version}", ["Comment"] = "" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyReturn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Verify", new() { ["Version"] = $"{version}" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(verifier, url + "?handler=Publish", new() { ["Version"] = $"{version + 1}" }, url)).StatusCode);

        var published = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().SingleAsync(r => r.Id == draft.Id, Ct));
        Assert.Equal(ReportStatus.Published, published.Status);
        Assert.True(published.IsLate == (published.DueDate < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))));
        Assert.Equal(HttpStatusCode.OK, (await F.Client().GetAsync($"/kinerja/laporan/{draft.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Evidence_files_are_checked_by_content_kept_to_readers_of_the_report_and_closed_after_submission()
    {
        var dispar = await F.OpdIdAsync("3.26.0.00.0.00.01.0000");
        var draft = await F.WithDbAsync(db => db.QuarterReports.AsNoTracking().SingleAsync(r => r.OpdId == dispar && r.Status == ReportStatus.Draft, Ct));
        var url = $"/admin/kinerja/laporan/{draft.Id}";
        var operatorClient = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "3.26.0.00.0.00.01.0000"));
        var pdf = "%PDF-1.4\n% bukti kunjungan wisata\n"u8.ToArray();

        async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
        {
            var token = IntegritasFactory.AntiforgeryToken(await client.GetStringAsync(url, Ct));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "EvidenceFile", fileName },
            };
            return await client.PostAsync(url + "?handler=Evidence", form, Ct);
        }

        var disguised = await UploadAsync(operatorClient, "foto.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disguised.StatusCode);
        Assert.Contains("tidak sesuai dengan jenisnya", Text(await disguised.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync(operatorClient, "skrip.exe", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(operatorClient, "berita-acara.pdf", pdf)).StatusCode);
        var evidence = await F.WithDbAsync(db => db.ReportEvidence.AsNoTracking().SingleAsync(e => e.QuarterReportId == draft.Id, Ct));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), evidence.Sha256);

        // Readers of the report download it; another OPD's operator and the public do not.
        var fileUrl = $"{url}?handler=EvidenceFile&evidenceId={evidence.Id}";
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        Assert.Equal(pdf, await verifier.GetByteArrayAsync(fileUrl, Ct));
        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.11.0.00.0.00.01.0000"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(fileUrl, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await F.Client().GetAsync(fileUrl, Ct)).StatusCode);

        // Once the report is no longer a draft, nothing can be attached or removed.
        await F.WithDbAsync(async db =>
        {
            await db.QuarterReports.Where(r => r.Id == draft.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReportStatus.Submitted), Ct);
            return 0;
        });
        var late = await UploadAsync(operatorClient, "tambahan.pdf", pdf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(1, await F.WithDbAsync(db => db.ReportEvidence.CountAsync(e => e.QuarterReportId == draft.Id, Ct)));
    }

    [Fact]
    public async Task An_operator_plans_elements_indicators_targets_and_a_ceiling_and_bad_targets_store_nothing()
    {
        var disnaker = await F.OpdIdAsync("2.07.0.00.0.00.01.0000");
        var client = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.07.0.00.0.00.01.0000"));
        var year = await F.WithDbAsync(db => db.PlanPeriods.Select(p => p.EndYear).SingleAsync(Ct));
        var url = $"/admin/kinerja/rencana?opd={disnaker}&tahun={year}";
        var page = Text(await client.GetStringAsync(url, Ct));
        Assert.Contains("Penyusunan Dokumen Perencanaan Perangkat Daerah", page, StringComparison.Ordinal);

        var sasaran = await F.WithDbAsync(db => db.PlanNodes.Where(n => n.OpdId == disnaker && n.Level == Core.Performance.PlanLevel.Sasaran).Select(n => n.Id).FirstAsync(Ct));
        var badCode = await IntegritasFactory.PostFormAsync(client, url.Replace("?", "?handler=Node&", StringComparison.Ordinal),
            new() { ["NodeLevel"] = "Program", ["NodeParentId"] = $"{sasaran}", ["NodeCode"] = "2.07.X", ["NodeName"] = "Program salah kode" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCode.StatusCode);
        var added = await IntegritasFactory.PostFormAsync(client, url.Replace("?", "?handler=Node&", StringComparison.Ordinal),
            new() { ["NodeLevel"] = "Program", ["NodeParentId"] = $"{sasaran}", ["NodeCode"] = "2.07.03", ["NodeName"] = "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var program = await F.WithDbAsync(db => db.PlanNodes.SingleAsync(n => n.OpdId == disnaker && n.Code == "2.07.03", Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url.Replace("?", "?handler=Indicator&", StringComparison.Ordinal),
            new()
            {
                ["IndicatorNodeId"] = $"{program.Id}",
                ["IndicatorCode"] = "OC-9",
                ["IndicatorName"] = "Lulusan pelatihan yang bekerja",
                ["IndicatorKind"] = "Outcome",
                ["IndicatorUnit"] = "%",
                ["IndicatorPolarity"] = "Range",
                ["IndicatorRangeDirection"] = "Higher",
                ["IndicatorQuarterMode"] = "Cumulative",
                ["IndicatorBaseline"] = "41,5",
            }, url)).StatusCode);
        var indicator = await F.WithDbAsync(db => db.Indicators.SingleAsync(i => i.PlanNodeId == program.Id, Ct));
        Assert.Equal(41.5m, indicator.Baseline);

        // A range needs both bounds in every period; one bad period stores none of them.
        var targetsUrl = url.Replace("?", "?handler=Targets&", StringComparison.Ordinal);
        var partial = await IntegritasFactory.PostFormAsync(client, targetsUrl, new()
        {
            ["TargetIndicatorId"] = $"{indicator.Id}",
            ["TargetValue[Q1]"] = "40",
            ["TargetMax[Q1]"] = "50",
            ["TargetValue[Year]"] = "60",
            ["TargetMax[Year]"] = "55",
        }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.IndicatorTargets.AnyAsync(t => t.IndicatorId == indicator.Id, Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, targetsUrl, new()
        {
            ["TargetIndicatorId"] = $"{indicator.Id}",
            ["TargetValue[Q1]"] = "40",
            ["TargetMax[Q1]"] = "50",
            ["TargetValue[Year]"] = "55",
            ["TargetMax[Year]"] = "65",
        }, url)).StatusCode);
        Assert.Equal(2, await F.WithDbAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == indicator.Id, Ct)));

        var sub = await F.WithDbAsync(db => db.PlanNodes.Where(n => n.OpdId == disnaker && n.Level == Core.Performance.PlanLevel.SubKegiatan).Select(n => n.Id).FirstAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await IntegritasFactory.PostFormAsync(client, url.Replace("?", "?handler=Pagu&", StringComparison.Ordinal),
            new() { ["PaguNodeId"] = $"{sub}", ["PaguAmount"] = "satu miliar" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IntegritasFactory.PostFormAsync(client, url.Replace("?", "?handler=Pagu&", StringComparison.Ordinal),
            new() { ["PaguNodeId"] = $"{sub}", ["PaguAmount"] = "1.750.000.000" }, url)).StatusCode);
        Assert.Equal(1_750_000_000m, await F.WithDbAsync(db => db.BudgetCeilings.Where(b => b.PlanNodeId == sub && b.Year == year).Select(b => b.Pagu).SingleAsync(Ct)));

        // Another OPD's operator cannot post into this plan.
        var other = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, "2.11.0.00.0.00.01.0000"));
        var foreign = await IntegritasFactory.PostFormAsync(other, $"/admin/kinerja/rencana?handler=Pagu&opd={disnaker}&tahun={year}",
            new() { ["PaguNodeId"] = $"{sub}", ["PaguAmount"] = "1" }, "/admin/kinerja");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(1_750_000_000m, await F.WithDbAsync(db => db.BudgetCeilings.Where(b => b.PlanNodeId == sub && b.Year == year).Select(b => b.Pagu).SingleAsync(Ct)));
    }
}

public sealed class SqlitePerformancePageTests(SqlitePerformanceDemoFactory factory) : PerformancePageTests(factory), IClassFixture<SqlitePerformanceDemoFactory>;

public sealed class PostgresPerformancePageTests(PostgresPerformanceDemoFactory factory) : PerformancePageTests(factory), IClassFixture<PostgresPerformanceDemoFactory>;
