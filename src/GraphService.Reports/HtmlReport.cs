using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports;

/// <summary>
/// The Markdown report's content as a self-contained HTML fragment: one <c>section</c> element, inline styles only,
/// no scripts, ids or classes, so that it can be embedded anywhere. Every document-derived string is escaped; only
/// absolute http(s) URLs become links. The fragment is also well-formed XML.
/// </summary>
public static class HtmlReport
{
    private const string SectionStyle = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;max-width:800px";
    private const string HeaderStyle = "margin:0 0 8px 0";
    private const string NoteStyle = "margin:0 0 8px 0;font-style:italic;color:#59636e";
    private const string ListStyle = "margin:0 0 12px 0;padding-left:24px";
    private const string FootnotesStyle = "margin:0;padding-left:24px;font-size:12px;color:#1f2328;border-top:1px solid #d1d9e0;padding-top:8px";
    private const string ContestedStyle = "color:#b42318;font-style:italic";
    private const string DisputesStyle = "color:#b42318";
    private const string MetaStyle = "color:#59636e";

    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var sb = new StringBuilder();
        Open(sb);
        sb.Append("<p style=\"").Append(HeaderStyle).Append("\"><strong>").Append(XmlText.Escape(result.From.Name)).Append(" → ")
          .Append(XmlText.Escape(result.To.Name)).Append("</strong> <span style=\"").Append(MetaStyle).Append("\">· ")
          .Append(MarkdownReport.Count(result.Paths.Count, "path", "paths")).Append(" · graph version ")
          .Append(XmlText.Escape(result.GraphVersion)).Append("</span></p>\n");
        if (result.Truncated)
        {
            Note(sb, "The search stopped at its work budget; shorter or better-supported paths may exist.");
        }

        if (result.Paths.Count == 0)
        {
            sb.Append("<p style=\"").Append(HeaderStyle).Append("\">No path connects them in this graph.</p>\n");
        }
        else
        {
            sb.Append("<ol style=\"").Append(ListStyle).Append("\">\n");
            foreach (var path in result.Paths)
            {
                sb.Append("<li>").Append(Render(Explanation.Sentence(path, numbering))).Append("</li>\n");
            }

            sb.Append("</ol>\n");
        }

        Close(sb, numbering, result.Paths.SelectMany(p => p.Relationships).Any(r => r.Contested));
        return sb.ToString();
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var nodes = MarkdownReport.NodeIndex(result);
        var sb = new StringBuilder();
        Open(sb);
        sb.Append("<p style=\"").Append(HeaderStyle).Append("\"><strong>Around ").Append(XmlText.Escape(result.Center.Name))
          .Append("</strong> <span style=\"").Append(MetaStyle).Append("\">· ")
          .Append(MarkdownReport.Count(result.Nodes.Count, "entity", "entities")).Append(", ")
          .Append(MarkdownReport.Count(result.Relationships.Count, "relationship", "relationships")).Append(" · graph version ")
          .Append(XmlText.Escape(result.GraphVersion)).Append("</span></p>\n");
        if (result.Truncated)
        {
            Note(sb, "Cut at the entity limit; more relationships exist.");
        }

        if (result.Relationships.Count == 0)
        {
            sb.Append("<p style=\"").Append(HeaderStyle).Append("\">No relationships in view.</p>\n");
        }
        else
        {
            sb.Append("<ul style=\"").Append(ListStyle).Append("\">\n");
            foreach (var r in result.Relationships)
            {
                sb.Append("<li>").Append(Render(Explanation.Statement(r, nodes, numbering))).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        Close(sb, numbering, result.Relationships.Any(r => r.Contested));
        return sb.ToString();
    }

    private static void Open(StringBuilder sb) => sb.Append("<section style=\"").Append(SectionStyle).Append("\">\n");

    private static void Note(StringBuilder sb, string text) =>
        sb.Append("<p style=\"").Append(NoteStyle).Append("\">").Append(XmlText.Escape(text)).Append("</p>\n");

    private static void Close(StringBuilder sb, CitationNumbering numbering, bool anyContested)
    {
        if (anyContested)
        {
            Note(sb, "Contested: at least one cited source disputes that relationship.");
        }

        if (numbering.Footnotes.Count > 0)
        {
            sb.Append("<ol style=\"").Append(FootnotesStyle).Append("\">\n");
            foreach (var c in numbering.Footnotes)
            {
                sb.Append("<li>");
                if (c.Stance == Stance.Disputes)
                {
                    sb.Append("<strong style=\"").Append(DisputesStyle).Append("\">Disputes the claim.</strong> ");
                }

                sb.Append(XmlText.Escape(c.Publisher)).Append(", <cite>").Append(XmlText.Escape(c.Title)).Append("</cite>, ")
                  .Append(c.Published is null ? "undated" : XmlText.Escape(c.Published));
                if (SafeUrl.TryLink(c.Url, out var url))
                {
                    sb.Append(", <a href=\"").Append(XmlText.Escape(url.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">")
                      .Append(XmlText.Escape(c.Url)).Append("</a>");
                }
                else if (!string.IsNullOrWhiteSpace(c.Url))
                {
                    sb.Append(", ").Append(XmlText.Escape(c.Url));
                }

                sb.Append(": <q>").Append(XmlText.Escape(c.Quote)).Append("</q></li>\n");
            }

            sb.Append("</ol>\n");
        }

        sb.Append("</section>\n");
    }

    private static string Render(IEnumerable<Segment> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            switch (s)
            {
                case TextSegment t:
                    sb.Append(XmlText.Escape(t.Text));
                    break;
                case EntitySegment e:
                    sb.Append("<strong>").Append(XmlText.Escape(e.Node.Name)).Append("</strong>");
                    break;
                case MarksSegment m:
                    if (m.Footnotes.Count > 0)
                    {
                        sb.Append("<sup>[").Append(string.Join(", ", m.Footnotes.Select(n => n.ToString(CultureInfo.InvariantCulture)))).Append("]</sup>");
                    }

                    if (m.Contested)
                    {
                        sb.Append(" <span style=\"").Append(ContestedStyle).Append("\">(contested)</span>");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unhandled segment {s.GetType().Name}.");
            }
        }

        return sb.ToString();
    }
}
