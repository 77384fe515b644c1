using System.Globalization;
using GraphService.Reports.Drawing;

namespace GraphService.Reports.Tests.Drawing;

public class RadialLayoutTests
{
    private static DiagramNode N(string id) => new(id, "Entity " + id);

    private static DiagramLink L(string from, string to) => new($"{from}-{to}", from, to, "is allied with [1]", false);

    [Fact]
    public void The_centre_is_in_the_middle_and_each_ring_is_farther_out()
    {
        // c — a, c — b, a — d, d — e: rings {a, b}, {d}, {e}
        var drawing = RadialLayout.Arrange("c", [N("c"), N("a"), N("b"), N("d"), N("e")], [L("c", "a"), L("b", "c"), L("a", "d"), L("d", "e")], 800, top: 56);
        var at = drawing.Nodes.ToDictionary(n => n.Id, n => n.Shape.Centre);
        double Distance(string id) => Math.Sqrt(Math.Pow(at[id].X - at["c"].X, 2) + Math.Pow(at[id].Y - at["c"].Y, 2));

        Assert.Equal(drawing.Width / 2.0, at["c"].X);
        Assert.Equal(Distance("a"), Distance("b"), 6);
        Assert.True(Distance("d") > Distance("a") + 100);
        Assert.True(Distance("e") > Distance("d") + 100);
        Assert.True(drawing.Nodes.Min(n => n.Shape.Top) >= 56);
        Assert.True(drawing.Bottom >= drawing.Nodes.Max(n => n.Bounds.Bottom));
    }

    [Fact]
    public void An_entity_nothing_reaches_goes_outside_the_rest()
    {
        var drawing = RadialLayout.Arrange("c", [N("c"), N("a"), N("lonely")], [L("c", "a")], 800, top: 0);
        var at = drawing.Nodes.ToDictionary(n => n.Id, n => n.Shape.Centre);

        Assert.True(Math.Abs(at["lonely"].Y - at["c"].Y) + Math.Abs(at["lonely"].X - at["c"].X) > Math.Abs(at["a"].Y - at["c"].Y) + Math.Abs(at["a"].X - at["c"].X));
    }

    [Fact]
    public void Every_entity_is_placed_once_in_id_order_and_every_relationship_once()
    {
        var (nodes, links) = RandomNeighborhood(seed: 3, size: 25);

        var drawing = RadialLayout.Arrange("n0", nodes, links, 800, top: 0);

        Assert.Equal(nodes.Select(n => n.Id).Order(StringComparer.Ordinal), drawing.Nodes.Select(n => n.Id));
        Assert.Equal(links.Select(l => l.Id), drawing.Links.Select(l => l.Id));
    }

    [Fact]
    public void A_line_runs_from_the_edge_of_its_start_circle_to_the_edge_of_its_end_circle()
    {
        var (nodes, links) = RandomNeighborhood(seed: 5, size: 15);

        var drawing = RadialLayout.Arrange("n0", nodes, links, 800, top: 0);
        var shape = drawing.Nodes.ToDictionary(n => n.Id, n => n.Shape);

        Assert.All(drawing.Links, link =>
        {
            var l = links.Single(x => x.Id == link.Id);
            Assert.Equal(shape[l.StartId].Width / 2 + 1, Distance(link.Tail, shape[l.StartId].Centre), 6);
            Assert.Equal(shape[l.EndId].Width / 2 + 1, Distance(link.Head, shape[l.EndId].Centre), 6);
            Assert.Equal(link.Head, link.Arrowhead[0]);
        });
    }

    [Fact]
    public void Parallel_relationships_get_their_labels_apart()
    {
        var drawing = RadialLayout.Arrange("c", [N("c"), N("a")], [new("r1", "c", "a", "leads", false), new("r2", "a", "c", "is led by", true)], 800, top: 0);

        Assert.False(drawing.Links[0].Label.Bounds.Overlaps(drawing.Links[1].Label.Bounds));
    }

    /// <summary>
    /// Property: for neighborhoods of many shapes and sizes (fixed seeds), no entity's circle and name overlaps another's,
    /// and everything lies inside the width the layout reports.
    /// </summary>
    [Fact]
    public void No_two_entities_overlap_in_neighborhoods_of_many_shapes()
    {
        foreach (var size in new[] { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 })
        {
            for (var seed = 0; seed < 8; seed++)
            {
                var (nodes, links) = RandomNeighborhood(seed, size);

                var drawing = RadialLayout.Arrange("n0", nodes, links, 800, top: 0);

                for (var i = 0; i < drawing.Nodes.Count; i++)
                {
                    var a = drawing.Nodes[i];
                    Assert.True(a.Bounds.Left >= 0 && a.Bounds.Right <= drawing.Width, $"size {size}, seed {seed}: {a.Id} is outside the width {drawing.Width}");
                    for (var j = i + 1; j < drawing.Nodes.Count; j++)
                    {
                        var b = drawing.Nodes[j];
                        Assert.False(a.Bounds.Overlaps(b.Bounds), $"size {size}, seed {seed}: {a.Id} {a.Bounds} overlaps {b.Id} {b.Bounds}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Bad_input_is_refused_with_the_item_named()
    {
        var missingEnd = Assert.Throws<ArgumentException>(() => RadialLayout.Arrange("c", [N("c")], [L("c", "ghost")], 800, 0));
        var twice = Assert.Throws<ArgumentException>(() => RadialLayout.Arrange("c", [N("c"), N("a"), N("a")], [], 800, 0));
        var noCentre = Assert.Throws<ArgumentException>(() => RadialLayout.Arrange("c", [N("a")], [], 800, 0));

        Assert.Contains("c-ghost", missingEnd.Message, StringComparison.Ordinal);
        Assert.Contains("a", twice.Message, StringComparison.Ordinal);
        Assert.Contains("centre c", noCentre.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A neighborhood of <paramref name="size"/> entities around n0: each entity after the first links to an earlier one
    /// (so rings form at random depths), some get a second link, names of random length, and one in ten is unreached.
    /// </summary>
    internal static (List<DiagramNode> Nodes, List<DiagramLink> Links) RandomNeighborhood(int seed, int size)
    {
        var random = new Random(seed);
        var words = new[] { "Badr", "Organization", "al-", "Quds", "Force", "Kata'ib", "Hezbollah", "Popular", "Mobilization", "Forces", "Iran" };
        var nodes = Enumerable.Range(0, size)
            .Select(i => new DiagramNode("n" + i.ToString(CultureInfo.InvariantCulture), string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)]))))
            .ToList();
        var links = new List<DiagramLink>();
        for (var i = 1; i < size; i++)
        {
            if (random.Next(10) == 0)
            {
                continue;
            }

            var parent = random.Next(Math.Max(1, i / 2) + (i / 2 > 0 ? random.Next(i / 2) : 0));
            links.Add(random.Next(2) == 0 ? L(nodes[parent].Id, nodes[i].Id) : L(nodes[i].Id, nodes[parent].Id));
            if (random.Next(4) == 0)
            {
                var other = random.Next(i);
                links.Add(new DiagramLink($"extra-{i}", nodes[other].Id, nodes[i].Id, "met with", random.Next(2) == 0));
            }
        }

        return (nodes, links);
    }

    private static double Distance(Point a, Point b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
