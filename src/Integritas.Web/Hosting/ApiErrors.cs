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
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "Isi permintaan terlalu besar / Request body too large", bad.Message),
            BadHttpRequestException bad =>
                (bad.StatusCode, "Permintaan tidak valid / Bad request", bad.InnerException is System.Text.Json.JsonException
                    ? "JSON tidak dapat dibaca / The JSON body could not be read: " + bad.InnerException.Message
                    : bad.Message),
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

        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
