using System.CommandLine;
using GraphService.Core.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary><c>neighbors ENTITY</c>: an entity's surroundings with their citations.</summary>
public static class NeighborsCommand
{
    public static Command Create(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var entity = new Argument<string>("entity") { Description = "Entity id, name or alias" };
        var depth = new Option<int>("--depth") { Description = QueryLimits.Depth.Describe(), DefaultValueFactory = _ => QueryLimits.Depth.Default };
        var limit = new Option<int>("--limit") { Description = QueryLimits.NeighborhoodLimit.Describe(), DefaultValueFactory = _ => QueryLimits.NeighborhoodLimit.Default };
        var types = new Option<string?>("--types") { Description = "Relationship types to follow, comma-separated (default: all)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the REST API's shape); same as --format json" };
        var format = OutputFormat.CreateOption();
        var command = new Command("neighbors", "An entity's neighbourhood: nodes and relationships with their citations") { entity, depth, limit, types, json, format };
        command.SetAction(async (result, ct) =>
        {
            if (OutputFormat.ForNeighborhood(result.GetValue(format)!, result.GetValue(json)) is not { } render)
            {
                await console.Error.WriteLineAsync(OutputFormat.Unknown(result.GetValue(format)!)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var sp = services(result);
            await sp.GetRequiredService<Core.Store.IGraphStore>().PrepareAsync(ct).ConfigureAwait(false);
            var outcome = await sp.GetRequiredService<GraphQueries>().NeighborhoodAsync(
                result.GetValue(entity)!,
                id => new NeighborhoodQuery(id) { Depth = result.GetValue(depth), Limit = result.GetValue(limit), Types = GraphQueries.List(result.GetValue(types)) },
                ct).ConfigureAwait(false);
            if (await QueryOutcomes.ReportFailureAsync(console, outcome).ConfigureAwait(false) is int failure)
            {
                return failure;
            }

            var n = ((QueryOutcome<NeighborhoodResult>.Ok)outcome).Value;
            await console.Out.WriteLineAsync(render(n)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
