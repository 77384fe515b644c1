using System.Text.Json;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using GraphService.Testing;

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

    [Theory]
    [InlineData("path", "Khazali", "al-Ameri", "--types", "leads,member_of,allied_with")]
    [InlineData("path", "Khazali", "al-Ameri", "--types", "Leads, MEMBER_OF ,Allied_With")]
    [InlineData("neighbors", "AAH", "--types", "leads")]
    public async Task Relationship_types_are_accepted_in_any_case_as_the_API_accepts_them(params string[] args)
    {
        var run = await store.RunAsync([.. args, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var relationships = doc.RootElement.TryGetProperty("paths", out var paths)
            ? paths.EnumerateArray().SelectMany(p => p.GetProperty("relationships").EnumerateArray())
            : doc.RootElement.GetProperty("relationships").EnumerateArray();
        var types = relationships.Select(r => r.GetProperty("type").GetString()).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Contains(t, new[] { "LEADS", "MEMBER_OF", "ALLIED_WITH" }));
    }

    [Theory]
    [InlineData("Qais al-Khazali", "from")]
    [InlineData("Mr Ameri", "to")]
    public async Task Excluding_an_end_of_the_path_exits_2_and_says_which_end(string excluded, string end)
    {
        var run = await store.RunAsync("path", "Khazali", "al-Ameri", "--exclude", $"Badr Organization,{excluded}");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("exclude names", run.Error, StringComparison.Ordinal);
        Assert.Contains($"({end})", run.Error, StringComparison.Ordinal);
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

/// <summary>Relative paths of a command line are taken from the working directory the CLI is given, never the process's.</summary>
public sealed class WorkingDirectorySpec
{
    [Fact]
    public async Task Import_and_store_paths_are_relative_to_the_given_working_directory()
    {
        using var dir = new TempDirectory();
        dir.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await GraphCli.RunAsync(["import", "corpus", "--store", "graph.db"], output, error, dir.Path, null, CancellationToken.None);

            Assert.True(code == ExitCodes.Success, error.ToString());
            Assert.True(File.Exists(dir.File("graph.db")), "the store is written in the working directory");
            Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "graph.db")), "nothing is written in the process's current directory");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
