using GraphService.Reports.Text;

namespace GraphService.Reports.Drawing;

/// <summary>One path to draw: a caption, its entities in walking order, and the hop between each two neighbours.</summary>
/// <param name="Caption">The line above the row ("Path 1 · 3 hops").</param>
/// <param name="Nodes">The entities, first to last.</param>
/// <param name="Hops">Hops[j] joins Nodes[j] and Nodes[j + 1] (as <see cref="Model.PathStep"/> found it).</param>
internal sealed record DiagramPath(string Caption, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramHop> Hops);

/// <summary>A relationship on a path, <paramref name="Forward"/> when it points along the walk.</summary>
internal sealed record DiagramHop(DiagramLink Link, bool Forward);

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

    /// <summary>A label may run over its neighbouring boxes' halves, less this much, since it sits above them.</summary>
    private const double LabelOverhang = 8;

    /// <summary>Between a label's last baseline and the boxes' tops.</summary>
    private const double LabelToBox = 8;

    private const double NameLineHeight = 15;
    private const int NameMaxLines = 3;

    /// <summary>Room inside a box, left and right together, that its name does not use.</summary>
    private const double NamePadding = 10;

    /// <summary>A box is its name's lines and this much more in height.</summary>
    private const double BoxPadding = 14;

    /// <summary>From the top of a name line to its baseline (the name font's ascent within the line height).</summary>
    private const double NameBaselineOffset = 11.5;

    /// <summary>Space between a box and the end of a line that meets it.</summary>
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
        if (path.Nodes.Count != path.Hops.Count + 1)
        {
            throw new ArgumentException($"Path \"{path.Caption}\" needs one entity more than hops; got {path.Nodes.Count} and {path.Hops.Count}.", nameof(path));
        }

        var caption = TextBlock.Stack([(path.Caption, false)], new Point(Margin, top + CaptionBaseline), LabelLineHeight, CaptionFontSize, TextAnchor.Start);
        var y = top + CaptionHeight;
        var labelChars = TextMetrics.CharsIn(gap + NodeWidth - LabelOverhang, LabelFontSize);
        var labels = path.Hops.Select(h => h.Link.LabelLines(labelChars)).ToList();
        var labelHeight = labels.Count == 0 ? 0 : labels.Max(l => l.Count) * LabelLineHeight;
        var nameChars = TextMetrics.CharsIn(NodeWidth - NamePadding, NameFontSize);
        var names = path.Nodes.Select(n => TextWrap.Lines(n.Name, nameChars, NameMaxLines)).ToList();
        var boxHeight = (names.Max(n => n.Count) * NameLineHeight) + BoxPadding;
        var boxTop = y + labelHeight + LabelToBox;
        var mid = boxTop + (boxHeight / 2.0);
        double Left(int column) => Margin + (column * (NodeWidth + gap));

        var links = new List<PlacedLink>(path.Hops.Count);
        for (var j = 0; j < path.Hops.Count; j++)
        {
            var (link, forward) = path.Hops[j];
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
}
