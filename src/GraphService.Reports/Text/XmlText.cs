using System.Text;

namespace GraphService.Reports.Text;

/// <summary>
/// Escaping for HTML and XML (SVG, GraphML). Document-derived strings may hold characters XML 1.0 forbids (control
/// characters, unpaired surrogates); those become U+FFFD so that the output always stays well-formed.
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

    /// <summary>Escapes text for element content and for attribute values in either quote style.</summary>
    public static string Escape(string? text)
    {
        var clean = Sanitize(text);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var ch in clean)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    private static bool IsValidXmlChar(char ch) =>
        ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch != '\uFFFE' && ch != '\uFFFF');
}
