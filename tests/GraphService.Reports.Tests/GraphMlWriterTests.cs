using GraphService.Testing;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using static GraphService.Reports.Tests.ReportFixtures;

namespace GraphService.Reports.Tests;

/// <summary>
/// GraphML is validated against Schemas/graphml-subset.xsd: the official schema cannot be fetched on this machine
/// (no network), so the tests carry a faithful subset of it; see the comment at the top of that file.
/// </summary>
public class GraphMlWriterTests
{
    private static readonly XNamespace G = GraphMlWriter.Namespace;

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        set.Add(GraphMlWriter.Namespace, Path.Combine(AppContext.BaseDirectory, "Schemas", "graphml-subset.xsd"));
        set.Compile();
        return set;
    }

    private static List<string> Validate(string graphml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema() };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(graphml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public void A_path_result_validates_against_the_graphml_schema() => Assert.Empty(Validate(GraphMlWriter.Write(TwoPaths)));

    [Fact]
    public void A_neighborhood_validates_against_the_graphml_schema() => Assert.Empty(Validate(GraphMlWriter.Write(Neighborhood)));

    [Fact]
    public void A_whole_snapshot_validates_against_the_graphml_schema() => Assert.Empty(Validate(GraphMlWriter.Write(Snapshot())));

    [Fact]
    public void The_schema_rejects_an_edge_to_a_missing_node_so_validation_is_real()
    {
        var doc = XDocument.Parse(GraphMlWriter.Write(OnePath));
        doc.Descendants(G + "edge").First().SetAttributeValue("target", "nowhere");

        Assert.NotEmpty(Validate(doc.ToString()));
    }

    [Fact]
    public async Task A_snapshot_written_to_a_file_is_the_same_document_and_a_cancelled_write_leaves_the_earlier_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("graph.graphml");

        await GraphMlWriter.WriteAsync(Snapshot(), path, CancellationToken.None);
        Assert.Equal(GraphMlWriter.Write(Snapshot()), await File.ReadAllTextAsync(path));

        await File.WriteAllTextAsync(path, "an earlier export");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GraphMlWriter.WriteAsync(Snapshot(), path, new CancellationToken(canceled: true)));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
        Assert.Equal("an earlier export", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public void Every_data_element_uses_a_key_declared_for_its_element()
    {
        var doc = XDocument.Parse(GraphMlWriter.Write(Snapshot()));
        var keys = doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);

        foreach (var data in doc.Descendants(G + "data"))
        {
            Assert.Equal(data.Parent!.Name.LocalName, keys[(string)data.Attribute("key")!]);
        }
    }

    [Fact]
    public void Edges_carry_their_citations_as_text_and_as_json()
    {
        var doc = XDocument.Parse(GraphMlWriter.Write(TwoPaths));
        var trained = doc.Descendants(G + "edge").Single(e => (string?)e.Attribute("id") == "r-aah-trained-quds");
        string DataOf(string key) => trained.Elements(G + "data").Single(d => (string)d.Attribute("key")! == key).Value;

        Assert.Equal("is trained by", DataOf("e_label"));
        Assert.Equal("true", DataOf("e_contested"));
        Assert.Equal("2", DataOf("e_citationCount"));
        Assert.Contains("[disputes] Asaib Ahl al-Haq, \"Statement on foreign ties\", 2021-06", DataOf("e_sources"), StringComparison.Ordinal);
        using var citations = JsonDocument.Parse(DataOf("e_citations"));
        Assert.Equal(["c-cfr-3", "c-statement-4"], citations.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("disputes", citations.RootElement[1].GetProperty("stance").GetString());
        Assert.Equal("We have never been trained by any foreign force.", citations.RootElement[1].GetProperty("quote").GetString());
    }

    [Fact]
    public void Edges_point_the_way_the_relationship_points_and_nodes_appear_once()
    {
        var doc = XDocument.Parse(GraphMlWriter.Write(TwoPaths));
        var commands = doc.Descendants(G + "edge").Single(e => (string?)e.Attribute("id") == "r-soleimani-commands-quds");

        Assert.Equal("qasem-soleimani", (string?)commands.Attribute("source"));
        Assert.Equal("quds-force", (string?)commands.Attribute("target"));
        Assert.Equal(5, doc.Descendants(G + "node").Count());
        Assert.Equal(5, doc.Descendants(G + "edge").Count());
        Assert.Equal("g-5f1c2a9e", doc.Root!.Element(G + "graph")!.Elements(G + "data").Single(d => (string)d.Attribute("key")! == "g_graphVersion").Value);
    }

    [Fact]
    public void Hostile_text_and_ids_stay_data()
    {
        var hostileId = Hostile with { Id = "hostile front <x>" };
        var allied = HostileAlliedKhazali with { StartNodeId = hostileId.Id };
        var path = new Core.Queries.GraphPath(1, [Khazali, hostileId], [allied]);
        var graphml = GraphMlWriter.Write(OnePath with { To = hostileId, Paths = [path] });

        Assert.Empty(Validate(graphml));
        var doc = XDocument.Parse(graphml);
        var node = doc.Descendants(G + "node").Single(n => n.Elements(G + "data").Any(d => d.Value == "hostile front <x>"));
        Assert.Equal(XmlConvert.EncodeNmToken("hostile front <x>"), (string?)node.Attribute("id"));
        Assert.Contains(node.Elements(G + "data"), d => d.Value == HostileName);
        Assert.Empty(doc.Descendants("script"));
    }

    [Fact]
    public void The_snapshot_writes_aliases_descriptions_and_the_corpus()
    {
        var doc = XDocument.Parse(GraphMlWriter.Write(Snapshot()));
        var aah = doc.Descendants(G + "node").Single(n => (string?)n.Attribute("id") == "asaib-ahl-al-haq");

        Assert.Contains(aah.Elements(G + "data"), d => (string)d.Attribute("key")! == "n_aliases" && d.Value == "AAH; League of the Righteous");
        Assert.Contains(doc.Descendants(G + "data"), d => d.Value == "Described as <b>dangerous</b> & \"armed\"");
        Assert.Contains(doc.Descendants(G + "data"), d => d.Value == "Corpus fixture");
        Assert.Equal(5, doc.Descendants(G + "edge").Count());
    }
}
