using GraphService.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Endpoints;

/// <summary>/api/explorer — the web explorer's settings that come from configuration (the "Explorer" section).</summary>
public static class ExplorerEndpoints
{
    public static RouteGroupBuilder MapExplorerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/explorer").WithTags("Explorer");

        group.MapGet("", GetSettings)
            .WithName("GetExplorerSettings")
            .WithSummary("The explorer's configured settings: the Neo4j Browser address for \"Open in Neo4j Browser\" (null when not configured)");

        return group;
    }

    public static Ok<ExplorerSettings> GetSettings(IOptions<ExplorerOptions> explorer) =>
        TypedResults.Ok(new ExplorerSettings(string.IsNullOrWhiteSpace(explorer.Value.Neo4jBrowserUrl) ? null : explorer.Value.Neo4jBrowserUrl));
}

/// <summary>What the explorer reads at start: the Neo4j Browser address (Explorer:Neo4jBrowserUrl), or null.</summary>
public sealed record ExplorerSettings(string? Neo4jBrowserUrl);
