using System.Text;
using System.Xml;

namespace GraphService.Reports.Text;

/// <summary>
/// Writes an HTML fragment through <see cref="XmlWriter"/>, which escapes every text and attribute value; strings are
/// sanitized first (<see cref="XmlText.Sanitize"/>) so characters XML 1.0 forbids become U+FFFD instead of an error.
/// </summary>
/// <remarks>
/// XmlWriter suits HTML here with one rule: every element is closed with a full end tag
/// (<see cref="XmlWriter.WriteFullEndElement"/>). An HTML parser ignores the "/" of <c>&lt;q/&gt;</c> on an element
/// that is not void, so a self-closed empty element would swallow everything after it; the report uses no void
/// elements. Nothing is indented, because white space inside <c>li</c> or <c>p</c> would be part of the text; line
/// breaks are written only between block elements. The output is therefore well-formed XML as well as HTML.
/// </remarks>
internal sealed class HtmlFragment : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    private readonly StringBuilder _output = new();
    private readonly XmlWriter _xml;

    public HtmlFragment() => _xml = XmlWriter.Create(_output, Settings);

    /// <summary>Opens an element, with an inline <c>style</c> when given (the only styling a report uses).</summary>
    public HtmlFragment Open(string element, string? style = null)
    {
        _xml.WriteStartElement(element);
        if (style is not null)
        {
            _xml.WriteAttributeString("style", style);
        }

        return this;
    }

    /// <summary>Opens a link to an address that <see cref="SafeUrl"/> accepted; it never passes on the referrer or the opener.</summary>
    public HtmlFragment OpenLink(Uri url)
    {
        _xml.WriteStartElement("a");
        _xml.WriteAttributeString("href", url.AbsoluteUri);
        _xml.WriteAttributeString("rel", "noopener noreferrer");
        return this;
    }

    public HtmlFragment Text(string? text)
    {
        _xml.WriteString(XmlText.Sanitize(text));
        return this;
    }

    public HtmlFragment Close()
    {
        _xml.WriteFullEndElement();
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlFragment Element(string element, string? text, string? style = null) => Open(element, style).Text(text).Close();

    /// <summary>A line break in the source, between block elements.</summary>
    public HtmlFragment Break()
    {
        _xml.WriteWhitespace("\n");
        return this;
    }

    public override string ToString()
    {
        _xml.Flush();
        return _output.ToString();
    }

    public void Dispose() => _xml.Dispose();
}
