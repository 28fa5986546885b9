using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Integritas.Web.Hosting;

/// <summary>
/// Maps exceptions to RFC 9457 ProblemDetails. Bad requests (malformed JSON, oversized bodies) keep their 4xx;
/// anything else is a 500 without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException json } && IsApi(context))
        {
            // Name the field, never the server's types: "$.isActive" becomes "isActive".
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? char.ToLowerInvariant(path[2]) + path[3..] : "body";
            var location = json.LineNumber is { } line ? $" (baris/line {line + 1}, posisi/position {json.BytePositionInLine + 1})" : "";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = ["Nilai tidak valid atau JSON rusak / Invalid value or malformed JSON" + location],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "JSON tidak dapat dibaca / The JSON body could not be read",
                    Detail = "Periksa isian yang disebut / Check the fields listed" + location,
                },
            });
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "Isi permintaan terlalu besar / Request body too large", bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Permintaan tidak valid / Bad request", bad.Message),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, "Token formulir tidak valid / Invalid form token", "Muat ulang halaman dan coba lagi / Reload the page and try again."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Permintaan dibatalkan / Request cancelled", null),
            _ => (StatusCodes.Status500InternalServerError, "Terjadi kesalahan / An error occurred", null),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        if (!IsApi(context))
        {
            // Pages get the HTML error page (ExceptionHandlerOptions re-executes it with this status).
            return false;
        }

        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// True for the JSON API. While an exception is handled the request path already points at the error page, so the
    /// original path is read from the exception feature.
    /// </summary>
    public static bool IsApi(HttpContext context)
    {
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : context.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/ledger")
            || path.StartsWithSegments("/open311") || path.StartsWithSegments("/ocds");
    }

    /// <summary>The status the HTML error page shows for an exception a page could not handle.</summary>
    public static int StatusFor(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
