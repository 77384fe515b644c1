using System.Diagnostics;
using GraphService.Testing;

namespace GraphService.Cli.Tests;

/// <summary>
/// Corpora that crashed the CLI (issue 8: exit 134 and a stack trace) now give exit 2 and one <c>path:line: message</c>
/// line per problem, then the count line, and nothing else.
/// </summary>
public sealed class HostileCorpusSpec : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Validate_reports_an_unclosed_flow_list_as_a_problem_with_exit_2()
    {
        var corpus = SampleCopy();
        Edit(corpus, "entities.yaml", "aliases: [Khazali, Qais Khazali, Khalazi, Qais]", "aliases: [Khalazi, Qais");

        var run = await CliRun.ExecuteAsync(null, "validate", corpus);

        AssertProblemsOnly(run, "corpus/entities.yaml:5: malformed YAML: the flow list or mapping ('[' or '{') that starts on this line is not closed");
    }

    [Fact]
    public async Task Import_reports_a_yaml_alias_bomb_as_one_problem_and_writes_nothing()
    {
        var corpus = SampleCopy();
        Edit(corpus, "claims.yaml", "  evidence:\n", "  evidence: &ev\n", once: true);
        var store = _dir.File("graph.db");

        var run = await CliRun.ExecuteAsync(null, "import", corpus, "--store", store);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        AssertProblemsOnly(run, "corpus/claims.yaml:8: YAML anchor '&ev': anchors and aliases are not accepted in a corpus file; write each value out in full");
        var empty = await CliRun.ExecuteAsync(null, "path", "Khazali", "Sadr", "--store", store);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(ExitCodes.StoreUnavailable, empty.ExitCode);
    }

    [SkippableFact]
    public async Task Validate_reports_a_fifo_a_device_and_a_dangling_link_in_documents_without_blocking()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs or /dev/zero");
        var corpus = SampleCopy();
        var documents = Path.Combine(corpus, "documents");
        File.CreateSymbolicLink(Path.Combine(documents, "zero.md"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(documents, "gone.md"), "nowhere.md");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(documents, "x.md")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var validate = CliRun.ExecuteAsync(null, "validate", corpus);
        var run = await validate.WaitAsync(Patience);

        AssertProblemsOnly(
            run,
            "corpus/documents/gone.md:0: gone.md is a symbolic link to 'nowhere.md', which does not exist",
            "corpus/documents/x.md:0: x.md is a named pipe (FIFO), not a regular file: a corpus file must be a regular file or a symbolic link to one",
            "corpus/documents/zero.md:0: zero.md is a character device, not a regular file: a corpus file must be a regular file or a symbolic link to one");
    }

    [Fact]
    public async Task The_cli_process_exits_2_without_a_stack_trace_on_yaml_nested_40000_deep()
    {
        // In a process of its own: a stack overflow cannot be caught, so only a real process shows it no longer happens.
        var corpus = SampleCopy();
        File.WriteAllText(Path.Combine(corpus, "entities.yaml"), new string('[', 40_000) + new string(']', 40_000) + "\n");
        var cli = Path.Combine(AppContext.BaseDirectory, "graphservice.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [cli, "validate", corpus])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the CLI did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);

        AssertProblemsOnly(
            new CliRun(process.ExitCode, await output, await error),
            "corpus/entities.yaml:1: YAML nested deeper than 64 levels (limit MaxYamlDepth); the corpus format needs four");
    }

    [Fact]
    public async Task Past_the_listing_limit_the_count_line_still_counts_every_problem()
    {
        var corpus = SampleCopy();
        const int Claims = 1_005;
        var claims = string.Concat(Enumerable.Range(0, Claims).Select(i =>
            $"- subject: nobody-{i}\n  predicate: LEADS\n  object: iran\n  evidence:\n    - doc: wapo-khazali-interrogations\n      quote: \"Qais al-Khazali\"\n"));
        File.WriteAllText(Path.Combine(corpus, "claims.yaml"), claims);

        var run = await CliRun.ExecuteAsync(null, "validate", corpus);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // 1,000 listed problems, the line counting the rest, and the total.
        Assert.Equal(1_002, lines.Count);
        Assert.StartsWith("corpus:0: 5 more problem(s) not listed", lines[^2], StringComparison.Ordinal);
        Assert.Equal($"{Claims} problem(s); nothing was imported", lines[^1]);
    }

    public void Dispose() => _dir.Dispose();

    private string SampleCopy() => _dir.CopyFrom(RepositoryPaths.SampleCorpus, "corpus");

    private static void Edit(string corpus, string file, string from, string to, bool once = false)
    {
        var path = Path.Combine(corpus, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in {file}");
        File.WriteAllText(path, once ? text[..at] + to + text[(at + from.Length)..] : text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Exit 2, exactly the expected problem lines and the count line on stderr, nothing on stdout.</summary>
    private static void AssertProblemsOnly(CliRun run, params string[] problems)
    {
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal([.. problems, $"{problems.Length} problem(s); nothing was imported"], lines);
    }
}
