using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports;

/// <summary>
/// A Markdown answer to paste into a report: a header line (ends, graph version), one sentence per path (or per
/// relationship of a neighborhood) with footnote references, then one footnote per citation. Renders on GitHub,
/// GitLab and Obsidian (footnotes are GitHub Flavored Markdown's <c>[^n]</c>).
/// </summary>
public static class MarkdownReport
{
    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var sb = new StringBuilder();
        sb.Append("**").Append(MarkdownText.Escape(result.From.Name)).Append(" → ").Append(MarkdownText.Escape(result.To.Name)).Append("**")
          .Append(" · ").Append(Count(result.Paths.Count, "path", "paths"))
          .Append(" · graph version ").Append(MarkdownText.Escape(result.GraphVersion)).Append('\n');

        if (result.Truncated)
        {
            sb.Append('\n').Append("*The search stopped at its work budget; shorter or better-supported paths may exist.*").Append('\n');
        }

        sb.Append('\n');
        if (result.Paths.Count == 0)
        {
            sb.Append("No path connects them in this graph.").Append('\n');
        }

        for (var i = 0; i < result.Paths.Count; i++)
        {
            sb.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ")
              .Append(Render(Explanation.Sentence(result.Paths[i], numbering))).Append('\n');
        }

        AppendFootnotes(sb, numbering, result.Paths.SelectMany(p => p.Relationships).Any(r => r.Contested));
        return sb.ToString();
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var nodes = NodeIndex(result);
        var sb = new StringBuilder();
        sb.Append("**Around ").Append(MarkdownText.Escape(result.Center.Name)).Append("**")
          .Append(" · ").Append(Count(result.Nodes.Count, "entity", "entities"))
          .Append(", ").Append(Count(result.Relationships.Count, "relationship", "relationships"))
          .Append(" · graph version ").Append(MarkdownText.Escape(result.GraphVersion)).Append('\n');

        if (result.Truncated)
        {
            sb.Append('\n').Append("*Cut at the entity limit; more relationships exist.*").Append('\n');
        }

        sb.Append('\n');
        if (result.Relationships.Count == 0)
        {
            sb.Append("No relationships in view.").Append('\n');
        }

        foreach (var r in result.Relationships)
        {
            sb.Append("- ").Append(Render(Explanation.Statement(r, nodes, numbering))).Append('\n');
        }

        AppendFootnotes(sb, numbering, result.Relationships.Any(r => r.Contested));
        return sb.ToString();
    }

    internal static IReadOnlyDictionary<string, NodeView> NodeIndex(NeighborhoodResult result)
    {
        var nodes = new Dictionary<string, NodeView>(StringComparer.Ordinal) { [result.Center.Id] = result.Center };
        foreach (var n in result.Nodes)
        {
            nodes.TryAdd(n.Id, n);
        }

        return nodes;
    }

    private static string Render(IEnumerable<Segment> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            switch (s)
            {
                case TextSegment t:
                    sb.Append(MarkdownText.Escape(t.Text));
                    break;
                case EntitySegment e:
                    sb.Append(MarkdownText.Escape(e.Node.Name));
                    break;
                case MarksSegment m:
                    foreach (var n in m.Footnotes)
                    {
                        sb.Append("[^").Append(n.ToString(CultureInfo.InvariantCulture)).Append(']');
                    }

                    if (m.Contested)
                    {
                        sb.Append(" (*contested*)");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unhandled segment {s.GetType().Name}.");
            }
        }

        return sb.ToString();
    }

    private static void AppendFootnotes(StringBuilder sb, CitationNumbering numbering, bool anyContested)
    {
        if (anyContested)
        {
            sb.Append('\n').Append("*Contested*: at least one cited source disputes that relationship.").Append('\n');
        }

        if (numbering.Footnotes.Count == 0)
        {
            return;
        }

        sb.Append('\n');
        for (var i = 0; i < numbering.Footnotes.Count; i++)
        {
            var c = numbering.Footnotes[i];
            sb.Append("[^").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("]: ");
            if (c.Stance == Stance.Disputes)
            {
                sb.Append("**Disputes the claim.** ");
            }

            sb.Append(MarkdownText.Escape(c.Publisher)).Append(", *").Append(MarkdownText.Escape(c.Title)).Append("*, ")
              .Append(c.Published is null ? "undated" : MarkdownText.Escape(c.Published));
            if (SafeUrl.TryLink(c.Url, out var url))
            {
                sb.Append(", <").Append(url.AbsoluteUri).Append('>');
            }
            else if (!string.IsNullOrWhiteSpace(c.Url))
            {
                sb.Append(", ").Append(MarkdownText.Escape(c.Url));
            }

            sb.Append(": “").Append(MarkdownText.Escape(c.Quote)).Append('”').Append('\n');
        }
    }

    internal static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
