using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Core.Store;

/// <summary>
/// What a store holds right now. <see cref="GraphVersion"/> is null while the store is empty; <see cref="ImportedAt"/> is when
/// the graph now held was written (HTTP hosts send it as Last-Modified). <see cref="Detail"/> is for operators' logs and the
/// CLI; health answers do not repeat it.
/// </summary>
public sealed record GraphStatus(bool Ready, string? GraphVersion, int Entities, int Relationships, int Documents, string Backend, string? Detail = null, DateTimeOffset? ImportedAt = null);

/// <summary>
/// The one port between the core and a storage backend (the embedded SQLite store, Neo4j). Every backend answers
/// the same queries with the same semantics; the conformance suite in the tests holds them to it.
/// Ids passed in are entity ids already resolved; "not found" is returned as null, never thrown.
/// Infrastructure failures (the backend is unreachable) throw <see cref="GraphStoreUnavailableException"/>.
/// </summary>
public interface IGraphStore
{
    Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads whatever the first query would otherwise load (the embedded store's traversal index, Neo4j's name table), and
    /// may answer warm-up queries (the embedded store does, so that its query code is compiled). Returns the graph version
    /// now prepared, or null when the store holds no graph. Hosts call it before they report ready.
    /// </summary>
    Task<string?> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole graph with <paramref name="graph"/> atomically: a reader sees the old graph or the new one,
    /// never a mixture, and a failure leaves the old graph as it was. Replacing with an identical graph changes nothing.
    /// </summary>
    Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ReplaceGraphAsync(GraphSnapshot, CancellationToken)"/>, reporting the rows written to
    /// <paramref name="progress"/> as it goes. A backend that cannot count them reports nothing.
    /// </summary>
    Task ReplaceGraphAsync(GraphSnapshot graph, IProgress<Progress.WorkProgress>? progress, CancellationToken cancellationToken) =>
        ReplaceGraphAsync(graph, cancellationToken);

    /// <summary>The whole graph as stored, held in memory; null when the store is empty.</summary>
    Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="read"/> over the whole stored graph read in passes (<see cref="GraphContent"/>), within one
    /// consistent read that lasts until it returns: for exports, which need not hold the graph. False, without running it,
    /// when the store is empty. A backend that cannot read in passes reads the snapshot whole (this default).
    /// </summary>
    async Task<bool> ReadGraphAsync(Func<GraphContent, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (await ReadSnapshotAsync(cancellationToken).ConfigureAwait(false) is not { } snapshot)
        {
            return false;
        }

        await read(GraphContent.Of(snapshot), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// What drafting claims from the document <paramref name="documentId"/> needs (<see cref="DraftingSource"/>), read in
    /// one consistent read; null when no document has the id.
    /// </summary>
    Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken);

    Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken);

    Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken);

    /// <summary>Null when either end is not an entity of the graph.</summary>
    Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Names resolved and paths found in ONE read of one graph version: <paramref name="plan"/> is given that version's
    /// names and whitelist (<see cref="IGraphNames"/>) and returns the query to answer, or null to answer nothing (the
    /// caller keeps its own record of why). So a query that names its ends pays for one consistent read, not one per name,
    /// and its names and its answer can never come from two graphs. <paramref name="plan"/> may run more than once when
    /// the read is retried because another import landed; only the run whose read answered counts. Null when
    /// <paramref name="plan"/> returned null or either end of its query is not an entity of the graph.
    /// </summary>
    Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken);

    Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The neighbourhood whose centre is named, resolved and validated in ONE read of one graph version, as
    /// <see cref="FindPathsAsync(Func{IGraphNames, PathQuery}, CancellationToken)"/> does for paths: <paramref name="plan"/> is
    /// given that version's names and whitelist and returns the query to answer, or null to answer nothing. It may run more
    /// than once when the read is retried; only the run whose read answered counts. Null when <paramref name="plan"/>
    /// returned null or the centre is not an entity of the graph.
    /// </summary>
    Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken);

    /// <summary>
    /// One entity with the page of its relationships <paramref name="query"/> asks for (<see cref="EntityRelationships.Page"/>):
    /// only the listed relationships are hydrated, so a hub's page costs what it lists. Null when no entity has the id.
    /// </summary>
    Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The detail of the entity <paramref name="plan"/> picks (it returns the query, or null for none) from the names of
    /// the graph version the detail is read from, in ONE read; the same retry rule as
    /// <see cref="GetNeighborhoodAsync(Func{IGraphNames, NeighborhoodQuery}, CancellationToken)"/>. Null when
    /// <paramref name="plan"/> returned null or no entity has the id.
    /// </summary>
    Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken);

    /// <summary>
    /// The documents in ordinal id order, skipping <see cref="DocumentListQuery.Offset"/> and listing at most
    /// <see cref="DocumentListQuery.Limit"/> (empty past the end).
    /// </summary>
    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken);

    /// <summary>One page of a document, cut as <see cref="DocumentPaging"/> says; null when no document has the id.</summary>
    Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="count"/> documents whose id or title is closest to <paramref name="asked"/>, best first, as
    /// <see cref="DocumentNames.Closest"/> ranks them: what an unknown document id offers as "did you mean". Answered from
    /// the documents' name keys the store keeps for the graph it holds (built on first use), so that a request neither
    /// normalises every title again nor carries every document's metadata from the backend.
    /// </summary>
    Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken);

    Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken);

    Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The relationship types a query may name in the graph now held (the built-ins, the corpus's own predicates and any
    /// type its relationships carry): the whitelist <see cref="QueryValidation"/> checks path and neighbourhood queries
    /// against. Answered from what the store keeps for the loaded graph, not by counting it as the schema does.
    /// </summary>
    Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="limit"/> most connected entities, ranked as <see cref="Traversal.Connectedness"/> says (all of
    /// them when the graph has no more), and every relationship among them; with each of <paramref name="featured"/>
    /// resolved (<see cref="IGraphNames.Resolve"/>) in the graph version the overview is read from, in one read.
    /// </summary>
    Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken);
}

/// <summary>
/// One graph version's names and whitelist, as a query reads them before it asks for paths
/// (<see cref="IGraphStore.FindPathsAsync(Func{IGraphNames, PathQuery}, CancellationToken)"/>): what
/// <see cref="IGraphStore.ResolveAsync"/> and <see cref="IGraphStore.GetVocabularyAsync"/> answer, without a read of their own.
/// </summary>
public interface IGraphNames
{
    /// <summary>As <see cref="IGraphStore.ResolveAsync"/> would answer in this version.</summary>
    Resolution Resolve(string text);

    /// <summary>As <see cref="IGraphStore.GetVocabularyAsync"/> would answer in this version.</summary>
    PredicateVocabulary Vocabulary { get; }

    /// <summary>
    /// Whether some entity of this version has a name or alias whose <see cref="NameKey.Normalize"/> key is
    /// <paramref name="nameKey"/> (ids do not count): drafting's test of whether a proper name is already known.
    /// </summary>
    bool NamesAnEntity(string nameKey);
}

/// <summary>The backend cannot answer now (down, unreachable, not yet loaded); callers answer 503 / retry later.</summary>
public sealed class GraphStoreUnavailableException : Exception
{
    public GraphStoreUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public GraphStoreUnavailableException()
    {
    }

    public GraphStoreUnavailableException(string message)
        : base(message)
    {
    }

    public GraphStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan? RetryAfter { get; }
}
