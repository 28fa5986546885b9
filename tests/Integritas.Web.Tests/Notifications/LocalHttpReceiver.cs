using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integritas.Web.Tests.Notifications;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, standing in for the WhatsApp Cloud API, the SMS gateway
/// and webhook subscribers: it records every request and answers 200, or a scripted failure status.
/// </summary>
public sealed class LocalHttpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);

    public LocalHttpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var path = context.Request.Path.Value ?? "";
            Requests.Enqueue(new ReceivedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType, body.ToArray()));
            var fail = false;
            lock (failures)
            {
                var prefix = failures.Keys.FirstOrDefault(p => path.StartsWith(p, StringComparison.Ordinal));
                if (prefix is not null && failures[prefix] > 0)
                {
                    failures[prefix]--;
                    fail = true;
                }
            }

            if (fail)
            {
                context.Response.StatusCode = FailureStatus;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.WriteAsJsonAsync(new { ok = true });
        });
        app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public int FailureStatus { get; set; } = StatusCodes.Status500InternalServerError;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public IReadOnlyList<ReceivedRequest> To(string pathPrefix) => [.. Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    /// <summary>Answers the next <paramref name="count"/> requests under <paramref name="pathPrefix"/> with <see cref="FailureStatus"/>.</summary>
    public void FailNext(string pathPrefix, int count)
    {
        lock (failures)
        {
            failures[pathPrefix] = count;
        }
    }

    public void Clear()
    {
        Requests.Clear();
        lock (failures)
        {
            failures.Clear();
        }

        FailureStatus = StatusCodes.Status500InternalServerError;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
