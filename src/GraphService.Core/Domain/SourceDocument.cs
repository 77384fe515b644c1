namespace GraphService.Core.Domain;

/// <summary>
/// A source document as imported. <see cref="Body"/> is the text after the front matter exactly as in the file;
/// every offset in the graph (citations, mentions) is a UTF-16 index into it.
/// </summary>
public sealed record SourceDocument(
    string Id,
    string Title,
    string Publisher,
    string? Author,
    PartialDate? Published,
    string? Url,
    string? Language,
    string Body);
