using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Integritas.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Cli.Tests;

/// <summary><c>integritas apikey create|list|revoke</c> against a temporary SQLite database.</summary>
[Collection(nameof(ConsoleInput))]
public sealed class ApiKeyCliTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "integritas-cli-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Commands.Build().Parse([.. args, "--data-dir", data]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private IntegritasDbContext Open() =>
        new(new DbContextOptionsBuilder<IntegritasDbContext>().UseSqlite($"Data Source={Path.Combine(data, "integritas.db")}").Options);

    [Fact]
    public async Task Create_prints_the_key_once_as_the_last_line_and_stores_only_its_hash()
    {
        Assert.Equal(1, (await RunAsync("apikey", "create", "--name", "Sebelum migrasi")).Code);
        await RunAsync("migrate");

        var created = await RunAsync("apikey", "create", "--name", "Aplikasi Langkat Hebat");
        Assert.Equal(0, created.Code);
        var lines = created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[^1];
        Assert.Matches("^ik_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(1, lines.Count(l => l.Contains(key, StringComparison.Ordinal)));

        await using (var db = Open())
        {
            var stored = await db.ApiKeys.SingleAsync(Ct);
            Assert.Equal("Aplikasi Langkat Hebat", stored.Name);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.KeyHash);
            Assert.Equal(key[..11], stored.Prefix);
            Assert.Equal("cli", stored.CreatedBy);
            Assert.Null(stored.RevokedAtUtc);
        }

        var list = await RunAsync("apikey", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains(key[..11] + "\topen311\tactive", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);

        var second = (await RunAsync("apikey", "create", "--name", "Kedua")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.NotEqual(key, second);

        // A key for the tax office's voucher desk: its scope is stored and listed.
        var tax = await RunAsync("apikey", "create", "--name", "Bapenda Langkat", "--scope", "voucher-pbb");
        Assert.Equal(0, tax.Code);
        var taxKey = tax.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Contains(taxKey[..11] + "\tvoucher-pbb\tactive", (await RunAsync("apikey", "list")).Output, StringComparison.Ordinal);
        Assert.NotEqual(0, (await RunAsync("apikey", "create", "--name", "Salah", "--scope", "semua")).Code);

        Assert.NotEqual(0, (await RunAsync("apikey", "create")).Code);
        Assert.Equal(1, (await RunAsync("apikey", "create", "--name", " ")).Code);
    }

    [Fact]
    public async Task Revoke_by_prefix_marks_the_key_revoked_and_an_unknown_prefix_fails()
    {
        await RunAsync("migrate");
        var key = (await RunAsync("apikey", "create", "--name", "Dicabut")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var keep = (await RunAsync("apikey", "create", "--name", "Tetap")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

        var revoked = await RunAsync("apikey", "revoke", "--prefix", key[..11]);
        Assert.Equal(0, revoked.Code);
        Assert.Contains("Revoked 1 key", revoked.Output, StringComparison.Ordinal);
        Assert.Contains(key[..11] + "\topen311\trevoked", (await RunAsync("apikey", "list")).Output, StringComparison.Ordinal);

        var again = await RunAsync("apikey", "revoke", "--prefix", key[..11]);
        Assert.Equal(1, again.Code);
        Assert.Contains("No active key", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("apikey", "revoke", "--prefix", "ik_tidakada")).Code);

        await using var db = Open();
        Assert.NotNull((await db.ApiKeys.SingleAsync(k => k.Name == "Dicabut", Ct)).RevokedAtUtc);
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Name == "Tetap", Ct)).RevokedAtUtc);
        Assert.Equal(keep[..11], (await db.ApiKeys.SingleAsync(k => k.Name == "Tetap", Ct)).Prefix);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
