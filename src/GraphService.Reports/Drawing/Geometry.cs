using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports.Drawing;

/// <summary>A point in diagram pixels; y grows downwards, as in SVG.</summary>
internal readonly record struct Point(double X, double Y);

/// <summary>An axis-aligned box in diagram pixels.</summary>
internal readonly record struct Box(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public Point Centre => new(Left + (Width / 2), Top + (Height / 2));

    /// <summary>The square around a circle.</summary>
    public static Box Around(Point centre, double radius) => new(centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius);

    /// <summary>True when the two boxes share some area (touching edges do not count).</summary>
    public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public Box Union(Box other)
    {
        var left = Math.Min(Left, other.Left);
        var top = Math.Min(Top, other.Top);
        return new Box(left, top, Math.Max(Right, other.Right) - left, Math.Max(Bottom, other.Bottom) - top);
    }
}

/// <summary>Where a line of text hangs from its anchor point: its start (left) or its middle.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
}

/// <summary>One line of a label, its baseline starting at (Start) or centred on (Middle) <paramref name="Baseline"/>.</summary>
/// <param name="Text">The line.</param>
/// <param name="Baseline">The anchor point on the baseline.</param>
/// <param name="Note">True for a line that annotates the label rather than being part of it ("(contested)").</param>
internal sealed record TextLine(string Text, Point Baseline, bool Note = false);

/// <summary>The lines of one label, the font size they were measured at and the box they are estimated to cover.</summary>
internal sealed record TextBlock(IReadOnlyList<TextLine> Lines, double FontSize, TextAnchor Anchor, Box Bounds)
{
    /// <summary>
    /// Lines stacked <paramref name="lineHeight"/> apart from a first baseline at <paramref name="first"/>. The bounds are
    /// estimated from character counts (<see cref="TextMetrics"/>): SVG text has no layout engine to ask.
    /// </summary>
    public static TextBlock Stack(IReadOnlyList<(string Text, bool Note)> lines, Point first, double lineHeight, double fontSize, TextAnchor anchor)
    {
        var placed = lines.Select((l, i) => new TextLine(l.Text, first with { Y = first.Y + (i * lineHeight) }, l.Note)).ToList();
        var width = lines.Count == 0 ? 0 : lines.Max(l => TextMetrics.Width(l.Text, fontSize));
        var left = anchor == TextAnchor.Middle ? first.X - (width / 2) : first.X;
        var top = first.Y - TextMetrics.Ascent(fontSize);
        var height = lines.Count == 0 ? 0 : ((lines.Count - 1) * lineHeight) + TextMetrics.Ascent(fontSize) + TextMetrics.Descent(fontSize);
        return new TextBlock(placed, fontSize, anchor, new Box(left, top, width, height));
    }
}

/// <summary>An entity to place: its id in the graph and the name to show.</summary>
internal sealed record DiagramNode(string Id, string Name);

/// <summary>
/// A relationship to place: its id, its ends in the direction it points, its label (the phrase and footnote marks) and
/// whether any citation disputes it (a contested relationship gets a "(contested)" note under its label).
/// </summary>
internal sealed record DiagramLink(string Id, string StartId, string EndId, string Label, bool Contested)
{
    private const int LabelMaxLines = 2;
    private const int LabelMinChars = 8;

    /// <summary>The label wrapped to two lines at most, then "(contested)" as a note line when it is contested.</summary>
    public List<(string Text, bool Note)> LabelLines(int maxChars)
    {
        var lines = TextWrap.Lines(Label, Math.Max(LabelMinChars, maxChars), LabelMaxLines).Select(l => (l, false)).ToList();
        if (Contested)
        {
            lines.Add((ReportWording.ContestedMark, true));
        }

        return lines;
    }
}

/// <summary>A placed entity: <paramref name="Shape"/> is its rectangle (paths) or the square around its circle (neighborhoods).</summary>
internal sealed record PlacedNode(string Id, Box Shape, TextBlock Name)
{
    /// <summary>The area the entity covers: its shape and its name.</summary>
    public Box Bounds => Shape.Union(Name.Bounds);
}

/// <summary>
/// A placed relationship: a line from <paramref name="Tail"/> to <paramref name="Head"/> (the head at the end the
/// relationship points to), the arrowhead's triangle at the head, and its label.
/// </summary>
internal sealed record PlacedLink(string Id, Point Tail, Point Head, IReadOnlyList<Point> Arrowhead, TextBlock Label, bool Contested);
