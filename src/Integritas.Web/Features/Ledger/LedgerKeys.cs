using Integritas.Core.Ledger.Notes;
using Integritas.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Ledger;

/// <summary>The <c>Integritas:Ledger</c> configuration section.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Integritas:Ledger";

    /// <summary>The log's origin, first line of every checkpoint and the signing key's name.</summary>
    public string Origin { get; set; } = "integritas.local/ledger";

    /// <summary>The signer key string (<c>PRIVATE+KEY+…</c>, from <c>integritas ledger keygen</c>); overrides the key file.</summary>
    public string? SignerKey { get; set; }

    /// <summary>
    /// Where the signer key is kept when <see cref="SignerKey"/> is not set (default <c>&lt;data&gt;/ledger/signer.key</c>).
    /// A missing file is created with a new key on first use, so the embedded default works out of the box.
    /// </summary>
    public string? SignerKeyFile { get; set; }

    /// <summary>Verifier keys of independent witnesses (a university, an NGO) whose cosignatures the log accepts and serves.</summary>
    public string[] Witnesses { get; set; } = [];

    /// <summary>
    /// Memory for the tiles proofs are built from (see <see cref="LedgerProofCache"/>), in MiB: a full tile with its
    /// inner subtrees takes 16 KiB, so 64 MiB keeps about 4,000 tiles, the level-0 tiles of a million entries. Past
    /// that, level-0 tiles are read again from the store when needed (one indexed read: full tiles are stored with
    /// their inner subtree hashes) rather than evicting others.
    /// </summary>
    public int ProofCacheMegabytes { get; set; } = 64;

    /// <summary>How long proofs may be served against a cached latest checkpoint when another process appends (this process's own appends refresh it at once).</summary>
    public int CheckpointCacheMilliseconds { get; set; } = 1000;
}

/// <summary>The log's signing key, loaded once.</summary>
public sealed class LedgerKeys : IDisposable
{
    private readonly Lazy<NoteSignerKey> signer;

    public LedgerKeys(IOptions<LedgerOptions> options, IOptions<IntegritasOptions> integritas, IHostEnvironment environment, ILogger<LedgerKeys> logger)
    {
        var o = options.Value;
        Witnesses = [.. o.Witnesses.Select(NoteVerifierKey.Parse)];
        signer = new Lazy<NoteSignerKey>(() => Load(o, integritas.Value.ResolveDataDirectory(environment.ContentRootPath), logger));
    }

    public NoteSignerKey Signer => signer.Value;

    /// <summary>The configured witnesses' verifier keys.</summary>
    public IReadOnlyList<NoteVerifierKey> Witnesses { get; }

    public NoteVerifierKey Verifier => Signer.VerifierKey;

    public string Origin => Signer.Name;

    private static NoteSignerKey Load(LedgerOptions options, string dataDirectory, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SignerKey))
        {
            return Checked(NoteSignerKey.Parse(options.SignerKey.Trim()), options);
        }

        var path = options.SignerKeyFile ?? Path.Combine(dataDirectory, "ledger", "signer.key");
        if (File.Exists(path))
        {
            return Checked(NoteSignerKey.Parse(File.ReadAllText(path).Trim()), options);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = NoteSignerKey.Generate(options.Origin);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, fileOptions))
        {
            writer.WriteLine(key.Export());
        }

        logger.LogWarning("Created a new transparency-log signing key at {Path}. Back it up: checkpoints signed with it can only be verified with its public key {VerifierKey}.", path, key.VerifierKey);
        return key;
    }

    private static NoteSignerKey Checked(NoteSignerKey key, LedgerOptions options) =>
        key.Name == options.Origin
            ? key
            : throw new InvalidOperationException($"The ledger signing key is named '{key.Name}' but Integritas:Ledger:Origin is '{options.Origin}'; they must be equal.");

    public void Dispose()
    {
        if (signer.IsValueCreated)
        {
            signer.Value.Dispose();
        }
    }
}
