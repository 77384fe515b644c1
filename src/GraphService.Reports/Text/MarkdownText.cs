using System.Text;

namespace GraphService.Reports.Text;

/// <summary>
/// Escaping for CommonMark / GitHub Flavored Markdown text: every character that could open markup (emphasis, links,
/// footnotes, raw HTML, entities, code, tables, math) is backslash-escaped, and line breaks become spaces so that a
/// string never leaves the line or footnote it is written in.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>&#|~$!";

    public static string Escape(string? text)
    {
        var clean = XmlText.Sanitize(text);
        var sb = new StringBuilder(clean.Length + 8);
        foreach (var ch in clean)
        {
            if (LineBreaks.Is(ch))
            {
                sb.Append(' ');
            }
            else if (Special.Contains(ch, StringComparison.Ordinal))
            {
                sb.Append('\\').Append(ch);
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
