using GraphService.Reports.Drawing;

namespace GraphService.Reports.Tests.Drawing;

public class PathLayoutTests
{
    private static DiagramNode N(string id) => new(id, "Entity " + id);

    /// <summary>A hop from <paramref name="from"/> to <paramref name="to"/> along the walk; forward unless the relationship points back.</summary>
    private static DiagramHop H(string from, string to, bool forward = true, bool contested = false) =>
        new(new DiagramLink($"{from}-{to}", forward ? from : to, forward ? to : from, $"links {from} to {to} [1]", contested), forward);

    /// <summary>a → b ← c → d, then a two-hop path, then a path of one entity.</summary>
    private static IReadOnlyList<DiagramPath> ThreePaths =>
    [
        new("Path 1", [N("a"), N("b"), N("c"), N("d")], [H("a", "b"), H("b", "c", forward: false, contested: true), H("c", "d")]),
        new("Path 2", [N("a"), N("e"), N("d")], [H("a", "e"), H("e", "d")]),
        new("Path 3", [N("a")], []),
    ];

    [Fact]
    public void Each_path_is_one_row_running_left_to_right_below_the_one_before()
    {
        var drawing = PathLayout.Arrange(ThreePaths, 800, top: 56);

        Assert.Equal(3, drawing.Rows.Count);
        Assert.Equal(["a", "b", "c", "d"], drawing.Rows[0].Nodes.Select(n => n.Id));
        foreach (var row in drawing.Rows)
        {
            Assert.All(row.Nodes.Zip(row.Nodes.Skip(1)), p => Assert.True(p.First.Shape.Right < p.Second.Shape.Left));
            Assert.True(row.Caption.Bounds.Bottom <= row.Nodes.Min(n => n.Shape.Top));
        }

        Assert.All(drawing.Rows.Zip(drawing.Rows.Skip(1)), p => Assert.True(p.First.Nodes.Max(n => n.Bounds.Bottom) < p.Second.Caption.Bounds.Top));
        Assert.True(drawing.Rows[0].Caption.Bounds.Top >= 56);
        Assert.True(drawing.Bottom >= drawing.Rows[^1].Nodes[0].Shape.Bottom);
    }

    [Fact]
    public void No_two_entity_boxes_overlap_and_every_name_fits_its_box()
    {
        var drawing = PathLayout.Arrange(ThreePaths, 800, top: 0);
        var boxes = drawing.Rows.SelectMany(r => r.Nodes).ToList();

        Assert.All(boxes, n => Assert.True(n.Name.Bounds.Left >= n.Shape.Left && n.Name.Bounds.Right <= n.Shape.Right, $"{n.Id}'s name is wider than its box"));
        Assert.All(boxes, n => Assert.True(n.Name.Bounds.Top >= n.Shape.Top && n.Name.Bounds.Bottom <= n.Shape.Bottom, $"{n.Id}'s name is taller than its box"));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Bounds.Overlaps(boxes[j].Bounds), $"boxes {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Entities_line_up_in_columns_across_rows()
    {
        var drawing = PathLayout.Arrange(ThreePaths, 800, top: 0);

        Assert.Equal(drawing.Rows[0].Nodes[0].Shape.Left, drawing.Rows[1].Nodes[0].Shape.Left);
        Assert.Equal(drawing.Rows[0].Nodes[2].Shape.Left, drawing.Rows[1].Nodes[2].Shape.Left);
    }

    [Fact]
    public void An_arrow_points_the_way_its_relationship_points_and_its_label_sits_above_it()
    {
        var row = PathLayout.Arrange(ThreePaths, 800, top: 0).Rows[0];
        var (b, c) = (row.Nodes[1].Shape, row.Nodes[2].Shape);
        var forward = row.Links[0];
        var backward = row.Links[1];

        Assert.True(forward.Head.X > forward.Tail.X);
        Assert.True(backward.Head.X < backward.Tail.X);
        Assert.InRange(backward.Head.X, b.Right, b.Right + 3);
        Assert.InRange(backward.Tail.X, c.Left - 3, c.Left);
        Assert.Equal(backward.Head, backward.Arrowhead[0]);
        Assert.All(backward.Arrowhead.Skip(1), p => Assert.True(p.X > backward.Head.X));
        Assert.True(backward.Label.Bounds.Bottom <= b.Top);
        Assert.Equal((b.Right + c.Left) / 2, backward.Label.Lines[0].Baseline.X, 6);
        Assert.Equal([false, true], backward.Label.Lines.Select(l => l.Note));
        Assert.Equal("(contested)", backward.Label.Lines[^1].Text);
    }

    [Fact]
    public void A_path_too_long_for_the_width_widens_the_diagram_and_a_short_one_keeps_it()
    {
        var nodes = Enumerable.Range(0, 9).Select(i => N(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var hops = nodes.Zip(nodes.Skip(1)).Select(p => H(p.First.Id, p.Second.Id)).ToList();

        var wide = PathLayout.Arrange([new DiagramPath("long", nodes, hops)], 800, top: 0);
        var narrow = PathLayout.Arrange(ThreePaths, 800, top: 0);

        Assert.True(wide.Width > 800);
        Assert.True(wide.Rows[0].Nodes[^1].Shape.Right <= wide.Width);
        Assert.Equal(800, narrow.Width);
        Assert.True(narrow.Rows[0].Nodes[^1].Shape.Right <= 800);
    }

    [Fact]
    public void Long_names_and_labels_are_wrapped_and_cut_to_fit()
    {
        var longName = new DiagramNode("x", string.Join(' ', Enumerable.Repeat("Organisation", 12)));
        var longLabel = new DiagramLink("r", "x", "y", string.Join(' ', Enumerable.Repeat("is connected with", 10)), false);

        var row = PathLayout.Arrange([new DiagramPath("p", [longName, N("y")], [new DiagramHop(longLabel, true)])], 800, top: 0).Rows[0];

        Assert.Equal(3, row.Nodes[0].Name.Lines.Count);
        Assert.EndsWith("…", row.Nodes[0].Name.Lines[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, row.Links[0].Label.Lines.Count);
        Assert.True(row.Nodes[0].Name.Bounds.Right <= row.Nodes[0].Shape.Right);
    }

    [Fact]
    public void A_path_whose_hops_do_not_join_its_entities_is_refused()
    {
        var broken = new DiagramPath("Path 7", [N("a"), N("b")], [H("a", "b"), H("b", "c")]);

        var error = Assert.Throws<ArgumentException>(() => PathLayout.Arrange([broken], 800, top: 0));

        Assert.Contains("Path 7", error.Message, StringComparison.Ordinal);
    }
}
