using System.Net;
using System.Text;
using Integritas.Core.Ledger.Checkpoints;
using Integritas.Core.Ledger.Notes;
using Integritas.Web.Features.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli.Tests;

/// <summary>A portal that accepts cosignatures from one witness (say, a university).</summary>
public sealed class WitnessedPortal : TemporaryPortal
{
    public NoteSignerKey University { get; } = NoteSignerKey.Generate("saksi.usu.ac.id");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Integritas:Ledger:Origin", "witness.test/ledger"),
        new("Integritas:Ledger:Witnesses:0", University.VerifierKey.ToString()),
    ];

    public override async ValueTask DisposeAsync()
    {
        University.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class WitnessTests(WitnessedPortal portal) : IClassFixture<WitnessedPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NoteVerifierKey LogKey => portal.Services.GetRequiredService<LedgerKeys>().Verifier;

    private Task AppendAsync(int from, int count) =>
        portal.Services.GetRequiredService<LedgerSequencer>().AppendAsync(
            [.. Enumerable.Range(from, count).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"n\":{i}}}"))], Ct);

    [Fact]
    public async Task A_witness_cosigns_only_checkpoints_consistent_with_what_it_signed_before()
    {
        await AppendAsync(0, 10);
        var witness = new Witness(portal.CreateClient(), LogKey, portal.University);
        var first = await witness.CosignAsync(null, Ct);
        Assert.True(first.Cosigned, first.Message);

        // The served checkpoint now carries both signatures, and opens with the witness's key too.
        var served = await portal.CreateClient().GetStringAsync("/ledger/checkpoint", Ct);
        var opened = SignedCheckpoint.Open(served, LogKey, null, [portal.University.VerifierKey]);
        Assert.True(opened.IsValid, opened.Message);
        Assert.Equal(portal.University.KeyId, Assert.Single(opened.VerifiedWitnesses).KeyId);

        await AppendAsync(10, 300);
        var second = await witness.CosignAsync(first.Checkpoint, Ct);
        Assert.True(second.Cosigned, second.Message);

        // A log that rewrote its history: a checkpoint signed with the log's own key, but for a different tree.
        var forged = SignedCheckpoint.Sign(new Checkpoint("witness.test/ledger", 5, new byte[32]), portal.Services.GetRequiredService<LedgerKeys>().Signer);
        var refused = await witness.CosignAsync(forged, Ct);
        Assert.False(refused.Cosigned);
        Assert.Contains("Not consistent with the checkpoint at size 5", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_accepts_only_configured_witnesses_and_real_checkpoints()
    {
        await AppendAsync(1000, 3);
        var client = portal.CreateClient();
        var note = await client.GetStringAsync("/ledger/checkpoint", Ct);
        Assert.True(SignedNote.TryParse(note, out var parsed, out _));

        using var stranger = NoteSignerKey.Generate("bukan.saksi");
        var unknown = await client.PostAsync("/ledger/cosign", new StringContent(NoteSigning.AddSignatures(parsed!, [stranger]), Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);

        var garbage = await client.PostAsync("/ledger/cosign", new StringContent("bukan catatan", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        var invented = SignedCheckpoint.Sign(new Checkpoint("witness.test/ledger", 99_999, new byte[32]), portal.Services.GetRequiredService<LedgerKeys>().Signer);
        Assert.True(SignedNote.TryParse(invented, out var inventedNote, out _));
        var notStored = await client.PostAsync("/ledger/cosign", new StringContent(NoteSigning.AddSignatures(inventedNote!, [portal.University]), Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, notStored.StatusCode);

        var huge = await client.PostAsync("/ledger/cosign", new StringContent(new string('a', 20_000), Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }
}
