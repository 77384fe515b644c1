using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Reports.Drawing;
using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports;

/// <summary>
/// The Markdown report's content as a self-contained HTML fragment: one <c>section</c> element, inline <c>style</c>
/// attributes only — no scripts, event handlers, <c>style</c> elements, ids or classes — so that it can be embedded
/// anywhere and served under a Content-Security-Policy that forbids scripts. Every document-derived string is escaped
/// by the writer (<see cref="HtmlFragment"/>); only absolute http(s) URLs become links. The fragment is also
/// well-formed XML.
/// </summary>
public static class HtmlReport
{
    private const string SectionStyle = $"font-family:{ReportPalette.FontFamily};font-size:14px;line-height:1.5;color:{ReportPalette.Ink};max-width:800px";
    private const string ParagraphStyle = "margin:0 0 8px 0";
    private const string NoteStyle = $"margin:0 0 8px 0;font-style:italic;color:{ReportPalette.Muted}";
    private const string ListStyle = "margin:0 0 12px 0;padding-left:24px";
    private const string FootnotesStyle = $"margin:0;padding-left:24px;font-size:12px;color:{ReportPalette.Ink};border-top:1px solid {ReportPalette.Rule};padding-top:8px";
    private const string ContestedStyle = $"color:{ReportPalette.Contested};font-style:italic";
    private const string DisputesStyle = $"color:{ReportPalette.Contested}";
    private const string MetaStyle = $"color:{ReportPalette.Muted}";

    public static string Write(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var sentences = result.Paths.Select(p => Explanation.Sentence(p, numbering)).ToList();
        return Write(Headline.Of(result), "ol", sentences, numbering, PathStep.Evidence(result.Paths).Any(r => r.Contested));
    }

    public static string Write(NeighborhoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var numbering = CitationNumbering.For(result);
        var nodes = Explanation.NodeIndex(result);
        var statements = result.Relationships.Select(r => Explanation.Statement(r, nodes, numbering)).ToList();
        return Write(Headline.Of(result), "ul", statements, numbering, result.Relationships.Any(r => r.Contested));
    }

    private static string Write(Headline headline, string list, IReadOnlyList<IReadOnlyList<Segment>> items, CitationNumbering numbering, bool anyContested)
    {
        using var html = new HtmlFragment();
        html.Open("section", SectionStyle).Break();
        html.Open("p", ParagraphStyle).Element("strong", headline.Title).Text(" ").Element("span", "· " + headline.Summary, MetaStyle).Close().Break();
        if (headline.CutNote is not null)
        {
            html.Element("p", headline.CutNote, NoteStyle).Break();
        }

        if (items.Count == 0)
        {
            html.Element("p", headline.EmptyNote, ParagraphStyle).Break();
        }
        else
        {
            html.Open(list, ListStyle).Break();
            foreach (var item in items)
            {
                html.Open("li");
                Render(html, item);
                html.Close().Break();
            }

            html.Close().Break();
        }

        if (anyContested)
        {
            html.Element("p", "Contested: " + ReportWording.ContestedMeaning, NoteStyle).Break();
        }

        if (numbering.Footnotes.Count > 0)
        {
            html.Open("ol", FootnotesStyle).Break();
            foreach (var c in numbering.Footnotes)
            {
                Footnote(html, c);
                html.Break();
            }

            html.Close().Break();
        }

        html.Close().Break();
        return html.ToString();
    }

    /// <summary>"[Disputes the claim.] Publisher, &lt;cite&gt;Title&lt;/cite&gt;, date, url: &lt;q&gt;quote&lt;/q&gt;".</summary>
    private static void Footnote(HtmlFragment html, CitationView c)
    {
        html.Open("li");
        if (c.Stance == Stance.Disputes)
        {
            html.Element("strong", ReportWording.DisputesNote, DisputesStyle).Text(" ");
        }

        html.Text(c.Publisher).Text(", ").Element("cite", c.Title).Text(", ").Text(ReportWording.DateOf(c));
        if (SafeUrl.TryLink(c.Url, out var url))
        {
            html.Text(", ").OpenLink(url).Text(c.Url).Close();
        }
        else if (!string.IsNullOrWhiteSpace(c.Url))
        {
            html.Text(", ").Text(c.Url);
        }

        html.Text(": ").Element("q", c.Quote).Close();
    }

    private static void Render(HtmlFragment html, IEnumerable<Segment> segments)
    {
        foreach (var s in segments)
        {
            switch (s)
            {
                case TextSegment t:
                    html.Text(t.Text);
                    break;
                case EntitySegment e:
                    html.Element("strong", e.Node.Name);
                    break;
                case MarksSegment m:
                    if (m.Footnotes.Count > 0)
                    {
                        html.Element("sup", CitationNumbering.Marks(m.Footnotes));
                    }

                    if (m.Contested)
                    {
                        html.Text(" ").Element("span", ReportWording.ContestedMark, ContestedStyle);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unhandled segment {s.GetType().Name}.");
            }
        }
    }
}
