using GraphService.Testing;

namespace GraphService.Cli.Tests;

/// <summary>
/// Progress is drawn on stderr only when stderr is a terminal and nobody asked for machine-readable output; whatever
/// the display does, a command's stdout and exit code are the same.
/// </summary>
public sealed class ProgressSpec
{
    [Theory]
    [InlineData(true, "xterm-256color", false, false, true)]
    [InlineData(true, null, false, false, true)]
    [InlineData(false, "xterm-256color", false, false, false)]
    [InlineData(true, "dumb", false, false, false)]
    [InlineData(true, "xterm", true, false, false)]
    [InlineData(true, "xterm", false, true, false)]
    public void Progress_is_shown_only_on_a_terminal_without_no_progress_or_json(bool errorIsTerminal, string? term, bool noProgress, bool json, bool shown)
    {
        Assert.Equal(shown, ProgressDisplay.ShouldShow(errorIsTerminal, term, noProgress, json));
        Assert.Equal(shown, ProgressDisplay.For(TextWriter.Null, errorIsTerminal, term, noProgress, json).Shown);
    }

    [Fact]
    public async Task Import_writes_nothing_to_stderr_when_it_is_not_a_terminal()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.ExecuteAsync(null, "import", RepositoryPaths.SampleCorpus, "--store", dir.File("graph.db"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task On_a_terminal_import_and_validate_draw_their_steps_on_stderr_and_print_the_same_stdout_and_exit_code()
    {
        using var dir = new TempDirectory();
        var plain = await CliRun.ExecuteAsync(null, "validate", RepositoryPaths.SampleCorpus);
        var drawn = await RunOnTerminalAsync("validate", RepositoryPaths.SampleCorpus);
        Assert.Equal((plain.ExitCode, plain.Out), (drawn.ExitCode, drawn.Out));
        Assert.Contains("files read", drawn.Error, StringComparison.Ordinal);
        Assert.Contains("quotes verified", drawn.Error, StringComparison.Ordinal);

        var imported = await RunOnTerminalAsync("import", RepositoryPaths.SampleCorpus, "--store", dir.File("graph.db"));
        Assert.Equal(ExitCodes.Success, imported.ExitCode);
        Assert.StartsWith("imported graph sha256:", imported.Out, StringComparison.Ordinal);
        Assert.Contains("rows written", imported.Error, StringComparison.Ordinal);

        var exported = await RunOnTerminalAsync("export", "--format", "graphml", "--out", dir.File("graph.graphml"), "--store", dir.File("graph.db"));
        Assert.Equal(ExitCodes.Success, exported.ExitCode);
        Assert.StartsWith("wrote GraphML of graph sha256:", exported.Out, StringComparison.Ordinal);
        Assert.Contains("files written", exported.Error, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task On_a_terminal_suggest_draws_its_steps_and_prints_the_same_yaml_and_with_json_stays_silent()
    {
        var document = Path.Combine(RepositoryPaths.Root, "docs", "examples", "corpus", "documents", "monitor-amsel-talks.md");
        var plain = await CliRun.ExecuteAsync(null, "suggest", document);
        var drawn = await RunOnTerminalAsync("suggest", document);
        Assert.Equal(ExitCodes.Success, drawn.ExitCode);
        Assert.Equal((plain.ExitCode, plain.Out), (drawn.ExitCode, drawn.Out));
        Assert.Contains("quotes verified", drawn.Error, StringComparison.Ordinal);
        Assert.Contains("documents drafted", drawn.Error, StringComparison.Ordinal);

        var json = await RunOnTerminalAsync("suggest", document, "--json");
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.Equal(string.Empty, json.Error);
    }

    [Fact]
    public async Task No_progress_keeps_a_terminal_silent()
    {
        var run = await RunOnTerminalAsync("validate", RepositoryPaths.SampleCorpus, "--no-progress");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task A_corpus_with_problems_still_lists_them_on_stderr_after_the_progress_and_exits_2()
    {
        using var dir = new TempDirectory();
        var corpus = dir.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");
        File.Delete(Path.Combine(corpus, "entities.yaml"));

        var run = await RunOnTerminalAsync("validate", corpus);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("entities.yaml not found", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunOnTerminalAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GraphCli.RunAsync(args, output, error, RepositoryPaths.Root, null, CancellationToken.None, errorIsTerminal: true, term: "xterm");
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
