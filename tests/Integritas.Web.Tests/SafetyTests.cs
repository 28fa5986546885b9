using System.Collections.Concurrent;
using System.Net;
using Integritas.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integritas.Web.Tests;

/// <summary>A factory with a tiny public POST budget.</summary>
public sealed class RateLimitedFactory() : IntegritasFactory(Provider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Integritas:PublicPostPermitsPerMinute", "3")];
}

/// <summary>A factory that keeps every log line, to check what reaches the logs.</summary>
public sealed class LogCapturingFactory() : IntegritasFactory(Provider.Sqlite)
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new SinkProvider(Logs)));
    }

    private sealed class SinkProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Sink(sink, categoryName);

        public void Dispose()
        {
        }

        private sealed class Sink(ConcurrentQueue<string> sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_posts_are_rate_limited_with_a_problem_response()
    {
        var client = factory.Client();
        var page = await client.GetStringAsync("/akun/masuk", Ct);
        var token = IntegritasFactory.AntiforgeryToken(page);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("UserName", "tidak-ada"), new("Password", "salah salah salah")]), Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("60", Assert.Single(response.Headers.GetValues("Retry-After")));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
    }

}

public sealed class LogPrivacyTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_does_not_write_personal_data_or_secrets_to_the_log()
    {
        var user = await factory.CreateUserAsync(Roles.Verifier);
        var email = $"{user.UserName}@contoh.go.id";
        var client = await factory.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        var logs = string.Join("\n", factory.Logs);
        Assert.NotEmpty(factory.Logs);
        Assert.DoesNotContain(email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(user.Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(user.AuthenticatorKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(user.UserName, logs, StringComparison.OrdinalIgnoreCase);
    }
}
