using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;
using GraphService.Corpus;
using GraphService.Hosting;
using GraphService.Storage.Sqlite;
using GraphService.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GraphService.Api.Tests;

/// <summary>The start-up import waits out an unavailable store and gives up on anything else.</summary>
public sealed class StartupImportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task An_unavailable_store_is_retried_until_the_corpus_is_imported()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var store = new StoreDownAtFirst(inner, unavailableCalls: 2, failure: null);
        using var service = StartupImportOver(store);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, store.UnavailableAnswers);
        var status = await inner.GetStatusAsync(CancellationToken.None);
        Assert.True(status.Ready);
        Assert.StartsWith("sha256:", status.GraphVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_ends_the_import_with_its_exception_instead_of_retrying()
    {
        using var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        var store = new StoreDownAtFirst(inner, unavailableCalls: 0, failure: new InvalidOperationException("credentials rejected"));
        using var service = StartupImportOver(store);

        await service.StartAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("credentials rejected", error.Message);
        Assert.Equal(1, store.StatusCalls);
        Assert.False((await inner.GetStatusAsync(CancellationToken.None)).Ready);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static StartupImport StartupImportOver(IGraphStore store)
    {
        var options = Options.Create(new GraphOptions { ImportOnStart = RepositoryPaths.SampleCorpus });
        var import = new CorpusImport(new CorpusImporter(), store, NullLogger<CorpusImport>.Instance);
        return new StartupImport(options, store, import, NullLogger<StartupImport>.Instance);
    }

    /// <summary>A real store whose status first reports it unavailable (as a Neo4j server still starting does), or fails.</summary>
    private sealed class StoreDownAtFirst(IGraphStore inner, int unavailableCalls, Exception? failure) : IGraphStore
    {
        public int StatusCalls { get; private set; }

        public int UnavailableAnswers { get; private set; }

        public Task<GraphStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            StatusCalls++;
            if (failure is not null)
            {
                throw failure;
            }

            if (StatusCalls <= unavailableCalls)
            {
                UnavailableAnswers++;
                throw new GraphStoreUnavailableException("not started yet", null, TimeSpan.FromMilliseconds(20));
            }

            return inner.GetStatusAsync(cancellationToken);
        }

        public Task ReplaceGraphAsync(GraphSnapshot graph, CancellationToken cancellationToken) => inner.ReplaceGraphAsync(graph, cancellationToken);

        public Task<GraphSnapshot?> ReadSnapshotAsync(CancellationToken cancellationToken) => inner.ReadSnapshotAsync(cancellationToken);

        public Task<Resolution> ResolveAsync(string text, CancellationToken cancellationToken) => inner.ResolveAsync(text, cancellationToken);

        public Task<IReadOnlyList<EntityHit>> SearchEntitiesAsync(EntitySearch search, CancellationToken cancellationToken) => inner.SearchEntitiesAsync(search, cancellationToken);

        public Task<PathResult?> FindPathsAsync(PathQuery query, CancellationToken cancellationToken) => inner.FindPathsAsync(query, cancellationToken);

        public Task<NeighborhoodResult?> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) => inner.GetNeighborhoodAsync(query, cancellationToken);

        public Task<EntityDetail?> GetEntityAsync(string id, CancellationToken cancellationToken) => inner.GetEntityAsync(id, cancellationToken);

        public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken) => inner.ListDocumentsAsync(cancellationToken);

        public Task<DocumentDetail?> GetDocumentAsync(string id, CancellationToken cancellationToken) => inner.GetDocumentAsync(id, cancellationToken);

        public Task<CitationDetail?> GetCitationAsync(string id, CancellationToken cancellationToken) => inner.GetCitationAsync(id, cancellationToken);

        public Task<GraphSchema> GetSchemaAsync(CancellationToken cancellationToken) => inner.GetSchemaAsync(cancellationToken);
    }
}
