using System.Text.Json;
using System.Xml.Linq;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

/// <summary>
/// A path's link carries every relationship between its two entities. A report names the strongest in its sentence or
/// drawing, and must still show the others with their evidence: nothing the answer holds is dropped from a report.
/// </summary>
public class LinkWithSeveralRelationshipsTests
{
    [Fact]
    public void Markdown_states_the_other_relationship_after_the_path_with_its_own_footnote()
    {
        var markdown = MarkdownReport.Write(ParallelLink);

        Assert.Contains(
            "which Qasem Soleimani commands[^5]. Also: Qais al-Khazali founded Asaib Ahl al-Haq[^6].\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("Khazali founded the group after breaking with Sadr.", markdown, StringComparison.Ordinal);
        // The path's sentence numbers its own hops first; the other relationship's citation comes after them.
        var founded = markdown.IndexOf("Khazali founded the group", StringComparison.Ordinal);
        var commanded = markdown.IndexOf("Soleimani commanded the Quds Force", StringComparison.Ordinal);
        Assert.True(commanded < founded, markdown);
    }

    [Fact]
    public void Html_lists_the_other_relationship_and_its_source()
    {
        var html = HtmlReport.Write(ParallelLink);

        Assert.Contains("Also: ", html, StringComparison.Ordinal);
        Assert.Contains("Khazali founded the group after breaking with Sadr.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_exports_hold_every_relationship_of_the_link()
    {
        using var cytoscape = JsonDocument.Parse(CytoscapeJson.Write(ParallelLink));
        var edges = cytoscape.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["r-khazali-leads-aah", "r-aah-trained-quds", "r-soleimani-commands-quds", "r-khazali-founded-aah"], edges.Select(e => e.GetProperty("id").GetString()));

        var graphMl = XDocument.Parse(GraphMlWriter.Write(ParallelLink));
        Assert.Equal(4, graphMl.Descendants().Count(e => e.Name.LocalName == "edge"));

        var mermaid = MermaidDiagram.Write(ParallelLink);
        Assert.Contains("founded", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_exports_carry_publishers_beside_corroboration()
    {
        var fromTwoOrigins = KhazaliLeadsAah with { Publishers = 3 };
        var result = ParallelLink with { Paths = [ViaQudsForce with { Links = [new Core.Queries.PathLink(Khazali.Id, Aah.Id, [fromTwoOrigins]), .. ViaQudsForce.Links.Skip(1)] }] };

        using var cytoscape = JsonDocument.Parse(CytoscapeJson.Write(result));
        var leads = cytoscape.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("data")).Single(d => d.GetProperty("id").GetString() == "r-khazali-leads-aah");
        Assert.Equal(3, leads.GetProperty("publishers").GetInt32());
        Assert.Equal(2, leads.GetProperty("corroboration").GetInt32());

        var graphMl = XDocument.Parse(GraphMlWriter.Write(result));
        var edge = graphMl.Descendants().Single(e => e.Name.LocalName == "edge" && (string?)e.Attribute("id") == "r-khazali-leads-aah");
        Assert.Equal("3", edge.Elements().Single(d => (string?)d.Attribute("key") == "e_publishers").Value);
    }

    [Fact]
    public void Cypher_matches_the_other_relationship_between_the_same_entities_and_returns_it()
    {
        var cypher = CypherReproduction.Write(ParallelLink);

        Assert.Contains("MATCH (n0)-[r3:FOUNDED {id: 'r-khazali-founded-aah'}]->(n1)", cypher, StringComparison.Ordinal);
        Assert.EndsWith("RETURN p0, r3\n", cypher, StringComparison.Ordinal);
    }

    [Fact]
    public void The_drawing_labels_the_hop_with_the_count_and_every_footnote_of_its_link()
    {
        var svg = SvgDiagram.Write(ParallelLink, new ReportOptions());

        Assert.Contains("leads (+1 more) [1, 2, 6]", svg, StringComparison.Ordinal);
        Assert.Contains("Khazali founded the group after breaking with Sadr.", svg, StringComparison.Ordinal);
    }
}
