using GraphService.Core.Queries;
using GraphService.Reports.Drawing;
using GraphService.Reports.Model;

namespace GraphService.Reports;

/// <summary>
/// A standalone SVG diagram: paths laid out left to right, one row per path, stacked (<see cref="PathLayout"/>); a
/// neighborhood in rings around its centre (<see cref="RadialLayout"/>). Entities carry their names (full name and type
/// in a <c>title</c> tooltip), relationships their predicate phrase and footnote numbers, and a source list under the
/// diagram resolves the numbers. Arrows point the way each relationship points; contested relationships are dashed and
/// red. No scripts, links or external references; the same input gives the same bytes.
/// </summary>
public static class SvgDiagram
{
    private const double BoxCornerRadius = 6;
    private const double BoxOutlineWidth = 1;
    private const double CentreOutlineWidth = 2.5;
    private const double NodeOutlineWidth = 1.2;

    public static string Write(PathResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var numbering = CitationNumbering.For(result);
        var headline = Headline.Of(result);
        var top = DiagramPage.HeaderHeight;
        TextLine? empty = null;
        if (result.Paths.Count == 0)
        {
            (empty, top) = DiagramPage.Note(headline.EmptyNote, top);
        }

        var paths = result.Paths.Select((p, i) => new DiagramPath(
            $"Path {i + 1} · {Headline.Count(p.Relationships.Count, "hop", "hops")}",
            [.. p.Nodes.Select(n => new DiagramNode(n.Id, n.Name))],
            [.. PathStep.Of(p).Select(s => new DiagramHop(Hop(s, numbering), s.Forward))])).ToList();
        var drawing = PathLayout.Arrange(paths, options.DiagramWidth, top);
        var sources = DiagramPage.Sources(numbering, drawing.Bottom, drawing.Width);
        var nodes = result.Paths.SelectMany(p => p.Nodes).DistinctBy(n => n.Id).ToDictionary(n => n.Id, StringComparer.Ordinal);

        using var svg = new SvgCanvas(drawing.Width, (int)Math.Ceiling(sources.Bottom) + DiagramPage.Margin);
        Header(svg, headline);
        if (empty is not null)
        {
            svg.Text(empty, TextAnchor.Start, new TextStyle(DiagramPage.NoteFontSize, ReportPalette.Ink));
        }

        foreach (var row in drawing.Rows)
        {
            svg.Text(row.Caption.Lines[0], TextAnchor.Start, new TextStyle(PathLayout.CaptionFontSize, ReportPalette.Muted));
            svg.StartGroup();
            foreach (var link in row.Links)
            {
                var colour = link.Contested ? ReportPalette.Contested : ReportPalette.Ink;
                svg.Line(link.Id, link.Tail, link.Head, colour, dashed: link.Contested);
                svg.Polygon(link.Arrowhead, colour);
                Label(svg, link.Label, halo: false);
            }

            foreach (var placed in row.Nodes)
            {
                var node = nodes[placed.Id];
                svg.StartGroup("entity", node.Id);
                svg.Title($"{node.Name} ({node.Type})");
                svg.Rect(placed.Shape, BoxCornerRadius, ReportPalette.Fill(node.Type), ReportPalette.Outline, BoxOutlineWidth);
                foreach (var line in placed.Name.Lines)
                {
                    svg.Text(line, TextAnchor.Middle, new TextStyle(PathLayout.NameFontSize, ReportPalette.Ink));
                }

                svg.EndGroup();
            }

            svg.EndGroup();
        }

        Sources(svg, sources);
        return svg.Finish();
    }

    public static string Write(NeighborhoodResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var numbering = CitationNumbering.For(result);
        var headline = Headline.Of(result);
        var nodes = Explanation.NodeIndex(result);
        var relationships = result.Relationships.DistinctBy(r => r.Id).ToList();

        // The listed entities in their order, then the centre if unlisted and any relationship end missing from the list.
        var listed = result.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).ToList();
        var ends = relationships.SelectMany(r => new[] { r.StartNodeId, r.EndNodeId });
        var extra = nodes.Keys.Concat(ends).Except(listed, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var drawn = listed.Concat(extra).Select(id => Explanation.NodeOf(id, nodes)).ToDictionary(n => n.Id, StringComparer.Ordinal);

        var drawing = RadialLayout.Arrange(
            result.Center.Id,
            [.. drawn.Values.Select(n => new DiagramNode(n.Id, n.Name))],
            [.. relationships.Select(r => Link(r, numbering))],
            options.DiagramWidth,
            DiagramPage.HeaderHeight);
        var sources = DiagramPage.Sources(numbering, Math.Ceiling(drawing.Bottom), drawing.Width);

        using var svg = new SvgCanvas(drawing.Width, (int)Math.Ceiling(sources.Bottom) + DiagramPage.Margin);
        Header(svg, headline);
        svg.StartGroup();
        foreach (var link in drawing.Links)
        {
            svg.Line(link.Id, link.Tail, link.Head, link.Contested ? ReportPalette.Contested : ReportPalette.Line, dashed: link.Contested);
            svg.Polygon(link.Arrowhead, link.Contested ? ReportPalette.Contested : ReportPalette.Outline);
            Label(svg, link.Label, halo: true);
        }

        foreach (var placed in drawing.Nodes)
        {
            var node = drawn[placed.Id];
            var isCentre = node.Id == result.Center.Id;
            svg.StartGroup("entity", node.Id);
            svg.Title($"{node.Name} ({node.Type})");
            svg.Circle(placed.Shape.Centre, placed.Shape.Width / 2, ReportPalette.Fill(node.Type), ReportPalette.Ink, isCentre ? CentreOutlineWidth : NodeOutlineWidth);
            foreach (var line in placed.Name.Lines)
            {
                svg.Text(line, TextAnchor.Middle, new TextStyle(placed.Name.FontSize, ReportPalette.Ink, Bold: isCentre, Halo: true));
            }

            svg.EndGroup();
        }

        svg.EndGroup();
        Sources(svg, sources);
        return svg.Finish();
    }

    /// <summary>
    /// A hop is drawn as one arrow, its strongest relationship's; when the link carries others, the label says how many
    /// and carries their footnote marks too, so every source listed under the drawing is reachable from it.
    /// </summary>
    private static DiagramLink Hop(PathStep step, CitationNumbering numbering)
    {
        var r = step.Relationship;
        if (step.Others.Count == 0)
        {
            return Link(r, numbering);
        }

        var marks = CitationNumbering.Marks([.. step.Others.Prepend(r).SelectMany(numbering.NumbersOf).Distinct().Order()]);
        var label = $"{r.Phrase} (+{step.Others.Count} more)";
        return new DiagramLink(r.Id, r.StartNodeId, r.EndNodeId, marks.Length == 0 ? label : label + " " + marks, r.Contested || step.Others.Any(o => o.Contested));
    }

    private static DiagramLink Link(RelationshipView r, CitationNumbering numbering)
    {
        var marks = CitationNumbering.Marks(numbering.NumbersOf(r));
        return new DiagramLink(r.Id, r.StartNodeId, r.EndNodeId, marks.Length == 0 ? r.Phrase : r.Phrase + " " + marks, r.Contested);
    }

    private static void Header(SvgCanvas svg, Headline headline)
    {
        svg.Text(DiagramPage.Title(headline), TextAnchor.Start, new TextStyle(DiagramPage.TitleFontSize, ReportPalette.Ink, Bold: true));
        svg.Text(DiagramPage.Subtitle(headline), TextAnchor.Start, new TextStyle(DiagramPage.SubtitleFontSize, ReportPalette.Muted));
    }

    private static void Label(SvgCanvas svg, TextBlock label, bool halo)
    {
        foreach (var line in label.Lines)
        {
            svg.Text(line, TextAnchor.Middle, new TextStyle(label.FontSize, line.Note ? ReportPalette.Contested : ReportPalette.Ink, Halo: halo));
        }
    }

    private static void Sources(SvgCanvas svg, SourceList sources)
    {
        if (sources.Heading is null)
        {
            return;
        }

        svg.Text(sources.Heading, TextAnchor.Start, new TextStyle(DiagramPage.HeadingFontSize, ReportPalette.Ink, Bold: true));
        foreach (var (line, disputes) in sources.Lines)
        {
            svg.Text(line, TextAnchor.Start, new TextStyle(DiagramPage.SourceFontSize, disputes ? ReportPalette.Contested : ReportPalette.Ink));
        }
    }
}
