using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Integritas.Web.Hosting;

/// <summary>DataAnnotations validation producing ProblemDetails-style field errors with bilingual messages.</summary>
public static class Validation
{
    public static Dictionary<string, string[]> DataAnnotations(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, Camel(member), Bilingual(result));
            }
        }

        return errors;
    }

    public static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Bilingual(ValidationResult result)
    {
        var message = result.ErrorMessage ?? "Invalid.";
        return message switch
        {
            _ when message.Contains("is required", StringComparison.Ordinal) => "Wajib diisi / Required.",
            _ when message.Contains("is not a valid fully-qualified", StringComparison.Ordinal) => "Alamat web tidak valid (http/https) / Not a valid web address (http/https).",
            _ when message.Contains("must be a string with a", StringComparison.Ordinal) => "Panjang teks di luar batas / Text length is out of range: " + message,
            _ => message,
        };
    }
}

public static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>Keeps (page − 1) × pageSize far from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    public static Dictionary<string, string[]>? Validate(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage)
        {
            Validation.Add(errors, "page", string.Create(CultureInfo.InvariantCulture, $"Halaman 1–{MaxPage} / Pages run from 1 to {MaxPage}."));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            Validation.Add(errors, "pageSize", string.Create(CultureInfo.InvariantCulture, $"Ukuran halaman 1–{MaxPageSize} / Page size must be 1–{MaxPageSize}."));
        }

        return errors.Count > 0 ? errors : null;
    }
}

public static class Csv
{
    /// <summary>RFC 4180 field quoting; also neutralises spreadsheet formulas (CSV injection).</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>
/// Limits API request bodies to <see cref="IntegritasOptions.MaxJsonBodyBytes"/>: a declared length above it is refused at
/// once with 413 ProblemDetails; an undeclared (chunked) body fails with 413 as soon as it grows past the limit.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311")) || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }

            var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegritasOptions>>().Value.MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Isi permintaan terlalu besar / Request body too large",
                        Detail = string.Create(CultureInfo.InvariantCulture, $"Maksimal {limit} byte / At most {limit} bytes."),
                    },
                });
                return;
            }

            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
            await next();
        });

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > limit)
            {
                throw new BadHttpRequestException("Isi permintaan terlalu besar / Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
