using Integritas.Core.Ocds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Procurement.Ocds;

/// <summary>
/// OCDS 1.1 open contracting data (issue 6 item 8): every package as releases per stage, compiled records, and the
/// compiled releases as JSON lines (the red-flag indicators' input), with the bid extension.
/// </summary>
public static class OcdsEndpoints
{
    public static void MapOcds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ocds/v1").WithTags("OCDS");
        group.MapGet("/releases.json", ReleasesAsync)
            .WithSummary("Paket rilis OCDS / OCDS release package")
            .WithDescription("Every procurement package's releases (one per stage reached, tagged planning, tender, tenderUpdate, award, contract, implementation, tenderCancellation) with the bid extension, a page of packages at a time (`page`, from 1; `links.next`/`links.prev`). Validates against the OCDS 1.1 release-package schema. A page past the end is 404.");
        group.MapGet("/records/{ocid}.json", RecordAsync)
            .WithSummary("Paket rekaman OCDS satu proses / OCDS record package of one process")
            .WithDescription("The record of one contracting process: its releases embedded and the compiled release (the OCDS merge of them).");
        group.MapGet("/compiled-releases.jsonl", CompiledAsync)
            .WithSummary("Semua rilis terkompilasi (JSON Lines) / Every compiled release as JSON Lines")
            .WithDescription("One compiled release per line, every published package; the input format of the Cardinal red-flag indicators.");
    }

    private static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> ReleasesAsync(
        HttpContext context, OcdsFeed feed, IOptions<OcdsOptions> options, TimeProvider time, int? page, CancellationToken ct)
    {
        var number = page ?? 1;
        if (number < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["page dimulai dari 1 / page starts at 1."] });
        }

        var size = Math.Clamp(options.Value.PageSize, 1, 1000);
        var baseUri = BaseUri(context.Request);
        var (processes, hasNext) = await feed.PageAsync(OcdsPaging.Skip(number, size), size, baseUri, ct);
        if (processes.Count == 0)
        {
            return TypedResults.Problem(statusCode: 404,
                title: number == 1 ? "Belum ada paket pengadaan yang diterbitkan / No procurement package is published yet" : "Halaman di luar jangkauan / Page out of range");
        }

        var endpoint = new Uri(baseUri, "ocds/v1/releases.json");
        var writer = new OcdsPackageWriter(feed.Publication);
        context.Response.ContentType = "application/json; charset=utf-8";
        await writer.WriteReleasePackageAsync(context.Response.Body, new OcdsPackageInfo(OcdsPaging.PageUri(endpoint, number), time.GetUtcNow()),
            OcdsPaging.Links(endpoint, number, hasNext), processes.ToAsyncEnumerable(), ct);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RecordAsync(
        HttpContext context, OcdsFeed feed, TimeProvider time, string ocid, CancellationToken ct)
    {
        var baseUri = BaseUri(context.Request);
        if (await feed.ByOcidAsync(ocid, baseUri, ct) is not { } process)
        {
            return TypedResults.Problem(statusCode: 404, title: $"Tidak ada proses dengan ocid {ocid} / No process has the ocid {ocid}");
        }

        var writer = new OcdsPackageWriter(feed.Publication);
        context.Response.ContentType = "application/json; charset=utf-8";
        await writer.WriteRecordPackageAsync(context.Response.Body,
            new OcdsPackageInfo(new Uri(baseUri, $"ocds/v1/records/{Uri.EscapeDataString(ocid)}.json"), time.GetUtcNow()), new[] { process }.ToAsyncEnumerable(), ct);
        return TypedResults.Empty;
    }

    private static async Task CompiledAsync(HttpContext context, OcdsFeed feed, CancellationToken ct)
    {
        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var writer = new OcdsPackageWriter(feed.Publication);
        await writer.WriteCompiledReleasesAsync(context.Response.Body, feed.AllAsync(BaseUri(context.Request), ct), ct);
    }
}
