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
