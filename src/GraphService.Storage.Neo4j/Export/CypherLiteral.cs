using System.Collections;
using System.Globalization;
using System.Text;

namespace GraphService.Storage.Neo4j.Export;

/// <summary>
/// Cypher literals for the one place values are written into Cypher text: the exported script, which has no parameters.
/// Strings are single-quoted with every character that could end or bend the literal escaped (backslash, both quotes,
/// control characters as \n, \r, \t or \uXXXX), so no value can reach the statement's syntax.
/// </summary>
public static class CypherLiteral
{
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

    public static string String(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length + 2).Append('\'');
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(ch) || ch is '\u2028' or '\u2029')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
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

    private static string Float(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("Only finite numbers are exported.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
