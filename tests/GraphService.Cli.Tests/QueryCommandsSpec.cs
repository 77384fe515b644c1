using System.Text.Json;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;

namespace GraphService.Cli.Tests;

public sealed class QueryCommandsSpec(ImportedSampleStore store) : IClassFixture<ImportedSampleStore>
{
    [Fact]
    public async Task Path_between_Khazali_and_al_Ameri_prints_one_line_per_path_and_numbered_citations()
    {
        var run = await store.RunAsync("path", "Khazali", "al-Ameri");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("1. Qais al-Khazali ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("Hadi al-Ameri", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("[1] ", StringComparison.Ordinal) && l.Contains('"'));
    }

    [Fact]
    public async Task Path_as_json_has_the_api_shape_and_every_link_is_cited()
    {
        var run = await store.RunAsync("path", "Qais al-Khazali", "Hadi al-Ameri", "--json", "--k", "5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = JsonSerializer.Deserialize<PathResult>(run.Out, GraphJson.Options)!;
        Assert.StartsWith("sha256:", result.GraphVersion, StringComparison.Ordinal);
        Assert.Equal("qais-al-khazali", result.From.Id);
        Assert.Equal("hadi-al-ameri", result.To.Id);
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths, p =>
        {
            Assert.True(p.Length <= 4);
            Assert.Equal(p.Length, p.Relationships.Count);
            Assert.All(p.Relationships, r => Assert.NotEmpty(r.Citations));
            Assert.All(p.Relationships.SelectMany(r => r.Citations), c =>
            {
                Assert.True(c.End > c.Start);
                Assert.False(string.IsNullOrWhiteSpace(c.Publisher));
            });
        });
        using var doc = JsonDocument.Parse(run.Out);
        var citation = doc.RootElement.GetProperty("paths")[0].GetProperty("relationships")[0].GetProperty("citations")[0];
        foreach (var key in new[] { "id", "documentId", "title", "publisher", "published", "url", "quote", "start", "end", "stance" })
        {
            Assert.True(citation.TryGetProperty(key, out _), $"citation has no '{key}'");
        }
    }

    [Fact]
    public async Task An_unknown_name_exits_1_with_the_closest_suggestions()
    {
        var run = await store.RunAsync("path", "Khazaly", "Hadi al-Ameri");

        Assert.Equal(ExitCodes.NothingFound, run.ExitCode);
        Assert.Contains("no entity is known as 'Khazaly'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Qais al-Khazali", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-hops", "7")]
    [InlineData("--k", "0")]
    [InlineData("--types", "LEADS,INVENTED")]
    public async Task An_out_of_range_option_exits_2_and_names_the_limit(string option, string value)
    {
        var run = await store.RunAsync("path", "Khazali", "Sadr", option, value);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_path_within_the_hop_limit_exits_1()
    {
        var run = await store.RunAsync("path", "Kenneth Pollack", "Hadi al-Ameri", "--max-hops", "1");

        Assert.Equal(ExitCodes.NothingFound, run.ExitCode);
        Assert.Contains("no path", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2008", ExitCodes.Success)]
    [InlineData("2009-12", ExitCodes.Success)]
    [InlineData("2010", ExitCodes.NothingFound)]
    [InlineData("2006", ExitCodes.NothingFound)]
    public async Task As_of_keeps_only_relationships_that_held_on_that_date(string asOf, int exitCode)
    {
        // The sample corpus says U.S. forces held Khazali from 2007 until 2009.
        var run = await store.RunAsync("path", "Khazali", "United States", "--types", "DETAINED_BY", "--max-hops", "1", "--as-of", asOf);

        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public async Task Neighbors_lists_relationships_with_their_quotes()
    {
        var run = await store.RunAsync("neighbors", "AAH", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var result = JsonSerializer.Deserialize<NeighborhoodResult>(run.Out, GraphJson.Options)!;
        Assert.Equal("asaib-ahl-al-haq", result.Center.Id);
        Assert.Contains(result.Nodes, n => n.Id == "qais-al-khazali");
        Assert.All(result.Relationships, r => Assert.NotEmpty(r.Citations));
    }

    [Fact]
    public async Task Entities_search_finds_a_spelling_used_in_the_documents()
    {
        var run = await store.RunAsync("entities", "--search", "Hizballah");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("hezbollah ", run.Out, StringComparison.Ordinal);
    }
}
