using System.Globalization;
using Integritas.Core.Evidence;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;
using MetadataExtractor.Util;
using SkiaSharp;

namespace Integritas.Web.Features.Evidence;

/// <summary>What a file really is, judged by its bytes (never its name or the browser's claim).</summary>
public sealed record SniffedType(EvidenceKind Kind, string ContentType);

/// <summary>Capture time and position from a file's own metadata; either may be missing.</summary>
/// <summary>A re-encoded image and its size in pixels.</summary>
public sealed record EncodedJpeg(byte[] Jpeg, int Width, int Height);

public sealed record CaptureMetadata(DateTimeOffset? CapturedAt, GeoPoint? Location);

/// <summary>
/// Reads uploaded media: content sniffing (MetadataExtractor's file-type detector plus the few signatures it lacks),
/// capture time and GPS from EXIF or QuickTime/MP4 metadata, and small metadata-free JPEG thumbnails (SkiaSharp).
/// </summary>
public static class MediaInspector
{
    /// <summary>Images larger than this are stored but get no thumbnail (a guard against decompression bombs).</summary>
    public const long MaxThumbnailSourcePixels = 120_000_000;

    public const int ThumbnailWidth = 480;

    /// <summary>Camera clocks without a zone are taken as WIB, the regency's time.</summary>
    private static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(7);

    /// <summary>Sniffs a seekable stream and leaves its position at the start. Null for anything but images, video and PDF.</summary>
    public static SniffedType? Sniff(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[16];
        stream.Position = 0;
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var head = header.AsSpan(0, read);

        if (head.StartsWith("%PDF-"u8))
        {
            return new SniffedType(EvidenceKind.Document, "application/pdf");
        }

        // ISO base-media files say what they are in the ftyp box's major brand.
        if (read >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            switch (brand)
            {
                case "heic" or "heix" or "mif1" or "msf1" or "heim" or "heis":
                    return new SniffedType(EvidenceKind.Photo, "image/heic");
                case "avif" or "avis":
                    return new SniffedType(EvidenceKind.Photo, "image/avif");
                case "qt  ":
                    return new SniffedType(EvidenceKind.Video, "video/quicktime");
                default:
                    if (brand.StartsWith("3g", StringComparison.Ordinal))
                    {
                        return new SniffedType(EvidenceKind.Video, "video/3gpp");
                    }

                    break;
            }
        }

        // Matroska/WebM, which many Android phones record.
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        {
            return new SniffedType(EvidenceKind.Video, "video/webm");
        }

        FileType type;
        try
        {
            type = FileTypeDetector.DetectFileType(stream);
        }
        catch (IOException)
        {
            type = FileType.Unknown;
        }
        finally
        {
            stream.Position = 0;
        }

        return type switch
        {
            FileType.Jpeg => new SniffedType(EvidenceKind.Photo, "image/jpeg"),
            FileType.Png => new SniffedType(EvidenceKind.Photo, "image/png"),
            FileType.WebP => new SniffedType(EvidenceKind.Photo, "image/webp"),
            FileType.Mp4 => new SniffedType(EvidenceKind.Video, "video/mp4"),
            FileType.QuickTime => new SniffedType(EvidenceKind.Video, "video/quicktime"),
            FileType.Avi => new SniffedType(EvidenceKind.Video, "video/x-msvideo"),
            _ => null,
        };
    }

    /// <summary>Reads capture time and GPS; never throws on damaged or unusual metadata (it just finds less).</summary>
    public static CaptureMetadata ReadCapture(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            stream.Position = 0;
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            return new CaptureMetadata(null, null);
        }
        finally
        {
            stream.Position = 0;
        }

        return new CaptureMetadata(CaptureTime(directories), Location(directories));
    }

    private static DateTimeOffset? CaptureTime(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (exif is not null && exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local))
        {
            // EXIF 2.31 OffsetTimeOriginal (0x9011), e.g. "+07:00"; without it the camera's zone is unknown.
            var offset = DefaultOffset;
            if (exif.GetString(0x9011) is { } text && TimeSpan.TryParseExact(text.TrimStart('+'), [@"hh\:mm", @"\-hh\:mm"], CultureInfo.InvariantCulture, out var parsed))
            {
                offset = text.StartsWith('-') ? -parsed.Duration() : parsed;
            }

            if (offset.Duration() <= TimeSpan.FromHours(14))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
            }
        }

        // GPS time is UTC by definition.
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        if (gps is not null && gps.TryGetGpsDate(out var gpsDate))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(gpsDate, DateTimeKind.Utc));
        }

        // QuickTime/MP4: the movie header's creation time (UTC; zero means unset, read as 1904).
        foreach (var header in directories.OfType<QuickTimeMovieHeaderDirectory>())
        {
            if (header.TryGetDateTime(QuickTimeMovieHeaderDirectory.TagCreated, out var created) && created.Year > 1970)
            {
                return new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
            }
        }

        return null;
    }

    private static GeoPoint? Location(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
        if (gps is { } g && GeoPoint.IsValid(g.Latitude, g.Longitude) && !(g.Latitude == 0 && g.Longitude == 0))
        {
            return new GeoPoint(g.Latitude, g.Longitude);
        }

        foreach (var meta in directories.OfType<QuickTimeMetadataHeaderDirectory>())
        {
            if (ParseIso6709(meta.GetString(QuickTimeMetadataHeaderDirectory.TagGpsLocation)) is { } p)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>ISO 6709 as phones write it in video metadata: <c>+03.7394+098.4522+012.000/</c>.</summary>
    public static GeoPoint? ParseIso6709(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] is not ('+' or '-'))
        {
            return null;
        }

        var second = text.IndexOfAny(['+', '-'], 1);
        if (second < 0)
        {
            return null;
        }

        var third = text.IndexOfAny(['+', '-', '/'], second + 1);
        var lonText = third < 0 ? text[second..] : text[second..third];
        return double.TryParse(text[..second], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) &&
               double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) &&
               GeoPoint.IsValid(lat, lon)
            ? new GeoPoint(lat, lon)
            : null;
    }

    /// <summary>A JPEG of at most <see cref="ThumbnailWidth"/> pixels wide, upright, without any metadata; null when the image cannot be decoded.</summary>
    public static byte[]? Thumbnail(Stream stream) => ResizedJpeg(stream, ThumbnailWidth, 75)?.Jpeg;

    /// <summary>
    /// A JPEG of at most <paramref name="maxWidth"/> pixels wide, turned upright, without any metadata (it is encoded
    /// from pixels); null when the image cannot be decoded.
    /// </summary>
    public static EncodedJpeg? ResizedJpeg(Stream stream, int maxWidth, int quality)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Position = 0;
        using var managed = new SKManagedStream(stream, disposeManagedStream: false);
        using var codec = SKCodec.Create(managed);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxThumbnailSourcePixels || codec.Info.Width == 0)
        {
            return null;
        }

        // Let the decoder downscale (JPEG can decode at 1/2, 1/4, 1/8) before the final resize.
        var scale = Math.Min(1f, maxWidth * 2f / codec.Info.Width);
        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var width = Math.Min(maxWidth, decoded.Width);
        var height = Math.Max(1, (int)Math.Round(decoded.Height * (double)width / decoded.Width));
        using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null)
        {
            return null;
        }

        using var upright = Orient(resized, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data is null ? null : new EncodedJpeg(data.ToArray(), upright.Width, upright.Height);
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var target = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(target);
        canvas.Translate(target.Width / 2f, target.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }
}
