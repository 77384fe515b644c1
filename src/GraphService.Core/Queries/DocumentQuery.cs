namespace GraphService.Core.Queries;

/// <summary>
/// A request for one page of a document: the text of [Offset, Offset + Length) (UTF-16 code units, cut at the end of
/// the document), the citations that start in it, and at most <see cref="MentionLimit"/> of the mentions that start in it.
/// </summary>
public sealed record DocumentQuery(string Id)
{
    public int Offset { get; init; } = QueryLimits.DocumentOffset.Default;
    public int Length { get; init; } = QueryLimits.DocumentLength.Default;
    public int MentionLimit { get; init; } = QueryLimits.DocumentMentionLimit.Default;
}

/// <summary>
/// A request for a page of the document list: the documents in id order (ordinal), skipping <see cref="Offset"/> and
/// listing at most <see cref="Limit"/>. A corpus of hundreds of thousands of documents makes a list too large for one
/// answer, so the API pages it within <see cref="QueryLimits.DocumentListLimit"/>; the stores take any positive limit.
/// </summary>
public sealed record DocumentListQuery
{
    public int Offset { get; init; } = QueryLimits.DocumentListOffset.Default;
    public int Limit { get; init; } = QueryLimits.DocumentListLimit.Default;
}
