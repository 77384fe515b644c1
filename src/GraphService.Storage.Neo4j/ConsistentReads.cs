using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Core.Traversal;
using GraphService.Storage.Neo4j.Http;
using GraphService.Storage.Neo4j.Statements;

namespace GraphService.Storage.Neo4j;

/// <summary>Which import of which graph Neo4j holds: two imports of the same version differ by their import time.</summary>
internal sealed record GraphStamp(string Version, string? ImportedAt)
{
    /// <summary>The stamp in the answer to read.cypher#graph-stamp; null while Neo4j holds no graph.</summary>
    public static GraphStamp? Of(CypherResult result) =>
        result.Records.Count > 0 && result.Records[0].StringOrNull("version") is { } version
            ? new GraphStamp(version, result.Records[0].StringOrNull("importedAt"))
            : null;
}

/// <summary>
/// What every query needs first, read once per imported graph: the predicate vocabulary, the name table as Core's
/// <see cref="AliasIndex"/> (resolution, search, "did you mean") and every entity's view by id; and, once a read has
/// asked for them, what is computed over the whole graph and cannot change within it: the documents' names
/// (<see cref="DocumentNames"/>), the schema and the overview's ranking of the most connected entities.
/// </summary>
internal sealed record GraphCache(GraphStamp Stamp, PredicateVocabulary Vocabulary, AliasIndex Names, IReadOnlyDictionary<string, NodeView> Entities) : IGraphNames
{
    public string Version => Stamp.Version;

    /// <summary>
    /// The documents' names of this graph: few reads need them, and at 200,000 documents they are more to read than the
    /// name table, so the cache load does not read them.
    /// </summary>
    public StampValue<DocumentNames> DocumentNames { get; } = new();

    /// <summary>The schema of this graph: its counts visit every entity and mention.</summary>
    public StampValue<GraphSchema> Schema { get; } = new();

    /// <summary>The first entities of the overview's ranking: ranking them counts every entity's relationships.</summary>
    public StampValue<MostConnectedRanking> MostConnected { get; } = new();

    public Resolution Resolve(string text) => Names.Resolve(text);

    public bool NamesAnEntity(string nameKey) => Names.NamesAnEntity(nameKey);

    public NodeView? Entity(string id) => Entities.GetValueOrDefault(id);
}

/// <summary>
/// A value computed over a whole graph, which cannot change within it: null until a read of the cache's stamp has
/// computed it and that read's commit has checked the stamp (only then is it kept). Two racing first reads compute the
/// same value, so the first kept stays.
/// </summary>
internal sealed class StampValue<T>
    where T : class
{
    private T? _value;

    public T? Value => Volatile.Read(ref _value);

    public void Keep(T value) => Interlocked.CompareExchange(ref _value, value, null);
}

/// <summary>
/// The first <paramref name="Asked"/> entities of the overview's ranking (fewer when the graph has fewer): any overview of
/// up to that many entities is its first entities.
/// </summary>
internal sealed record MostConnectedRanking(int Asked, IReadOnlyList<RankedNode> Ranked)
{
    public bool Covers(int limit) => limit <= Asked || Ranked.Count < Asked;
}

/// <summary>
/// The consistency rule of the Neo4j store, which SQLite gets from its read transaction: Neo4j reads at read-committed,
/// so two statements of one transaction may see two different imports. Every API read therefore runs as ONE Query API
/// transaction that reads the graph's stamp with its first statement and again with the commit; equal stamps show that
/// no import committed in between (an import writes the stamp in its own transaction, together with the graph), so the
/// answer is that graph's. When they differ, the read runs again in a new transaction, at most
/// <see cref="MaxAttempts"/> times in all, and then reports the store unavailable ("changed while read"), never a mixture.
/// </summary>
internal sealed class ConsistentReads(ICypherRunner runner, Neo4jOptions options)
{
    /// <summary>Transactions one read may take: its own, plus one after each import that lands during it or cache load.</summary>
    public const int MaxAttempts = 4;

    private readonly CypherStatement _stamp = CypherStatements.Instance.ReadStatement("graph-stamp");
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private GraphCache? _cache;

    private enum Outcome
    {
        Consistent,
        Changed,
        NeedsCache,
        Empty,
    }

    /// <summary>Drops the cache, after this process replaced the graph.</summary>
    public void Forget() => _cache = null;

    /// <summary>
    /// Runs <paramref name="answer"/> in one read transaction over the graph whose cache it is given, with the stamp
    /// checked first and last. Throws <see cref="GraphStoreUnavailableException"/> while Neo4j holds no graph, or when
    /// imports kept landing during every attempt.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<GraphCache, IReadTransaction, CancellationToken, Task<T>> answer, CancellationToken cancellationToken) =>
        CheckedAsync(
            async (stamp, transaction, ct) => _cache is { } cache && cache.Stamp == stamp
                ? (true, await answer(cache, transaction, ct).ConfigureAwait(false))
                : (false, default!),
            () => throw NoGraph(),
            cancellationToken);

    /// <summary>As <see cref="ReadAsync{T}"/> for a read that needs no cache; <paramref name="whenEmpty"/> answers while Neo4j holds no graph.</summary>
    public Task<T> ReadGraphAsync<T>(Func<GraphStamp, IReadTransaction, CancellationToken, Task<T>> answer, Func<T> whenEmpty, CancellationToken cancellationToken) =>
        CheckedAsync(async (stamp, transaction, ct) => (true, await answer(stamp, transaction, ct).ConfigureAwait(false)), whenEmpty, cancellationToken);

    /// <summary>
    /// The cache of the graph Neo4j holds now, for answers that need nothing else (resolution, search): one statement
    /// checks the stamp, and only a changed stamp costs a load. Null while Neo4j holds no graph.
    /// </summary>
    public async Task<GraphCache?> CacheOrNullAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (GraphStamp.Of(await runner.RunAsync(_stamp, cancellationToken).ConfigureAwait(false)) is not { } stamp)
            {
                return null;
            }

            if (_cache is { } cache && cache.Stamp == stamp)
            {
                return cache;
            }

            if (await LoadAsync(cancellationToken).ConfigureAwait(false) is { } loaded)
            {
                return loaded;
            }
        }

        throw Changed();
    }

    /// <summary>As <see cref="CacheOrNullAsync"/>, unavailable while Neo4j holds no graph.</summary>
    public async Task<GraphCache> CacheAsync(CancellationToken cancellationToken) =>
        await CacheOrNullAsync(cancellationToken).ConfigureAwait(false) ?? throw NoGraph();

    private async Task<T> CheckedAsync<T>(
        Func<GraphStamp, IReadTransaction, CancellationToken, Task<(bool Ready, T Value)>> body, Func<T> whenEmpty, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (outcome, value) = await runner.RunReadAsync<(Outcome, T)>(
                async (transaction, ct) =>
                {
                    if (GraphStamp.Of(await transaction.RunAsync(_stamp, ct).ConfigureAwait(false)) is not { } start)
                    {
                        return (Outcome.Empty, default!);
                    }

                    var (ready, value) = await body(start, transaction, ct).ConfigureAwait(false);
                    if (!ready)
                    {
                        return (Outcome.NeedsCache, default!);
                    }

                    var end = GraphStamp.Of(await transaction.CommitAsync(_stamp, ct).ConfigureAwait(false));
                    return (end == start ? Outcome.Consistent : Outcome.Changed, value);
                },
                cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Consistent:
                    return value;
                case Outcome.Empty:
                    return whenEmpty();
                case Outcome.NeedsCache:
                    await LoadAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case Outcome.Changed:
                    break;
            }
        }

        throw Changed();
    }

    /// <summary>
    /// Reads the vocabulary and the name table in one transaction checked like any read, and keeps them if the check
    /// holds. Null when Neo4j holds no graph or an import landed during the load. One load at a time: callers that wait
    /// find the cache the first one loaded.
    /// </summary>
    private async Task<GraphCache?> LoadAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cypher = CypherStatements.Instance;
            return await runner.RunReadAsync(
                async (transaction, ct) =>
                {
                    if (GraphStamp.Of(await transaction.RunAsync(_stamp, ct).ConfigureAwait(false)) is not { } start)
                    {
                        return null;
                    }

                    if (_cache is { } ready && ready.Stamp == start)
                    {
                        return ready;
                    }

                    var predicates = (await transaction.RunAsync(cypher.ReadStatement("snapshot-predicates"), ct).ConfigureAwait(false)).Records
                        .Select(r => new Predicate(r.String("type"), r.String("phrase"), r.Bool("builtIn")));
                    var names = (await transaction.RunAsync(cypher.ReadStatement("name-table"), ct).ConfigureAwait(false)).Records
                        .Select(r => (Id: r.String("id"), Name: r.String("name"), Type: GraphModel.ParseEntityType(r.String("type")), Aliases: r.Strings("aliases")))
                        .ToList();
                    if (GraphStamp.Of(await transaction.CommitAsync(_stamp, ct).ConfigureAwait(false)) != start)
                    {
                        return null;
                    }

                    var fresh = new GraphCache(
                        start,
                        new PredicateVocabulary(PredicateVocabulary.BuiltIns.Concat(predicates)),
                        AliasIndex.Build(names.Select(n => (n.Id, n.Name, n.Type, n.Aliases))),
                        names.ToDictionary(n => n.Id, n => new NodeView(n.Id, n.Name, n.Type), StringComparer.Ordinal));
                    _cache = fresh;
                    return fresh;
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private GraphStoreUnavailableException NoGraph() =>
        new($"Neo4j at {options.Uri} holds no GraphService graph yet; import a corpus first.", null, options.RetryAfter);

    private GraphStoreUnavailableException Changed() =>
        new($"the graph in Neo4j at {options.Uri} changed while it was being read ({MaxAttempts} attempts); try again", null, options.RetryAfter);
}
