using System.CommandLine;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary><c>entities [--search TEXT]</c>: list or search entities by name and alias.</summary>
public static class EntitiesCommand
{
    public static Command Create(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var search = new Option<string?>("--search") { Description = "Text to look for in names and aliases (ranked)" };
        var type = new Option<EntityType?>("--type") { Description = "Person, Organization, Place or Event" };
        var limit = new Option<int>("--limit") { Description = QueryLimits.SearchLimit.Describe(), DefaultValueFactory = _ => QueryLimits.SearchLimit.Max };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("entities", "List or search entities") { search, type, limit, json };
        command.SetAction(async (result, ct) =>
        {
            await using var sp = services(result);
            await sp.GetRequiredService<Core.Store.IGraphStore>().PrepareAsync(ct).ConfigureAwait(false);
            var outcome = await sp.GetRequiredService<GraphQueries>().SearchAsync(
                new EntitySearch(result.GetValue(search)) { Type = result.GetValue(type), Limit = result.GetValue(limit) }, ct).ConfigureAwait(false);
            if (await QueryOutcomes.ReportFailureAsync(console, outcome).ConfigureAwait(false) is int failure)
            {
                return failure;
            }

            var hits = ((QueryOutcome<IReadOnlyList<EntityHit>>.Ok)outcome).Value;
            if (result.GetValue(json))
            {
                await console.Out.WriteLineAsync(GraphJson.Serialize(hits)).ConfigureAwait(false);
            }
            else
            {
                foreach (var h in hits)
                {
                    var aliases = h.Aliases.Count > 0 ? $"  aka {string.Join(", ", h.Aliases)}" : string.Empty;
                    await console.Out.WriteLineAsync($"{h.Id,-32} {h.Type,-12} {h.Name}{aliases}").ConfigureAwait(false);
                }
            }

            return hits.Count > 0 ? ExitCodes.Success : ExitCodes.NothingFound;
        });
        return command;
    }
}
