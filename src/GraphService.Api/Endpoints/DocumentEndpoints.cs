using GraphService.Api.Http;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GraphService.Api.Endpoints;

/// <summary>
/// /api/documents — the imported sources: metadata, and the text in pages with the mention and citation spans that
/// start in each page.
/// </summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/documents").WithTags("Documents");

        group.MapGet("", ListDocuments)
            .WithName("ListDocuments")
            .WithSummary("A page of the imported documents' bibliographic data, in id order")
            .WithDescription("At most limit documents after skipping offset; to read on, ask again with offset + limit until a page holds fewer than limit.")
            .WithMetadata(DocumentListRequest.Catalog);

        group.MapGet("/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("One page of a document: metadata, the text of a range, and the mention and citation spans that start in it")
            .WithDescription(
                "Offsets and lengths count UTF-16 code units, as JavaScript strings do. document.length is the length of the whole " +
                "text and range says which part this answer holds; to read on, ask again with offset = range.offset + range.length " +
                "until it reaches document.length. Each span is listed on the page where it starts (its offsets are offsets into " +
                "the whole document, and its text is whole even when it runs past the page). At most mentionLimit mentions are " +
                "listed; moreMentions says the range holds more (ask for a shorter range, or mentionLimit=0 for none).")
            .WithMetadata(DocumentRequest.Catalog);

        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<DocumentSummary>>, BadRequest<ProblemDetails>>> ListDocuments(
        [AsParameters] DocumentListRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var query = new DocumentListQuery
        {
            Limit = reader.Integer(QueryLimits.DocumentListLimit, request.Limit),
            Offset = reader.Integer(QueryLimits.DocumentListOffset, request.Offset),
        };
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        return await queries.DocumentsAsync(query, cancellationToken) switch
        {
            QueryOutcome<IReadOnlyList<DocumentSummary>>.Ok ok => TypedResults.Ok(ok.Value),
            QueryOutcome<IReadOnlyList<DocumentSummary>>.Invalid invalid => TypedResults.BadRequest(Problems.InvalidParameters(http, invalid.Errors)),
            var other => throw new InvalidOperationException($"A document list cannot end {other.GetType().Name}"),
        };
    }

    public static async Task<Results<Ok<DocumentDetail>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>>> GetDocument(
        string id, [AsParameters] DocumentRequest request, GraphQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var query = new DocumentQuery(id)
        {
            Offset = reader.Integer(QueryLimits.DocumentOffset, request.Offset),
            Length = reader.Integer(QueryLimits.DocumentLength, request.Length),
            MentionLimit = reader.Integer(QueryLimits.DocumentMentionLimit, request.MentionLimit),
        };
        if (reader.HasErrors)
        {
            return TypedResults.BadRequest(Problems.InvalidParameters(http, reader.Errors));
        }

        return await queries.DocumentAsync(query, cancellationToken) switch
        {
            QueryOutcome<DocumentDetail>.Ok ok => TypedResults.Ok(ok.Value),
            QueryOutcome<DocumentDetail>.Invalid invalid => TypedResults.BadRequest(Problems.InvalidParameters(http, invalid.Errors)),
            QueryOutcome<DocumentDetail>.UnknownDocument unknown => TypedResults.NotFound(Problems.UnknownDocument(http, unknown.Id, unknown.Suggestions)),
            var other => throw new InvalidOperationException($"A document query cannot end {other.GetType().Name}"),
        };
    }
}

/// <summary>The query string of GET /api/documents: which page of the list.</summary>
public sealed class DocumentListRequest
{
    public static ParameterCatalog Catalog { get; } = new([
        QueryParameter.Integer(QueryLimits.DocumentListLimit, "the most documents to list, in id order"),
        QueryParameter.Integer(QueryLimits.DocumentListOffset, "how many documents to skip, for paging"),
    ]);

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }
}

/// <summary>The route parameter and query string of GET /api/documents/{id}.</summary>
public sealed class DocumentRequest
{
    public static ParameterCatalog Catalog { get; } = new([
        new QueryParameter("id", "a document id, as listed by /api/documents or cited by a relationship (citations[].documentId)") { Required = true },
        QueryParameter.Integer(QueryLimits.DocumentOffset, "where the page starts in the text (UTF-16 code units); must fall inside the text"),
        QueryParameter.Integer(QueryLimits.DocumentLength, "how much text the page holds (UTF-16 code units; cut at the end of the document)"),
        QueryParameter.Integer(QueryLimits.DocumentMentionLimit, "the most mention spans the page lists, in document order; 0 lists none"),
    ]);

    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }

    [FromQuery(Name = "length")]
    public string? Length { get; init; }

    [FromQuery(Name = "mentionLimit")]
    public string? MentionLimit { get; init; }
}
