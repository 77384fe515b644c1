namespace GraphService.Core.Domain;

/// <summary>
/// A whole imported graph, as the importer builds it and a store replaces its contents with it.
/// <see cref="Version"/> is a content hash of the corpus, so identical corpora give identical versions.
/// </summary>
public sealed record GraphSnapshot(
    string Version,
    string CorpusName,
    IReadOnlyList<Predicate> Predicates,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<Mention> Mentions);
