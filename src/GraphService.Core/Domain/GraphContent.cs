namespace GraphService.Core.Domain;

/// <summary>
/// A whole graph read in passes, for exports: the small parts at once, the large ones as sequences that are read again
/// each time they are enumerated (from the store, within one consistent read, or from a <see cref="GraphSnapshot"/>), so
/// that writing out a graph of millions of relationships never holds them all. The sequences come in the snapshot's
/// order and may be enumerated any number of times, one after another.
/// </summary>
public sealed record GraphContent(
    string Version,
    string CorpusName,
    IReadOnlyList<Predicate> Predicates,
    int EntityCount,
    int DocumentCount,
    int RelationshipCount,
    IEnumerable<Entity> Entities,
    IEnumerable<SourceDocument> Documents,
    IEnumerable<Relationship> Relationships,
    IEnumerable<Mention> Mentions)
{
    /// <summary>The content of a snapshot held in memory.</summary>
    public static GraphContent Of(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(
            snapshot.Version,
            snapshot.CorpusName,
            snapshot.Predicates,
            snapshot.Entities.Count,
            snapshot.Documents.Count,
            snapshot.Relationships.Count,
            snapshot.Entities,
            snapshot.Documents,
            snapshot.Relationships,
            snapshot.Mentions);
    }
}
