using System.Globalization;
using System.Xml.Linq;
using GraphService.Core.Queries;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public class SvgDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_path_diagram_is_well_formed_svg_at_report_width()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(TwoPaths, ReportOptions.Default)).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("800", (string?)svg.Attribute("width"));
        Assert.StartsWith("0 0 800 ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_entity_is_named_in_the_path_diagram()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(TwoPaths, ReportOptions.Default)).Root!;
        var titles = svg.Descendants(Svg + "title").Select(t => t.Value).ToList();
        var texts = string.Join(" ", svg.Descendants(Svg + "text").Select(t => t.Value));

        foreach (var node in AllNodes)
        {
            Assert.Contains($"{node.Name} ({node.Type})", titles);
        }

        foreach (var word in new[] { "Qais", "al-Khazali", "Asaib", "Quds", "Soleimani", "<script>alert(1" })
        {
            Assert.Contains(word, texts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Phrases_and_footnote_numbers_label_the_arrows()
    {
        var texts = XDocument.Parse(SvgDiagram.Write(TwoPaths, ReportOptions.Default)).Root!.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("leads [1, 4]", texts);
        Assert.Contains("is trained by [5, 6]", texts);
        Assert.Contains("(contested)", texts);
        Assert.Contains(texts, t => t.StartsWith("[6] DISPUTES — Asaib Ahl al-Haq, 2021-06", StringComparison.Ordinal));
        Assert.Contains("Qais al-Khazali → Qasem Soleimani", texts);
        Assert.Contains(texts, t => t.Contains("graph version g-5f1c2a9e", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_runs_left_to_right_one_row_per_path()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(TwoPaths, ReportOptions.Default)).Root!;
        var rows = svg.Elements(Svg + "g").ToList();

        Assert.Equal(2, rows.Count);
        var first = Boxes(rows[0]);
        var second = Boxes(rows[1]);
        Assert.Equal(["Qais al-Khazali", HostileName, "Qasem Soleimani"], first.Select(b => b.Name));
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.Equal(4, second.Count);
        Assert.True(second.Zip(second.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.True(second.Min(b => b.Y) > first.Max(b => b.Y));
    }

    [Fact]
    public void Nothing_in_the_diagram_loads_or_runs_anything()
    {
        var svg = SvgDiagram.Write(TwoPaths, ReportOptions.Default) + SvgDiagram.Write(Neighborhood, ReportOptions.Default);
        var elements = XDocument.Parse(SvgDiagram.Write(TwoPaths, ReportOptions.Default)).Descendants().Select(e => e.Name.LocalName).ToHashSet();

        Assert.DoesNotContain("script", elements);
        Assert.DoesNotContain("foreignObject", elements);
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighborhood_is_drawn_in_rings_around_its_centre()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(Neighborhood, ReportOptions.Default)).Root!;
        var circles = svg.Descendants(Svg + "g")
            .Where(g => g.Element(Svg + "circle") is not null)
            .ToDictionary(g => g.Element(Svg + "title")!.Value, g => (X: D(g.Element(Svg + "circle")!, "cx"), Y: D(g.Element(Svg + "circle")!, "cy")));
        double Distance(string title) => Math.Sqrt(Math.Pow(circles[title].X - circles["Qais al-Khazali (Person)"].X, 2) + Math.Pow(circles[title].Y - circles["Qais al-Khazali (Person)"].Y, 2));

        Assert.Equal(4, circles.Count);
        Assert.Equal(D(svg, "width") / 2, circles["Qais al-Khazali (Person)"].X);
        Assert.Equal(Distance("Asaib Ahl al-Haq (Organization)"), Distance($"{HostileName} (Organization)"), 0);
        Assert.True(Distance("Quds Force (Organization)") > Distance("Asaib Ahl al-Haq (Organization)") + 100);
    }

    public static TheoryData<string> Neighborhoods() => ["fixture", "busy"];

    private static NeighborhoodResult NeighborhoodNamed(string name) => name == "busy" ? BusyNeighborhood() : Neighborhood;

    [Theory]
    [MemberData(nameof(Neighborhoods))]
    public void A_neighborhood_diagram_draws_every_entity_and_relationship_once(string name)
    {
        var result = NeighborhoodNamed(name);
        var svg = XDocument.Parse(SvgDiagram.Write(result, ReportOptions.Default)).Root!;
        var entities = svg.Descendants(Svg + "g").Select(g => (string?)g.Attribute("data-entity")).OfType<string>().ToList();
        var relationships = svg.Descendants(Svg + "line").Select(l => (string?)l.Attribute("data-relationship")).OfType<string>().ToList();
        var ends = result.Relationships.SelectMany(r => new[] { r.StartNodeId, r.EndNodeId });

        Assert.Equal(entities.Distinct().Count(), entities.Count);
        Assert.Equal(relationships.Distinct().Count(), relationships.Count);
        Assert.Equal(result.Nodes.Select(n => n.Id).Append(result.Center.Id).Concat(ends).Distinct().Order(StringComparer.Ordinal), entities.Order(StringComparer.Ordinal));
        Assert.Equal(result.Relationships.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal), relationships.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName == "id");
    }

    [Theory]
    [MemberData(nameof(Neighborhoods))]
    public void A_neighborhood_relationship_runs_from_its_start_to_its_end_and_no_circles_overlap(string name)
    {
        var result = NeighborhoodNamed(name);
        var svg = XDocument.Parse(SvgDiagram.Write(result, ReportOptions.Default)).Root!;
        var circles = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-entity") is not null)
            .ToDictionary(g => (string)g.Attribute("data-entity")!, g => (X: D(g.Element(Svg + "circle")!, "cx"), Y: D(g.Element(Svg + "circle")!, "cy"), R: D(g.Element(Svg + "circle")!, "r")));
        double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt(Math.Pow(x1 - x2, 2) + Math.Pow(y1 - y2, 2));

        foreach (var r in result.Relationships)
        {
            var line = svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("data-relationship") == r.Id);
            var (start, end) = (circles[r.StartNodeId], circles[r.EndNodeId]);
            Assert.Equal(start.R + 1, Distance(D(line, "x1"), D(line, "y1"), start.X, start.Y), 0);
            Assert.Equal(end.R + 1, Distance(D(line, "x2"), D(line, "y2"), end.X, end.Y), 0);
            Assert.Equal(r.Contested, line.Attribute("stroke-dasharray") is not null);
        }

        var all = circles.Values.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                Assert.True(Distance(all[i].X, all[i].Y, all[j].X, all[j].Y) > all[i].R + all[j].R, $"circles {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Every_relationship_of_a_path_diagram_is_drawn_pointing_its_own_way()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(OnePath, ReportOptions.Default)).Root!;
        var lines = svg.Descendants(Svg + "line").ToDictionary(l => (string)l.Attribute("data-relationship")!);

        Assert.Equal(OnePath.Paths[0].Relationships.Select(r => r.Id), lines.Keys);
        Assert.True(D(lines["r-khazali-leads-aah"], "x2") > D(lines["r-khazali-leads-aah"], "x1"));
        Assert.True(D(lines["r-soleimani-commands-quds"], "x2") < D(lines["r-soleimani-commands-quds"], "x1"));
    }

    [Fact]
    public void An_empty_answer_still_draws_a_header()
    {
        var svg = XDocument.Parse(SvgDiagram.Write(NoPath, ReportOptions.Default)).Root!;

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "No path connects them in this graph.");
    }

    private static List<(string Name, double X, double Y)> Boxes(XElement row) =>
        [.. row.Elements(Svg + "g").Select(g => (
            g.Element(Svg + "title")!.Value[..g.Element(Svg + "title")!.Value.LastIndexOf(" (", StringComparison.Ordinal)],
            D(g.Element(Svg + "rect")!, "x"),
            D(g.Element(Svg + "rect")!, "y")))];

    private static double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
