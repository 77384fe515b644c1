using GraphService.Core.Queries;
using GraphService.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphService.Api.Endpoints;

/// <summary>/api/schema — what the loaded graph holds: entity types and predicates (with their phrases) and counts.</summary>
public static class SchemaEndpoints
{
    public static RouteGroupBuilder MapSchemaEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/schema").WithTags("Schema");

        group.MapGet("", GetSchema)
            .WithName("GetSchema")
            .WithSummary("Entity types, relationship types with their phrases, and counts of the loaded graph");

        return group;
    }

    public static async Task<Ok<GraphSchema>> GetSchema(IGraphStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetSchemaAsync(cancellationToken));
}
