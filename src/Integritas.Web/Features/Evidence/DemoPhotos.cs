using System.Buffers.Binary;
using System.Text;
using Integritas.Core.Evidence;
using SkiaSharp;

namespace Integritas.Web.Features.Evidence;

/// <summary>
/// Makes the demo's site photos: a drawn JPEG (SkiaSharp) with an EXIF block carrying the capture time, its zone and
/// the GPS position, as a phone camera writes them. Only the few EXIF fields the evidence reader uses are written.
/// </summary>
public static class DemoPhotos
{
    public static byte[] Photo(string caption, DateTimeOffset? taken, GeoPoint? position, int seed)
    {
        var random = new Random(seed);
        using var surface = SKSurface.Create(new SKImageInfo(960, 720));
        var canvas = surface.Canvas;
        var sky = new SKColor((byte)random.Next(120, 180), (byte)random.Next(160, 210), (byte)random.Next(200, 240));
        canvas.Clear(sky);
        using (var ground = new SKPaint { Color = new SKColor(120, 110, 100) })
        {
            canvas.DrawRect(0, 430, 960, 290, ground);
        }

        using (var concrete = new SKPaint { Color = new SKColor(190, 190, 185) })
        {
            for (var i = 0; i < 6; i++)
            {
                canvas.DrawRect(80 + (i * 140), 360 - random.Next(0, 120), 110, 260, concrete);
            }
        }

        using var font = new SKFont(SKTypeface.Default, 40);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(caption, 32, 64, SKTextAlign.Left, font, ink);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 70);
        return WithExif(data.ToArray(), taken, position);
    }

    /// <summary>Inserts an APP1 EXIF segment right after the JPEG's start-of-image marker.</summary>
    public static byte[] WithExif(byte[] jpeg, DateTimeOffset? taken, GeoPoint? position)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("Not a JPEG.", nameof(jpeg));
        }

        var tiff = Tiff(taken, position);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private sealed record Field(ushort Tag, ushort Type, uint Count, byte[] Value);

    private const ushort Byte = 1, Ascii = 2, Long = 4, Rational = 5;

    /// <summary>A big-endian TIFF structure: IFD0 pointing to the EXIF and GPS IFDs.</summary>
    private static byte[] Tiff(DateTimeOffset? taken, GeoPoint? position)
    {
        var exifFields = new List<Field>();
        if (taken is { } t)
        {
            exifFields.Add(AsciiField(0x9003, t.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
            exifFields.Add(AsciiField(0x9011, t.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var gpsFields = new List<Field>();
        if (position is { } p)
        {
            gpsFields.Add(new Field(0x0000, Byte, 4, [2, 3, 0, 0]));
            gpsFields.Add(AsciiField(0x0001, p.Latitude >= 0 ? "N" : "S"));
            gpsFields.Add(new Field(0x0002, Rational, 3, Degrees(Math.Abs(p.Latitude))));
            gpsFields.Add(AsciiField(0x0003, p.Longitude >= 0 ? "E" : "W"));
            gpsFields.Add(new Field(0x0004, Rational, 3, Degrees(Math.Abs(p.Longitude))));
        }

        var pointers = (exifFields.Count > 0 ? 1 : 0) + (gpsFields.Count > 0 ? 1 : 0);
        var next = 8 + IfdHeaderSize(pointers);
        var exif = exifFields.Count > 0 ? Ifd(next, exifFields) : [];
        var gpsStart = next + exif.Length;
        var gps = gpsFields.Count > 0 ? Ifd(gpsStart, gpsFields) : [];

        var ifd0 = new List<Field>();
        if (exif.Length > 0)
        {
            ifd0.Add(new Field(0x8769, Long, 1, U32((uint)next)));
        }

        if (gps.Length > 0)
        {
            ifd0.Add(new Field(0x8825, Long, 1, U32((uint)gpsStart)));
        }

        return [.. "MM\0*"u8, .. U32(8), .. Ifd(8, ifd0), .. exif, .. gps];
    }

    private static int IfdHeaderSize(int fields) => 2 + (12 * fields) + 4;

    private static byte[] Ifd(int start, List<Field> fields)
    {
        var head = new List<byte>();
        var data = new List<byte>();
        var dataStart = start + IfdHeaderSize(fields.Count);
        head.AddRange(U16((ushort)fields.Count));
        foreach (var f in fields.OrderBy(f => f.Tag))
        {
            head.AddRange(U16(f.Tag));
            head.AddRange(U16(f.Type));
            head.AddRange(U32(f.Count));
            if (f.Value.Length <= 4)
            {
                head.AddRange(f.Value);
                head.AddRange(new byte[4 - f.Value.Length]);
            }
            else
            {
                head.AddRange(U32((uint)(dataStart + data.Count)));
                data.AddRange(f.Value);
                if (data.Count % 2 == 1)
                {
                    data.Add(0);
                }
            }
        }

        head.AddRange(U32(0));
        return [.. head, .. data];
    }

    private static Field AsciiField(ushort tag, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value + "\0");
        return new Field(tag, Ascii, (uint)bytes.Length, bytes);
    }

    private static byte[] Degrees(double value)
    {
        var degrees = (uint)Math.Floor(value);
        var minutesFull = (value - degrees) * 60;
        var minutes = (uint)Math.Floor(minutesFull);
        var seconds = (uint)Math.Round((minutesFull - minutes) * 60 * 10_000);
        return [.. U32(degrees), .. U32(1), .. U32(minutes), .. U32(1), .. U32(seconds), .. U32(10_000)];
    }

    private static byte[] U16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    /// <summary>A one-page PDF invoice (text only) for the demo.</summary>
    public static byte[] InvoicePdf(string number, string company, decimal amount)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FAKTUR {number} - {company} - Rp{amount:N0}").Replace("(", "[", StringComparison.Ordinal).Replace(")", "]", StringComparison.Ordinal);
        var stream = $"BT /F1 14 Tf 50 780 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
