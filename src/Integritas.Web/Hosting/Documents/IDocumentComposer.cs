namespace Integritas.Web.Hosting.Documents;

/// <summary>
/// The few building blocks a generated report needs, so one piece of code can write the same report as a PDF
/// (<see cref="PdfComposer"/>) and as an editable Word document (<see cref="DocxComposer"/>).
/// </summary>
public interface IDocumentComposer : IDisposable
{
    void Title(string text);

    void Heading(string text);

    void Paragraph(string text, bool bold = false, bool small = false);

    void Pairs(IEnumerable<(string Label, string Value)> pairs, double labelWidth = 150);

    /// <summary>A table with relative column widths; the columns in <paramref name="rightAligned"/> hold numbers.</summary>
    void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null);

    byte[] ToBytes();
}
