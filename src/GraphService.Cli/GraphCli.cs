using System.CommandLine;
using GraphService.Core.Store;
using GraphService.Hosting;
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
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? storeFromEnvironment, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error);
        var store = new Option<string?>("--store") { Description = "Store file (default: $GRAPH_STORE, else data/graph.db)", Recursive = true };

        var root = new RootCommand("GraphService: an evidence-backed knowledge graph. Every link carries its quotes.");
        root.Options.Add(store);
        root.Subcommands.Add(Commands.CorpusCommands.Validate(console));
        root.Subcommands.Add(Commands.CorpusCommands.Import(console, Services));
        root.Subcommands.Add(Commands.PathCommand.Create(console, Services));
        root.Subcommands.Add(Commands.NeighborsCommand.Create(console, Services));
        root.Subcommands.Add(Commands.EntitiesCommand.Create(console, Services));
        root.Subcommands.Add(Commands.ExportCommand.Create(console, Services));

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
            var settings = new Dictionary<string, string?>();
            var path = result.GetValue(store) ?? storeFromEnvironment;
            if (!string.IsNullOrWhiteSpace(path))
            {
                settings[$"{GraphOptions.Section}:{nameof(GraphOptions.StorePath)}"] = path;
            }

            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables("GRAPHSERVICE_")
                .AddInMemoryCollection(settings)
                .Build();
            return new ServiceCollection()
                .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning))
                .AddGraphService(configuration)
                .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        }
    }
}

/// <summary>Where a command writes: the process's console, or a test's writers.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
