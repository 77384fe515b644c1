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
        var headline = Headline.Of(result);
        var sb = new StringBuilder();
        AppendHeadline(sb, headline);
        if (result.Paths.Count == 0)
        {
            sb.Append(headline.EmptyNote).Append('\n');
        }

        for (var i = 0; i < result.Paths.Count; i++)
        {
            sb.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ")
              .Append(Render(Explanation.Sentence(result.Paths[i], numbering))).Append('\n');
        }

        AppendFootnotes(sb, numbering, PathStep.Evidence(result.Paths).Any(r => r.Contested));
        return sb.ToString();
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var nodes = Explanation.NodeIndex(result);
        var headline = Headline.Of(result);
        var sb = new StringBuilder();
        AppendHeadline(sb, headline);
        if (result.Relationships.Count == 0)
        {
            sb.Append(headline.EmptyNote).Append('\n');
        }

        foreach (var r in result.Relationships)
        {
            sb.Append("- ").Append(Render(Explanation.Statement(r, nodes, numbering))).Append('\n');
        }

        AppendFootnotes(sb, numbering, result.Relationships.Any(r => r.Contested));
        return sb.ToString();
    }

    /// <summary>"**Title** · counts · graph version v", the cut note in italics when there is one, then a blank line.</summary>
    private static void AppendHeadline(StringBuilder sb, Headline headline)
    {
        sb.Append("**").Append(MarkdownText.Escape(headline.Title)).Append("** · ").Append(MarkdownText.Escape(headline.Summary)).Append('\n');
        if (headline.CutNote is not null)
        {
            sb.Append('\n').Append('*').Append(headline.CutNote).Append('*').Append('\n');
        }

        sb.Append('\n');
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
            sb.Append('\n').Append("*Contested*: ").Append(ReportWording.ContestedMeaning).Append('\n');
        }

        if (numbering.Footnotes.Count == 0)
        {
            return;
        }

        sb.Append('\n');
        foreach (var (number, c) in numbering.Numbered)
        {
            sb.Append("[^").Append(number.ToString(CultureInfo.InvariantCulture)).Append("]: ");
            if (c.Stance == Stance.Disputes)
            {
                sb.Append("**").Append(ReportWording.DisputesNote).Append("** ");
            }

            sb.Append(MarkdownText.Escape(c.Publisher)).Append(", *").Append(MarkdownText.Escape(c.Title)).Append("*, ")
              .Append(MarkdownText.Escape(ReportWording.DateOf(c)));
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

}
