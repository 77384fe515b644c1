using System.CommandLine;
using GraphService.Core.Store;
using GraphService.Hosting;
using GraphService.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphService.Cli;

/// <summary>
/// The command table of the CLI. Each command is wired here and implemented in Commands/; the store and the importer
/// come from the same composition as the API (<see cref="GraphServiceRegistration.AddGraphService"/>).
/// </summary>
public static class GraphCli
{
    /// <summary>
    /// Runs one command line; relative paths (corpus folders, --store, --out) are taken from <paramref name="workingDirectory"/>.
    /// Progress is drawn on <paramref name="error"/> only when <paramref name="errorIsTerminal"/> (see <see cref="ProgressDisplay"/>);
    /// <paramref name="term"/> is the TERM the process runs under.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        string workingDirectory,
        string? storeFromEnvironment,
        CancellationToken cancellationToken,
        bool errorIsTerminal = false,
        string? term = null)
    {
        var noProgress = new Option<bool>("--no-progress") { Description = "Never draw progress on stderr (it is drawn only when stderr is a terminal)", Recursive = true };
        var console = new CliConsole(output, error, workingDirectory) { ErrorIsTerminal = errorIsTerminal, Term = term, NoProgress = noProgress };
        var store = new Option<string?>("--store") { Description = "Store file (default: $GRAPH_STORE, else data/graph.db)", Recursive = true };

        var root = new RootCommand("GraphService: an evidence-backed knowledge graph. Every link carries its quotes.");
        root.Options.Add(store);
        root.Options.Add(noProgress);
        root.Subcommands.Add(Commands.CorpusCommands.Validate(console, Services));
        root.Subcommands.Add(Commands.CorpusCommands.Import(console, Services));
        root.Subcommands.Add(Commands.PathCommand.Create(console, Services));
        root.Subcommands.Add(Commands.NeighborsCommand.Create(console, Services));
        root.Subcommands.Add(Commands.EntitiesCommand.Create(console, Services));
        root.Subcommands.Add(Commands.ExportCommand.Create(console, Services));
        root.Subcommands.Add(Commands.SuggestCommand.Create(console, Services));
        root.Subcommands.Add(Commands.SuggestCommand.Evaluate(console, Services));
        root.Subcommands.Add(Commands.AddDocumentCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreUnavailableException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.StoreUnavailable;
        }

        ServiceProvider Services(ParseResult result)
        {
            var storePathKey = $"{GraphOptions.Section}:{nameof(GraphOptions.StorePath)}";
            var environment = new ConfigurationBuilder().AddEnvironmentVariables("GRAPHSERVICE_").Build();
            var path = new[] { result.GetValue(store), storeFromEnvironment, environment[storePathKey] }
                .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) ?? new GraphOptions().StorePath;
            var configuration = Configuration(console.FullPath(path), environment);
            return new ServiceCollection()
                .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning))
                .AddGraphService(configuration)
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        }
    }

    /// <summary>
    /// The CLI's configuration: <paramref name="environment"/> (GRAPHSERVICE_… variables) over the CLI's own defaults, with
    /// the store file already resolved. One default differs from the API's: a CLI process answers one query, so it does
    /// not copy every relationship's evidence into memory when it loads the graph (Sqlite:EvidenceInMemory; at 1M
    /// entities / 5M relationships that copy is hundreds of MiB and seconds of loading for an answer that reads a few
    /// rows); GRAPHSERVICE_Sqlite__EvidenceInMemory=true turns it back on.
    /// </summary>
    public static IConfiguration Configuration(string storePath, IConfiguration environment)
    {
        return new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{SqliteStoreOptions.SectionName}:{nameof(SqliteStoreOptions.EvidenceInMemory)}"] = "false",
            })
            .AddConfiguration(environment)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{GraphOptions.Section}:{nameof(GraphOptions.StorePath)}"] = storePath,
            })
            .Build();
    }
}

/// <summary>
/// Where a command writes (the process's console, or a test's writers) and the folder its relative paths are taken
/// from (the process's current directory, or one a test names without changing the process's).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>Whether <see cref="Error"/> is a terminal (false for a test's writers, a file or a pipe).</summary>
    public bool ErrorIsTerminal { get; init; }

    public string? Term { get; init; }

    /// <summary>The command line's <c>--no-progress</c> option.</summary>
    public Option<bool>? NoProgress { get; init; }

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>How a command run by <paramref name="result"/> shows its progress (<paramref name="json"/>: it prints JSON).</summary>
    public ProgressDisplay Progress(ParseResult result, bool json = false) =>
        ProgressDisplay.For(Error, ErrorIsTerminal, Term, NoProgress is not null && result.GetValue(NoProgress), json);
}
