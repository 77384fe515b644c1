using System.Text.Json;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

public class CytoscapeJsonTests
{
    [Fact]
    public void Elements_have_the_cytoscape_shape()
    {
        using var doc = JsonDocument.Parse(CytoscapeJson.Write(TwoPaths));
        var elements = doc.RootElement.GetProperty("elements");
        var nodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        var edges = elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();

        Assert.Equal(5, nodes.Count);
        Assert.Equal(5, edges.Count);
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == "hostile-front" && n.GetProperty("label").GetString() == HostileName && n.GetProperty("type").GetString() == "Organization");
        var nodeIds = nodes.Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.All(edges, e =>
        {
            Assert.Contains(e.GetProperty("source").GetString(), nodeIds);
            Assert.Contains(e.GetProperty("target").GetString(), nodeIds);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("label").GetString()));
        });
        Assert.Equal(10, nodeIds.Concat(edges.Select(e => e.GetProperty("id").GetString())).Distinct().Count());
        Assert.Equal("g-5f1c2a9e", doc.RootElement.GetProperty("data").GetProperty("graphVersion").GetString());
    }

    [Fact]
    public void Edges_carry_evidence_and_footnote_numbers()
    {
        using var doc = JsonDocument.Parse(CytoscapeJson.Write(TwoPaths));
        var trained = doc.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("data")).Single(d => d.GetProperty("id").GetString() == "r-aah-trained-quds");

        Assert.Equal("TRAINED_BY", trained.GetProperty("type").GetString());
        Assert.True(trained.GetProperty("contested").GetBoolean());
        Assert.Equal([5, 6], trained.GetProperty("footnotes").EnumerateArray().Select(f => f.GetInt32()));
        Assert.Equal("disputes", trained.GetProperty("citations")[1].GetProperty("stance").GetString());
        Assert.Equal("Council on Foreign Relations", trained.GetProperty("citations")[0].GetProperty("publisher").GetString());
    }

    [Fact]
    public void An_edge_id_equal_to_a_node_id_is_prefixed_so_ids_stay_unique()
    {
        var clash = KhazaliLeadsAah with { Id = Aah.Id };
        var result = OnePath with { Paths = [new Core.Queries.GraphPath(1, [Khazali, Aah], [clash])], To = Aah };

        using var doc = JsonDocument.Parse(CytoscapeJson.Write(result));
        var edge = doc.RootElement.GetProperty("elements").GetProperty("edges")[0].GetProperty("data");

        Assert.Equal("relationship:asaib-ahl-al-haq", edge.GetProperty("id").GetString());
        Assert.Equal("asaib-ahl-al-haq", edge.GetProperty("relationshipId").GetString());
    }

    [Fact]
    public void A_neighborhood_marks_its_centre()
    {
        using var doc = JsonDocument.Parse(CytoscapeJson.Write(Neighborhood));
        var nodes = doc.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();

        Assert.Equal(4, nodes.Count);
        Assert.Equal("center", Assert.Single(nodes, n => n.TryGetProperty("role", out _)).GetProperty("role").GetString());
        Assert.Equal("neighborhood", doc.RootElement.GetProperty("data").GetProperty("kind").GetString());
    }
}
