using System.Xml.Linq;
using GraphService.Testing;

namespace GraphService.Cli.Tests;

public sealed class ExportAndFormatSpec(ImportedSampleStore store) : IClassFixture<ImportedSampleStore>
{
    [Fact]
    public async Task Export_neo4j_admin_writes_one_csv_row_per_entity_and_the_import_command()
    {
        using var dir = new TempDirectory();
        var schema = await store.RunAsync("entities", "--json", "--limit", "100");

        var run = await store.RunAsync("export", "--format", "neo4j-admin", "--out", dir.File("admin"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var entityRows = File.ReadAllLines(Path.Combine(dir.File("admin"), "entities.csv")).Length - 1;
        Assert.Equal(System.Text.Json.JsonDocument.Parse(schema.Out).RootElement.GetArrayLength(), entityRows);
        Assert.Contains("neo4j-admin database import full", await File.ReadAllTextAsync(Path.Combine(dir.File("admin"), "README.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_graphml_writes_a_graphml_document_with_every_entity()
    {
        using var dir = new TempDirectory();

        var run = await store.RunAsync("export", "--format", "graphml", "--out", dir.File("graph.graphml"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var xml = XDocument.Load(dir.File("graph.graphml"));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graph = new GraphService.Corpus.CorpusImporter().Load(RepositoryPaths.SampleCorpus).Snapshot!;
        Assert.Equal(graph.Entities.Count, xml.Descendants(g + "node").Count());
        Assert.Equal(graph.Relationships.Count, xml.Descendants(g + "edge").Count());
    }

    [Fact]
    public async Task Export_cypher_writes_an_idempotent_script()
    {
        using var dir = new TempDirectory();

        var run = await store.RunAsync("export", "--format", "cypher", "--out", dir.File("graph.cypher"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var script = await File.ReadAllTextAsync(dir.File("graph.cypher"));
        Assert.Contains("MERGE", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE (", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_an_empty_store_exits_3()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.ExecuteAsync(null, "export", "--format", "graphml", "--out", dir.File("x.graphml"), "--store", dir.File("empty.db"));

        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Path_as_markdown_has_one_footnote_per_citation_of_every_relationship_of_every_link()
    {
        var json = await store.RunAsync("path", "Khazali", "Soleimani", "--json");
        var markdown = await store.RunAsync("path", "Khazali", "Soleimani", "--format", "markdown");

        Assert.Equal(ExitCodes.Success, markdown.ExitCode);
        var citations = System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("paths").EnumerateArray()
            .SelectMany(p => p.GetProperty("links").EnumerateArray())
            .SelectMany(l => l.GetProperty("relationships").EnumerateArray())
            .SelectMany(r => r.GetProperty("citations").EnumerateArray())
            .Select(c => c.GetProperty("id").GetString())
            .Distinct()
            .Count();
        var footnotes = markdown.Out.Split('\n').Count(l => l.StartsWith("[^", StringComparison.Ordinal));
        Assert.Equal(citations, footnotes);
    }

    [Fact]
    public async Task An_unknown_format_exits_2_and_lists_the_supported_ones()
    {
        var run = await store.RunAsync("neighbors", "Sadr", "--format", "pdf");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("supported: text, json, markdown", run.Error, StringComparison.Ordinal);
    }
}
