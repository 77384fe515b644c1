using System.CommandLine;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary><c>path FROM TO</c>: the k shortest cited paths between two entities.</summary>
public static class PathCommand
{
    public static Command Create(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var from = new Argument<string>("from") { Description = "Entity id, name or alias" };
        var to = new Argument<string>("to") { Description = "Entity id, name or alias" };
        var maxHops = new Option<int>("--max-hops") { Description = QueryLimits.MaxHops.Describe(), DefaultValueFactory = _ => QueryLimits.MaxHops.Default };
        var k = new Option<int>("--k") { Description = QueryLimits.K.Describe(), DefaultValueFactory = _ => QueryLimits.K.Default };
        var types = new Option<string?>("--types") { Description = "Relationship types to follow, comma-separated (default: all)" };
        var direction = new Option<TraversalDirection>("--direction") { Description = "any, out (as written from FROM) or in", DefaultValueFactory = _ => TraversalDirection.Any };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Only relationships with at least this confidence (0..1)" };
        var exclude = new Option<string?>("--exclude") { Description = "Entities no path may pass through, comma-separated" };
        var asOf = new Option<string?>("--as-of") { Description = "Only relationships that held on this date (YYYY, YYYY-MM or YYYY-MM-DD)" };
        var contested = new Option<ContestedFilter>("--contested") { Description = "include or exclude relationships with disputing evidence", DefaultValueFactory = _ => ContestedFilter.Include };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the REST API's shape); same as --format json" };
        var format = OutputFormat.CreateOption();

        var command = new Command("path", "How is FROM connected to TO? Shortest paths, every link with its quotes")
        {
            from, to, maxHops, k, types, direction, minConfidence, exclude, asOf, contested, json, format,
        };
        command.SetAction(async (result, ct) =>
        {
            if (OutputFormat.ForPaths(result.GetValue(format)!, result.GetValue(json)) is not { } render)
            {
                await console.Error.WriteLineAsync(OutputFormat.Unknown(result.GetValue(format)!)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            DateOnly? date = null;
            if (result.GetValue(asOf) is { } asOfText)
            {
                if (!PartialDate.TryParse(asOfText, out var d))
                {
                    await console.Error.WriteLineAsync($"error: --as-of '{asOfText}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                date = d.AsOfDay;
            }

            await using var sp = services(result);
            await sp.GetRequiredService<Core.Store.IGraphStore>().PrepareAsync(ct).ConfigureAwait(false);
            var outcome = await sp.GetRequiredService<GraphQueries>().PathsAsync(
                result.GetValue(from)!,
                result.GetValue(to)!,
                (f, t) => new PathQuery(f, t)
                {
                    MaxHops = result.GetValue(maxHops),
                    K = result.GetValue(k),
                    Types = GraphQueries.List(result.GetValue(types)),
                    Direction = result.GetValue(direction),
                    MinConfidence = result.GetValue(minConfidence),
                    Exclude = GraphQueries.List(result.GetValue(exclude)),
                    AsOf = date,
                    Contested = result.GetValue(contested),
                },
                ct).ConfigureAwait(false);

            if (await QueryOutcomes.ReportFailureAsync(console, outcome).ConfigureAwait(false) is int failure)
            {
                return failure;
            }

            var paths = ((QueryOutcome<PathResult>.Ok)outcome).Value;
            await console.Out.WriteLineAsync(render(paths)).ConfigureAwait(false);
            if (paths.Paths.Count == 0)
            {
                await console.Error.WriteLineAsync($"no path from {paths.From.Name} to {paths.To.Name} within {result.GetValue(maxHops)} hops").ConfigureAwait(false);
                return ExitCodes.NothingFound;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
