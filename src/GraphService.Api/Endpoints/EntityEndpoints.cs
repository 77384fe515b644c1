using GraphService.Api.Http;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>/api/entities — ranked search, one entity's detail, and its neighbourhood.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapEntityEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entities").WithTags("Entities");

        group.MapGet("", SearchEntities)
            .WithName("SearchEntities")
            .WithSummary("Search entities by name or alias, best match first")
            .WithMetadata(SearchRequest.Catalog);

        group.MapGet("/{id}", GetEntity)
            .WithName("GetEntity")
            .WithSummary("One entity: aliases, a page of its relationships grouped by predicate, citation and mention counts, documents that mention it")
            .WithDescription("id is the entity's id; a name or alias is accepted too and resolved as /api/paths resolves from and to. " +
                             "Each predicate lists its relationships strongest first, at most limit of them after skipping offset; " +
                             "relationshipCounts gives how many of each predicate the entity has, and truncated says whether some predicate has more after this page. " +
                             "mentionedIn lists at most documentLimit of the documents that mention the entity, in id order, after skipping documentOffset; " +
                             "mentionedInCount gives how many documents mention it, and mentionCount how many mentions they hold.")
            .WithMetadata(EntityRequest.Catalog);

        group.MapGet("/{id}/neighborhood", GetNeighborhood)
            .WithName("GetNeighborhood")
            .WithSummary("The entities and cited relationships around one entity, up to a depth")
            .WithMetadata(NeighborhoodRequest.Catalog, new ReportResponses())
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<EntityHit>>, BadRequest<ProblemDetails>>> SearchEntities(
        [AsParameters] SearchRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var type = request.Type is null ? (EntityType?)null : reader.Choice(SearchRequest.TypeParameter, request.Type, default(EntityType));
        var limit = reader.Integer(QueryLimits.SearchLimit, request.Limit);
        var offset = reader.Integer(SearchRequest.OffsetRange, request.Offset);
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        var search = new EntitySearch(string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim())
        {
            Type = type,
            Limit = limit,
            Offset = offset,
        };
        return await queries.SearchAsync(search, cancellationToken) switch
        {
            QueryOutcome<IReadOnlyList<EntityHit>>.Ok ok => TypedResults.Ok(ok.Value),
            QueryOutcome<IReadOnlyList<EntityHit>>.Invalid invalid => TypedResults.BadRequest(Problems.InvalidParameters(http, invalid.Errors)),
            var other => throw new InvalidOperationException($"Search cannot end {other.GetType().Name}"),
        };
    }

    public static async Task<Results<Ok<EntityDetail>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> GetEntity(
        string id, [AsParameters] EntityRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var limit = reader.Integer(QueryLimits.EntityRelationshipLimit, request.Limit);
        var offset = reader.Integer(QueryLimits.EntityRelationshipOffset, request.Offset);
        var documentLimit = reader.Integer(QueryLimits.EntityDocumentLimit, request.DocumentLimit);
        var documentOffset = reader.Integer(QueryLimits.EntityDocumentOffset, request.DocumentOffset);
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        var outcome = await queries.EntityAsync(
            id,
            EntityRoute.IdParameter.Name,
            entityId => new EntityQuery(entityId) { Limit = limit, Offset = offset, DocumentLimit = documentLimit, DocumentOffset = documentOffset },
            cancellationToken);
        return outcome.ToResult(http);
    }

    public static async Task<Results<Ok<NeighborhoodResult>, ContentHttpResult, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> GetNeighborhood(
        string id, [AsParameters] NeighborhoodRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var depth = reader.Integer(QueryLimits.Depth, request.Depth);
        var limit = reader.Integer(QueryLimits.NeighborhoodLimit, request.Limit);
        var types = GraphQueries.List(request.Types);
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        if (!ReportNegotiation.TryChoose(http, request.Format, out var report, out var refusal))
        {
            return refusal!;
        }

        var outcome = await queries.NeighborhoodAsync(id, entityId => new NeighborhoodQuery(entityId)
        {
            Depth = depth,
            Limit = limit,
            Types = types,
        }, cancellationToken);
        return outcome.ToNegotiatedResult(http, report is { } format ? r => ReportNegotiation.Write(r, format) : null);
    }
}

/// <summary>The route parameter of /api/entities/{id}.</summary>
public static class EntityRoute
{
    public static readonly QueryParameter IdParameter = new("id", "an entity id; a name or alias is resolved") { Required = true, Example = "Khazali" };
}

/// <summary>The query string of GET /api/entities/{id}: which page of the entity's relationships.</summary>
public sealed class EntityRequest
{
    public static ParameterCatalog Catalog { get; } = new([
        EntityRoute.IdParameter,
        QueryParameter.Integer(QueryLimits.EntityRelationshipLimit, "the most relationships of each predicate to list, strongest first"),
        QueryParameter.Integer(QueryLimits.EntityRelationshipOffset, "how many relationships of each predicate to skip, for paging"),
        QueryParameter.Integer(QueryLimits.EntityDocumentLimit, "the most documents that mention the entity to list, in id order; 0 lists none"),
        QueryParameter.Integer(QueryLimits.EntityDocumentOffset, "how many documents that mention the entity to skip, for paging"),
    ]);

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }

    [FromQuery(Name = "documentLimit")]
    public string? DocumentLimit { get; init; }

    [FromQuery(Name = "documentOffset")]
    public string? DocumentOffset { get; init; }
}

/// <summary>The query string of GET /api/entities.</summary>
public sealed class SearchRequest
{
    public static readonly IntRange OffsetRange = new("offset", 0, 1_000_000, 0);

    public static readonly QueryParameter SearchParameter = new("search",
        "text to match against names and aliases (case-, accent- and punctuation-insensitive); empty lists all") { Example = "Ameri" };

    public static readonly QueryParameter TypeParameter = QueryParameter.Choice("type",
        [.. Enum.GetNames<EntityType>()], null, "only entities of this type");

    public static ParameterCatalog Catalog { get; } = new([
        SearchParameter,
        TypeParameter,
        QueryParameter.Integer(QueryLimits.SearchLimit, "how many hits to return at most"),
        QueryParameter.Integer(OffsetRange, "how many hits to skip, for paging"),
    ]);

    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }
}

/// <summary>The query string of GET /api/entities/{id}/neighborhood.</summary>
public sealed class NeighborhoodRequest
{
    public static ParameterCatalog Catalog { get; } = new([
        EntityRoute.IdParameter,
        QueryParameter.Integer(QueryLimits.Depth, "how many relationships away from the entity to look"),
        new("types", "comma-separated relationship types to follow (see /api/schema), case-insensitive; empty follows all") { Example = "LEADS,MEMBER_OF" },
        QueryParameter.Integer(QueryLimits.NeighborhoodLimit, "the most entities to return; the nearest and best-evidenced are kept"),
        ReportNegotiation.FormatParameter,
    ]);

    [FromQuery(Name = "depth")]
    public string? Depth { get; init; }

    [FromQuery(Name = "types")]
    public string? Types { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}
