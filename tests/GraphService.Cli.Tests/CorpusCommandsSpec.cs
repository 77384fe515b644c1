using GraphService.Testing;

namespace GraphService.Cli.Tests;

public sealed class CorpusCommandsSpec
{
    [Fact]
    public async Task Validate_accepts_the_sample_corpus()
    {
        var run = await CliRun.ExecuteAsync(null, "validate", RepositoryPaths.SampleCorpus);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("ok: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reimporting_the_same_corpus_changes_nothing()
    {
        using var dir = new TempDirectory();
        var store = dir.File("graph.db");

        var first = await CliRun.ExecuteAsync(null, "import", RepositoryPaths.SampleCorpus, "--store", store);
        var second = await CliRun.ExecuteAsync(null, "import", RepositoryPaths.SampleCorpus, "--store", store);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.StartsWith("imported graph sha256:", first.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.StartsWith("unchanged: graph sha256:", second.Out, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_corpus_with_a_bad_quote_exits_2_with_file_and_line_and_leaves_the_store_as_it_was()
    {
        using var dir = new TempDirectory();
        var store = dir.File("graph.db");
        var corpus = dir.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        var before = await CliRun.ExecuteAsync(null, "import", RepositoryPaths.SampleCorpus, "--store", store);
        var answerBefore = await CliRun.ExecuteAsync(null, "path", "Khazali", "Sadr", "--json", "--store", store);
        var claims = Path.Combine(corpus, "claims.yaml");
        var text = await File.ReadAllTextAsync(claims);
        var at = text.IndexOf("quote: ", StringComparison.Ordinal) + "quote: ".Length;
        await File.WriteAllTextAsync(claims, text.Insert(at, "\"a sentence no document contains\" # "));

        var run = await CliRun.ExecuteAsync(null, "import", corpus, "--store", store);
        var answerAfter = await CliRun.ExecuteAsync(null, "path", "Khazali", "Sadr", "--json", "--store", store);

        Assert.Equal(ExitCodes.Success, before.ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Matches(@"claims\.yaml:\d+: ", run.Error);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.Equal(answerBefore.Out, answerAfter.Out);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_store_file_comes_from_GRAPH_STORE_when_no_option_is_given()
    {
        using var dir = new TempDirectory();
        var store = dir.File("from-env.db");

        var run = await CliRun.ExecuteAsync(store, "import", RepositoryPaths.SampleCorpus);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(store));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Querying_an_empty_store_exits_3_and_says_to_import_first()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.ExecuteAsync(null, "path", "Khazali", "Sadr", "--store", dir.File("empty.db"));

        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("import", run.Error, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
