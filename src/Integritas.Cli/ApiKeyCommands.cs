using System.CommandLine;
using System.Globalization;
using Integritas.Web.Features.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli;

/// <summary>Open311 clients' API keys: create (the key is printed once, as the last line), list, revoke.</summary>
public static class ApiKeyCommands
{
    public static Command ApiKey()
    {
        var apikey = new Command("apikey", "Kunci API (Open311, voucher) / API keys (Open311, vouchers)");
        apikey.Subcommands.Add(Create());
        apikey.Subcommands.Add(List());
        apikey.Subcommands.Add(Revoke());
        return apikey;
    }

    private static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who the key is for, e.g. \"Aplikasi Langkat Hebat\"", Required = true };
        var scope = new Option<string>("--scope")
        {
            Description = "open311 (default), voucher-pbb (kantor pajak daerah / tax office) or voucher-sekolah (sekolah / school)",
            DefaultValueFactory = _ => Integritas.Data.Complaints.ApiKeyScopes.Open311,
        };
        scope.AcceptOnlyFromAmong([.. Integritas.Data.Complaints.ApiKeyScopes.All]);
        var command = new Command("create", "Buat kunci; kunci dicetak sekali, di baris terakhir / Create a key; it is printed once, as the last line") { name, scope };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, _) =>
        {
            var value = parse.GetValue(name);
            if (ApiKeys.CheckName(value) is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine(problem.En);
                return 1;
            }

            var created = await services.GetRequiredService<ApiKeys>().CreateAsync(value!, "cli", ct, parse.GetValue(scope)!);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"Created {created.Record.Scope} API key '{created.Record.Name}' (prefix {created.Record.Prefix}). Only its SHA-256 is stored: copy the key now, it is not shown again.");
            output.WriteLine(created.Key);
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Daftar kunci (tanpa kuncinya) / List keys (without the keys)");
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var keys = await services.GetRequiredService<ApiKeys>().ListAsync(ct);
            output.WriteLine("prefix\tscope\tstatus\tcreated (UTC)\tlast used (UTC)\tname");
            foreach (var k in keys)
            {
                output.WriteLine(string.Join('\t', k.Prefix, k.Scope, k.RevokedAtUtc is null ? "active" : "revoked", Utc(k.CreatedAtUtc), Utc(k.LastUsedAtUtc), k.Name));
            }

            output.WriteLine($"{keys.Count} key(s).");
            return 0;
        }, ct));
        return command;
    }

    private static Command Revoke()
    {
        var prefix = new Option<string>("--prefix") { Description = "The key's prefix as `apikey list` shows it (e.g. ik_AbCd1234)", Required = true };
        var command = new Command("revoke", "Cabut kunci / Revoke a key") { prefix };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, _) =>
        {
            var value = parse.GetValue(prefix)!.Trim();
            var revoked = await services.GetRequiredService<ApiKeys>().RevokeAsync(value, ct);
            if (revoked == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"No active key has the prefix {value}.");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine($"Revoked {revoked} key(s) with the prefix {value}; Open311 requests with it now get 403.");
            return 0;
        }, ct));
        return command;
    }

    private static string Utc(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
