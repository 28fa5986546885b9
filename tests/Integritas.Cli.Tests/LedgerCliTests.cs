using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Merkle;
using Integritas.Core.Ledger.Notes;
using Integritas.Core.Ledger.TlogProofs;

namespace Integritas.Cli.Tests;

/// <summary>
/// The log key and offline proof commands, and the cross-implementation check: a Node.js verifier that shares no code
/// with the project (tests/crosscheck/verify-tlog-proof.mjs, node:crypto only) accepts our signed checkpoint and
/// inclusion proof, and rejects a tampered entry.
/// </summary>
public sealed class LedgerCliTests : IDisposable
{
    private const string Origin = "integritas.langkatkab.go.id/ledger";
    private readonly string folder = Directory.CreateTempSubdirectory("integritas-ledger-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Commands.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A 13-entry log signed with a fresh key; the proof file is for entry 6.</summary>
    private (string Proof, string Entry, string VerifierKey) WriteLog()
    {
        using var signer = NoteSignerKey.Generate(Origin);
        var entries = Enumerable.Range(0, 13).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"kind\":\"evidence\",\"n\":{i}}}")).ToList();
        var tree = new InMemoryTree(entries.Select(e => Rfc6962.LeafHash(e)).ToList());
        var checkpoint = SignedCheckpoint.Sign(new Checkpoint(Origin, 13, tree.Root(13)), signer);
        var proof = new TlogProof(6, InclusionProof.Generate(6, 13, tree.Lookup), checkpoint);
        var proofPath = Path.Combine(folder, "entry-6.tlog-proof");
        var entryPath = Path.Combine(folder, "entry-6.json");
        File.WriteAllText(proofPath, proof.Format());
        File.WriteAllBytes(entryPath, entries[6]);
        return (proofPath, entryPath, signer.VerifierKey.ToString());
    }

    [Fact]
    public async Task Keygen_writes_a_private_key_only_its_owner_can_read_and_prints_the_verifier_key()
    {
        var path = Path.Combine(folder, "log.key");
        var (code, output, _) = await RunAsync("ledger", "keygen", "--name", Origin, "--output", path);
        Assert.Equal(0, code);
        Assert.True(NoteVerifierKey.TryParse(output.Trim(), out var verifier, out var error), error);
        using var signer = NoteSignerKey.Parse((await File.ReadAllTextAsync(path, Ct)).Trim());
        Assert.Equal(verifier.KeyId, signer.KeyId);
        Assert.Equal(Origin, signer.Name);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var again = await RunAsync("ledger", "keygen", "--name", Origin, "--output", path);
        Assert.Equal(1, again.Code);
        Assert.Contains("never overwritten", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("ledger", "keygen", "--name", "bad name")).Code);
    }

    [Fact]
    public async Task Verify_proof_accepts_the_entry_and_rejects_tampering_a_wrong_key_and_garbage()
    {
        var (proof, entry, vkey) = WriteLog();
        var ok = await RunAsync("verify", "proof", proof, "--entry", entry, "--vkey", vkey);
        Assert.Equal(0, ok.Code);
        Assert.Contains("OK: Entry 6 is in the log at size 13", ok.Output, StringComparison.Ordinal);

        var keyFile = Path.Combine(folder, "vkey.txt");
        await File.WriteAllTextAsync(keyFile, vkey + "\n", Ct);
        Assert.Equal(0, (await RunAsync("verify", "proof", proof, "--entry", entry, "--vkey", keyFile)).Code);

        var tampered = Path.Combine(folder, "tampered.json");
        await File.WriteAllTextAsync(tampered, "{\"v\":1,\"kind\":\"evidence\",\"n\":66}", Ct);
        var bad = await RunAsync("verify", "proof", proof, "--entry", tampered, "--vkey", vkey);
        Assert.Equal(1, bad.Code);
        Assert.Contains("FAILED: Inclusion", bad.Output, StringComparison.Ordinal);

        using var other = NoteSignerKey.Generate(Origin);
        var wrongKey = await RunAsync("verify", "proof", proof, "--entry", entry, "--vkey", other.VerifierKey.ToString());
        Assert.Equal(1, wrongKey.Code);
        Assert.Contains("FAILED: Checkpoint", wrongKey.Output, StringComparison.Ordinal);

        var garbage = Path.Combine(folder, "garbage.tlog-proof");
        await File.WriteAllTextAsync(garbage, "c2sp.org/tlog-proof@v1\nindex banyak\n", Ct);
        Assert.Equal(1, (await RunAsync("verify", "proof", garbage, "--entry", entry, "--vkey", vkey)).Code);
        Assert.Equal(2, (await RunAsync("verify", "proof", proof, "--entry", entry, "--vkey", "bukan-kunci")).Code);
    }

    [Fact]
    public async Task An_independent_nodejs_verifier_accepts_our_checkpoint_and_proof()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "crosscheck", "verify-tlog-proof.mjs");
        var (proof, entry, vkey) = WriteLog();
        var ok = await NodeAsync(script, proof, entry, vkey);
        Assert.True(ok.Code == 0, ok.Output);
        Assert.StartsWith("OK entry 6 is in " + Origin + " at size 13", ok.Output, StringComparison.Ordinal);

        // Fresh keys until one whose base64 holds a '+' (the key-string separator) has been checked too.
        for (var tries = 0; tries < 64 && !vkey.Split('+', 3)[2].Contains('+', StringComparison.Ordinal); tries++)
        {
            (proof, entry, vkey) = WriteLog();
            var again = await NodeAsync(script, proof, entry, vkey);
            Assert.True(again.Code == 0, again.Output + " with key " + vkey);
        }

        var tampered = Path.Combine(folder, "tampered.json");
        await File.WriteAllTextAsync(tampered, "{\"v\":1,\"kind\":\"evidence\",\"n\":66}", Ct);
        var bad = await NodeAsync(script, proof, tampered, vkey);
        Assert.Equal(1, bad.Code);
        Assert.Contains("computed root differs", bad.Output, StringComparison.Ordinal);

        using var other = NoteSignerKey.Generate(Origin);
        var wrongKey = await NodeAsync(script, proof, entry, other.VerifierKey.ToString());
        Assert.Equal(1, wrongKey.Code);
    }

    internal static async Task<(int Code, string Output)> NodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"Node.js is not installed ({e.Message}); the cross-implementation check is mandatory in CI.");
            }

            Assert.Skip($"Node.js is not installed ({e.Message}); cross-implementation check skipped outside CI.");
            throw;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(Ct);
            var error = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            return (process.ExitCode, output + error);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integritas.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Integritas.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
