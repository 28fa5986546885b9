using System.CommandLine;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.TlogProofs;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli;

/// <summary>
/// Transparency-log commands that need no database: making the log's signing key, and checking a
/// <c>.tlog-proof</c> file offline, as any citizen or journalist can.
/// </summary>
public static class LedgerCommands
{
    public static Command Ledger()
    {
        var ledger = new Command("ledger", "Log transparansi / The transparency log");
        ledger.Subcommands.Add(KeyGen());
        ledger.Subcommands.Add(Append());
        ledger.Subcommands.Add(WitnessCommand());
        return ledger;
    }

    private static Command WitnessCommand()
    {
        var url = new Argument<Uri>("url") { Description = "The portal's address" };
        var logKey = new Option<string>("--log-vkey") { Description = "The log's verifier key string, or a file holding it", Required = true };
        var key = new Option<FileInfo>("--key") { Description = "This witness's private signer key file (from integritas ledger keygen)", Required = true };
        var state = new Option<FileInfo>("--state") { Description = "File keeping the last checkpoint this witness signed (created on first use)", Required = true };
        var command = new Command("witness", "Periksa konsistensi dan tanda tangani checkpoint sebagai saksi / Check consistency and cosign the latest checkpoint as a witness")
        {
            url, logKey, key, state,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var verifier = await ReadVerifierKeyAsync(parse.GetValue(logKey)!, error, ct);
            var keyFile = parse.GetValue(key)!;
            if (verifier is null)
            {
                return 2;
            }

            if (!keyFile.Exists)
            {
                error.WriteLine($"No such key file: {keyFile.FullName}");
                return 2;
            }

            if (!NoteSignerKey.TryParse((await File.ReadAllTextAsync(keyFile.FullName, ct)).Trim(), out var signer, out var keyError))
            {
                error.WriteLine($"Invalid witness key: {keyError}");
                return 2;
            }

            using (signer)
            {
                var stateFile = parse.GetValue(state)!;
                var last = stateFile.Exists ? await File.ReadAllTextAsync(stateFile.FullName, ct) : null;
                using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!.ToString().TrimEnd('/') + "/") };
                var result = await new Witness(http, verifier, signer).CosignAsync(last, ct);
                parse.InvocationConfiguration.Output.WriteLine(result.Cosigned ? $"OK: {result.Message}" : $"REFUSED: {result.Message}");
                if (result.Cosigned)
                {
                    await File.WriteAllTextAsync(stateFile.FullName, result.Checkpoint, ct);
                }

                return result.Cosigned ? 0 : 1;
            }
        });
        return command;
    }

    private static Command Append()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Files whose bytes become one entry each (at most 65,535 bytes)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("append", "Tambahkan entri ke log basis data yang dikonfigurasi / Append entries to the configured database's log") { files };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, _) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var paths = parse.GetValue(files)!;
            var entries = new List<byte[]>();
            foreach (var file in paths)
            {
                if (!file.Exists)
                {
                    error.WriteLine($"No such file: {file.FullName}");
                    return 1;
                }

                if (file.Length > Core.Ledger.Tiles.EntryBundle.MaxEntrySize)
                {
                    error.WriteLine($"{file.Name} is {file.Length:N0} bytes; a log entry holds at most {Core.Ledger.Tiles.EntryBundle.MaxEntrySize:N0} bytes (C2SP entry bundles store a 16-bit length). Nothing was appended.");
                    return 1;
                }

                entries.Add(await File.ReadAllBytesAsync(file.FullName, ct));
            }

            var indices = await services.GetRequiredService<Web.Features.Ledger.LedgerSequencer>().AppendAsync(entries, ct);
            for (var i = 0; i < paths.Length; i++)
            {
                parse.InvocationConfiguration.Output.WriteLine($"{indices[i]}\t{paths[i].Name}");
            }

            return 0;
        }, ct));
        return command;
    }

    public static Command Verify()
    {
        var verify = new Command("verify", "Periksa bukti secara mandiri / Verify proofs independently");
        verify.Subcommands.Add(VerifyProof());
        verify.Subcommands.Add(VerifyLog());
        return verify;
    }

    private static Command VerifyLog()
    {
        var url = new Argument<Uri>("url") { Description = "The portal's address, e.g. https://integritas.langkatkab.go.id" };
        var vkey = new Option<string>("--vkey") { Description = "The log's verifier key string, or a file holding it", Required = true };
        var since = new Option<FileInfo?>("--since") { Description = "A checkpoint seen before (file): the log must have only grown since" };
        var save = new Option<FileInfo?>("--save") { Description = "Write the verified checkpoint here, for the next --since" };
        var command = new Command("log", "Audit seluruh log dari luar / Audit the whole log from outside") { url, vkey, since, save };
        command.SetAction(async (parse, ct) =>
        {
            var key = await ReadVerifierKeyAsync(parse.GetValue(vkey)!, parse.InvocationConfiguration.Error, ct);
            if (key is null)
            {
                return 2;
            }

            var baseUrl = parse.GetValue(url)!;
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
            var previous = parse.GetValue(since) is { } file ? await File.ReadAllTextAsync(file.FullName, ct) : null;
            MonitorResult result;
            try
            {
                result = await new LogMonitor(http, key).VerifyAsync(previous, ct);
            }
            catch (HttpRequestException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Cannot reach {baseUrl}: {e.Message}");
                return 2;
            }

            parse.InvocationConfiguration.Output.WriteLine(result.IsValid ? $"OK: {result.Message}" : $"FAILED: {result.Message}");
            if (result.IsValid && parse.GetValue(save) is { } target && result.Checkpoint is not null)
            {
                await File.WriteAllTextAsync(target.FullName, result.Checkpoint, ct);
            }

            return result.IsValid ? 0 : 1;
        });
        return command;
    }

    private static async Task<NoteVerifierKey?> ReadVerifierKeyAsync(string text, TextWriter error, CancellationToken ct)
    {
        if (File.Exists(text))
        {
            text = (await File.ReadAllTextAsync(text, ct)).Trim();
        }

        if (NoteVerifierKey.TryParse(text, out var key, out var keyError))
        {
            return key;
        }

        error.WriteLine($"Invalid verifier key: {keyError}");
        return null;
    }

    private static Command KeyGen()
    {
        var name = new Option<string>("--name")
        {
            Description = "Key name: the log's origin, e.g. integritas.langkatkab.go.id/ledger",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the private signer key (default: <name with / as _>.key in the current folder)" };
        var command = new Command("keygen", "Buat kunci Ed25519 log / Make the log's Ed25519 key pair (C2SP signed-note format)") { name, output };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var keyName = parse.GetValue(name)!;
            if (!NoteKeyName.IsValid(keyName))
            {
                error.WriteLine($"'{keyName}' is not a valid key name: no spaces, no '+', not empty.");
                return 1;
            }

            var path = Path.GetFullPath(parse.GetValue(output) ?? keyName.Replace('/', '_') + ".key");
            if (File.Exists(path))
            {
                error.WriteLine($"{path} already exists; a signing key is never overwritten. Choose another --output.");
                return 1;
            }

            using var signer = NoteSignerKey.Generate(keyName);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
            {
                await file.WriteLineAsync(signer.Export().AsMemory(), ct);
            }

            var stdout = parse.InvocationConfiguration.Output;
            stdout.WriteLine(signer.VerifierKey.ToString());
            error.WriteLine($"Private signer key written to {path} (readable by you only). Keep it secret and backed up; publish the verifier key above.");
            return 0;
        });
        return command;
    }

    private static Command VerifyProof()
    {
        var proofFile = new Argument<FileInfo>("proof") { Description = "The .tlog-proof file" };
        var entry = new Option<FileInfo>("--entry") { Description = "The entry's bytes (the file the proof is about)", Required = true };
        var vkey = new Option<string>("--vkey") { Description = "The log's verifier key string, or a file holding it", Required = true };
        var origin = new Option<string?>("--origin") { Description = "The log's origin the checkpoint must name (default: the key name)" };
        var command = new Command("proof", "Periksa file .tlog-proof tanpa server / Check a .tlog-proof file offline") { proofFile, entry, vkey, origin };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var key = await ReadVerifierKeyAsync(parse.GetValue(vkey)!, error, ct);
            if (key is null)
            {
                return 2;
            }

            var proofPath = parse.GetValue(proofFile)!;
            var entryPath = parse.GetValue(entry)!;
            foreach (var file in new[] { proofPath, entryPath })
            {
                if (!file.Exists)
                {
                    error.WriteLine($"No such file: {file.FullName}");
                    return 2;
                }
            }

            var proofBytes = await File.ReadAllBytesAsync(proofPath.FullName, ct);
            var entryBytes = await File.ReadAllBytesAsync(entryPath.FullName, ct);
            var result = TlogProofVerification.Verify(proofBytes, entryBytes, key, parse.GetValue(origin) ?? key.Name);
            if (result.IsValid)
            {
                stdout.WriteLine($"OK: {result.Message}");
                return 0;
            }

            stdout.WriteLine($"FAILED: {result.Message}");
            return 1;
        });
        return command;
    }
}
