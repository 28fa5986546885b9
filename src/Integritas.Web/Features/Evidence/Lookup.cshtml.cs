using Integritas.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Evidence;

/// <summary>
/// "Is this file recorded?": anyone with a photo, video or invoice finds the evidence it belongs to by its SHA-256. The
/// browser computes the hash locally (the file never leaves the device); without JavaScript the hash can be pasted.
/// </summary>
public sealed class LookupModel(IntegritasDbContext db) : PageModel
{
    public sealed record Match(long Id, string PackageCode, string PackageName, string Milestone, bool IsInvoice, long? LedgerIndex, DateTime CapturedAtUtc);

    [FromQuery(Name = "sha256")]
    public string? Sha256 { get; set; }

    public string? Error { get; private set; }

    public List<Match>? Matches { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Sha256))
        {
            return;
        }

        var hash = Sha256.Trim().ToLowerInvariant();
        if (!Core.Evidence.Sha256Hex.IsValid(hash))
        {
            Error = "sha256";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Sha256 = hash;
        Matches = await db.EvidenceItems.AsNoTracking().Where(i => i.MediaSha256 == hash || i.InvoiceSha256 == hash).OrderBy(i => i.Id)
            .Select(i => new Match(i.Id, i.Package!.Code, i.Package.Name, i.Milestone!.Name, i.MediaSha256 != hash, i.LedgerIndex, i.CapturedAtUtc))
            .Take(100).ToListAsync(ct);
    }
}
