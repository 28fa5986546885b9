using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>
/// Writes OCDS release packages, record packages and JSON Lines of compiled releases to a stream, one process at
/// a time: only the current process's releases are held in memory, and the writer flushes as it goes.
/// </summary>
public sealed class OcdsPackageWriter(OcdsPublication publication)
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is served as JSON, never inlined in HTML: keep "+07:00" and non-ASCII names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public OcdsReleaseBuilder Builder { get; } = new(publication);

    public OcdsPublication Publication => Builder.Publication;

    /// <summary>The compiled release of one process.</summary>
    public JsonObject CompiledRelease(ContractingProcess process) => OcdsMerge.Compile(Builder.Build(process));

    /// <summary>
    /// A release package with every release of the given processes (one page of them), and its paging links.
    /// The schema wants at least one release: a caller should answer 404 for a page past the end instead.
    /// </summary>
    public async Task WriteReleasePackageAsync(
        Stream stream, OcdsPackageInfo info, OcdsPageLinks? links, IAsyncEnumerable<ContractingProcess> processes, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        WriteMetadata(writer, info);
        if (links is { Next: not null } or { Prev: not null })
        {
            writer.WriteStartObject("links");
            if (links.Next is not null)
            {
                writer.WriteString("next", links.Next.AbsoluteUri);
            }

            if (links.Prev is not null)
            {
                writer.WriteString("prev", links.Prev.AbsoluteUri);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("releases");
        await foreach (var process in processes.WithCancellation(cancellationToken))
        {
            foreach (var release in Builder.Build(process))
            {
                release.WriteTo(writer);
            }

            await FlushIfFullAsync(writer, cancellationToken);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>A record package: per process, a record with its embedded releases and its compiled release.</summary>
    public async Task WriteRecordPackageAsync(
        Stream stream, OcdsPackageInfo info, IAsyncEnumerable<ContractingProcess> processes, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        WriteMetadata(writer, info);
        writer.WriteStartArray("records");
        await foreach (var process in processes.WithCancellation(cancellationToken))
        {
            var releases = Builder.Build(process);
            writer.WriteStartObject();
            writer.WriteString("ocid", Publication.Ocid(process));
            writer.WriteStartArray("releases");
            foreach (var release in releases)
            {
                release.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("compiledRelease");
            OcdsMerge.Compile(releases).WriteTo(writer);
            writer.WriteEndObject();
            await FlushIfFullAsync(writer, cancellationToken);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Every process's compiled release as one JSON object per line (JSON Lines, "\n" after each).</summary>
    public async Task WriteCompiledReleasesAsync(
        Stream stream, IAsyncEnumerable<ContractingProcess> processes, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        byte[] newline = [(byte)'\n'];
        await foreach (var process in processes.WithCancellation(cancellationToken))
        {
            CompiledRelease(process).WriteTo(writer);
            await writer.FlushAsync(cancellationToken);
            await stream.WriteAsync(newline, cancellationToken);
            writer.Reset(stream);
        }

        await stream.FlushAsync(cancellationToken);
    }

    private void WriteMetadata(Utf8JsonWriter writer, OcdsPackageInfo info)
    {
        writer.WriteString("uri", info.Uri.AbsoluteUri);
        writer.WriteString("version", "1.1");
        writer.WriteStartArray("extensions");
        writer.WriteStringValue(OcdsPublication.BidExtension);
        writer.WriteEndArray();
        writer.WriteString("publishedDate", OcdsCodes.Date(info.PublishedDate));
        writer.WriteStartObject("publisher");
        writer.WriteString("name", Publication.PublisherName);
        writer.WriteEndObject();
        if (Publication.License is not null)
        {
            writer.WriteString("license", Publication.License.AbsoluteUri);
        }

        if (Publication.PublicationPolicy is not null)
        {
            writer.WriteString("publicationPolicy", Publication.PublicationPolicy.AbsoluteUri);
        }
    }

    private static async ValueTask FlushIfFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        if (writer.BytesPending > FlushThreshold)
        {
            await writer.FlushAsync(cancellationToken);
        }
    }
}
