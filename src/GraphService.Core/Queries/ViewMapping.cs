using GraphService.Core.Domain;

namespace GraphService.Core.Queries;

/// <summary>Builds result views from domain records, so every backend shapes results the same way.</summary>
public static class ViewMapping
{
    public static NodeView ToView(this Entity e) => new(e.Id, e.Name, e.Type);

    public static CitationView ToView(this Citation c, SourceDocument d) =>
        new(c.Id, c.DocumentId, d.Title, d.Publisher, d.Published?.ToString(), d.Url, c.Quote, c.Start, c.End, c.Stance);

    public static DocumentSummary ToSummary(this SourceDocument d) =>
        new(d.Id, d.Title, d.Publisher, d.Author, d.Published?.ToString(), d.Url, d.Language, d.Body.Length);

    /// <param name="r">The relationship.</param>
    /// <param name="phrase">Its predicate's phrase.</param>
    /// <param name="documentOf">Looks up a cited document by id.</param>
    public static RelationshipView ToView(this Relationship r, string phrase, Func<string, SourceDocument> documentOf) =>
        new(
            r.Id,
            r.Type,
            phrase,
            r.StartId,
            r.EndId,
            r.Confidence,
            r.Corroboration,
            r.Contested,
            r.Since?.ToString(),
            r.Until?.ToString(),
            [.. r.Citations.Select(c => c.ToView(documentOf(c.DocumentId)))])
        {
            Publishers = r.Publishers,
        };
}
