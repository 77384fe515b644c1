using GraphService.Api.Http;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>/api/documents — the imported sources: metadata, text, and the mention and citation spans that point into it.</summary>
public static class DocumentEndpoints
{
    private const int SuggestionCount = 5;

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents");

        group.MapGet("", ListDocuments)
            .WithName("ListDocuments")
            .WithSummary("Every imported document's bibliographic data");

        group.MapGet("/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("One document: metadata, full text, mention spans and citation spans (UTF-16 offsets into text)")
            .WithMetadata(DocumentRoute.Catalog);

        return group;
    }

    public static async Task<Ok<IReadOnlyList<DocumentSummary>>> ListDocuments(IGraphStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListDocumentsAsync(cancellationToken));

    public static async Task<Results<Ok<DocumentDetail>, NotFound<ProblemDetails>>> GetDocument(
        string id, IGraphStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.GetDocumentAsync(id, cancellationToken) is { } document)
        {
            return TypedResults.Ok(document);
        }

        var documents = await store.ListDocumentsAsync(cancellationToken);
        return TypedResults.NotFound(Problems.UnknownDocument(http, id, ClosestDocuments(id, documents)));
    }

    /// <summary>The documents whose id or title is closest to what was asked for, for "did you mean".</summary>
    internal static IReadOnlyList<DocumentSummary> ClosestDocuments(string asked, IReadOnlyList<DocumentSummary> documents)
    {
        return NameSimilarity.Closest(asked, documents, d => [d.Id, d.Title], d => d.Id, SuggestionCount);
    }
}

/// <summary>The route parameter of /api/documents/{id}.</summary>
public static class DocumentRoute
{
    public static ParameterCatalog Catalog { get; } = new([
        new QueryParameter("id", "a document id, as listed by /api/documents or cited by a relationship (citations[].documentId)") { Required = true },
    ]);
}
