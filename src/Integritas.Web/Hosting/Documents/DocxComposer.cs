using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Integritas.Web.Hosting.Documents;

/// <summary>
/// Writes an editable Word document (DOCX) with the Open XML SDK: real Title / Heading 1 styles (so Word's navigation
/// pane and table of contents work), plain paragraphs, and bordered tables with a repeating header row — a starting
/// point the OPD edits and completes, as LKjIP drafts are.
/// </summary>
public sealed class DocxComposer : IDocumentComposer
{
    private const int TextWidthTwips = 9026; // A4 with 2.54 cm margins

    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private readonly Body _body;
    private bool _closed;

    public DocxComposer(string title)
    {
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Creator = "Integritas";
        var main = _document.AddMainDocumentPart();
        main.Document = new Document(new Body());
        _body = main.Document.Body!;
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" }, new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto })),
            Style("Normal", "Normal", null),
            Style("Title", "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "32" }), new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "26" }),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 })),
            Style("Small", "Small", new StyleRunProperties(new FontSize { Val = "18" })));
    }

    private static Style Style(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null)
    {
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static Paragraph Para(string text, string? style = null, bool bold = false, JustificationValues? align = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new Paragraph(properties, run);
    }

    public void Title(string text) => _body.Append(Para(text, "Title"));

    public void Heading(string text) => _body.Append(Para(text, "Heading1"));

    public void Paragraph(string text, bool bold = false, bool small = false)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            _body.Append(Para(line, small ? "Small" : null, bold));
        }
    }

    public void Pairs(IEnumerable<(string Label, string Value)> pairs, double labelWidth = 150) =>
        Table([], [labelWidth, 450 - labelWidth], pairs.Select(p => (IReadOnlyList<string>)[p.Label, p.Value]), null, boldFirstColumn: true);

    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null) =>
        Table(header, widths, rows, rightAligned, boldFirstColumn: false);

    private void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned, bool boldFirstColumn)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var total = widths.Sum();
        var twips = widths.Select(w => (int)(w / total * TextWidthTwips)).ToArray();
        var border = header.Count == 0 ? BorderValues.None : BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })),
            new TableGrid(twips.Select(t => new GridColumn { Width = t.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        TableRow Row(IReadOnlyList<string> cells, bool head)
        {
            var row = new TableRow();
            if (head)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            for (var i = 0; i < cells.Count; i++)
            {
                var align = rightAligned?.Contains(i) == true && !head ? JustificationValues.Right : (JustificationValues?)null;
                row.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = twips[Math.Min(i, twips.Length - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    Para(cells[i], "Small", head || (boldFirstColumn && i == 0), align)));
            }

            return row;
        }

        if (header.Count > 0)
        {
            table.Append(Row(header, head: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row(row, head: false));
        }

        _body.Append(table);
        _body.Append(Para(""));
    }

    public byte[] ToBytes()
    {
        _body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708 }));
        Close();
        return _stream.ToArray();
    }

    private void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _document.Dispose(); // writes the package into the stream
        }
    }

    public void Dispose()
    {
        Close();
        _stream.Dispose();
    }
}
