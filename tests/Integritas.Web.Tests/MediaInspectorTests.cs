using System.Buffers.Binary;
using System.Net;
using System.Text;
using Integritas.Core.Evidence;
using Integritas.Web.Features.Evidence;

namespace Integritas.Web.Tests;

public sealed class MediaInspectorTests
{
    private static SniffedType? Sniff(byte[] bytes) => MediaInspector.Sniff(new MemoryStream(bytes));

    private static byte[] Box(string type, params byte[][] content)
    {
        var body = content.SelectMany(c => c).ToArray();
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    private static byte[] Ftyp(string brand) => Box("ftyp", Encoding.ASCII.GetBytes(brand), new byte[4], Encoding.ASCII.GetBytes(brand));

    /// <summary>A movie header (mvhd, version 0) whose creation time is <paramref name="created"/>.</summary>
    private static byte[] Mvhd(DateTime created)
    {
        var body = new byte[100];
        var seconds = (uint)(created - new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(4), seconds);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(8), seconds);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(12), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), 5000);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(20), 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(24), 0x0100);
        return Box("mvhd", body);
    }

    [Fact]
    public void Content_decides_the_type_not_the_name()
    {
        Assert.Equal(new SniffedType(EvidenceKind.Photo, "image/jpeg"), Sniff(DemoPhotos.Photo("x", null, null, 1)));
        Assert.Equal(new SniffedType(EvidenceKind.Document, "application/pdf"), Sniff(DemoPhotos.InvoicePdf("1", "CV", 1m)));
        Assert.Equal(new SniffedType(EvidenceKind.Photo, "image/png"), Sniff([0x89, .. "PNG\r\n\x1a\n"u8, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
        Assert.Equal(new SniffedType(EvidenceKind.Video, "video/webm"), Sniff([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01]));
        Assert.Equal(EvidenceKind.Video, Sniff([.. Ftyp("isom"), .. Box("moov", Mvhd(DateTime.UtcNow))])?.Kind);
        Assert.Equal(new SniffedType(EvidenceKind.Video, "video/quicktime"), Sniff([.. Ftyp("qt  "), .. Box("moov", Mvhd(DateTime.UtcNow))]));
        Assert.Equal(new SniffedType(EvidenceKind.Video, "video/3gpp"), Sniff(Ftyp("3gp4")));
        Assert.Equal(new SniffedType(EvidenceKind.Photo, "image/heic"), Sniff(Ftyp("heic")));

        Assert.Null(Sniff([]));
        Assert.Null(Sniff(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")));
        Assert.Null(Sniff(Encoding.UTF8.GetBytes("MZ\x90\0 an executable")));
        Assert.Null(Sniff([0x50, 0x4B, 0x03, 0x04, 0, 0])); // a zip (or .docx)
    }

    [Fact]
    public void Sniffing_and_reading_leave_the_stream_at_its_start()
    {
        var stream = new MemoryStream(DemoPhotos.Photo("x", DateTimeOffset.UtcNow, new GeoPoint(3, 98), 2)) { Position = 17 };
        Assert.NotNull(MediaInspector.Sniff(stream));
        Assert.Equal(0, stream.Position);
        Assert.NotNull(MediaInspector.ReadCapture(stream).Location);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Exif_time_with_its_zone_and_gps_are_read()
    {
        var taken = new DateTimeOffset(2026, 5, 17, 14, 3, 9, TimeSpan.FromHours(8)); // a WITA camera
        var capture = MediaInspector.ReadCapture(new MemoryStream(DemoPhotos.Photo("x", taken, new GeoPoint(-3.123456, 98.654321), 3)));
        Assert.Equal(taken, capture.CapturedAt);
        Assert.Equal(-3.123456, capture.Location!.Value.Latitude, 5);
        Assert.Equal(98.654321, capture.Location.Value.Longitude, 5);

        var bare = MediaInspector.ReadCapture(new MemoryStream(DemoPhotos.Photo("x", null, null, 4)));
        Assert.Equal(new CaptureMetadata(null, null), bare);
    }

    [Fact]
    public void A_videos_creation_time_is_read_from_its_movie_header()
    {
        var created = new DateTime(2026, 4, 1, 2, 30, 0, DateTimeKind.Utc);
        var capture = MediaInspector.ReadCapture(new MemoryStream([.. Ftyp("isom"), .. Box("moov", Mvhd(created))]));
        Assert.Equal(new DateTimeOffset(created), capture.CapturedAt);
        Assert.Null(capture.Location);

        // Unset (zero) creation time reads as no time.
        Assert.Null(MediaInspector.ReadCapture(new MemoryStream([.. Ftyp("isom"), .. Box("moov", Mvhd(new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc)))])).CapturedAt);
    }

    [Fact]
    public void Damaged_metadata_yields_nothing_rather_than_an_error()
    {
        var photo = DemoPhotos.Photo("x", DateTimeOffset.UtcNow, new GeoPoint(3, 98), 5);
        for (var cut = 4; cut < 200; cut += 7)
        {
            var damaged = photo[..cut];
            _ = MediaInspector.ReadCapture(new MemoryStream(damaged));
            _ = MediaInspector.Thumbnail(new MemoryStream(damaged));
        }

        Assert.Null(MediaInspector.Thumbnail(new MemoryStream(Encoding.UTF8.GetBytes("not an image"))));
    }

    [Theory]
    [InlineData("+03.7394+098.4522+012.000/", 3.7394, 98.4522)]
    [InlineData("-06.2000+106.8166/", -6.2, 106.8166)]
    [InlineData("+03.7394-098.4522", 3.7394, -98.4522)]
    public void Iso6709_positions_from_video_metadata_parse(string text, double lat, double lon) =>
        Assert.Equal(new GeoPoint(lat, lon), MediaInspector.ParseIso6709(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("03.7394+098.4522")]
    [InlineData("+95.0+098.4522/")]
    [InlineData("+abc+def/")]
    public void Bad_iso6709_text_is_no_position(string? text) => Assert.Null(MediaInspector.ParseIso6709(text));

    [Fact]
    public void Thumbnails_are_small_upright_jpegs_without_metadata()
    {
        var thumbnail = MediaInspector.Thumbnail(new MemoryStream(DemoPhotos.Photo("x", DateTimeOffset.UtcNow, new GeoPoint(3, 98), 6)));
        Assert.NotNull(thumbnail);
        using var bitmap = SkiaSharp.SKBitmap.Decode(thumbnail);
        Assert.Equal(MediaInspector.ThumbnailWidth, bitmap.Width);
        Assert.Equal(360, bitmap.Height);
        Assert.Equal(new CaptureMetadata(null, null), MediaInspector.ReadCapture(new MemoryStream(thumbnail)));
    }
}

/// <summary>Upload size limits come from configuration.</summary>
public sealed class SmallLimitsFactory() : IntegritasFactory(Provider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Integritas:Evidence:SeedDemoEvidence", "false"),
        new("Integritas:Evidence:MaxImageBytes", "4096"),
    ];
}

public sealed class EvidenceLimitTests(SmallLimitsFactory factory) : EvidenceTestBase(factory), IClassFixture<SmallLimitsFactory>
{
    [Fact]
    public async Task A_photo_over_the_configured_limit_is_refused_with_the_limit_named()
    {
        var package = await PackageAsync();
        var (_, client) = await ContractorAsync(package);
        var photo = DemoPhotos.Photo("besar", TwoDaysAgoWib(), Site, 1);
        Assert.True(photo.Length > 4096);
        var response = await UploadAsync(client, package, photo);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Berkas terlalu besar", html, StringComparison.Ordinal);
        Assert.Contains("paling besar 4 KB", html, StringComparison.Ordinal);
        Assert.Empty(await ItemsAsync(package));
    }
}

/// <summary>A regency with its own map tile server.</summary>
public sealed class MapTilesFactory() : IntegritasFactory(Provider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Integritas:Map:TileUrl", "https://peta.langkatkab.go.id:8443/{z}/{x}/{y}.png"),
        new("Integritas:Map:TileAttribution", "© OpenStreetMap <kontributor>"),
    ];
}

public sealed class MapTileTests(MapTilesFactory factory) : IClassFixture<MapTilesFactory>
{
    [Fact]
    public async Task A_configured_tile_server_is_the_only_outside_image_origin_and_reaches_the_map()
    {
        var response = await factory.Client().GetAsync("/paket/LKT-2026-PUPR-001", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: https://peta.langkatkab.go.id:8443;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-tiles=\"https://peta.langkatkab.go.id:8443/{z}/{x}/{y}.png\"", html, StringComparison.Ordinal);
        Assert.Contains("data-attribution=\"&#xA9; OpenStreetMap &lt;kontributor&gt;\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("tiles/{z}/{x}/{y}.png", null)]
    [InlineData("https://a.tile.example/{z}/{x}/{y}.png", "https://a.tile.example")]
    public void Only_http_tile_urls_give_an_origin(string? url, string? origin) =>
        Assert.Equal(origin, new Integritas.Web.Hosting.MapOptions { TileUrl = url }.TileOrigin);
}
