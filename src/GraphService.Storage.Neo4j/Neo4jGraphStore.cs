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
    /// Most paths of one length taken from Neo4j per query. Hitting it marks the result truncated, as the embedded store's
    /// search budget does: beyond it the order among paths of that length is no longer proven.
    /// </summary>
    public const int PathCandidateLimit = 5_000;

    private readonly ICypherRunner _runner;
    private readonly Neo4jOptions _options;
    private readonly CypherStatements _cypher = CypherStatements.Instance;
    private readonly SemaphoreSlim _cacheLock = new(1, 1);
    private GraphCache? _cache;

    internal Neo4jGraphStore(ICypherRunner runner, IOptions<Neo4jOptions> options)
    {
        _runner = runner;
        _options = options.Value;
    }

    public async Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        CypherResult result;
        try
        {
            result = await RunAsync("status", cancellationToken).ConfigureAwait(false);
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
        var importedAt = r.StringOrNull("importedAt") is { } at ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        return new GraphStatus(true, r.String("version"), r.Int("entities"), r.Int("relationships"), r.Int("documents"), BackendName, ImportedAt: importedAt);
    }

    /// <summary>Loads the name table and the vocabulary of the graph Neo4j holds, which every query needs first.</summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken) =>
        (await CacheOrNullAsync(cancellationToken).ConfigureAwait(false))?.Version;

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

        var statements = new ImportPlan(_cypher, vocabulary, _options.ImportBatchSize).Statements(graph);
        await _runner.RunInTransactionAsync(statements, cancellationToken).ConfigureAwait(false);
        _cache = null;
    }

    public async Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var meta = await _runner.RunAsync(_cypher.ImportStatement("graph-version"), cancellationToken).ConfigureAwait(false);
        if (meta.Records.Count == 0)
        {
            return null;
        }

        var predicates = (await RunAsync("snapshot-predicates", cancellationToken).ConfigureAwait(false)).Records
            .Select(r => new Predicate(r.String("type"), r.String("phrase"), r.Bool("builtIn"))).ToList();
        var entities = (await RunAsync("snapshot-entities", cancellationToken).ConfigureAwait(false)).Records
            .Select(RecordMapping.ToEntity).ToList();
        var documents = (await RunAsync("snapshot-documents", cancellationToken).ConfigureAwait(false)).Records
            .Select(RecordMapping.ToSourceDocument).ToList();
        var relationships = (await RunAsync("snapshot-claims", cancellationToken).ConfigureAwait(false)).Records
            .Select(RecordMapping.ToRelationship)
            .ToList();
        var mentions = new List<(long Ordinal, Mention Mention)>();
        foreach (var r in (await RunAsync("snapshot-mentions", cancellationToken).ConfigureAwait(false)).Records)
        {
            var starts = r.Longs("starts");
            var ends = r.Longs("ends");
            var ordinals = r.Longs("ordinals");
            for (var i = 0; i < starts.Count; i++)
            {
                mentions.Add((ordinals[i], new Mention(r.String("entityId"), r.String("documentId"), checked((int)starts[i]), checked((int)ends[i]))));
            }
        }

        var m = meta.Records[0];
        return new GraphSnapshot(m.String("version"), m.String("corpusName"), predicates, entities, documents, relationships, [.. mentions.OrderBy(x => x.Ordinal).Select(x => x.Mention)]);
    }

    public async Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var exact = await EntityViewAsync(text.Trim(), cancellationToken).ConfigureAwait(false);
        if (exact is not null)
        {
            return new Resolution.Resolved(text, exact);
        }

        foreach (var (statement, key) in new[] { ("resolve-by-key", NameKey.Normalize(text)), ("resolve-by-key-without-articles", NameKey.WithoutArticles(text)) })
        {
            if (key.Length == 0)
            {
                continue;
            }

            var hits = (await RunAsync(statement, cancellationToken, ("key", key)).ConfigureAwait(false)).Records.Select(RecordMapping.ToNodeView)
                .OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();
            if (hits.Count > 0)
            {
                return hits.Count == 1 ? new Resolution.Resolved(text, hits[0]) : new Resolution.Ambiguous(text, hits);
            }
        }

        return new Resolution.NotFound(text, cache.Names.Suggest(text));
    }

    public async Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        return cache.Names.Search(search);
    }

    public async Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var from = await EntityViewAsync(query.FromId, cancellationToken).ConfigureAwait(false);
        var to = await EntityViewAsync(query.ToId, cancellationToken).ConfigureAwait(false);
        if (from is null || to is null)
        {
            return null;
        }

        if (from.Id == to.Id || query.Exclude.Contains(from.Id) || query.Exclude.Contains(to.Id) || query.K < 1)
        {
            return new PathResult(cache.Version, from, to, [], false);
        }

        var candidates = new List<GraphPath>();
        var truncated = false;
        for (var length = 1; length <= Math.Min(query.MaxHops, QueryLimits.MaxHops.Max) && candidates.Count < query.K; length++)
        {
            var text = _cypher.PathsOfLengthText(length, query.Direction, query.Types, cache.Vocabulary);
            var result = await _runner.RunAsync(
                CypherStatements.Make(
                    "paths-of-length",
                    text,
                    ("fromId", from.Id),
                    ("toId", to.Id),
                    ("minConfidence", query.MinConfidence),
                    ("includeContested", query.Contested == ContestedFilter.Include),
                    ("asOf", query.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("exclude", query.Exclude.Order(StringComparer.Ordinal).ToList()),
                    ("limit", PathCandidateLimit + 1)),
                cancellationToken).ConfigureAwait(false);
            var rows = result.Records;
            if (rows.Count > PathCandidateLimit)
            {
                truncated = true;
            }

            candidates.AddRange(rows.Take(PathCandidateLimit).Select(r => RecordMapping.ToCandidate(r.Value<CypherPath>("p"), cache.Vocabulary)));
        }

        var chosen = candidates.Order(PathOrder.Instance).Take(query.K).ToList();
        var views = await RelationshipViewsAsync(chosen.SelectMany(p => p.Relationships.Select(r => r.Id)), cancellationToken).ConfigureAwait(false);
        var paths = chosen.Select(p => p with { Relationships = [.. p.Relationships.Select(r => views[r.Id])] }).ToList();
        return new PathResult(cache.Version, from, to, paths, truncated);
    }

    public async Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var center = await EntityViewAsync(query.EntityId, cancellationToken).ConfigureAwait(false);
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
            var rows = await _runner.RunAsync(
                CypherStatements.Make("neighbors", neighbors, ("frontier", frontier), ("kept", kept.Order(StringComparer.Ordinal).ToList())),
                cancellationToken).ConfigureAwait(false);
            var candidates = new Dictionary<string, (EvidenceStrength Strength, NodeView View)>(StringComparer.Ordinal);
            foreach (var r in rows.Records)
            {
                var view = RecordMapping.ToNodeView(r);
                var strength = new EvidenceStrength(r.Int("corroboration"), r.Double("confidence"));
                if (!candidates.TryGetValue(view.Id, out var best) || strength > best.Strength)
                {
                    candidates[view.Id] = (strength, view);
                }
            }

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

        var among = await _runner.RunAsync(
            CypherStatements.Make("relationships-among", _cypher.RelationshipsAmongText(query.Types, cache.Vocabulary), ("ids", nodes.Select(n => n.Id).ToList())),
            cancellationToken).ConfigureAwait(false);
        var ids = among.Records.Select(r => r.String("id")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var views = await RelationshipViewsAsync(ids, cancellationToken).ConfigureAwait(false);
        return new NeighborhoodResult(cache.Version, center, nodes, [.. ids.Select(id => views[id])], truncated);
    }

    public async Task<EntityDetail?> GetEntityAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var entity = await RunAsync("entity", cancellationToken, ("id", id)).ConfigureAwait(false);
        if (entity.Records.Count == 0)
        {
            return null;
        }

        var node = entity.Records[0].Value<CypherNode>("e");
        var links = (await RunAsync("entity-relationships", cancellationToken, ("id", id)).ConfigureAwait(false)).Records
            .Select(r => (Id: r.String("id"), Outgoing: r.Bool("outgoing"), Other: new NodeView(r.String("otherId"), r.String("otherName"), GraphModel.ParseEntityType(r.String("otherType")))))
            .ToList();
        var views = await RelationshipViewsAsync(links.Select(l => l.Id), cancellationToken).ConfigureAwait(false);
        var (byPredicate, citations) = EntityRelationships.Group(links.Select(l => new EntityRelationship(EntityRelationships.Direction(l.Outgoing), l.Other, views[l.Id])));
        var mentions = (await RunAsync("entity-mentions", cancellationToken, ("id", id)).ConfigureAwait(false)).Records
            .Select(r => (Summary: RecordMapping.ToDocumentSummary(r), Count: r.Int("mentions")))
            .OrderBy(m => m.Summary.Id, StringComparer.Ordinal)
            .ToList();
        var p = node.Properties;
        return new EntityDetail(
            cache.Version,
            p.String("id"),
            p.String("name"),
            GraphModel.ParseEntityType(p.String("type")),
            p.Strings("aliases"),
            p.StringOrNull("description"),
            byPredicate,
            citations,
            mentions.Sum(m => m.Count),
            [.. mentions.Select(m => m.Summary)]);
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        await CacheAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await RunAsync("documents", cancellationToken).ConfigureAwait(false)).Records.Select(RecordMapping.ToDocumentSummary).OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One page of a document: the spans that start in the range, then the text up to the furthest of their ends, cut by
    /// Cypher's substring() so only the page crosses the wire. Cypher counts code points and the API UTF-16 code units: they
    /// agree unless the text holds characters outside the BMP, and only then does Neo4j send the whole text to be cut here.
    /// </summary>
    public async Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var end = (int)Math.Min((long)query.Offset + query.Length, int.MaxValue);
        var mentions = (await RunAsync("document-mentions", cancellationToken, ("id", query.Id), ("start", query.Offset), ("end", end), ("limit", query.MentionLimit + 1)).ConfigureAwait(false)).Records
            .Select(r => new SpanRef(r.Int("start"), r.Int("end"), r.String("entityId")))
            .ToList();
        var citations = (await RunAsync("document-citations", cancellationToken, ("id", query.Id), ("start", query.Offset), ("end", end)).ConfigureAwait(false)).Records
            .Select(r => new SpanRef(r.Int("start"), r.Int("end"), r.String("id")))
            .ToList();
        var readEnd = DocumentPaging.ReadEnd(end, int.MaxValue, mentions.Concat(citations));
        var document = await RunAsync("document", cancellationToken, ("id", query.Id), ("start", query.Offset), ("length", readEnd - query.Offset)).ConfigureAwait(false);
        if (document.Records.Count == 0)
        {
            return null;
        }

        var d = document.Records[0];
        var summary = RecordMapping.ToDocumentSummary(d);
        var (start, pageEnd) = DocumentPaging.Clamp(query, summary.Length);
        readEnd = Math.Min(readEnd, summary.Length);
        TextWindow window;
        if (d.StringOrNull("text") is { } text)
        {
            window = new TextWindow(start, text);
        }
        else
        {
            (start, pageEnd, window) = DocumentPaging.CutWindow(d.String("wholeText"), start, pageEnd, readEnd);
        }

        return DocumentPaging.Page(cache.Version, summary, start, pageEnd, window, mentions, query.MentionLimit, citations);
    }

    public async Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var result = await RunAsync("citation", cancellationToken, ("id", id)).ConfigureAwait(false);
        if (result.Records.Count == 0)
        {
            return null;
        }

        var r = result.Records[0];
        var citation = new CitationView(
            r.String("id"), r.String("documentId"), r.String("title"), r.String("publisher"), r.StringOrNull("published"), r.StringOrNull("url"),
            r.String("quote"), r.Int("start"), r.Int("end"), GraphModel.ParseStance(r.String("stance")));
        var claimIds = r.Strings("claimIds").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var views = await RelationshipViewsAsync(claimIds, cancellationToken).ConfigureAwait(false);
        return new CitationDetail(cache.Version, citation, [.. claimIds.Select(c => views[c])]);
    }

    public async Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken)
    {
        var cache = await CacheAsync(cancellationToken).ConfigureAwait(false);
        var types = (await RunAsync("schema-entity-types", cancellationToken).ConfigureAwait(false)).Records
            .Select(r => new TypeCount(GraphModel.ParseEntityType(r.String("type")).ToString(), r.Int("count")))
            .OrderBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        var predicates = (await RunAsync("schema-predicates", cancellationToken).ConfigureAwait(false)).Records
            .Select(r => new PredicateCount(r.String("type"), r.String("phrase"), r.Bool("builtIn"), r.Int("count")))
            .OrderBy(p => p.Type, StringComparer.Ordinal)
            .ToList();
        var c = (await RunAsync("schema-counts", cancellationToken).ConfigureAwait(false)).Records[0];
        return new GraphSchema(cache.Version, types, predicates, c.Int("entities"), c.Int("relationships"), c.Int("documents"), c.Int("citations"), c.Int("mentions"));
    }

    private Task<CypherResult> RunAsync(string readStatement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _runner.RunAsync(_cypher.ReadStatement(readStatement, parameters), cancellationToken);

    /// <summary>
    /// The loaded graph's version with its vocabulary and name table, reloaded when the version changes.
    /// Throws <see cref="GraphStoreUnavailableException"/> while Neo4j holds no graph.
    /// </summary>
    private async Task<GraphCache> CacheAsync(CancellationToken cancellationToken) =>
        await CacheOrNullAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new GraphStoreUnavailableException($"Neo4j at {_options.Uri} holds no GraphService graph yet; import a corpus first.", null, _options.RetryAfter);

    /// <summary>The cache of the graph Neo4j holds now, loaded when its version changed; null while Neo4j holds no graph.</summary>
    private async Task<GraphCache?> CacheOrNullAsync(CancellationToken cancellationToken)
    {
        var meta = await _runner.RunAsync(_cypher.ImportStatement("graph-version"), cancellationToken).ConfigureAwait(false);
        if ((meta.Records.Count > 0 ? meta.Records[0].StringOrNull("version") : null) is not { } version)
        {
            return null;
        }

        if (_cache is { } cached && cached.Version == version)
        {
            return cached;
        }

        await _cacheLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cache is { } again && again.Version == version)
            {
                return again;
            }

            var predicates = (await RunAsync("snapshot-predicates", cancellationToken).ConfigureAwait(false)).Records
                .Select(r => new Predicate(r.String("type"), r.String("phrase"), r.Bool("builtIn")));
            var names = (await RunAsync("name-table", cancellationToken).ConfigureAwait(false)).Records
                .Select(r => (r.String("id"), r.String("name"), GraphModel.ParseEntityType(r.String("type")), r.Strings("aliases")));
            var fresh = new GraphCache(version, new PredicateVocabulary(PredicateVocabulary.BuiltIns.Concat(predicates)), AliasIndex.Build(names));
            _cache = fresh;
            return fresh;
        }
        finally
        {
            _cacheLock.Release();
        }
    }

    private async Task<NodeView?> EntityViewAsync(string id, CancellationToken cancellationToken)
    {
        var result = await RunAsync("resolve-by-id", cancellationToken, ("id", id)).ConfigureAwait(false);
        return result.Records.Count == 0 ? null : RecordMapping.ToNodeView(result.Records[0]);
    }

    private async Task<IReadOnlyDictionary<string, RelationshipView>> RelationshipViewsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, RelationshipView>();
        }

        var result = await RunAsync("claims-by-ids", cancellationToken, ("ids", wanted)).ConfigureAwait(false);
        var views = result.Records.Select(RecordMapping.ToRelationshipView).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var missing = wanted.Where(w => !views.ContainsKey(w)).ToList();
        return missing.Count == 0
            ? views
            : throw new InvalidDataException($"Neo4j holds relationships without their :Claim node ({string.Join(", ", missing)}); re-import the graph.");
    }

    private sealed record GraphCache(string Version, PredicateVocabulary Vocabulary, AliasIndex Names);
}
