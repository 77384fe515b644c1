using GraphService.Reports.Text;

namespace GraphService.Reports.Drawing;

/// <summary>One path to draw: a caption, its entities in walking order, and the relationship between each two neighbours.</summary>
/// <param name="Caption">The line above the row ("Path 1 · 3 hops").</param>
/// <param name="Nodes">The entities, first to last.</param>
/// <param name="Links">Links[j] joins Nodes[j] and Nodes[j + 1], in whichever direction it points.</param>
internal sealed record DiagramPath(string Caption, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramLink> Links);

/// <summary>A laid-out path: its caption and its placed entities and relationships.</summary>
internal sealed record PathRow(TextBlock Caption, IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedLink> Links);

/// <summary>The rows of a path diagram, the width they need and the y where they end.</summary>
internal sealed record PathDrawing(int Width, IReadOnlyList<PathRow> Rows, double Bottom);

/// <summary>
/// Lays out paths left to right, one row per path, stacked: entity boxes of one width spaced evenly across the diagram
/// (the same spacing in every row, so entities line up in columns), each relationship's label above its arrow. A path
/// with more entities than fit in the requested width makes the diagram wider. Pure and deterministic.
/// </summary>
internal static class PathLayout
{
    public const double NodeWidth = 120;
    public const double CaptionFontSize = 11;
    public const double LabelFontSize = 11;
    public const double NameFontSize = 12;

    private const int Margin = DiagramPage.Margin;
    private const int MinGap = 56;
    private const int MaxGap = 180;
    private const double CaptionBaseline = 12;
    private const double CaptionHeight = 22;
    private const double LabelLineHeight = 13;
    private const int LabelMaxLines = 2;
    private const int LabelMinChars = 8;
    private const double LabelOverhang = 8;
    private const double LabelToBox = 8;
    private const double NameLineHeight = 15;
    private const int NameMaxLines = 3;
    private const double NamePadding = 10;
    private const double BoxPadding = 14;
    private const double NameBaselineOffset = 11.5;
    private const double LinkInset = 2;
    private const double RowGap = 18;

    /// <param name="paths">The paths, in the order they are drawn top to bottom.</param>
    /// <param name="minWidth">The width to lay out for; the result is wider only when a path does not fit.</param>
    /// <param name="top">The y where the first row starts.</param>
    public static PathDrawing Arrange(IReadOnlyList<DiagramPath> paths, int minWidth, double top)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var maxNodes = paths.Count == 0 ? 1 : paths.Max(p => p.Nodes.Count);
        var width = Math.Max(minWidth, (int)((2 * Margin) + (maxNodes * NodeWidth) + ((maxNodes - 1) * MinGap)));
        var gap = maxNodes > 1 ? Math.Min(MaxGap, (int)(width - (2 * Margin) - (maxNodes * NodeWidth)) / (maxNodes - 1)) : 0;

        var rows = new List<PathRow>(paths.Count);
        var y = top;
        foreach (var path in paths)
        {
            var (row, bottom) = Row(path, gap, y);
            rows.Add(row);
            y = bottom + RowGap;
        }

        return new PathDrawing(width, rows, y);
    }

    private static (PathRow Row, double Bottom) Row(DiagramPath path, int gap, double top)
    {
        if (path.Nodes.Count != path.Links.Count + 1)
        {
            throw new ArgumentException($"A path needs one entity more than relationships; got {path.Nodes.Count} and {path.Links.Count}.", nameof(path));
        }

        var caption = TextBlock.Stack([(path.Caption, false)], new Point(Margin, top + CaptionBaseline), LabelLineHeight, CaptionFontSize, TextAnchor.Start);
        var y = top + CaptionHeight;
        var labelChars = Math.Max(LabelMinChars, TextMetrics.CharsIn(gap + NodeWidth - LabelOverhang, LabelFontSize));
        var labels = path.Links.Select(l => LabelLines(l, labelChars)).ToList();
        var labelHeight = labels.Count == 0 ? 0 : labels.Max(l => l.Count) * LabelLineHeight;
        var nameChars = TextMetrics.CharsIn(NodeWidth - NamePadding, NameFontSize);
        var names = path.Nodes.Select(n => TextWrap.Lines(n.Name, nameChars, NameMaxLines)).ToList();
        var boxHeight = (names.Max(n => n.Count) * NameLineHeight) + BoxPadding;
        var boxTop = y + labelHeight + LabelToBox;
        var mid = boxTop + (boxHeight / 2.0);
        double Left(int column) => Margin + (column * (NodeWidth + gap));

        var links = new List<PlacedLink>(path.Links.Count);
        for (var j = 0; j < path.Links.Count; j++)
        {
            var link = path.Links[j];
            var forward = IsForward(link, path.Nodes[j], path.Nodes[j + 1]);
            var left = new Point(Left(j) + NodeWidth + LinkInset, mid);
            var right = new Point(Left(j + 1) - LinkInset, mid);
            var (tail, head) = forward ? (left, right) : (right, left);
            var lines = labels[j];
            var first = new Point((left.X + right.X) / 2.0, boxTop - LabelToBox - ((lines.Count - 1) * LabelLineHeight));
            links.Add(new PlacedLink(link.Id, tail, head, Arrowhead.At(tail, head), TextBlock.Stack(lines, first, LabelLineHeight, LabelFontSize, TextAnchor.Middle), link.Contested));
        }

        var nodes = new List<PlacedNode>(path.Nodes.Count);
        for (var j = 0; j < path.Nodes.Count; j++)
        {
            var box = new Box(Left(j), boxTop, NodeWidth, boxHeight);
            var lines = names[j];
            var first = new Point(box.Left + (NodeWidth / 2.0), boxTop + ((boxHeight - (lines.Count * NameLineHeight)) / 2) + NameBaselineOffset);
            var name = TextBlock.Stack([.. lines.Select(l => (l, false))], first, NameLineHeight, NameFontSize, TextAnchor.Middle);
            nodes.Add(new PlacedNode(path.Nodes[j].Id, box, name));
        }

        return (new PathRow(caption, nodes, links), boxTop + boxHeight);
    }

    /// <summary>The label wrapped to two lines at most, then "(contested)" as a note line when it is contested.</summary>
    internal static List<(string Text, bool Note)> LabelLines(DiagramLink link, int maxChars)
    {
        var lines = TextWrap.Lines(link.Label, Math.Max(LabelMinChars, maxChars), LabelMaxLines).Select(l => (l, false)).ToList();
        if (link.Contested)
        {
            lines.Add((Model.ReportWording.ContestedMark, true));
        }

        return lines;
    }

    private static bool IsForward(DiagramLink link, DiagramNode from, DiagramNode to) =>
        link.StartId == from.Id && link.EndId == to.Id
            ? true
            : link.StartId == to.Id && link.EndId == from.Id
                ? false
                : throw new ArgumentException($"Relationship {link.Id} ({link.StartId} → {link.EndId}) does not join path entities {from.Id} and {to.Id}.", nameof(link));
}
