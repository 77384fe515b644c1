using System.Globalization;
using System.Text;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Reports.Model;
using GraphService.Reports.Text;

namespace GraphService.Reports;

/// <summary>
/// A standalone SVG diagram: paths laid out left to right, one row per path, stacked; a neighborhood in rings around
/// its centre (ring k holds the entities k hops away). Entities carry their names (full name in a <c>title</c>
/// tooltip), relationships their predicate phrase and footnote numbers, and a source list under the diagram resolves
/// the numbers. Arrows point the way each relationship points; contested relationships are dashed and red.
/// No fonts, scripts, ids or external references; coordinates are rounded, so the same input gives the same bytes.
/// </summary>
public static class SvgDiagram
{
    private const int Margin = 16;
    private const int NodeWidth = 120;
    private const int MinGap = 56;
    private const int MaxGap = 180;
    private const double SmallCharWidth = 6.2;
    private const double NameCharWidth = 6.8;
    private const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    private const string Ink = "#1f2328";
    private const string Muted = "#59636e";
    private const string Contested = "#b42318";

    public static string Write(PathResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var numbering = CitationNumbering.For(result);
        var body = new StringBuilder();
        var maxNodes = result.Paths.Count == 0 ? 1 : result.Paths.Max(p => p.Nodes.Count);
        var width = Math.Max(options.DiagramWidth, (2 * Margin) + (maxNodes * NodeWidth) + ((maxNodes - 1) * MinGap));
        var gap = maxNodes > 1 ? Math.Min(MaxGap, (width - (2 * Margin) - (maxNodes * NodeWidth)) / (maxNodes - 1)) : 0;

        var y = Header(body, $"{result.From.Name} → {result.To.Name}",
            $"{MarkdownReport.Count(result.Paths.Count, "path", "paths")} · graph version {result.GraphVersion}" +
            (result.Truncated ? " · search stopped at its work budget" : string.Empty));

        if (result.Paths.Count == 0)
        {
            Text(body, Margin, y + 14, "No path connects them in this graph.", 12, Ink);
            y += 28;
        }

        for (var i = 0; i < result.Paths.Count; i++)
        {
            var path = result.Paths[i];
            var steps = PathStep.Of(path);
            Text(body, Margin, y + 12, $"Path {i + 1} · {MarkdownReport.Count(steps.Count, "hop", "hops")}", 11, Muted);
            y += 22;

            var labelChars = (int)((gap + NodeWidth - 8) / SmallCharWidth);
            var labels = steps.Select(s => EdgeLabel(s.Relationship, numbering, labelChars)).ToList();
            var labelHeight = labels.Count == 0 ? 0 : labels.Max(l => l.Count) * 13;
            var names = path.Nodes.Select(n => TextWrap.Lines(n.Name, (int)((NodeWidth - 10) / NameCharWidth), 3)).ToList();
            var boxHeight = (names.Max(n => n.Count) * 15) + 14;
            var boxTop = y + labelHeight + 8;
            var mid = boxTop + (boxHeight / 2.0);

            body.Append("<g>\n");
            for (var j = 0; j < steps.Count; j++)
            {
                var x1 = Margin + (j * (NodeWidth + gap)) + NodeWidth;
                var x2 = x1 + gap;
                var r = steps[j].Relationship;
                var colour = r.Contested ? Contested : Ink;
                body.Append("<line x1=\"").Append(N(x1 + 2)).Append("\" y1=\"").Append(N(mid)).Append("\" x2=\"").Append(N(x2 - 2))
                    .Append("\" y2=\"").Append(N(mid)).Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\"")
                    .Append(r.Contested ? " stroke-dasharray=\"5 4\"" : string.Empty).Append("/>\n");
                Arrowhead(body, steps[j].Forward ? x2 - 2 : x1 + 2, mid, steps[j].Forward ? 0 : Math.PI, colour);
                var lines = labels[j];
                for (var k = 0; k < lines.Count; k++)
                {
                    var (text, contested) = lines[k];
                    Text(body, (x1 + x2) / 2.0, boxTop - 8 - ((lines.Count - 1 - k) * 13), text, 11, contested ? Contested : Ink, anchorMiddle: true);
                }
            }

            for (var j = 0; j < path.Nodes.Count; j++)
            {
                var x = Margin + (j * (NodeWidth + gap));
                NodeBox(body, path.Nodes[j], names[j], x, boxTop, boxHeight);
            }

            body.Append("</g>\n");
            y = boxTop + boxHeight + 18;
        }

        y = Sources(body, numbering, y, width);
        return Wrap(body, width, y + Margin);
    }

    public static string Write(NeighborhoodResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var numbering = CitationNumbering.For(result);
        var nodes = MarkdownReport.NodeIndex(result);
        var relationships = result.Relationships.DistinctBy(r => r.Id).ToList();
        foreach (var r in relationships)
        {
            foreach (var end in new[] { r.StartNodeId, r.EndNodeId })
            {
                if (!nodes.ContainsKey(end))
                {
                    nodes = new Dictionary<string, NodeView>(nodes, StringComparer.Ordinal) { [end] = Explanation.NodeOf(end, nodes) };
                }
            }
        }

        var rings = Rings(result, nodes, relationships);
        var radii = new List<double> { 0 };
        for (var k = 1; k < rings.Count; k++)
        {
            radii.Add(Math.Max(radii[k - 1] + 170, rings[k].Count * 125 / (2 * Math.PI)));
        }

        var outer = radii[^1];
        var width = Math.Max(options.DiagramWidth, (int)Math.Ceiling((2 * outer) + 240));
        var body = new StringBuilder();
        var top = Header(body, $"Around {result.Center.Name}",
            $"{MarkdownReport.Count(nodes.Count, "entity", "entities")}, {MarkdownReport.Count(relationships.Count, "relationship", "relationships")} · graph version {result.GraphVersion}" +
            (result.Truncated ? " · cut at the entity limit" : string.Empty));
        var cx = width / 2.0;
        const double cy = 0;

        var position = new Dictionary<string, (double X, double Y, double Angle)>(StringComparer.Ordinal)
        {
            [result.Center.Id] = (cx, cy, -Math.PI / 2),
        };
        for (var k = 1; k < rings.Count; k++)
        {
            var angles = RingAngles(rings[k], relationships, position, radii[k], firstRing: k == 1);
            for (var i = 0; i < rings[k].Count; i++)
            {
                position[rings[k][i]] = (cx + (radii[k] * Math.Cos(angles[i])), cy + (radii[k] * Math.Sin(angles[i])), angles[i]);
            }
        }

        // Rings are rarely full all round: move the drawing up under the header and end it under its lowest entity.
        var shiftY = top + 34 - position.Values.Min(p => p.Y);
        foreach (var id in position.Keys.ToList())
        {
            var p = position[id];
            position[id] = (p.X, p.Y + shiftY, p.Angle);
        }

        var bottom = position.Values.Max(p => p.Y) + 50;

        body.Append("<g>\n");
        var pairCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in relationships)
        {
            var (sx, sy, _) = position[r.StartNodeId];
            var (tx, ty, _) = position[r.EndNodeId];
            var length = Math.Max(1, Math.Sqrt(((tx - sx) * (tx - sx)) + ((ty - sy) * (ty - sy))));
            var (ux, uy) = ((tx - sx) / length, (ty - sy) / length);
            var startR = r.StartNodeId == result.Center.Id ? 15 : 11;
            var endR = r.EndNodeId == result.Center.Id ? 15 : 11;
            var colour = r.Contested ? Contested : "#8c959f";
            var (ax, ay) = (sx + (ux * startR), sy + (uy * startR));
            var (bx, by) = (tx - (ux * endR), ty - (uy * endR));
            body.Append("<line x1=\"").Append(N(ax)).Append("\" y1=\"").Append(N(ay)).Append("\" x2=\"").Append(N(bx)).Append("\" y2=\"").Append(N(by))
                .Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\"").Append(r.Contested ? " stroke-dasharray=\"5 4\"" : string.Empty).Append("/>\n");
            Arrowhead(body, bx, by, Math.Atan2(uy, ux), r.Contested ? Contested : "#57606a");

            // Parallel relationships between the same two entities get their labels shifted apart.
            var pair = string.CompareOrdinal(r.StartNodeId, r.EndNodeId) < 0 ? r.StartNodeId + "\u0000" + r.EndNodeId : r.EndNodeId + "\u0000" + r.StartNodeId;
            var nth = pairCounts.GetValueOrDefault(pair);
            pairCounts[pair] = nth + 1;
            var label = EdgeLabel(r, numbering, 30);
            var lx = (sx + tx) / 2;
            var ly = ((sy + ty) / 2) + (nth * 2 * 13) - ((label.Count - 1) * 6.5) + 4;
            for (var k = 0; k < label.Count; k++)
            {
                Text(body, lx, ly + (k * 13), label[k].Text, 10, label[k].Contested ? Contested : Ink, anchorMiddle: true, halo: true);
            }
        }

        foreach (var (id, (x, y, _)) in position.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var node = nodes[id];
            var isCenter = id == result.Center.Id;
            var radius = isCenter ? 14 : 10;
            body.Append("<g>\n<title>").Append(XmlText.Escape($"{node.Name} ({node.Type})")).Append("</title>\n");
            body.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"").Append(N(radius)).Append("\" fill=\"")
                .Append(Fill(node.Type)).Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"").Append(isCenter ? "2.5" : "1.2").Append("\"/>\n");
            var lines = TextWrap.Lines(node.Name, 20, 2);
            for (var k = 0; k < lines.Count; k++)
            {
                Text(body, x, y + radius + 13 + (k * 13), lines[k], isCenter ? 12 : 11, Ink, anchorMiddle: true, halo: true, bold: isCenter);
            }

            body.Append("</g>\n");
        }

        body.Append("</g>\n");
        var yEnd = Sources(body, numbering, (int)Math.Ceiling(bottom), width);
        return Wrap(body, width, yEnd + Margin);
    }

    /// <summary>Entities grouped by hops from the centre (breadth-first over relationships in either direction).</summary>
    private static List<List<string>> Rings(NeighborhoodResult result, IReadOnlyDictionary<string, NodeView> nodes, IReadOnlyList<RelationshipView> relationships)
    {
        var adjacency = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in relationships)
        {
            Add(r.StartNodeId, r.EndNodeId);
            Add(r.EndNodeId, r.StartNodeId);
        }

        var ring = new Dictionary<string, int>(StringComparer.Ordinal) { [result.Center.Id] = 0 };
        var queue = new Queue<string>();
        queue.Enqueue(result.Center.Id);
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

        // Listed entities not reached through a relationship go on a ring of their own outside the rest.
        var order = result.Nodes.Select(n => n.Id).Concat(nodes.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var unreached = ring.Count == 0 ? 1 : ring.Values.Max() + 1;
        var rings = new List<List<string>> { new() { result.Center.Id } };
        foreach (var id in order)
        {
            if (id == result.Center.Id)
            {
                continue;
            }

            var k = ring.TryGetValue(id, out var found) ? found : unreached;
            while (rings.Count <= k)
            {
                rings.Add([]);
            }

            rings[k].Add(id);
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
    /// angle of the entities that reached it, keeping a minimum spacing, so relationships run outwards instead of across
    /// the centre; a ring too full for that is spread evenly, in the order of those angles.
    /// </summary>
    private static double[] RingAngles(List<string> ring, IReadOnlyList<RelationshipView> relationships, Dictionary<string, (double X, double Y, double Angle)> placed, double radius, bool firstRing)
    {
        var n = ring.Count;
        var even = 2 * Math.PI / n;
        var desired = ring.Select((id, index) => (id, index, angle: ParentAngle(id, relationships, placed))).ToList();
        if (firstRing || desired.All(d => double.IsNaN(d.angle)))
        {
            return [.. Enumerable.Range(0, n).Select(i => (-Math.PI / 2) + (i * even))];
        }

        var order = desired.Select(d => (d.id, d.index, angle: double.IsNaN(d.angle) ? Math.PI : d.angle))
            .OrderBy(d => d.angle).ThenBy(d => d.index).ToList();
        var spacing = Math.Min(even, 125 / radius);
        var assigned = new double[n];
        for (var i = 0; i < n; i++)
        {
            assigned[i] = i == 0 ? order[0].angle : Math.Max(order[i].angle, assigned[i - 1] + spacing);
        }

        // Centre the run on the angles it wanted, unless it is too long to fit the ring, then spread evenly.
        var shift = order.Select((d, i) => d.angle - assigned[i]).Average();
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var angle = assigned[^1] - assigned[0] > (2 * Math.PI) - spacing ? order[0].angle + (i * even) : assigned[i] + shift;
            result[ring.IndexOf(order[i].id)] = angle;
        }

        return result;
    }

    private static double ParentAngle(string id, IReadOnlyList<RelationshipView> relationships, Dictionary<string, (double X, double Y, double Angle)> placed)
    {
        var angles = new List<double>();
        foreach (var r in relationships)
        {
            var other = r.StartNodeId == id ? r.EndNodeId : r.EndNodeId == id ? r.StartNodeId : null;
            if (other is not null && placed.TryGetValue(other, out var p))
            {
                angles.Add(p.Angle);
            }
        }

        // The circular mean, so parents at 350° and 10° pull towards 0°, not 180°.
        return angles.Count == 0 ? double.NaN : Math.Atan2(angles.Average(Math.Sin), angles.Average(Math.Cos));
    }

    private static List<(string Text, bool Contested)> EdgeLabel(RelationshipView r, CitationNumbering numbering, int maxChars)
    {
        var marks = numbering.NumbersOf(r);
        var text = r.Phrase + (marks.Count > 0 ? " [" + string.Join(", ", marks.Select(m => m.ToString(CultureInfo.InvariantCulture))) + "]" : string.Empty);
        var lines = TextWrap.Lines(text, Math.Max(8, maxChars), 2).Select(l => (l, false)).ToList();
        if (r.Contested)
        {
            lines.Add(("(contested)", true));
        }

        return lines;
    }

    private static int Header(StringBuilder body, string title, string subtitle)
    {
        Text(body, Margin, 26, title, 15, Ink, bold: true);
        Text(body, Margin, 44, subtitle, 11, Muted);
        return 56;
    }

    private static int Sources(StringBuilder body, CitationNumbering numbering, int y, int width)
    {
        if (numbering.Footnotes.Count == 0)
        {
            return y;
        }

        Text(body, Margin, y + 14, "Sources", 12, Ink, bold: true);
        y += 20;
        var maxChars = (int)((width - (2 * Margin)) / SmallCharWidth);
        for (var i = 0; i < numbering.Footnotes.Count; i++)
        {
            var c = numbering.Footnotes[i];
            var line = $"[{i + 1}] {(c.Stance == Stance.Disputes ? "DISPUTES — " : string.Empty)}{c.Publisher}, {c.Published ?? "undated"} — {c.Title}: \u201C{c.Quote}\u201D";
            Text(body, Margin, y + 13, TextWrap.Truncate(line, maxChars), 11, c.Stance == Stance.Disputes ? Contested : Ink);
            y += 16;
        }

        return y + 4;
    }

    private static void NodeBox(StringBuilder body, NodeView node, IReadOnlyList<string> lines, double x, double top, double height)
    {
        body.Append("<g>\n<title>").Append(XmlText.Escape($"{node.Name} ({node.Type})")).Append("</title>\n");
        body.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(top)).Append("\" width=\"").Append(N(NodeWidth)).Append("\" height=\"").Append(N(height))
            .Append("\" rx=\"6\" fill=\"").Append(Fill(node.Type)).Append("\" stroke=\"#57606a\" stroke-width=\"1\"/>\n");
        var first = top + ((height - (lines.Count * 15)) / 2) + 11.5;
        for (var k = 0; k < lines.Count; k++)
        {
            Text(body, x + (NodeWidth / 2.0), first + (k * 15), lines[k], 12, Ink, anchorMiddle: true);
        }

        body.Append("</g>\n");
    }

    private static void Arrowhead(StringBuilder body, double x, double y, double angle, string colour)
    {
        const double length = 8;
        const double half = 4;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var (bx, by) = (x - (length * cos), y - (length * sin));
        body.Append("<polygon points=\"").Append(N(x)).Append(',').Append(N(y)).Append(' ')
            .Append(N(bx - (half * sin))).Append(',').Append(N(by + (half * cos))).Append(' ')
            .Append(N(bx + (half * sin))).Append(',').Append(N(by - (half * cos)))
            .Append("\" fill=\"").Append(colour).Append("\"/>\n");
    }

    private static void Text(StringBuilder body, double x, double y, string text, int size, string colour, bool anchorMiddle = false, bool halo = false, bool bold = false)
    {
        body.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(size)).Append("\" fill=\"").Append(colour).Append('"');
        if (anchorMiddle)
        {
            body.Append(" text-anchor=\"middle\"");
        }

        if (bold)
        {
            body.Append(" font-weight=\"bold\"");
        }

        if (halo)
        {
            body.Append(" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"");
        }

        body.Append('>').Append(XmlText.Escape(text)).Append("</text>\n");
    }

    private static string Wrap(StringBuilder body, int width, int height)
    {
        var sb = new StringBuilder(body.Length + 400);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
          .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" font-family=\"").Append(XmlText.Escape(FontFamily))
          .Append("\" role=\"img\">\n");
        sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"#ffffff\"/>\n");
        sb.Append(body);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Fill(EntityType type) => type switch
    {
        EntityType.Person => "#dbeafe",
        EntityType.Organization => "#fde7c8",
        EntityType.Place => "#d3f0dc",
        EntityType.Event => "#ead9fb",
        _ => "#eeeeee",
    };

    private static string N(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
}
