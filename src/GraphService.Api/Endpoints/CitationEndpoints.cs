using GraphService.Api.Http;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>/api/citations — one verified quote with its document and the relationships it supports or disputes.</summary>
public static class CitationEndpoints
{
    public static RouteGroupBuilder MapCitationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/citations").WithTags("Citations");

        group.MapGet("/{id}", GetCitation)
            .WithName("GetCitation")
            .WithSummary("One citation: the quote, its document, its offsets, and the relationships it supports or disputes")
            .WithMetadata(CitationRoute.Catalog);

        return group;
    }

    public static async Task<Results<Ok<CitationDetail>, NotFound<ProblemDetails>>> GetCitation(
        string id, IGraphStore store, HttpContext http, CancellationToken cancellationToken) =>
        await store.GetCitationAsync(id, cancellationToken) is { } citation
            ? TypedResults.Ok(citation)
            : TypedResults.NotFound(Problems.UnknownCitation(http, id));
}

/// <summary>The route parameter of /api/citations/{id}.</summary>
public static class CitationRoute
{
    public static ParameterCatalog Catalog { get; } = new([
        new QueryParameter("id", "a citation id, as found in relationships[].citations[].id of a path or neighbourhood result") { Required = true },
    ]);
}
