namespace Integritas.Web.Features.Open311;

/// <summary>An Open311 response: a status, the format's content type, and a body written straight to the response pipe.</summary>
public sealed class Open311Result(Open311Format format, int status, Func<Open311Writer, CancellationToken, Task> body) : IResult
{
    public Open311Format Format => format;

    public int StatusCode => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = Open311Writer.ContentType(format);
        var writer = Open311Writer.For(format, response.BodyWriter);
        await body(writer, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>
    /// Open311's error list: JSON <c>[{"code":400,"description":"…"}]</c>, XML
    /// <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;&lt;/error&gt;&lt;/errors&gt;</c>.
    /// </summary>
    public static Open311Result Errors(Open311Format format, int status, IEnumerable<string> descriptions)
    {
        var list = descriptions.ToList();
        return new Open311Result(format, status, (w, _) =>
        {
            w.StartList("errors");
            foreach (var description in list)
            {
                w.StartObject("error");
                w.Number("code", status);
                w.String("description", description);
                w.EndObject();
            }

            w.EndList();
            return Task.CompletedTask;
        });
    }

    public static Open311Result Error(Open311Format format, int status, string description) => Errors(format, status, [description]);
}
