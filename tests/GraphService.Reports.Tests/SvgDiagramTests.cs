using System.Globalization;
using System.Xml.Linq;
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
    public void The_same_input_gives_the_same_bytes()
    {
        Assert.Equal(SvgDiagram.Write(TwoPaths, ReportOptions.Default), SvgDiagram.Write(TwoPaths, ReportOptions.Default));
        Assert.Equal(SvgDiagram.Write(Neighborhood, ReportOptions.Default), SvgDiagram.Write(Neighborhood, ReportOptions.Default));
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
