namespace GraphService.Reports.Drawing;

/// <summary>The triangle drawn at the head of a relationship's line.</summary>
internal static class Arrowhead
{
    private const double Length = 8;
    private const double HalfWidth = 4;

    /// <summary>The three corners of an arrowhead whose tip is the line's head, pointing from its tail.</summary>
    public static IReadOnlyList<Point> At(Point tail, Point head)
    {
        var angle = Math.Atan2(head.Y - tail.Y, head.X - tail.X);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var (bx, by) = (head.X - (Length * cos), head.Y - (Length * sin));
        return [head, new Point(bx - (HalfWidth * sin), by + (HalfWidth * cos)), new Point(bx + (HalfWidth * sin), by - (HalfWidth * cos))];
    }
}
