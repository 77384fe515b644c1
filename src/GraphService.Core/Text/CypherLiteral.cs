using System.Collections;
using System.Globalization;
using System.Text;

namespace GraphService.Core.Text;

/// <summary>
/// Cypher literals and comments, for the few places that write values into Cypher text instead of sending parameters:
/// the Neo4j store's exported script and the reports' Browser reproductions. Both adapters reference only Core, so the
/// one rule lives here (Core holds it as text handling, with no Neo4j types).
/// </summary>
/// <remarks>
/// A string literal is single-quoted. These characters are escaped, so that no value can end the literal, bend the
/// statement's syntax or change on its way through a file or a URL:
/// <list type="bullet">
/// <item><c>\</c>, <c>'</c> and <c>"</c> as <c>\\</c>, <c>\'</c>, <c>\"</c>;</item>
/// <item>line feed, carriage return and tab as <c>\n</c>, <c>\r</c>, <c>\t</c>;</item>
/// <item>every other control character (U+0000–U+001F, U+007F–U+009F), the Unicode line and paragraph separators
/// (U+2028, U+2029), the byte order mark U+FEFF (which tools strip or treat as white space) and unpaired surrogates
/// (which UTF-8 cannot encode, so a file writer or <see cref="Uri.EscapeDataString(string)"/> would replace or
/// refuse them) as <c>\uXXXX</c>.</item>
/// </list>
/// Everything else, including surrogate pairs, is written as it is.
/// </remarks>
public static class CypherLiteral
{
    /// <summary>A literal for a value of the types the exporters write: null, bool, int, long, double, string, or a list of those.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        string s => String(s),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
        _ => throw new ArgumentException($"A {value.GetType().Name} has no Cypher literal here.", nameof(value)),
    };

    /// <summary>A single-quoted Cypher string literal for <paramref name="value"/>, escaped by the rules above.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (IsPairAt(value, i))
            {
                sb.Append(ch).Append(value[i + 1]);
                i++;
                continue;
            }

            switch (ch)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (NeedsUnicodeEscape(ch))
                    {
                        sb.Append(@"\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>
    /// Text for a <c>//</c> line comment: every character that could end the line (control characters, U+0085,
    /// U+2028, U+2029) and every character that cannot be encoded (an unpaired surrogate) becomes a space.
    /// </summary>
    public static string Comment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (char.IsControl(chars[i]) || char.IsSurrogate(chars[i]) || chars[i] is '\u2028' or '\u2029')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    // Called only for characters that are not half of a pair, so any surrogate here is unpaired.
    private static bool NeedsUnicodeEscape(char ch) =>
        char.IsControl(ch) || char.IsSurrogate(ch) || ch is '\u2028' or '\u2029' or '\uFEFF';

    private static string Float(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("Only finite numbers have a Cypher literal here.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
