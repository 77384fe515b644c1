using System.Globalization;
using GraphService.Core.Domain;
using GraphService.Core.Pooling;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Core.Traversal;
using Microsoft.Data.Sqlite;

namespace GraphService.Storage.Sqlite;

/// <summary>
/// The embedded store: the graph lives in one SQLite file; traversal runs on an in-memory <see cref="TraversalIndex"/>
/// built from it by <see cref="PrepareAsync"/> (or else by the first read, so a new process can open an existing file),
/// and citations and documents are read from SQLite only for the relationships a result contains.
/// Every read checks, inside one SQLite read transaction, that the file still holds the graph version its index was
/// built from, so an answer never mixes two graphs. Reads run on kept connections with their statements prepared once
/// (<see cref="ReadSession"/>), so that check costs one primary-key lookup.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore, IDisposable
{
    public const string BackendName = "sqlite";

    private const string EmptyMessage = "the store is empty; import a corpus first";
    private const int MaxStaleRetries = 3;

    // Relationship entries from which an entity's citation count is kept for the graph (a count costs about a microsecond an entry).
    internal const int HubDegree = 1_000;

    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    // Reads that run at once; the rest wait their turn. A read is CPU work on this process's index, so more at once than
    // the engine keeps working memory for (TraversalIndex.SearchesKept) only made each extra search allocate its own marks
    // for every entity (130 of 20 MB in 15 s of load at 1M entities) and open and close a connection.
    private readonly SemaphoreSlim _readGate = new(TraversalIndex.SearchesKept, TraversalIndex.SearchesKept);
    private volatile bool _schemaReady;
    private volatile GraphState? _state;

    // Idle read sessions, one for each read that may run at once.
    private readonly SpareObjects<ReadSession> _sessions = new(TraversalIndex.SearchesKept);
    private volatile bool _disposed;

    public SqliteGraphStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteStoreOptions.Path must name the store file", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.PathSearchBudget, 1, nameof(options));
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path => _options.Path;

    public async Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var session = await RentSessionAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, string> meta;
        try
        {
            _ = session.BeginRead();
            meta = StoreFile.ReadMeta(session.Connection, null);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        EndRead(session);
        if (!meta.TryGetValue(StoreFile.MetaKeys.GraphVersion, out var version))
        {
            return new GraphStatus(false, null, 0, 0, 0, BackendName, EmptyMessage);
        }

        return new GraphStatus(
            true,
            version,
            int.Parse(meta[StoreFile.MetaKeys.Entities], CultureInfo.InvariantCulture),
            int.Parse(meta[StoreFile.MetaKeys.Relationships], CultureInfo.InvariantCulture),
            int.Parse(meta[StoreFile.MetaKeys.Documents], CultureInfo.InvariantCulture),
            BackendName,
            $"corpus {meta.GetValueOrDefault(StoreFile.MetaKeys.CorpusName)}, imported {meta.GetValueOrDefault(StoreFile.MetaKeys.ImportedAt)}",
            meta.TryGetValue(StoreFile.MetaKeys.ImportedAt, out var importedAt) ? DateTimeOffset.Parse(importedAt, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// Loads the in-memory index (and checks it against the file) unless it is already loaded, then answers a path query
    /// (k = 1, then the default k) and a neighbourhood query between entities that a path joins (see <see cref="WarmUpPair"/>),
    /// so that the code a query runs, from the search to the hydration, is compiled before the host says it is ready and
    /// the first user's query does not pay for compiling it.
    /// </summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken)
    {
        if ((await GetStatusAsync(cancellationToken).ConfigureAwait(false)).GraphVersion is null)
        {
            return null;
        }

        var (version, pair) = await ReadAsync((state, _) => (state.Version, WarmUpPair(state.Index)), cancellationToken).ConfigureAwait(false);
        if (pair is var (from, to))
        {
            // Answers are discarded. The default limits, as a user's first query has them: a query that finds nothing or
            // stops at two hops leaves the code that chooses, ranks and hydrates paths uncompiled.
            _ = await FindPathsAsync(new PathQuery(from, to) { K = 1 }, cancellationToken).ConfigureAwait(false);
            _ = await FindPathsAsync(new PathQuery(from, to), cancellationToken).ConfigureAwait(false);
            _ = await GetNeighborhoodAsync(new NeighborhoodQuery(from), cancellationToken).ConfigureAwait(false);
        }

        return version;
    }

    /// <summary>
    /// Two entities a path of up to three links joins, for the warm-up of <see cref="PrepareAsync"/>: the entity with the
    /// most relationships, and where a walk from it ends that steps three times to the first neighbour not yet on the
    /// walk (fewer when it finds none). Null when no entity has a relationship to another.
    /// </summary>
    internal static (string From, string To)? WarmUpPair(TraversalIndex index)
    {
        var offsets = index.AdjacencyOffsets;
        var start = -1;
        for (var e = 0; e < index.EntityCount; e++)
        {
            if (start < 0 || offsets[e + 1] - offsets[e] > offsets[start + 1] - offsets[start])
            {
                start = e;
            }
        }

        var walk = new List<int> { start };
        for (var step = 0; step < 3 && start >= 0; step++)
        {
            var at = walk[^1];
            var next = -1;
            for (var slot = offsets[at]; slot < offsets[at + 1] && next < 0; slot++)
            {
                next = walk.Contains(index.LinkNeighbor[slot]) ? -1 : index.LinkNeighbor[slot];
            }

            if (next < 0)
            {
                break;
            }

            walk.Add(next);
        }

        return walk.Count > 1 ? (index.EntityIds[walk[0]], index.EntityIds[walk[^1]]) : null;
    }

    public Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken) =>
        OnIndexAsync(state => state.Aliases.Resolve(text), cancellationToken);

    public Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken) =>
        OnIndexAsync(state => state.Aliases.Search(search), cancellationToken);

    public Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync((state, hydrator) => Paths(state, hydrator, query, cancellationToken), cancellationToken);
    }

    public Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // The loaded state is the graph the read transaction holds, so the names resolve in the version the paths come from.
        return ReadAsync((state, hydrator) => plan(state) is { } query ? Paths(state, hydrator, query, cancellationToken) : null, cancellationToken);
    }

    public Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync((state, hydrator) => Neighborhood(state, hydrator, query, cancellationToken), cancellationToken);
    }

    public Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // As for paths: the loaded state is the graph the read transaction holds.
        return ReadAsync((state, hydrator) => plan(state) is { } query ? Neighborhood(state, hydrator, query, cancellationToken) : null, cancellationToken);
    }

    private static NeighborhoodResult? Neighborhood(GraphState state, Hydrator hydrator, NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        var found = new NeighborhoodExplorer(state.Index).Explore(query, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var nodes = new NodeView[found.Nodes.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = state.Node(found.Nodes[i]);
        }

        return new NeighborhoodResult(
            state.Version,
            state.Node(found.Center),
            nodes,
            hydrator.InOrder(found.Relationships),
            found.Truncated);
    }

    public Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync((state, hydrator) => Entity(state, hydrator, query), cancellationToken);
    }

    public Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ReadAsync((state, hydrator) => plan(state) is { } query ? Entity(state, hydrator, query) : null, cancellationToken);
    }

    private static EntityDetail? Entity(GraphState state, Hydrator hydrator, EntityQuery query)
    {
        var index = state.Index;
        var e = index.EntityIndexOf(query.EntityId);
        if (e < 0)
        {
            return null;
        }

        // The page is chosen from the index alone; only what it lists is hydrated. Both sides of a relationship from the
        // entity to itself come through; Core lists it once. Relationship numbers follow the ids (the index is built in
        // ordinal id order), so they are the id order; the handle is the adjacency slot.
        var entries = new List<EntityRelationshipEntry>(index.AdjacencyOffsets[e + 1] - index.AdjacencyOffsets[e]);
        for (var slot = index.AdjacencyOffsets[e]; slot < index.AdjacencyOffsets[e + 1]; slot++)
        {
            var entry = index.LinkEntry[slot];
            var r = entry >> 1;
            entries.Add(new EntityRelationshipEntry(
                index.TypeNames[index.RelationshipType[r]],
                (entry & 1) == 0,
                new EvidenceStrength(index.RelationshipCorroboration[r], index.RelationshipConfidence[r]),
                r,
                slot));
        }

        var page = EntityRelationships.Page(entries, query);
        var views = hydrator.Relationships(page.Listed.Select(l => l.IdOrder));
        var listed = page.Listed.Select(l => new EntityRelationship(
            EntityRelationships.Direction(l.Outgoing),
            state.Node(index.LinkNeighbor[l.Handle]),
            views[l.IdOrder]));
        var (description, mentionCount, documentCount, mentionedIn) = hydrator.EntityExtras(query);
        return new EntityDetail(
            state.Version,
            index.EntityIds[e],
            index.EntityNames[e],
            index.EntityTypes[e],
            index.EntityAliases[e],
            description,
            EntityRelationships.ByPredicate(listed),
            page.Counts,
            page.Truncated,
            CitationCount(state, hydrator, e, entries),
            mentionCount,
            [.. mentionedIn.Select(d => state.Documents[d])],
            documentCount);
    }

    /// <summary>
    /// The distinct citations of the entity's relationships; kept for the graph once counted when the entity has at least
    /// <see cref="HubDegree"/> relationship entries, so that paging through a hub counts them once.
    /// </summary>
    private static int CitationCount(GraphState state, Hydrator hydrator, int entity, List<EntityRelationshipEntry> entries)
    {
        return entries.Count < HubDegree
            ? Count()
            : state.HubCitationCounts.GetOrAdd(entity, _ => Count());

        int Count() => hydrator.DistinctCitationCount(entries.Select(entry => entry.IdOrder));
    }

    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return OnIndexAsync<IReadOnlyList<DocumentSummary>>(
            state =>
            {
                var all = state.DocumentsById;
                var start = Math.Min(query.Offset, all.Length);
                return all.AsSpan(start, Math.Min(query.Limit, all.Length - start)).ToArray();
            },
            cancellationToken);
    }

    public Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(
            (state, hydrator) => state.Documents.TryGetValue(query.Id, out var summary) ? hydrator.Document(summary, query) : null,
            cancellationToken);
    }

    public Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        return OnIndexAsync<IReadOnlyList<DocumentSummary>>(
            state => [.. state.DocumentNames.Closest(asked, count).Select(id => state.Documents[id])],
            cancellationToken);
    }

    public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(
            (state, hydrator) =>
            {
                var found = hydrator.Citation(id);
                if (found is null)
                {
                    return null;
                }

                var (citation, relationshipIds) = found.Value;
                var indices = relationshipIds.Select(state.Index.RelationshipIndexOf).Where(r => r >= 0).Order().ToList();
                var views = hydrator.Relationships(indices);
                return new CitationDetail(
                    state.Version,
                    citation.ToView(Document(state, citation.DocumentId)),
                    [.. indices.Select(r => views[r])]);
            },
            cancellationToken);

    public Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            (state, hydrator) => state.Schema ??= Schema(state, hydrator),
            cancellationToken);

    public Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featured);
        return ReadAsync(
            (state, hydrator) =>
            {
                var index = state.Index;
                var top = state.ByConnectedness.Take(limit).ToList();
                var among = Connectedness.RelationshipsAmong(index, top);
                var views = hydrator.Relationships(among);
                return new MostConnected(
                    state.Version,
                    index.EntityCount,
                    index.RelationshipCount,
                    [.. top.Select(e => new RankedNode(index.EntityIds[e], index.EntityNames[e], index.EntityTypes[e], Connectedness.Degree(index, e)))],
                    [.. among.Select(r => views[r])],
                    [.. featured.Select(state.Aliases.Identify)]);
            },
            cancellationToken);
    }

    public void Dispose()
    {
        _disposed = true;
        DrainSessions();
        _writeGate.Dispose();
        _readGate.Dispose();
        _loadGate.Dispose();

        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal static SourceDocument Document(GraphState state, string documentId) =>
        state.Documents.TryGetValue(documentId, out var d)
            ? new SourceDocument(d.Id, d.Title, d.Publisher, d.Author, d.Published is null ? null : PartialDate.Parse(d.Published), d.Url, d.Language, "")
            : throw new InvalidOperationException($"citation points to document '{documentId}', which the store does not hold");

    private PathResult? Paths(GraphState state, Hydrator hydrator, PathQuery query, CancellationToken cancellationToken)
    {
        var found = new PathFinder(state.Index, _options.PathSearchBudget).Find(query, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var views = hydrator.Relationships(found.Paths.SelectMany(p => p.Links.SelectMany(l => l)).Distinct());
        var index = state.Index;
        return new PathResult(
            state.Version,
            state.Node(index.EntityIndexOf(query.FromId)),
            state.Node(index.EntityIndexOf(query.ToId)),
            [.. found.Paths.Select(p => new GraphPath(
                p.Length,
                [.. p.Nodes.Select(state.Node)],
                [.. p.Links.Select((l, i) => new PathLink(index.EntityIds[p.Nodes[i]], index.EntityIds[p.Nodes[i + 1]], [.. l.Select(r => views[r])]))]))],
            found.Truncated);
    }

    private async Task<T> OnIndexAsync<T>(Func<GraphState, T> answer, CancellationToken cancellationToken)
    {
        // Answers that need only the index still go through the version check: the index must match the file.
        return await ReadAsync((state, _) => answer(state), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="answer"/> on the loaded graph inside a read transaction whose snapshot holds that graph's
    /// version, once one of the <see cref="TraversalIndex.SearchesKept"/> reads that may run at once is free. When the file
    /// has moved on (an import here committed but has not swapped the index yet, or another process imported), waits for
    /// the writer, reloads and tries again.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<GraphState, Hydrator, T> answer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxStaleRetries; attempt++)
        {
            var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
            string? version;
            T result = default!;
            await _readGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var session = await RentSessionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    version = session.BeginRead();
                    if (version == state.Version)
                    {
                        result = answer(state, new Hydrator(state, session, cancellationToken));
                    }
                }
                catch
                {
                    // Disposing the session ends its transaction; a session in an unknown state is not reused.
                    session.Dispose();
                    throw;
                }

                EndRead(session);
            }
            finally
            {
                _readGate.Release();
            }

            if (version is null)
            {
                _state = null;
                throw new GraphStoreUnavailableException(EmptyMessage);
            }

            if (version == state.Version)
            {
                return result;
            }

            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            _writeGate.Release();
            if (ReferenceEquals(_state, state))
            {
                _state = null;
            }
        }

        throw new GraphStoreUnavailableException("the graph changed while it was being read; try again", null, TimeSpan.FromSeconds(1));
    }

    private async Task<ReadSession> RentSessionAsync(CancellationToken cancellationToken)
    {
        if (_sessions.TryTake(out var kept))
        {
            return kept;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new ReadSession(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the session's read and keeps it for the next read (or closes it when enough are kept or the store is gone).</summary>
    private void EndRead(ReadSession session)
    {
        try
        {
            session.EndRead();
        }
        catch
        {
            session.Dispose();
            throw;
        }

        if (_disposed || !_sessions.TryKeep(session))
        {
            session.Dispose();
            return;
        }

        if (_disposed)
        {
            // Dispose ran between the check and the add: do not leave this connection open.
            DrainSessions();
        }
    }

    private void DrainSessions()
    {
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private async Task<GraphState> GetStateAsync(CancellationToken cancellationToken)
    {
        if (_state is GraphState loaded)
        {
            return loaded;
        }

        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state is GraphState raced)
            {
                return raced;
            }

            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var unmapped = SqliteCommands.Create(connection, null, "PRAGMA mmap_size = 0;"))
            {
                // The load reads the whole index once: through read() its pages stay in the OS cache, not in this process's
                // resident set, as mapped pages would (the next open of this pooled connection maps the file again).
                unmapped.ExecuteNonQuery();
            }

            await using var transaction = connection.BeginTransaction(deferred: true);
            var state = StoreFile.LoadState(connection, transaction, cancellationToken) ?? throw new GraphStoreUnavailableException(EmptyMessage);
            if (state.PackedEvidence && _options.EvidenceInMemory)
            {
                // In the index's transaction, and like it read through read() rather than mapped (see above).
                state.Evidence = EvidenceRows.Load(connection.Handle!, state.Index.RelationshipCount, cancellationToken);
            }

            _state = state;

            // Building the index streams every row through temporary lists several times the size of the result; give
            // that memory back to the system once, now, rather than serve the graph with the building's peak resident.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return state;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (!_schemaReady)
            {
                var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_options.Path));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Reads map the file instead of copying pages through read() calls: hydrating a neighbourhood touches
            // thousands of pages spread over the file, and a small per-connection page cache turned each into a syscall.
            using (var pragmas = SqliteCommands.Create(connection, null, "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 4294967296;"))
            {
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_schemaReady)
            {
                SqliteSchema.Ensure(connection, _options.Path);
                _schemaReady = true;
            }

            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new GraphStoreUnavailableException($"cannot open the store file {_options.Path}: {e.Message}", e);
        }
        catch (GraphStoreUnavailableException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static GraphSchema Schema(GraphState state, Hydrator hydrator)
    {
        var index = state.Index;
        var perType = new int[index.TypeNames.Length];
        foreach (var t in index.RelationshipType)
        {
            perType[t]++;
        }

        var predicateCounts = state.Predicates.Values
            .Select(p => (p.Type, p.Phrase, p.BuiltIn))
            .Concat(index.TypeNames.Where(t => !state.Predicates.ContainsKey(t)).Select(t => (Type: t, Phrase: state.PhraseOf(t), BuiltIn: false)))
            .OrderBy(p => p.Type, StringComparer.Ordinal)
            .Select(p => new PredicateCount(p.Type, p.Phrase, p.BuiltIn, index.TypeIndexOf(p.Type) is var i && i >= 0 ? perType[i] : 0))
            .ToList();
        var entityTypes = index.EntityTypes
            .GroupBy(t => t)
            .Select(g => new TypeCount(g.Key.ToString(), g.Count()))
            .OrderBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        var (citations, mentions) = hydrator.EvidenceCounts();
        return new GraphSchema(state.Version, entityTypes, predicateCounts, index.EntityCount, index.RelationshipCount, state.Documents.Count, citations, mentions);
    }
}
