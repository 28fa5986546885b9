using Integritas.Core.Rewards;
using Integritas.Data.Rewards;
using Integritas.Web.Features.Open311;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integritas.Web.Features.Rewards;

/// <summary>
/// For the offices that accept vouchers (issue 4 item 8): the regional tax office checks and consumes property-tax
/// vouchers, a school school-fee vouchers, each with an API key of that scope in the <c>X-Api-Key</c> header.
/// Consuming is once only: a second attempt gets 409 with when it was used.
/// </summary>
public static class VoucherApi
{
    public const string Root = "/api/v1/vouchers";
    public const string KeyHeader = "X-Api-Key";

    public sealed record ConsumeRequest(string? Reference);

    public sealed record VoucherView(string Code, string Purpose, int Points, long ValueRupiah, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
        string Status, DateTimeOffset? ConsumedAt, string? ConsumedReference);

    public static void MapVoucherApi(this WebApplication app)
    {
        var api = app.MapGroup(Root).WithTags("Voucher poin / Reward vouchers").DisableAntiforgery();
        api.MapGet("/{code}", CheckAsync)
            .WithSummary("Periksa voucher / Check a voucher")
            .WithDescription("Header X-Api-Key: a key of scope voucher-pbb (PBB vouchers) or voucher-sekolah (school-fee vouchers). status is valid, consumed or expired. 400 malformed code (the check symbol catches a mistyped character), 401 no or unknown key, 403 a key of another scope, 404 no such voucher.");
        api.MapPost("/{code}/consume", ConsumeAsync)
            .WithSummary("Pakai voucher (sekali) / Consume a voucher (once)")
            .WithDescription("JSON body {\"reference\": \"what it paid for, e.g. the tax object number (NOP)\"}, at most 100 characters. 200 with the consumed voucher; 409 already consumed (consumedAt in the body); 410 expired; other errors as for the check.");
    }

    private static async Task<IResult> CheckAsync(string code, HttpRequest request, ApiKeys keys, Vouchers vouchers, TimeProvider time, Ui ui, CancellationToken ct)
    {
        var (voucher, problem) = await AuthoriseAsync(code, request, keys, vouchers, ui, ct);
        return problem ?? TypedResults.Ok(View(voucher!.Value.Voucher, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<IResult> ConsumeAsync(string code, ConsumeRequest? body, HttpRequest request, ApiKeys keys, Vouchers vouchers,
        TimeProvider time, Ui ui, CancellationToken ct)
    {
        var (found, problem) = await AuthoriseAsync(code, request, keys, vouchers, ui, ct);
        if (problem is not null)
        {
            return problem;
        }

        var reference = body?.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > Vouchers.MaxReferenceLength || reference.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [Vouchers.ReferenceField] = [ui.T($"Wajib diisi: untuk apa voucher dipakai (mis. NOP), paling banyak {Vouchers.MaxReferenceLength} karakter, tanpa karakter kendali.",
                    $"Required: what the voucher pays for (e.g. the tax object number), at most {Vouchers.MaxReferenceLength} characters, no control characters.")],
            });
        }

        var (voucher, keyId) = found!.Value;
        var (result, current) = await vouchers.ConsumeAsync(voucher.Code, keyId, reference, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return result switch
        {
            Vouchers.ConsumeResult.Consumed => TypedResults.Ok(View(current!, now)),
            Vouchers.ConsumeResult.AlreadyConsumed => Problem(StatusCodes.Status409Conflict, "Voucher sudah dipakai / The voucher was already used",
                ui.T($"Dipakai {ui.DateTime(current!.ConsumedAtUtc!.Value)}.", $"Used {ui.DateTime(current!.ConsumedAtUtc!.Value)}."), View(current, now)),
            Vouchers.ConsumeResult.Expired => Problem(StatusCodes.Status410Gone, "Voucher kedaluwarsa / The voucher has expired",
                ui.T($"Berlaku sampai {ui.DateTime(current!.ExpiresAtUtc)}.", $"It was valid until {ui.DateTime(current!.ExpiresAtUtc)}."), View(current, now)),
            _ => Problem(StatusCodes.Status404NotFound, "Voucher tidak ditemukan / No such voucher", null, null),
        };
    }

    private static string Ui_(Ui ui, DateTime utc) => ui.DateTime(utc);

    /// <summary>The key holder and the voucher, or the problem that stops the request.</summary>
    private static async Task<((RewardVoucher Voucher, int KeyId)?, IResult?)> AuthoriseAsync(string code, HttpRequest request, ApiKeys keys,
        Vouchers vouchers, Ui ui, CancellationToken ct)
    {
        var key = request.Headers[KeyHeader].ToString();
        if (await keys.FindAsync(key, ct) is not { } holder)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, "Kunci API tidak valid / Invalid API key",
                ui.T($"Kirim kunci API kantor Anda di header {KeyHeader}.", $"Send your office's API key in the {KeyHeader} header."), null));
        }

        if (holder.Scope is not (Data.Complaints.ApiKeyScopes.PropertyTaxVouchers or Data.Complaints.ApiKeyScopes.SchoolFeeVouchers))
        {
            return (null, Problem(StatusCodes.Status403Forbidden, "Kunci ini bukan untuk voucher / This key is not for vouchers", null, null));
        }

        if (!VoucherCode.TryNormalize(code, out var normalized))
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = [ui.T("Kode voucher tidak sah (mis. PBB-7K3Q-M9XD-A2FD); periksa setiap huruf.", "Not a valid voucher code (e.g. PBB-7K3Q-M9XD-A2FD); check each character.")],
            }));
        }

        var voucher = await vouchers.FindAsync(normalized, ct);
        if (voucher is null)
        {
            return (null, Problem(StatusCodes.Status404NotFound, "Voucher tidak ditemukan / No such voucher", null, null));
        }

        if (Vouchers.ScopeFor(voucher.Purpose) != holder.Scope)
        {
            return (null, Problem(StatusCodes.Status403Forbidden, "Voucher ini untuk kantor lain / This voucher is for another office",
                ui.T($"Voucher ini untuk {Vouchers.Label(voucher.Purpose, ui)}.", $"This voucher is for {Vouchers.Label(voucher.Purpose, ui)}."), null));
        }

        return ((voucher, holder.Id), null);
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail, VoucherView? voucher) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: voucher is null ? null : new Dictionary<string, object?> { ["voucher"] = voucher });

    private static VoucherView View(RewardVoucher v, DateTime nowUtc) => new(
        v.Code,
        v.Purpose == VoucherPurpose.PropertyTax ? "pbb" : "sekolah",
        v.Points,
        v.ValueRupiah,
        Offset(v.IssuedAtUtc),
        Offset(v.ExpiresAtUtc),
        v.ConsumedAtUtc is not null ? "consumed" : v.ExpiresAtUtc <= nowUtc ? "expired" : "valid",
        v.ConsumedAtUtc is { } used ? Offset(used) : null,
        v.ConsumedReference);

    /// <summary>Times in Western Indonesia Time (+07:00), as the Open311 API gives them.</summary>
    private static DateTimeOffset Offset(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7));
}
