using System.Globalization;
using System.Text;
using GraphService.Core.Queries;
using GraphService.Reports.Model;

namespace GraphService.Reports;

/// <summary>
/// A Mermaid <c>flowchart LR</c> (renders in GitHub, GitLab and Obsidian). Node ids are generated (n0, n1, …) so no
/// entity id reaches the syntax; every label is a double-quoted string in which each character Mermaid could read as
/// syntax is written as a Mermaid entity code (<c>#quot;</c>, <c>#91;</c>, …). Arrows point the way each relationship
/// points; a contested relationship is drawn dotted. Edge labels carry the footnote numbers of the Markdown report.
/// </summary>
public static class MermaidDiagram
{
    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var nodes = new List<NodeView> { result.From };
        var relationships = new List<RelationshipView>();
        foreach (var path in result.Paths)
        {
            nodes.AddRange(path.Nodes);
        }

        relationships.AddRange(PathStep.Evidence(result.Paths));

        nodes.Add(result.To);
        return Write(Headline.Of(result), nodes, relationships, numbering);
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        return Write(Headline.Of(result), [result.Center, .. result.Nodes], result.Relationships, numbering);
    }

    private static string Write(Headline headline, IEnumerable<NodeView> nodes, IEnumerable<RelationshipView> relationships, CitationNumbering numbering)
    {
        var sb = new StringBuilder();
        sb.Append("flowchart LR\n");
        sb.Append("  %% ").Append(Comment(headline.Title + " · " + headline.Summary)).Append('\n');
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            if (ids.ContainsKey(n.Id))
            {
                continue;
            }

            var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids[n.Id] = id;
            sb.Append("  ").Append(id).Append("[\"").Append(Label(n.Name)).Append("\"]\n");
        }

        var unique = relationships.DistinctBy(r => r.Id).ToList();
        foreach (var end in unique.SelectMany(r => new[] { r.StartNodeId, r.EndNodeId }))
        {
            if (!ids.ContainsKey(end))
            {
                // A relationship whose end is missing from the node list still gets drawn, labelled by the id.
                var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids[end] = id;
                sb.Append("  ").Append(id).Append("[\"").Append(Label(end)).Append("\"]\n");
            }
        }

        foreach (var r in unique)
        {
            var marks = CitationNumbering.Marks(numbering.NumbersOf(r));
            var label = r.Phrase + (marks.Length > 0 ? " " + marks : string.Empty) + (r.Contested ? " " + ReportWording.ContestedMark : string.Empty);

            sb.Append("  ").Append(ids[r.StartNodeId]).Append(r.Contested ? " -.->|\"" : " -->|\"").Append(Label(label)).Append("\"| ")
              .Append(ids[r.EndNodeId]).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text for a double-quoted Mermaid label. Letters, digits, spaces and harmless punctuation stay; every other ASCII
    /// character becomes <c>#code;</c> (Mermaid turns <c>#quot;</c> / <c>#60;</c> into the character after parsing).
    /// Line breaks become spaces.
    /// </summary>
    internal static string Label(string text)
    {
        var clean = Text.XmlText.Sanitize(text);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var ch in clean)
        {
            if (Text.LineBreaks.Is(ch))
            {
                sb.Append(' ');
            }
            else if (ch == '"')
            {
                sb.Append("#quot;");
            }
            else if (char.IsAsciiLetterOrDigit(ch) || ch is ' ' or '-' or '.' or ',' or ':' or '\'' or '?' or '/' or '+' or '=' or '@' or '!' or '_' or '*' || ch > '\u007F')
            {
                sb.Append(ch);
            }
            else
            {
                sb.Append('#').Append(((int)ch).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return sb.ToString();
    }

    private static string Comment(string text) =>
        new([.. text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '{' or '}' ? ' ' : c)]);
}
