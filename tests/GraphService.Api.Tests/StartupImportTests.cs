using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Corpus;
using GraphService.Hosting;
using GraphService.Hosting.Observability;
using GraphService.Storage.Neo4j;
using GraphService.Storage.Sqlite;
using GraphService.Testing;
using GraphService.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Tests;

/// <summary>
/// The start-up import waits out an unavailable store, never ends the host on any other failure (readiness gives the
/// reason, the store keeps its graph), and prepares the graph before readiness turns healthy.
/// </summary>
public sealed class StartupImportTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task An_unavailable_store_is_retried_until_the_corpus_is_imported_and_prepared()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var store = new FailingStore(inner, unavailableCalls: 2);
        var (service, readiness) = StartupImportOver(store, RepositoryPaths.SampleCorpus);
        using var _ = service;

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, store.UnavailableAnswers);
        var status = await inner.GetStatusAsync(None);
        Assert.True(status.Ready);
        Assert.StartsWith("sha256:", status.GraphVersion, StringComparison.Ordinal);
        Assert.Equal(status.GraphVersion, readiness.PreparedVersion);
        Assert.True((await readiness.CheckAsync(None)).Ready);
    }

    [Fact]
    public async Task A_failure_such_as_rejected_credentials_does_not_end_the_host_and_readiness_says_why()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var store = new FailingStore(inner, unavailableCalls: 0) { ReplaceFailure = new Neo4jAuthenticationException($"401 for user neo4j at {_dir.Path}") };
        var (service, readiness) = StartupImportOver(store, RepositoryPaths.SampleCorpus);
        using var _ = service;

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(1, store.ReplaceCalls);
        var answer = await readiness.CheckAsync(None);
        Assert.False(answer.Ready);
        Assert.Contains("Neo4j refused the credentials", answer.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(_dir.Path, answer.Description, StringComparison.Ordinal);
        Assert.False((await inner.GetStatusAsync(None)).Ready);
    }

    [Fact]
    public async Task A_preparation_that_fails_does_not_end_the_host_and_readiness_stays_not_ready()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var store = new FailingStore(inner, unavailableCalls: 0) { PrepareFailure = new InvalidDataException("index unreadable") };
        var (service, readiness) = StartupImportOver(store, RepositoryPaths.SampleCorpus);
        using var _ = service;

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.True((await inner.GetStatusAsync(None)).Ready);
        var answer = await readiness.CheckAsync(None);
        Assert.False(answer.Ready);
        Assert.StartsWith("preparing graph", answer.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_import_over_an_existing_graph_keeps_serving_that_graph()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        await inner.ReplaceGraphAsync(ConformanceGraph.Snapshot, None);
        var store = new FailingStore(inner, unavailableCalls: 0) { ReplaceFailure = new InvalidDataException("the snapshot is inconsistent") };
        var (service, readiness) = StartupImportOver(store, RepositoryPaths.SampleCorpus, ImportCondition.Always);
        using var _ = service;

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        var answer = await readiness.CheckAsync(None);
        Assert.True(answer.Ready, answer.Description);
        Assert.Contains("start-up import failed (InvalidDataException", answer.Description, StringComparison.Ordinal);
        Assert.Equal(ConformanceGraph.Snapshot.Version, readiness.PreparedVersion);
        Assert.Equal(ConformanceGraph.Snapshot.Version, (await inner.GetStatusAsync(None)).GraphVersion);
    }

    [Fact]
    public async Task A_corpus_with_problems_leaves_the_store_empty_and_readiness_counts_the_problems()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var emptyCorpus = Directory.CreateDirectory(_dir.File("not-a-corpus")).FullName;
        var (service, readiness) = StartupImportOver(inner, emptyCorpus);
        using var _ = service;

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        var answer = await readiness.CheckAsync(None);
        Assert.False(answer.Ready);
        Assert.Matches("holds no graph: the start-up import failed \\(the corpus has [1-9][0-9]* problem\\(s\\); they are in the log\\)", answer.Description);
        Assert.DoesNotContain(_dir.Path, answer.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_import_the_graph_already_in_the_store_is_prepared_at_start()
    {
        var path = _dir.File("graph.db");
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(ConformanceGraph.Snapshot, None);
        }

        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        var (service, readiness) = StartupImportOver(inner, corpus: null);
        using var _ = service;
        Assert.Null(readiness.PreparedVersion);

        await service.StartAsync(None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConformanceGraph.Snapshot.Version, readiness.PreparedVersion);
        Assert.True((await readiness.CheckAsync(None)).Ready);
    }

    [Fact]
    public async Task Readiness_waits_until_the_hosts_warm_ups_have_run_on_the_prepared_graph()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        await store.ReplaceGraphAsync(ConformanceGraph.Snapshot, None);
        var warmUp = new HeldWarmUp();
        var readiness = new GraphReadiness(store, [warmUp], NullLogger<GraphReadiness>.Instance);

        var preparing = readiness.PrepareAsync(None);
        Assert.Equal(ConformanceGraph.Snapshot.Version, await warmUp.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var meanwhile = await readiness.CheckAsync(None);
        warmUp.Release.SetResult();
        await preparing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(meanwhile.Ready);
        Assert.StartsWith("preparing graph", meanwhile.Description, StringComparison.Ordinal);
        Assert.True((await readiness.CheckAsync(None)).Ready);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static (StartupImport Service, GraphReadiness Readiness) StartupImportOver(IGraphStore store, string? corpus, ImportCondition when = ImportCondition.WhenEmpty)
    {
        var options = Options.Create(new GraphOptions { ImportOnStart = corpus, ImportWhen = when });
        var metrics = new ServiceCollection().AddMetrics().AddSingleton<GraphServiceMetrics>().BuildServiceProvider().GetRequiredService<GraphServiceMetrics>();
        var import = new CorpusImport(new CorpusImporter(), store, NullLogger<CorpusImport>.Instance, metrics);
        var readiness = new GraphReadiness(store, [], NullLogger<GraphReadiness>.Instance);
        return (new StartupImport(options, store, import, readiness, NullLogger<StartupImport>.Instance), readiness);
    }

    /// <summary>A warm-up that says which graph it was asked to warm up and finishes when the test releases it.</summary>
    private sealed class HeldWarmUp : IGraphWarmUp
    {
        public TaskCompletionSource<string> Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WarmUpAsync(string graphVersion, CancellationToken cancellationToken)
        {
            Asked.SetResult(graphVersion);
            return Release.Task;
        }
    }

    /// <summary>A real store whose status first reports it unavailable (as a Neo4j server still starting does), and whose replace may fail.</summary>
    private sealed class FailingStore(IGraphStore inner, int unavailableCalls) : IGraphStore
    {
        private int _statusCalls;

        public Exception? ReplaceFailure { get; init; }

        public Exception? PrepareFailure { get; init; }

        public int UnavailableAnswers { get; private set; }

        public int ReplaceCalls { get; private set; }

        public Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            if (++_statusCalls <= unavailableCalls)
            {
                UnavailableAnswers++;
                throw new GraphStoreUnavailableException("not started yet", null, TimeSpan.FromMilliseconds(20));
            }

            return inner.GetStatusAsync(cancellationToken);
        }

        public Task<string?> PrepareAsync(CancellationToken cancellationToken) =>
            PrepareFailure is { } failure ? Task.FromException<string?>(failure) : inner.PrepareAsync(cancellationToken);

        public Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken)
        {
            ReplaceCalls++;
            return ReplaceFailure is { } failure ? Task.FromException(failure) : inner.ReplaceGraphAsync(graph, cancellationToken);
        }

        public Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken) => inner.ReadSnapshotAsync(cancellationToken);

        public Task<DraftingSource?> GetDraftingSourceAsync(string documentId, CancellationToken cancellationToken) => inner.GetDraftingSourceAsync(documentId, cancellationToken);

        public Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken) => inner.ResolveAsync(text, cancellationToken);

        public Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken) => inner.SearchEntitiesAsync(search, cancellationToken);

        public Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken) => inner.FindPathsAsync(query, cancellationToken);

        public Task<PathResult?> FindPathsAsync(Func<IGraphNames, PathQuery?> plan, CancellationToken cancellationToken) => inner.FindPathsAsync(plan, cancellationToken);

        public Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) => inner.GetNeighborhoodAsync(query, cancellationToken);

        public Task<NeighborhoodResult?> GetNeighborhoodAsync(Func<IGraphNames, NeighborhoodQuery?> plan, CancellationToken cancellationToken) => inner.GetNeighborhoodAsync(plan, cancellationToken);

        public Task<EntityDetail?> GetEntityAsync(EntityQuery query, CancellationToken cancellationToken) => inner.GetEntityAsync(query, cancellationToken);

        public Task<EntityDetail?> GetEntityAsync(Func<IGraphNames, EntityQuery?> plan, CancellationToken cancellationToken) => inner.GetEntityAsync(plan, cancellationToken);

        public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(DocumentListQuery query, CancellationToken cancellationToken) => inner.ListDocumentsAsync(query, cancellationToken);

        public Task<DocumentDetail?> GetDocumentAsync(DocumentQuery query, CancellationToken cancellationToken) => inner.GetDocumentAsync(query, cancellationToken);

        public Task<IReadOnlyList<DocumentSummary>> SuggestDocumentsAsync(string asked, int count, CancellationToken cancellationToken) => inner.SuggestDocumentsAsync(asked, count, cancellationToken);

        public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken) => inner.GetCitationAsync(id, cancellationToken);

        public Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken) => inner.GetSchemaAsync(cancellationToken);

        public Task<PredicateVocabulary> GetVocabularyAsync(CancellationToken cancellationToken) => inner.GetVocabularyAsync(cancellationToken);

        public Task<MostConnected> GetMostConnectedAsync(int limit, IReadOnlyList<string> featured, CancellationToken cancellationToken) => inner.GetMostConnectedAsync(limit, featured, cancellationToken);
    }
}
