using System.Globalization;
using System.Text;
using System.Xml;
using XmlText = GraphService.Reports.Text.XmlText;

namespace GraphService.Reports.Drawing;

/// <summary>How a line of text is drawn.</summary>
/// <param name="Size">Font size in pixels.</param>
/// <param name="Fill">Text colour.</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Halo">A paper-coloured outline behind the glyphs, so the text stays readable over lines.</param>
internal readonly record struct TextStyle(double Size, string Fill, bool Bold = false, bool Halo = false);

/// <summary>
/// Writes SVG elements through <see cref="XmlWriter"/>, which escapes every attribute value and text; strings are
/// sanitized first (<see cref="XmlText.Sanitize"/>) so characters XML 1.0 forbids become U+FFFD instead of an error.
/// Coordinates are rounded to one decimal, so the same drawing always gives the same bytes. No element gets an
/// <c>id</c> (two diagrams may share a page); entities and relationships are marked with <c>data-entity</c> and
/// <c>data-relationship</c> attributes holding their graph ids.
/// </summary>
internal sealed class SvgCanvas : IDisposable
{
    private const string Namespace = "http://www.w3.org/2000/svg";
    private const double LineWidth = 1.5;
    private const string DashPattern = "5 4";
    private const double HaloWidth = 3;

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
    };

    private readonly StringBuilder _output = new();
    private readonly XmlWriter _xml;

    /// <summary>Starts an SVG of the given size with a paper-coloured background.</summary>
    public SvgCanvas(int width, int height)
    {
        _xml = XmlWriter.Create(_output, Settings);
        _xml.WriteStartElement("svg", Namespace);
        Attribute("width", width);
        Attribute("height", height);
        _xml.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
        _xml.WriteAttributeString("font-family", ReportPalette.FontFamily);
        _xml.WriteAttributeString("role", "img");
        Rect(new Box(0, 0, width, height), 0, ReportPalette.Paper, stroke: null, strokeWidth: 0);
    }

    /// <summary>Opens a <c>g</c>; with <paramref name="dataName"/>, it carries <c>data-{dataName}="{dataValue}"</c>.</summary>
    public void StartGroup(string? dataName = null, string? dataValue = null)
    {
        _xml.WriteStartElement("g", Namespace);
        if (dataName is not null)
        {
            _xml.WriteAttributeString("data-" + dataName, XmlText.Sanitize(dataValue));
        }
    }

    public void EndGroup() => _xml.WriteEndElement();

    /// <summary>A tooltip for the enclosing group.</summary>
    public void Title(string text) => _xml.WriteElementString("title", Namespace, XmlText.Sanitize(text));

    public void Text(TextLine line, TextAnchor anchor, TextStyle style)
    {
        _xml.WriteStartElement("text", Namespace);
        Attribute("x", line.Baseline.X);
        Attribute("y", line.Baseline.Y);
        Attribute("font-size", style.Size);
        _xml.WriteAttributeString("fill", style.Fill);
        if (anchor == TextAnchor.Middle)
        {
            _xml.WriteAttributeString("text-anchor", "middle");
        }

        if (style.Bold)
        {
            _xml.WriteAttributeString("font-weight", "bold");
        }

        if (style.Halo)
        {
            _xml.WriteAttributeString("stroke", ReportPalette.Paper);
            Attribute("stroke-width", HaloWidth);
            _xml.WriteAttributeString("paint-order", "stroke");
            _xml.WriteAttributeString("stroke-linejoin", "round");
        }

        _xml.WriteString(XmlText.Sanitize(line.Text));
        _xml.WriteEndElement();
    }

    /// <summary>A relationship's line, marked with its id; dashed when contested.</summary>
    public void Line(string relationshipId, Point from, Point to, string stroke, bool dashed)
    {
        _xml.WriteStartElement("line", Namespace);
        _xml.WriteAttributeString("data-relationship", XmlText.Sanitize(relationshipId));
        Attribute("x1", from.X);
        Attribute("y1", from.Y);
        Attribute("x2", to.X);
        Attribute("y2", to.Y);
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", LineWidth);
        if (dashed)
        {
            _xml.WriteAttributeString("stroke-dasharray", DashPattern);
        }

        _xml.WriteEndElement();
    }

    public void Polygon(IReadOnlyList<Point> points, string fill)
    {
        _xml.WriteStartElement("polygon", Namespace);
        _xml.WriteAttributeString("points", string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y))));
        _xml.WriteAttributeString("fill", fill);
        _xml.WriteEndElement();
    }

    public void Rect(Box box, double cornerRadius, string fill, string? stroke, double strokeWidth)
    {
        _xml.WriteStartElement("rect", Namespace);
        Attribute("x", box.Left);
        Attribute("y", box.Top);
        Attribute("width", box.Width);
        Attribute("height", box.Height);
        if (cornerRadius > 0)
        {
            Attribute("rx", cornerRadius);
        }

        _xml.WriteAttributeString("fill", fill);
        if (stroke is not null)
        {
            _xml.WriteAttributeString("stroke", stroke);
            Attribute("stroke-width", strokeWidth);
        }

        _xml.WriteEndElement();
    }

    public void Circle(Point centre, double radius, string fill, string stroke, double strokeWidth)
    {
        _xml.WriteStartElement("circle", Namespace);
        Attribute("cx", centre.X);
        Attribute("cy", centre.Y);
        Attribute("r", radius);
        _xml.WriteAttributeString("fill", fill);
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", strokeWidth);
        _xml.WriteEndElement();
    }

    /// <summary>Closes the SVG and returns its text, ending in a newline.</summary>
    public string Finish()
    {
        _xml.WriteEndElement();
        _xml.Flush();
        return _output.Append('\n').ToString();
    }

    public void Dispose() => _xml.Dispose();

    /// <summary>A coordinate rounded to one decimal, invariant culture, no trailing zeros.</summary>
    internal static string N(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    private void Attribute(string name, double value) => _xml.WriteAttributeString(name, N(value));
}
