using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Core.Traversal;
using GraphService.Storage.Neo4j.Http;
using GraphService.Storage.Neo4j.Statements;
using Microsoft.Extensions.Options;

namespace GraphService.Storage.Neo4j;

/// <summary>
/// <see cref="IGraphStore"/> on Neo4j 5.26+ through its HTTP Query API. The graph model is in docs/neo4j.md; every
/// statement is in cypher/*.cypher. Queries have the embedded store's semantics: Cypher finds candidates and Core's
/// <see cref="PathOrder"/>, <see cref="EvidenceStrength"/> and <see cref="NameSimilarity"/> rank them.
/// Throws <see cref="GraphStoreUnavailableException"/> when Neo4j cannot be reached or holds no graph yet, and
/// <see cref="Neo4jAuthenticationException"/> when it refuses the credentials (also from <see cref="GetStatusAsync"/>,
/// because wrong credentials are a configuration error a host should stop on, not an outage to wait out).
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    public const string BackendName = "neo4j";

    /// <summary>
    /// Most chains of entities taken from one path statement. Hitting it marks the result truncated, as the embedded
    /// store's search budget does: beyond it the order among the chains is no longer proven.
    /// </summary>
    public const int PathCandidateLimit = 5_000;

    private readonly ICypherRunner _runner;
    private readonly Neo4jOptions _options;
    private readonly CypherStatements _cypher = CypherStatements.Instance;
    private readonly ConsistentReads _reads;

    internal Neo4jGraphStore(ICypherRunner runner, IOptions<Neo4jOptions> options)
    {
        _runner = runner;
        _options = options.Value;
        _reads = new ConsistentReads(runner, _options);
    }

    /// <summary>One statement, so one transaction: the counts and the version it reports belong to one graph.</summary>
    public async Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        CypherResult result;
        try
        {
            result = await _runner.RunAsync(_cypher.ReadStatement("status"), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreUnavailableException e)
        {
            return new GraphStatus(false, null, 0, 0, 0, BackendName, e.Message);
        }

        if (result.Records.Count == 0)
        {
            return new GraphStatus(true, null, 0, 0, 0, BackendName, $"Neo4j at {_options.Uri} holds no GraphService graph yet.");
        }

        var r = result.Records[0];
        var importedAt = r.StringOrNull("importedAt") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        return new GraphStatus(true, r.String("version"), r.Int("entities"), r.Int("relationships"), r.Int("documents"), BackendName, ImportedAt: importedAt);
    }

    /// <summary>Loads the name table and the vocabulary of the graph Neo4j holds, which every query needs first.</summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken) =>
        (await _reads.CacheOrNullAsync(cancellationToken).ConfigureAwait(false))?.Version;

    public async Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var vocabulary = GraphModel.VocabularyOf(graph);
        var current = await _runner.RunAsync(_cypher.ImportStatement("graph-version"), cancellationToken).ConfigureAwait(false);
        if (current.Records.Count > 0 && current.Records[0].StringOrNull("version") == graph.Version)
        {
            return;
        }

        // Schema changes cannot share a transaction with data writes, so constraints and indexes go first, each on its own.
        foreach (var (name, text) in _cypher.Schema.Statements)
        {
            await _runner.RunAsync(new CypherStatement(name, text), cancellationToken).ConfigureAwait(false);
        }

        var statements = new ImportPlan(_cypher, vocabulary, _options.ImportBatchSize).Statements(GraphContent.Of(graph));
        await _runner.RunInTransactionAsync(statements, cancellationToken).ConfigureAwait(false);
        _reads.Forget();
    }

    public Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken) =>
        _reads.ReadGraphAsync<GraphSnapshot?>(
            async (stamp, tx, ct) =>
            {
                var meta = await tx.RunAsync(_cypher.ImportStatement("graph-version"), ct).ConfigureAwait(false);
                var predicates = (await Run(tx, "snapshot-predicates", ct).ConfigureAwait(false)).Records.Select(RecordMapping.ToPredicate).ToList();
                var entities = (await Run(tx, "snapshot-entities", ct).ConfigureAwait(false)).Records.Select(RecordMapping.ToEntity).ToList();
                var documents = (await Run(tx, "snapshot-documents", ct).ConfigureAwait(false)).Records.Select(RecordMapping.ToSourceDocument).ToList();
                var relationships = (await Run(tx, "snapshot-claims", ct).ConfigureAwait(false)).Records.Select(RecordMapping.ToRelationship).ToList();
                var mentions = RecordMapping.ToMentions((await Run(tx, "snapshot-mentions", ct).ConfigureAwait(false)).Records);
                return new GraphSnapshot(stamp.Version, meta.Records[0].String("corpusName"), predicates, entities, documents, relationships, mentions);
            },
            () => null,
            cancellationToken);

    /// <summary>Resolution runs on the cached <see cref="AliasIndex"/>: the only round trip is the graph-stamp check.</summary>
    public async Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (await _reads.CacheAsync(cancellationToken).ConfigureAwait(false)).Names.Resolve(text);
    }

    /// <summary>
    /// The vocabulary cached with the name table for the graph stamp Neo4j holds: as for a resolution, the only round trip
    /// is the stamp check, and a changed stamp loads the new graph's cache first.
    /// </summary>
    public async Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) =>
        (await _reads.CacheAsync(cancellationToken).ConfigureAwait(false)).Vocabulary;

    public async Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return (await _reads.CacheAsync(cancellationToken).ConfigureAwait(false)).Names.Search(search);
    }

    public Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reads.ReadAsync((cache, tx, ct) => PathsAsync(cache, tx, query, ct), cancellationToken);
    }

    /// <summary>The names come from the cache of the stamp this read's transaction checks, so they are the paths' graph's.</summary>
    public Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _reads.ReadAsync(
            (cache, tx, ct) => plan(cache) is { } query ? PathsAsync(cache, tx, query, ct) : Task.FromResult<PathResult?>(null),
            cancellationToken);
    }

    private async Task<PathResult?> PathsAsync(GraphCache cache, IReadTransaction tx, PathQuery query, CancellationToken ct)
    {
        var from = cache.Entity(query.FromId);
        var to = cache.Entity(query.ToId);
        if (from is null || to is null)
        {
            return null;
        }

        if (from.Id == to.Id || query.Exclude.Contains(from.Id) || query.Exclude.Contains(to.Id) || query.K < 1)
        {
            return new PathResult(cache.Version, from, to, [], false);
        }

        // Neo4j's shortest-path planner gives every chain of the g shortest lengths, its parallel relationships
        // already grouped per step (cypher/paths.cypher). One more length is asked for only while fewer than k
        // simple chains are known and the last answer held all g lengths; groups are whole, so the k best by
        // PathOrder are then among the chains found.
        var maxLength = Math.Min(query.MaxHops, QueryLimits.MaxHops.Max);
        var chains = new List<GraphPath>();
        var truncated = false;
        for (var groups = 1; groups <= maxLength; groups++)
        {
            var rows = (await tx.RunAsync(
                CypherStatements.Make(
                    "shortest-path-groups",
                    _cypher.ShortestPathGroupsText(groups, maxLength, query.Direction, query.Types, cache.Vocabulary),
                    ("fromId", from.Id),
                    ("toId", to.Id),
                    ("minConfidence", query.MinConfidence),
                    ("includeContested", query.Contested == ContestedFilter.Include),
                    ("asOf", query.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("exclude", query.Exclude.Order(StringComparer.Ordinal).ToList()),
                    ("limit", PathCandidateLimit + 1)),
                ct).ConfigureAwait(false)).Records;
            truncated = rows.Count > PathCandidateLimit;
            var found = rows.Take(PathCandidateLimit).Select(r => RecordMapping.ToLinkedPath(r, cache.Vocabulary)).ToList();
            chains = [.. found.Where(RecordMapping.IsChainOfDistinctEntities)];
            if (truncated || chains.Count >= query.K || found.Select(p => p.Length).Distinct().Count() < groups)
            {
                break;
            }
        }

        var chosen = chains.Order(PathOrder.Instance).Take(query.K).ToList();
        var views = await RelationshipViewsAsync(tx, chosen.SelectMany(p => p.Links.SelectMany(l => l.Relationships.Select(r => r.Id))), ct).ConfigureAwait(false);
        var paths = chosen.Select(p => p with { Links = [.. p.Links.Select(l => l with { Relationships = [.. l.Relationships.Select(r => views[r.Id])] })] }).ToList();
        return new PathResult(cache.Version, from, to, paths, truncated);
    }

    public Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reads.ReadAsync((cache, tx, ct) => NeighborhoodAsync(cache, tx, query, ct), cancellationToken);
    }

    /// <summary>The names come from the cache of the stamp this read's transaction checks, so they are the neighbourhood's graph's.</summary>
    public Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _reads.ReadAsync(
            (cache, tx, ct) => plan(cache) is { } query ? NeighborhoodAsync(cache, tx, query, ct) : Task.FromResult<NeighborhoodResult?>(null),
            cancellationToken);
    }

    private async Task<NeighborhoodResult?> NeighborhoodAsync(GraphCache cache, IReadTransaction tx, NeighborhoodQuery query, CancellationToken ct)
    {
        var center = cache.Entity(query.EntityId);
        if (center is null)
        {
            return null;
        }

        var neighbors = _cypher.NeighborsText(query.Types, cache.Vocabulary);
        var kept = new HashSet<string>(StringComparer.Ordinal) { center.Id };
        var nodes = new List<NodeView> { center };
        var frontier = new List<string> { center.Id };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0; depth++)
        {
            var rows = await tx.RunAsync(
                CypherStatements.Make("neighbors", neighbors, ("frontier", frontier), ("kept", kept.Order(StringComparer.Ordinal).ToList())),
                ct).ConfigureAwait(false);
            var candidates = RecordMapping.StrongestPerNeighbor(rows.Records);
            var cut = NeighborhoodCut.Keep(candidates.Keys, id => candidates[id].Strength, NeighborhoodCut.Room(query.Limit, nodes.Count), StringComparer.Ordinal);
            truncated |= cut.Truncated;
            var layer = cut.Kept.Select(id => candidates[id].View).ToList();
            foreach (var v in layer)
            {
                kept.Add(v.Id);
                nodes.Add(v);
            }

            frontier = [.. layer.Select(v => v.Id)];
        }

        var among = await tx.RunAsync(
            CypherStatements.Make("relationships-among", _cypher.RelationshipsAmongText(query.Types, cache.Vocabulary), ("ids", nodes.Select(n => n.Id).ToList())),
            ct).ConfigureAwait(false);
        var ids = among.Records.Select(r => r.String("id")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var views = await RelationshipViewsAsync(tx, ids, ct).ConfigureAwait(false);
        return new NeighborhoodResult(cache.Version, center, nodes, [.. ids.Select(id => views[id])], truncated);
    }

    public Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reads.ReadAsync((cache, tx, ct) => EntityAsync(cache, tx, query, ct), cancellationToken);
    }

    /// <summary>As for neighbourhoods, the plan reads the names of the stamp this read's transaction checks.</summary>
    public Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _reads.ReadAsync(
            (cache, tx, ct) => plan(cache) is { } query ? EntityAsync(cache, tx, query, ct) : Task.FromResult<EntityDetail?>(null),
            cancellationToken);
    }

    private async Task<EntityDetail?> EntityAsync(GraphCache cache, IReadTransaction tx, EntityQuery query, CancellationToken ct)
    {
        var id = query.EntityId;
        if (cache.Entity(id) is null)
        {
            return null;
        }

        var entity = await Run(tx, "entity", ct, ("id", id)).ConfigureAwait(false);
        if (entity.Records.Count == 0)
        {
            return null;
        }

        // Core chooses the page from the light rows; only the claims it lists are read with their evidence.
        var rows = (await Run(tx, "entity-relationships", ct, ("id", id)).ConfigureAwait(false)).Records;
        var ids = rows.Select(r => r.String("id")).ToArray();
        var idOrders = EntityRelationships.IdOrders(ids);
        var entries = new EntityRelationshipEntry[rows.Count];
        var others = new NodeView[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            entries[i] = RecordMapping.ToEntityRelationshipEntry(rows[i], idOrders[i], i, out others[i]);
        }

        var page = EntityRelationships.Page(entries, query);
        var views = await RelationshipViewsAsync(tx, page.Listed.Select(l => ids[l.Handle]), ct).ConfigureAwait(false);
        var citations = (await Run(tx, "entity-citation-count", ct, ("id", id)).ConfigureAwait(false)).Records[0].Int("citations");
        var mentionCounts = (await Run(tx, "entity-mention-counts", ct, ("id", id)).ConfigureAwait(false)).Records[0];
        var mentions = query.DocumentLimit == 0
            ? []
            : (await Run(tx, "entity-mentions", ct, ("id", id), ("documentOffset", query.DocumentOffset), ("documentLimit", query.DocumentLimit)).ConfigureAwait(false)).Records;
        var listed = page.Listed.Select(l => new EntityRelationship(EntityRelationships.Direction(l.Outgoing), others[l.Handle], views[ids[l.Handle]]));
        return RecordMapping.ToEntityDetail(cache.Version, entity.Records[0].Value<CypherNode>("e"), page, listed, citations, mentionCounts, mentions);
    }

    /// <summary>
    /// The page is cut by the statement (ORDER BY the unique id, SKIP, LIMIT), so only the page crosses the wire. Document
    /// ids are ASCII slugs (docs/corpus-format.md), which Neo4j orders as .NET's ordinal comparison does.
    /// </summary>
    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return _reads.ReadAsync<IReadOnlyList<DocumentSummary>>(
            async (_, tx, ct) => [.. (await Run(tx, "documents", ct, ("offset", query.Offset), ("limit", query.Limit)).ConfigureAwait(false)).Records.Select(RecordMapping.ToDocumentSummary)],
            cancellationToken);
    }

    /// <summary>
    /// One page of a document: the spans that start in the range, then the text up to the furthest of their ends, cut by
    /// Cypher's substring() so only the page crosses the wire. Cypher counts code points and the API UTF-16 code units: they
    /// agree unless the text holds characters outside the BMP, and only then does Neo4j send the whole text to be cut here.
    /// </summary>
    public Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reads.ReadAsync<DocumentDetail?>(
            async (cache, tx, ct) =>
            {
                var end = (int)Math.Min((long)query.Offset + query.Length, int.MaxValue);
                var mentions = (await Run(tx, "document-mentions", ct, ("id", query.Id), ("start", query.Offset), ("end", end), ("limit", query.MentionLimit + 1)).ConfigureAwait(false)).Records
                    .Select(r => RecordMapping.ToSpan(r, "entityId"))
                    .ToList();
                var citations = (await Run(tx, "document-citations", ct, ("id", query.Id), ("start", query.Offset), ("end", end)).ConfigureAwait(false)).Records
                    .Select(r => RecordMapping.ToSpan(r, "id"))
                    .ToList();
                var readEnd = DocumentPaging.ReadEnd(end, int.MaxValue, mentions.Concat(citations));
                var document = await Run(tx, "document", ct, ("id", query.Id), ("start", query.Offset), ("length", readEnd - query.Offset)).ConfigureAwait(false);
                return document.Records.Count == 0 ? null : RecordMapping.ToDocumentPage(cache.Version, document.Records[0], query, readEnd, mentions, citations);
            },
            cancellationToken);
    }

    /// <summary>
    /// Ranked in the application on the documents' names cached for the stamp (read with the light document-names
    /// statement by the first unknown id of each graph, inside that read's checked transaction, and kept only once the
    /// check held); then only the suggested documents' bibliographic data is read. So an unknown id costs the stamp
    /// checks and one small statement, not every document's metadata on the wire.
    /// </summary>
    public async Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var (cache, names, suggested) = await _reads.ReadAsync(
            async (cache, tx, ct) =>
            {
                var names = cache.DocumentNames.Value ?? DocumentNames.Build(
                    (await Run(tx, "document-names", ct).ConfigureAwait(false)).Records.Select(r => (r.String("id"), r.String("title"))));
                var ids = names.Closest(asked, count);
                IReadOnlyList<DocumentSummary> suggested = [];
                if (ids.Count > 0)
                {
                    var byId = (await Run(tx, "documents-by-ids", ct, ("ids", ids)).ConfigureAwait(false)).Records
                        .Select(RecordMapping.ToDocumentSummary)
                        .ToDictionary(d => d.Id, StringComparer.Ordinal);
                    // A suggested id without its row means an import landed since the stamp was read: the commit's check
                    // sees it and the read runs again, so nothing is thrown here.
                    suggested = [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
                }

                return (cache, names, suggested);
            },
            cancellationToken).ConfigureAwait(false);

        // Only now has the commit's stamp shown that the names were this graph's.
        cache.DocumentNames.Keep(names);
        return suggested;
    }

    public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _reads.ReadAsync<CitationDetail?>(
            async (cache, tx, ct) =>
            {
                var result = await Run(tx, "citation", ct, ("id", id)).ConfigureAwait(false);
                if (result.Records.Count == 0)
                {
                    return null;
                }

                var r = result.Records[0];
                var claimIds = r.Strings("claimIds").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var views = await RelationshipViewsAsync(tx, claimIds, ct).ConfigureAwait(false);
                return new CitationDetail(cache.Version, RecordMapping.ToCitationView(r), [.. claimIds.Select(c => views[c])]);
            },
            cancellationToken);
    }

    /// <summary>
    /// The schema is counted once per graph stamp (its statements visit every entity and every mention) and kept in the
    /// stamp's cache once the read's commit has checked the stamp; later reads of that graph only check the stamp.
    /// </summary>
    public async Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        var (cache, schema) = await _reads.ReadAsync(
            async (cache, tx, ct) =>
            {
                if (cache.Schema.Value is { } kept)
                {
                    return (cache, kept);
                }

                var types = (await Run(tx, "schema-entity-types", ct).ConfigureAwait(false)).Records;
                var predicates = (await Run(tx, "schema-predicates", ct).ConfigureAwait(false)).Records;
                var counts = (await Run(tx, "schema-counts", ct).ConfigureAwait(false)).Records[0];
                return (cache, RecordMapping.ToSchema(cache.Version, types, predicates, counts));
            },
            cancellationToken).ConfigureAwait(false);
        cache.Schema.Keep(schema);
        return schema;
    }

    private Task<CypherResult> Run(IReadTransaction transaction, string readStatement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        transaction.RunAsync(_cypher.ReadStatement(readStatement, parameters), cancellationToken);

    private async Task<IReadOnlyDictionary<string, RelationshipView>> RelationshipViewsAsync(IReadTransaction transaction, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, RelationshipView>();
        }

        var result = await Run(transaction, "claims-by-ids", cancellationToken, ("ids", wanted)).ConfigureAwait(false);
        var views = result.Records.Select(RecordMapping.ToRelationshipView).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var missing = wanted.Where(w => !views.ContainsKey(w)).ToList();
        return missing.Count == 0
            ? views
            : throw new InvalidDataException($"Neo4j holds relationships without their :Claim node ({string.Join(", ", missing)}); re-import the graph.");
    }
}
