using System.Text;

namespace GraphService.Reports.Text;

/// <summary>
/// Text for XML writers (HTML, SVG, GraphML; <see cref="System.Xml.XmlWriter"/> does the escaping). Document-derived
/// strings may hold characters XML 1.0 forbids (control characters, unpaired surrogates); those become U+FFFD so that
/// the output always stays well-formed instead of the writer throwing.
/// </summary>
internal static class XmlText
{
    /// <summary>Replaces characters that XML 1.0 does not allow with U+FFFD.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var valid = IsValidXmlChar(ch);
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(ch))
            {
                valid = false;
            }

            if (!valid)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(ch);
            }
        }

        return sb?.ToString() ?? text;
    }

    private static bool IsValidXmlChar(char ch) =>
        ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch != '\uFFFE' && ch != '\uFFFF');
}
