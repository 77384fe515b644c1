namespace GraphService.Core.Queries;

public sealed partial class GraphQueries
{
    /// <summary>How many documents an unknown document id offers as "did you mean".</summary>
    public const int DocumentSuggestionCount = 5;

    /// <summary>A page of the document list, in id order (<see cref="DocumentListQuery"/>).</summary>
    public async Task<QueryOutcome<IReadOnlyList<DocumentSummary>>> DocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = QueryValidation.Validate(query);
        return errors.Count > 0
            ? new QueryOutcome<IReadOnlyList<DocumentSummary>>.Invalid(errors)
            : new QueryOutcome<IReadOnlyList<DocumentSummary>>.Ok(await store.ListDocumentsAsync(query, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// One page of a document (<see cref="DocumentQuery"/>). An offset past the end of the document is invalid (the answer
    /// names the length); an unknown id offers the documents whose id or title is closest.
    /// </summary>
    public async Task<QueryOutcome<DocumentDetail>> DocumentAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ParameterError>();
        foreach (var (range, value) in new[] { (QueryLimits.DocumentOffset, query.Offset), (QueryLimits.DocumentLength, query.Length), (QueryLimits.DocumentMentionLimit, query.MentionLimit) })
        {
            if (!range.Contains(value))
            {
                errors.Add(new(range.Name, $"{range.Describe()}; got {value}"));
            }
        }

        if (errors.Count > 0)
        {
            return new QueryOutcome<DocumentDetail>.Invalid(errors);
        }

        var page = await store.GetDocumentAsync(query, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            var closest = await store.SuggestDocumentsAsync(query.Id, DocumentSuggestionCount, cancellationToken).ConfigureAwait(false);
            return new QueryOutcome<DocumentDetail>.UnknownDocument(query.Id, closest);
        }

        // An empty document has one page, at offset 0; any other offset must fall inside the text.
        if (query.Offset > 0 && query.Offset >= page.Document.Length)
        {
            return new QueryOutcome<DocumentDetail>.Invalid([new(
                QueryLimits.DocumentOffset.Name,
                $"offset {query.Offset} is past the end of document '{page.Document.Id}', whose text is {page.Document.Length} characters (UTF-16 code units) long")]);
        }

        return new QueryOutcome<DocumentDetail>.Ok(page);
    }
}
