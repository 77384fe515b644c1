using GraphService.Api.Http;
using GraphService.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Endpoints;

/// <summary>/api/overview — the explorer's start page: the graph whole when it is small, else its most connected entities.</summary>
public static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverviewEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/overview").WithTags("Overview");

        group.MapGet("", GetOverview)
            .WithName("GetOverview")
            .WithSummary("The most connected entities (the whole graph when it has no more than limit), the relationships among them, and the configured starting points")
            .WithDescription("Entities are ranked by degree (relationships at either end), most first, ties by id; truncated says that the graph " +
                             "has more entities than were returned. featured lists the entities of the Explorer:Featured setting that this graph " +
                             "knows, featuredUnresolved the configured names it does not.")
            .WithMetadata(OverviewRequest.Catalog);

        return group;
    }

    public static async Task<Results<Ok<GraphOverview>, BadRequest<ProblemDetails>>> GetOverview(
        [AsParameters] OverviewRequest request, GraphQueries queries, IOptions<ExplorerOptions> explorer, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var limit = reader.Integer(QueryLimits.OverviewLimit, request.Limit);
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        return await queries.OverviewAsync(limit, explorer.Value.Featured, cancellationToken) switch
        {
            QueryOutcome<GraphOverview>.Ok ok => TypedResults.Ok(ok.Value),
            QueryOutcome<GraphOverview>.Invalid invalid => TypedResults.BadRequest(Problems.InvalidParameters(http, invalid.Errors)),
            var other => throw new InvalidOperationException($"The overview cannot end {other.GetType().Name}"),
        };
    }
}

/// <summary>The query string of GET /api/overview.</summary>
public sealed class OverviewRequest
{
    public static ParameterCatalog Catalog { get; } = new([
        QueryParameter.Integer(QueryLimits.OverviewLimit, "the most entities to return; a graph with no more is returned whole"),
    ]);

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }
}
