using System.Reflection;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Integritas.Web.Hosting.Documents;

/// <summary>
/// Writes simple A4 documents — headings, wrapped paragraphs, tables that break across pages with their header
/// repeated, key–value lines — with PDFsharp, in Noto Sans embedded in the assembly so the output does not depend on
/// the server's fonts. PDFsharp draws but does not lay out (its layout companion, MigraDoc, is not available here), so
/// this class does the little flowing a report needs: word wrapping, page breaks, page numbers.
/// </summary>
public sealed class PdfComposer : IDocumentComposer
{
    private const double Margin = 56; // about 2 cm
    private const double Gap = 6;

    private static readonly Lock FontLock = new();
    private static bool _fontsSet;

    private readonly PdfDocument _document = new();
    private readonly string _footer;
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _small;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public PdfComposer(string title, string footer)
    {
        EnsureFonts();
        _document.Info.Title = title;
        _document.Info.Creator = "Integritas";
        _footer = footer;
        _body = new XFont(EmbeddedFonts.Family, 10);
        _bold = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Bold);
        _small = new XFont(EmbeddedFonts.Family, 8);
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin - 14;

    private static void EnsureFonts()
    {
        lock (FontLock)
        {
            if (!_fontsSet)
            {
                // A process-wide setting that PDFsharp refuses to change once fonts are in use; another resolver set
                // elsewhere first is left alone.
                GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
                _fontsSet = true;
            }
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
        _gfx.DrawString(_footer, _small, XBrushes.Gray, new XRect(Margin, _page.Height.Point - Margin + 6, Width, 10), XStringFormats.TopLeft);
        _gfx.DrawString(_document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), _small, XBrushes.Gray,
            new XRect(Margin, _page.Height.Point - Margin + 6, Width, 10), XStringFormats.TopRight);
    }

    private void Need(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Title(string text)
    {
        var font = new XFont(EmbeddedFonts.Family, 15, XFontStyleEx.Bold);
        foreach (var line in Wrap(text, font, Width))
        {
            Need(20);
            _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, 20), XStringFormats.TopCenter);
            _y += 20;
        }

        _y += Gap;
    }

    public void Heading(string text)
    {
        var font = new XFont(EmbeddedFonts.Family, 12, XFontStyleEx.Bold);
        _y += Gap;
        Need(16 + 30); // keep a heading with at least a couple of lines after it
        foreach (var line in Wrap(text, font, Width))
        {
            _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, 16), XStringFormats.TopLeft);
            _y += 16;
        }

        _y += Gap / 2;
    }

    public void Paragraph(string text, bool bold = false, bool small = false)
    {
        var font = small ? _small : bold ? _bold : _body;
        var lineHeight = small ? 10.5 : 13;
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, Width))
            {
                Need(lineHeight);
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        _y += Gap;
    }

    /// <summary>Label–value lines with the labels in a column of their own.</summary>
    public void Pairs(IEnumerable<(string Label, string Value)> pairs, double labelWidth = 150)
    {
        foreach (var (label, value) in pairs)
        {
            var lines = Wrap(value, _body, Width - labelWidth).ToList();
            Need(13 * Math.Max(1, lines.Count));
            _gfx.DrawString(label, _bold, XBrushes.Black, new XRect(Margin, _y, labelWidth, 13), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                _gfx.DrawString(line, _body, XBrushes.Black, new XRect(Margin + labelWidth, _y, Width - labelWidth, 13), XStringFormats.TopLeft);
                _y += 13;
            }
        }

        _y += Gap;
    }

    /// <summary>
    /// A table: <paramref name="widths"/> are relative column widths; columns listed in <paramref name="rightAligned"/>
    /// (by index) are numbers. Rows wrap within their cells; a page break repeats the header.
    /// </summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(widths);
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * Width).ToArray();
        const double pad = 3;
        const double lineHeight = 11;
        var font = new XFont(EmbeddedFonts.Family, 8.5);
        var headFont = new XFont(EmbeddedFonts.Family, 8.5, XFontStyleEx.Bold);

        List<List<string>> Cells(IReadOnlyList<string> row, XFont f) =>
            [.. row.Select((text, i) => Wrap(text, f, columns[i] - (2 * pad)).ToList())];

        void DrawRow(List<List<string>> cells, XFont f, bool shaded)
        {
            var height = (cells.Max(c => Math.Max(1, c.Count)) * lineHeight) + (2 * pad);
            if (shaded)
            {
                _gfx.DrawRectangle(XBrushes.WhiteSmoke, Margin, _y, Width, height);
            }

            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var y = _y + pad;
                foreach (var line in cells[i])
                {
                    _gfx.DrawString(line, f, XBrushes.Black, new XRect(x + pad, y, columns[i] - (2 * pad), lineHeight),
                        rightAligned?.Contains(i) == true ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    y += lineHeight;
                }

                x += columns[i];
            }

            _gfx.DrawLine(XPens.LightGray, Margin, _y + height, Margin + Width, _y + height);
            _y += height;
        }

        var head = Cells(header, headFont);
        var headHeight = (head.Max(c => Math.Max(1, c.Count)) * lineHeight) + (2 * pad);
        Need(headHeight + lineHeight + (2 * pad));
        DrawRow(head, headFont, shaded: true);
        foreach (var row in rows)
        {
            var cells = Cells(row, font);
            var height = (cells.Max(c => Math.Max(1, c.Count)) * lineHeight) + (2 * pad);
            if (_y + height > Bottom)
            {
                NewPage();
                DrawRow(head, headFont, shaded: true);
            }

            DrawRow(cells, font, shaded: false);
        }

        _y += Gap * 2;
    }

    /// <summary>A QR code of <paramref name="text"/>, drawn as vector squares (sharp at any zoom), <paramref name="size"/> points square.</summary>
    public void QrCode(string text, double size)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        Need(size + Gap);
        for (var row = 0; row < modules.Count; row++)
        {
            for (var col = 0; col < modules[row].Count; col++)
            {
                if (modules[row][col])
                {
                    _gfx.DrawRectangle(XBrushes.Black, Margin + (col * cell), _y + (row * cell), cell, cell);
                }
            }
        }

        _y += size + Gap;
    }

    public byte[] ToBytes()
    {
        _gfx.Dispose();
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _gfx.Dispose();
        _document.Dispose();
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is cut where it must be.</summary>
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield return "";
            yield break;
        }

        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (_gfx.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }

            line = word;
            while (line.Length > 1 && _gfx.MeasureString(line, font).Width > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && _gfx.MeasureString(line[..cut], font).Width > width)
                {
                    cut--;
                }

                yield return line[..cut];
                line = line[cut..];
            }
        }

        yield return line;
    }
}

/// <summary>The embedded Noto Sans regular and bold faces, whatever family a PDFsharp caller asks for.</summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Noto Sans";

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "Integritas.Fonts.NotoSans-Bold.ttf" : "Integritas.Fonts.NotoSans-Regular.ttf", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(faceName);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
