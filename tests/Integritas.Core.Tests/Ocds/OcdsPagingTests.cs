using System.Text;
using Integritas.Core.Ocds;

namespace Integritas.Core.Tests.Ocds;

/// <summary>Paged release packages: links.next and links.prev, and the stream written as it goes.</summary>
public class OcdsPagingTests
{
    private static readonly Uri Endpoint = new("https://portal.example.id/ocds/v1/releases.json");

    [Fact]
    public void TheFirstPageHasOnlyANextLink()
    {
        var links = OcdsPaging.Links(Endpoint, 1, hasNext: true);

        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?page=2", links.Next!.AbsoluteUri);
        Assert.Null(links.Prev);
    }

    [Fact]
    public void AMiddlePageHasBothLinksAndKeepsOtherParameters()
    {
        var links = OcdsPaging.Links(new Uri(Endpoint, "?year=2026&page=3&buyer=1.03"), 3, hasNext: true);

        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?year=2026&buyer=1.03&page=4", links.Next!.AbsoluteUri);
        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?year=2026&buyer=1.03&page=2", links.Prev!.AbsoluteUri);
    }

    [Fact]
    public void TheLastPageHasOnlyAPrevLinkAndASinglePageNone()
    {
        var last = OcdsPaging.Links(Endpoint, 5, hasNext: false);
        var single = OcdsPaging.Links(Endpoint, 1, hasNext: false);

        Assert.Null(last.Next);
        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?page=4", last.Prev!.AbsoluteUri);
        Assert.Equal(new OcdsPageLinks(null, null), single);
    }

    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(2, 50, 50)]
    [InlineData(7, 20, 120)]
    public void SkipCountsWholePages(int page, int pageSize, int skip)
    {
        Assert.Equal(skip, OcdsPaging.Skip(page, pageSize));
    }

    [Fact]
    public void PagesStartAtOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OcdsPaging.Links(Endpoint, 0, hasNext: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => OcdsPaging.Skip(1, 0));
    }

    [Fact]
    public async Task APageOfTheReleasePackageCarriesItsLinksAndMetadata()
    {
        var json = await OcdsSamples.ReleasePackage(OcdsPaging.Links(Endpoint, 2, hasNext: true), OcdsSamples.SingleBidder());

        OcdsSchemas.AssertValid(OcdsSchemas.ReleasePackage, json);
        var package = OcdsSamples.Parse(json);
        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?page=3", package["links"]!["next"]!.GetValue<string>());
        Assert.Equal("https://portal.example.id/ocds/v1/releases.json?page=1", package["links"]!["prev"]!.GetValue<string>());
        Assert.Equal("1.1", package["version"]!.GetValue<string>());
        Assert.Equal("2026-06-01T12:00:00+07:00", package["publishedDate"]!.GetValue<string>());
        Assert.Equal("Pemerintah Kabupaten Langkat", package["publisher"]!["name"]!.GetValue<string>());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", package["license"]!.GetValue<string>());
        Assert.Equal(
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
            Assert.Single(package["extensions"]!.AsArray())!.GetValue<string>());
        Assert.Equal(4, package["releases"]!.AsArray().Count);
    }

    [Fact]
    public async Task APackageWithoutNeighboursHasNoLinks()
    {
        var json = await OcdsSamples.ReleasePackage(new OcdsPageLinks(null, null), OcdsSamples.SingleBidder());

        Assert.Null(OcdsSamples.Parse(json)["links"]);
    }

    [Fact]
    public async Task TheWriterFlushesAsItGoesRatherThanAtTheEnd()
    {
        var processes = Enumerable.Range(1, 200).Select(i => OcdsSamples.Works() with { PackageId = $"RUP-26-{i:D4}" }).ToArray();
        using var stream = new WriteCountingStream();

        await OcdsSamples.Writer.WriteReleasePackageAsync(stream, OcdsSamples.Info, null, OcdsSamples.Stream(processes), TestContext.Current.CancellationToken);

        Assert.True(stream.Writes > 10, $"{stream.Writes} writes for {stream.Length} bytes");
        var package = OcdsSamples.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(200 * 7, package["releases"]!.AsArray().Count);
    }

    private sealed class WriteCountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Writes++;
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }
}
