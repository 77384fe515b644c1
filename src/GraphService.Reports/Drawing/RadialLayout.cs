using GraphService.Reports.Text;

namespace GraphService.Reports.Drawing;

/// <summary>A laid-out neighborhood: the width it needs, its entities (in id order), its relationships and the y where it ends.</summary>
internal sealed record RadialDrawing(int Width, IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedLink> Links, double Bottom);

/// <summary>
/// Lays out a neighborhood in rings around its centre: ring k holds the entities k hops away (over relationships in
/// either direction), and entities that no relationship reaches go on a ring of their own outside the rest. The first
/// ring is spread evenly from the top; each outer entity goes as close as it can to the entities that reached it,
/// keeping a minimum spacing, so relationships run outwards instead of across the centre. Labels sit at the middle of
/// their relationship, parallel relationships' labels shifted apart. Pure and deterministic.
/// </summary>
internal static class RadialLayout
{
    public const double CentreRadius = 14;
    public const double NodeRadius = 10;
    public const double CentreNameFontSize = 12;
    public const double NameFontSize = 11;
    public const double LabelFontSize = 10;

    /// <summary>Radial distance between two rings, at least.</summary>
    private const double RingSpacing = 170;

    /// <summary>Characters per line of an entity's name; a longer word is cut.</summary>
    private const int NameChars = 20;

    /// <summary>Space between the names of two neighbouring entities, at least.</summary>
    private const double NameGap = 12;

    /// <summary>
    /// Distance between the centres of two entities on one ring, at least: the widest name and a gap. Names hang under
    /// circles about 50 px tall together, so centres this far apart cannot have overlapping boxes at any angle.
    /// </summary>
    private const double NodeSpacing = (NameChars * NameFontSize * TextMetrics.AverageCharWidthEm) + NameGap;

    /// <summary>Room left and right of the outer ring, for the names hanging under its entities.</summary>
    private const double SideRoom = 120;

    /// <summary>From the top of the drawing to the centre of its highest entity.</summary>
    private const double TopRoom = 34;

    /// <summary>From the centre of the lowest entity to the end of the drawing (its name hangs below).</summary>
    private const double BottomRoom = 50;

    /// <summary>Space between a circle and the end of a line that meets it.</summary>
    private const double LineGap = 1;

    private const double LineHeight = 13;
    private const int NameMaxLines = 2;
    private const double NameBelowCircle = 13;
    private const int LabelChars = 30;

    /// <summary>Moves a label's baseline down so that the middle of its text, not its baseline, sits on the line.</summary>
    private const double LabelBaselineShift = 4;

    private const double StartAngle = -Math.PI / 2;

    /// <param name="centreId">The entity in the middle; it must be one of <paramref name="nodes"/>.</param>
    /// <param name="nodes">Every entity to draw, each once; the order decides the order around a ring.</param>
    /// <param name="links">The relationships; both ends of each must be in <paramref name="nodes"/>.</param>
    /// <param name="minWidth">The width to lay out for; the result is wider when the rings need it.</param>
    /// <param name="top">The y where the drawing starts.</param>
    public static RadialDrawing Arrange(string centreId, IReadOnlyList<DiagramNode> nodes, IReadOnlyList<DiagramLink> links, int minWidth, double top)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        var byId = new Dictionary<string, DiagramNode>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            if (!byId.TryAdd(n.Id, n))
            {
                throw new ArgumentException($"Entity {n.Id} is listed twice.", nameof(nodes));
            }
        }

        if (!byId.ContainsKey(centreId))
        {
            throw new ArgumentException($"The centre {centreId} is not among the entities.", nameof(centreId));
        }

        foreach (var l in links.Where(l => !byId.ContainsKey(l.StartId) || !byId.ContainsKey(l.EndId)))
        {
            throw new ArgumentException($"Relationship {l.Id} ({l.StartId} → {l.EndId}) has an end that is not among the entities.", nameof(links));
        }

        var rings = Rings(centreId, nodes, links);
        var radii = new List<double> { 0 };
        for (var k = 1; k < rings.Count; k++)
        {
            radii.Add(Math.Max(radii[k - 1] + RingSpacing, RadiusFor(rings[k].Count)));
        }

        var width = Math.Max(minWidth, (int)Math.Ceiling((2 * radii[^1]) + (2 * SideRoom)));
        var cx = width / 2.0;
        var placed = new Dictionary<string, (Point At, double Angle)>(StringComparer.Ordinal) { [centreId] = (new Point(cx, 0), StartAngle) };
        for (var k = 1; k < rings.Count; k++)
        {
            var angles = RingAngles(rings[k], links, placed, radii[k], firstRing: k == 1);
            for (var i = 0; i < rings[k].Count; i++)
            {
                placed[rings[k][i]] = (new Point(cx + (radii[k] * Math.Cos(angles[i])), radii[k] * Math.Sin(angles[i])), angles[i]);
            }
        }

        // Rings are rarely full all round: move the drawing up to its top and end it under its lowest entity.
        var shiftY = top + TopRoom - placed.Values.Min(p => p.At.Y);
        var position = placed.ToDictionary(p => p.Key, p => p.Value.At with { Y = p.Value.At.Y + shiftY }, StringComparer.Ordinal);
        double RadiusOf(string id) => id == centreId ? CentreRadius : NodeRadius;

        var placedLinks = new List<PlacedLink>(links.Count);
        var parallels = new Dictionary<(string, string), int>();
        foreach (var l in links)
        {
            var (s, t) = (position[l.StartId], position[l.EndId]);
            var length = Math.Max(1, Math.Sqrt(((t.X - s.X) * (t.X - s.X)) + ((t.Y - s.Y) * (t.Y - s.Y))));
            var (ux, uy) = ((t.X - s.X) / length, (t.Y - s.Y) / length);
            var tail = new Point(s.X + (ux * (RadiusOf(l.StartId) + LineGap)), s.Y + (uy * (RadiusOf(l.StartId) + LineGap)));
            var head = new Point(t.X - (ux * (RadiusOf(l.EndId) + LineGap)), t.Y - (uy * (RadiusOf(l.EndId) + LineGap)));

            // Parallel relationships between the same two entities get their labels shifted apart, two lines each.
            var pair = string.CompareOrdinal(l.StartId, l.EndId) < 0 ? (l.StartId, l.EndId) : (l.EndId, l.StartId);
            var nth = parallels.GetValueOrDefault(pair);
            parallels[pair] = nth + 1;
            var lines = l.LabelLines(LabelChars);
            var first = new Point((s.X + t.X) / 2, ((s.Y + t.Y) / 2) + (nth * 2 * LineHeight) - ((lines.Count - 1) * LineHeight / 2) + LabelBaselineShift);
            placedLinks.Add(new PlacedLink(l.Id, tail, head, Arrowhead.At(tail, head), TextBlock.Stack(lines, first, LineHeight, LabelFontSize, TextAnchor.Middle), l.Contested));
        }

        var placedNodes = new List<PlacedNode>(position.Count);
        foreach (var (id, at) in position.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var radius = RadiusOf(id);
            var lines = TextWrap.Lines(byId[id].Name, NameChars, NameMaxLines).Select(l => (l, false)).ToList();
            var fontSize = id == centreId ? CentreNameFontSize : NameFontSize;
            var name = TextBlock.Stack(lines, new Point(at.X, at.Y + radius + NameBelowCircle), LineHeight, fontSize, TextAnchor.Middle);
            placedNodes.Add(new PlacedNode(id, Box.Around(at, radius), name));
        }

        return new RadialDrawing(width, placedNodes, placedLinks, position.Values.Max(p => p.Y) + BottomRoom);
    }

    /// <summary>Entities grouped by hops from the centre (breadth-first over relationships in either direction).</summary>
    private static List<List<string>> Rings(string centreId, IReadOnlyList<DiagramNode> nodes, IReadOnlyList<DiagramLink> links)
    {
        var adjacency = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var l in links)
        {
            Add(l.StartId, l.EndId);
            Add(l.EndId, l.StartId);
        }

        var ring = new Dictionary<string, int>(StringComparer.Ordinal) { [centreId] = 0 };
        var queue = new Queue<string>();
        queue.Enqueue(centreId);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var next in adjacency.GetValueOrDefault(id) ?? [])
            {
                if (ring.TryAdd(next, ring[id] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        var unreached = ring.Values.Max() + 1;
        var rings = new List<List<string>> { new() { centreId } };
        foreach (var n in nodes.Where(n => n.Id != centreId))
        {
            var k = ring.TryGetValue(n.Id, out var found) ? found : unreached;
            while (rings.Count <= k)
            {
                rings.Add([]);
            }

            rings[k].Add(n.Id);
        }

        return [.. rings.Where((r, i) => i == 0 || r.Count > 0)];

        void Add(string a, string b)
        {
            if (!adjacency.TryGetValue(a, out var list))
            {
                adjacency[a] = list = [];
            }

            list.Add(b);
        }
    }

    /// <summary>
    /// Angles for one ring. The first ring is spread evenly from the top. An outer entity goes as close as it can to the
    /// angle of the entities that reached it, keeping the angle at which neighbours are <see cref="NodeSpacing"/> apart
    /// (a chord, not an arc); a ring too full for that is spread evenly, in the order of those angles.
    /// </summary>
    private static double[] RingAngles(List<string> ring, IReadOnlyList<DiagramLink> links, Dictionary<string, (Point At, double Angle)> placed, double radius, bool firstRing)
    {
        var n = ring.Count;
        var even = 2 * Math.PI / n;
        var desired = ring.Select((id, index) => (id, index, angle: ParentAngle(id, links, placed))).ToList();
        if (firstRing || desired.All(d => double.IsNaN(d.angle)))
        {
            return [.. Enumerable.Range(0, n).Select(i => StartAngle + (i * even))];
        }

        // An entity with no placed neighbour (one nothing reaches) is placed opposite the top, at the bottom-left.
        var order = desired.Select(d => (d.id, d.index, angle: double.IsNaN(d.angle) ? Math.PI : d.angle))
            .OrderBy(d => d.angle).ThenBy(d => d.index).ToList();
        var spacing = Math.Min(even, 2 * Math.Asin(Math.Min(1, NodeSpacing / (2 * radius))));
        var assigned = new double[n];
        for (var i = 0; i < n; i++)
        {
            assigned[i] = i == 0 ? order[0].angle : Math.Max(order[i].angle, assigned[i - 1] + spacing);
        }

        // Centre the run on the angles it wanted, unless it is too long to fit the ring, then spread evenly.
        var tooLong = assigned[^1] - assigned[0] > (2 * Math.PI) - spacing;
        var shift = order.Select((d, i) => d.angle - assigned[i]).Average();
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[ring.IndexOf(order[i].id)] = tooLong ? order[0].angle + (i * even) : assigned[i] + shift;
        }

        return result;
    }

    /// <summary>The smallest radius at which <paramref name="count"/> entities spread evenly are <see cref="NodeSpacing"/> apart.</summary>
    private static double RadiusFor(int count) => count < 2 ? 0 : NodeSpacing / (2 * Math.Sin(Math.PI / count));

    private static double ParentAngle(string id, IReadOnlyList<DiagramLink> links, Dictionary<string, (Point At, double Angle)> placed)
    {
        var angles = new List<double>();
        foreach (var l in links)
        {
            var other = l.StartId == id ? l.EndId : l.EndId == id ? l.StartId : null;
            if (other is not null && placed.TryGetValue(other, out var p))
            {
                angles.Add(p.Angle);
            }
        }

        // The circular mean, so parents at 350° and 10° pull towards 0°, not 180°.
        return angles.Count == 0 ? double.NaN : Math.Atan2(angles.Average(Math.Sin), angles.Average(Math.Cos));
    }
}
