namespace GraphService.Reports.Text;

/// <summary>
/// Characters that end a line in some reader: CR, LF, tab (a cell break in tables), NEL, U+2028 and U+2029. Formats
/// whose values must stay on one line (Markdown sentences and footnotes, Mermaid labels) write them as spaces.
/// </summary>
internal static class LineBreaks
{
    public static bool Is(char ch) => ch is '\r' or '\n' or '\t' or '\u2028' or '\u2029' or '\u0085';
}
