using GraphService.Api.Http;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Corpus.Drafting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>
/// /api/documents/{id}/suggestions — candidate claims drafted from one stored document for an analyst to review
/// (docs/drafting.md): the same list as <c>graphservice suggest</c>, computed from the stored graph.
/// </summary>
public static class SuggestionEndpoints
{
    public static RouteGroupBuilder MapSuggestionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Drafting");

        group.MapGet("/{id}/suggestions", GetSuggestions)
            .WithName("GetDocumentSuggestions")
            .WithSummary("Candidate claims for one document: pairs of known entities mentioned together, with a quote, offsets, a predicate guess and a score; and repeated names that match no entity")
            .WithDescription(
                "Rule-based and never imported. Each claim's quote is body[start..end] of the document (UTF-16 offsets). predicate is " +
                "null when no cue phrase was found between the two mentions; existing says the graph already has the claim (for a " +
                "null predicate: any relationship between the two). The list is computed on each request from the document, the " +
                "entities' names and the claims among the entities the document mentions.")
            .WithMetadata(SuggestionRoute.Catalog);

        return group;
    }

    public static async Task<Results<Ok<DocumentSuggestions>, NotFound<ProblemDetails>>> GetSuggestions(
        string id, IGraphStore store, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.GetDraftingSourceAsync(id, cancellationToken) is { } source)
        {
            return TypedResults.Ok(ClaimSuggester.ForSource(source));
        }

        // The document query says what an unknown document is, with the closest ids.
        return await queries.DocumentAsync(new DocumentQuery(id), cancellationToken) switch
        {
            QueryOutcome<DocumentDetail>.UnknownDocument unknown => TypedResults.NotFound(Problems.UnknownDocument(http, unknown.Id, unknown.Suggestions)),
            var other => throw new InvalidOperationException($"document '{id}' is not in the stored graph, yet the document query ended {other.GetType().Name}"),
        };
    }
}

/// <summary>The route parameter of /api/documents/{id}/suggestions.</summary>
public static class SuggestionRoute
{
    public static ParameterCatalog Catalog { get; } = new([
        new QueryParameter("id", "a document id, as listed by /api/documents") { Required = true },
    ]);
}
