using GraphService.Core.Store;
using GraphService.Testing;
using GraphService.Testing.Conformance;
using Xunit;

namespace GraphService.Storage.Sqlite.Tests;

/// <summary>A temp-file SQLite store loaded once with the conformance graph, shared by the conformance tests.</summary>
public sealed class LoadedSqliteStore : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public SqliteGraphStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _folder.File("conformance.db") });
        await Store.ReplaceGraphAsync(ConformanceGraph.Snapshot, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SqliteStoreConformanceTests(LoadedSqliteStore fixture) : GraphStoreConformance, IClassFixture<LoadedSqliteStore>
{
    protected override IGraphStore Store => fixture.Store;
}

/// <summary>The same conformance suite against a second store instance that opens the file written by the first.</summary>
public sealed class ReopenedSqliteStore : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public SqliteGraphStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = _folder.File("reopened.db");
        using (var writer = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await writer.ReplaceGraphAsync(ConformanceGraph.Snapshot, CancellationToken.None);
        }

        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ReopenedSqliteStoreConformanceTests(ReopenedSqliteStore fixture) : GraphStoreConformance, IClassFixture<ReopenedSqliteStore>
{
    protected override IGraphStore Store => fixture.Store;
}
